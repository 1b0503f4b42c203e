import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACT_ROUTES } from '../support/contract';
import { parse } from 'yaml';
import { ERRORS } from '../../shared/errors';

const root = join(__dirname, '../..');
const serverless = readFileSync(join(root, 'serverless.yml'), 'utf8');
const openapi = parse(readFileSync(join(root, 'docs/openapi.yaml'), 'utf8')) as {
  paths: Record<string, Record<string, unknown>>;
};

function serverlessRoutes(): string[] {
  const routes: string[] = [];
  const re = /method: (\w+)\n\s+path: (\S+)/g;
  for (let m = re.exec(serverless); m; m = re.exec(serverless)) routes.push(`${m[1]} ${m[2]}`);
  return routes;
}

describe('the published contract', () => {
  it('documents every route serverless.yml deploys, and nothing it does not', () => {
    const deployed = serverlessRoutes().sort();
    const documented = Object.entries(openapi.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(deployed.length).toBeGreaterThanOrEqual(17);
    expect(documented).toEqual(deployed);
  });

  it('keeps the routes the backend issue fixed', () => {
    const deployed = serverlessRoutes();
    for (const route of CONTRACT_ROUTES) {
      expect(deployed).toContain(route);
    }
  });

  it('gives every error code a Chinese message and a status that matches its kind', () => {
    for (const [code, { status, message }] of Object.entries(ERRORS)) {
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(message).toMatch(/[\u4e00-\u9fa5]/);
      expect(status).toBeGreaterThanOrEqual(400);
    }
  });

  it('keeps the table definition in one file that serverless.yml reads', () => {
    expect(serverless).toContain('${file(./functions/store/table.json):KeySchema}');
    expect(serverless).toContain('${file(./functions/store/table.json):GlobalSecondaryIndexes}');
  });
});
