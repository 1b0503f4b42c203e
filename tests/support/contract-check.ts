import { join } from 'node:path';
import addFormats from 'ajv-formats';
import OpenAPIBackend from 'openapi-backend';

/**
 * Every answer a test receives is checked against docs/openapi.yaml, the document outside tools trust: the
 * route must declare the status, and a JSON body must match that status's schema. openapi-backend (a
 * maintained OpenAPI 3.1 router and validator, on ajv) does the matching and the validation.
 */
let loaded: Promise<OpenAPIBackend> | undefined;

function contract(): Promise<OpenAPIBackend> {
  loaded ??= (async () => {
    const api = new OpenAPIBackend({
      definition: join(__dirname, '../../docs/openapi.yaml'),
      // The document's own validity is checked by the strict 3.1 validators (tests/unit/contract.test.ts);
      // openapi-backend's document check knows 3.0 only, so it is skipped here (quick).
      quick: true,
      validate: true,
      // date-time, uri … are checked, not ignored with a warning.
      customizeAjv: (ajv) =>
        addFormats(ajv as unknown as Parameters<typeof addFormats>[0]) as unknown as typeof ajv,
    });
    await api.init();
    return api;
  })();
  return loaded;
}

/** The operations docs/openapi.yaml declares, as openapi-backend read them. */
export async function documentedOperations(): Promise<
  Array<{ method: string; path: string; requestBody?: unknown }>
> {
  return (await contract()).getOperations();
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Throws, naming the route, the status and what is wrong, when the answer is not one the document declares. */
export async function expectDocumented(method: string, path: string, answer: Answer): Promise<void> {
  const api = await contract();
  const route = `${method} ${path.split('?')[0]}`;
  const operation = api.matchOperation({
    method: method.toLowerCase(),
    path: path.split('?')[0] ?? path,
    headers: {},
  });
  if (!operation) throw new Error(`${route}: no operation in docs/openapi.yaml`);
  const responses = operation.responses ?? {};
  const status = String(answer.status);
  if (!responses[status] && !responses[`${status[0]}XX`] && !responses.default) {
    throw new Error(
      `${route} answered ${status}, which docs/openapi.yaml does not list for it (${Object.keys(responses).join(', ')})`,
    );
  }
  const type = Object.entries(answer.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (answer.body === undefined || !type.includes('json')) return;
  const result = api.validateResponse(answer.body, operation, answer.status);
  if (result.errors?.length) {
    const problems = result.errors.map((e) => `${e.instancePath || '(body)'} ${e.message}`).join('; ');
    throw new Error(`${route} ${status}: the body does not match docs/openapi.yaml: ${problems}`);
  }
}
