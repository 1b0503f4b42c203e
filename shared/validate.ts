import * as v from 'valibot';
import type { FieldIssue } from './errors';

export type Validation<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Runs a schema and reports each failing field once, by its dotted path, in the schema's Chinese words. */
export function validate<S extends v.GenericSchema>(schema: S, input: unknown): Validation<v.InferOutput<S>> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return { ok: true, value: result.output };
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const issue of result.issues) {
    const field = v.getDotPath(issue) ?? '';
    if (seen.has(field)) continue;
    seen.add(field);
    issues.push({ field, message: issue.message });
  }
  return { ok: false, issues };
}
