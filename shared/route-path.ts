/**
 * A route key (`GET /schools/{id}`, see shared/routes.ts) on the wire. Kept apart from the route table so
 * a client can call routes without loading the table's schemas.
 */
export function splitRouteKey<M extends string>(key: `${M} ${string}`): [method: M, path: string] {
  const space = key.indexOf(' ');
  return [key.slice(0, space) as M, key.slice(space + 1)];
}

/** Fills each `{name}` of a route's path, URL-encoded. */
export function routePath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** The header an idempotent route (`idempotent` in the table) reads: the same key answers the first answer. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
