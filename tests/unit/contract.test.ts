import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployedRoutes } from '../../scripts/lib/serverless-file';
import { CONTRACT_ROUTES } from '../support/contract';
import { parse } from 'yaml';
import { ERRORS } from '../../shared/errors';
import { ROUTES } from '../../shared/routes';
import { openApiYaml } from '../../scripts/lib/openapi';

const root = join(__dirname, '../..');
const serverless = readFileSync(join(root, 'serverless.yml'), 'utf8');
const openapi = parse(readFileSync(join(root, 'docs/openapi.yaml'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};

interface Operation {
  operationId?: string;
  security?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

/** A command-line validator from node_modules, run on the published document. */
function runValidator(
  bin: string,
  args: string[],
): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(join(root, 'node_modules/.bin', bin), args, {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const serverlessRoutes = (): string[] => deployedRoutes().map((r) => r.route);

describe('the published contract', () => {
  it('declares in the route table exactly the routes serverless.yml deploys, each with its function', () => {
    const deployed = deployedRoutes()
      .map((r) => `${r.route} → ${r.fn}`)
      .sort();
    const declared = Object.entries(ROUTES)
      .map(([key, route]) => `${key} → ${route.operationId}`)
      .sort();
    expect(declared).toEqual(deployed);
  });

  it('is the document the route table generates (run `npm run openapi` after changing a route)', () => {
    expect(readFileSync(join(root, 'docs/openapi.yaml'), 'utf8')).toBe(openApiYaml());
  });

  it('documents every route serverless.yml deploys, and nothing it does not', () => {
    const deployed = serverlessRoutes().sort();
    const documented = Object.entries(openapi.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(deployed.length).toBeGreaterThanOrEqual(17);
    expect(documented).toEqual(deployed);
  });

  it('is valid OpenAPI 3.1 to a strict validator (@seriousme/openapi-schema-validator)', () => {
    const run = runValidator('validate-api', ['docs/openapi.yaml']);
    expect(JSON.parse(run.stdout)).toEqual({ valid: true });
  });

  it('passes Redocly’s recommended lint rules with no error and no warning', () => {
    const run = runValidator('redocly', ['lint', 'docs/openapi.yaml', '--format=json']);
    const { problems } = JSON.parse(run.stdout) as {
      problems: Array<{
        ruleId: string;
        severity: string;
        message: string;
        location: Array<{ pointer: string }>;
      }>;
    };
    expect(problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual(
      [],
    );
  });

  it('names each operation after the function that serves it and lists the refusals every route can give', () => {
    const functions = new Map(deployedRoutes().map((r) => [r.route, r.fn]));
    for (const [path, ops] of Object.entries(openapi.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const route = `${method.toUpperCase()} ${path}`;
        expect([route, op.operationId]).toEqual([route, functions.get(route)]);
        // Any route refuses a query it does not take (400), and any may fail unexpectedly (500).
        const want = ['400', '500'];
        if (op.security?.length) want.push('401');
        if (op.security?.length && path.startsWith('/staff/')) want.push('403');
        if (path.includes('{')) want.push('404');
        if (op.requestBody) want.push('413');
        expect([route, want.filter((s) => !op.responses[s])]).toEqual([route, []]);
      }
    }
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
