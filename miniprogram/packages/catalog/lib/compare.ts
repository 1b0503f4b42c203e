import type { Level } from '@shared/schemas/catalog';
import type { KeyValue } from '@/services/kv';

/** 对比 holds up to three majors: side by side on a phone, three columns still read. */
export const COMPARE_MAX = 3;
/** Where the phone keeps the list (Taro.setStorageSync), so it outlives the page and the app. */
export const COMPARE_KEY = 'sp.compare';

/** What the list shows before a major's page is loaded: enough to tell the majors apart and pick one. */
export interface CompareItem {
  id: string;
  name: string;
  level: Level;
  /** The school's name (short where the caller has it). */
  school: string;
}

export type AddResult = 'added' | 'already' | 'full';

const valid = (x: unknown): x is CompareItem =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as CompareItem).id === 'string' &&
  typeof (x as CompareItem).name === 'string';

/** The 对比 list, kept in storage: at most COMPARE_MAX majors, each once, in the order they were added. */
export function createCompareStore(kv: KeyValue) {
  const stored = kv.get<unknown>(COMPARE_KEY);
  let items: CompareItem[] = (Array.isArray(stored) ? stored.filter(valid) : []).slice(0, COMPARE_MAX);
  const listeners = new Set<() => void>();
  const save = (next: CompareItem[]) => {
    items = next;
    kv.set(COMPARE_KEY, items);
    for (const listener of listeners) listener();
  };
  return {
    /** The same array until the list changes (for useSyncExternalStore). */
    list: (): CompareItem[] => items,
    has: (id: string) => items.some((i) => i.id === id),
    /** `full` changes nothing: the caller asks which one to remove, then calls `replace`. */
    add(item: CompareItem): AddResult {
      if (items.some((i) => i.id === item.id)) return 'already';
      if (items.length >= COMPARE_MAX) return 'full';
      save([...items, item]);
      return 'added';
    },
    remove(id: string) {
      if (items.some((i) => i.id === id)) save(items.filter((i) => i.id !== id));
    },
    /** Takes `removeId` out and puts `item` at its place. */
    replace(removeId: string, item: CompareItem) {
      save(items.filter((i) => i.id !== item.id).map((i) => (i.id === removeId ? item : i)));
    },
    /** Makes these the list (a shared comparison kept as one's own), up to COMPARE_MAX. */
    set(next: CompareItem[]) {
      const seen = new Set<string>();
      save(next.filter((i) => !seen.has(i.id) && seen.add(i.id)).slice(0, COMPARE_MAX));
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type CompareStore = ReturnType<typeof createCompareStore>;
