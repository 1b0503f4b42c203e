import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

export interface ServerlessFile {
  params?: Record<string, Record<string, unknown> | undefined>;
  provider?: { timeout?: unknown; environment?: Record<string, unknown> };
  functions?: Record<
    string,
    { handler?: string; events?: Array<{ httpApi?: { method: string; path: string } }> }
  >;
}

/** serverless.yml as data (its CloudFormation tags, !Ref and the like, are read as plain values). */
export function serverlessFile(): ServerlessFile {
  return YAML.parse(readFileSync(join(__dirname, '../../serverless.yml'), 'utf8'), {
    logLevel: 'silent',
  }) as ServerlessFile;
}

export interface DeployedRoute {
  /** `GET /schools` */
  route: string;
  /** The function that serves it. */
  fn: string;
  /** Its module, as serverless.yml names it: `functions/handlers/schools-list.handler`. */
  handler: string;
}

/** Every route serverless.yml deploys, in file order (a route listed twice stays twice). */
export function deployedRoutes(file: ServerlessFile = serverlessFile()): DeployedRoute[] {
  return Object.entries(file.functions ?? {}).flatMap(([fn, { handler = '', events }]) =>
    (events ?? []).flatMap(({ httpApi }) =>
      httpApi ? [{ route: `${httpApi.method} ${httpApi.path}`, fn, handler }] : [],
    ),
  );
}
