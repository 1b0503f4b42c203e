import * as v from 'valibot';
import { withoutKeys } from './keys';

/**
 * An item as the record it stores: keys stripped, defaults filled for fields older items lack, anything the
 * schema does not name left behind. An item that does not parse is a fault to see at once (a 500 with the
 * item's key in the log), not a shape to pass on.
 */
export function fromItem<S extends v.GenericSchema>(
  schema: S,
  item: Record<string, unknown>,
): v.InferOutput<S> {
  const result = v.safeParse(schema, withoutKeys(item));
  if (result.success) return result.output;
  const problems = result.issues.map((i) => `${v.getDotPath(i) ?? '(item)'}: ${i.message}`).join('; ');
  throw new Error(
    `stored item ${String(item.PK)} / ${String(item.SK)} does not match its record: ${problems}`,
  );
}
