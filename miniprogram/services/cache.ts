import { isNetworkError } from './errors';
import { KEYS, type KeyValue } from './kv';

/**
 * The catalog's last-loaded data, kept on the phone so a page still shows something on a weak connection.
 * Only a missing connection falls back to it; a server refusal is shown as it is.
 */
export interface Cached<T> {
  data: T;
  /** true when the network failed and this is the copy from `savedAt`. */
  stale: boolean;
  savedAt: number;
}

interface Stored<T> {
  data: T;
  savedAt: number;
}

const MAX_ENTRIES = 60;

export function createCache(kv: KeyValue, now: () => number = Date.now) {
  const storageKey = (key: string) => `${KEYS.cachePrefix}${key}`;

  const remember = (key: string, data: unknown) => {
    const savedAt = now();
    kv.set(storageKey(key), { data, savedAt } satisfies Stored<unknown>);
    const index = (kv.get<string[]>(KEYS.cacheIndex) ?? []).filter((k) => k !== key);
    index.push(key);
    while (index.length > MAX_ENTRIES) {
      const oldest = index.shift();
      if (oldest) kv.remove(storageKey(oldest));
    }
    kv.set(KEYS.cacheIndex, index);
    return savedAt;
  };

  return {
    peek<T>(key: string): Stored<T> | undefined {
      return kv.get<Stored<T>>(storageKey(key));
    },
    put: remember,
    async load<T>(key: string, loader: () => Promise<T>): Promise<Cached<T>> {
      try {
        const data = await loader();
        return { data, stale: false, savedAt: remember(key, data) };
      } catch (error) {
        if (!isNetworkError(error)) throw error;
        const stored = kv.get<Stored<T>>(storageKey(key));
        if (!stored) throw error;
        return { data: stored.data, stale: true, savedAt: stored.savedAt };
      }
    },
  };
}

export type Cache = ReturnType<typeof createCache>;
