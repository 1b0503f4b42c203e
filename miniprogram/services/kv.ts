import Taro from '@tarojs/taro';

/** The phone's key-value storage, behind a port so the outbox and caches can be tested with a Map. */
export interface KeyValue {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

export const taroKv: KeyValue = {
  get<T>(key: string): T | undefined {
    try {
      const value: unknown = Taro.getStorageSync(key);
      return value === '' || value === null || value === undefined ? undefined : (value as T);
    } catch {
      return undefined;
    }
  },
  set(key, value) {
    try {
      Taro.setStorageSync(key, value);
    } catch {
      // Storage full or unavailable: the app keeps working from memory.
    }
  },
  remove(key) {
    try {
      Taro.removeStorageSync(key);
    } catch {
      // ignore
    }
  },
};

export function memoryKv(
  initial: Record<string, unknown> = {},
): KeyValue & { dump(): Record<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    get: <T>(key: string) => (data.has(key) ? (JSON.parse(JSON.stringify(data.get(key))) as T) : undefined),
    set: (key, value) => void data.set(key, JSON.parse(JSON.stringify(value))),
    remove: (key) => void data.delete(key),
    dump: () => Object.fromEntries(data),
  };
}

/** Every storage key the app uses, in one place. */
export const KEYS = {
  settings: 'sp.settings',
  session: 'sp.session',
  devIdentity: 'sp.devIdentity',
  profile: 'sp.profile',
  outbox: 'sp.outbox',
  /** 团体报名: one draft per activity (`sp.group:<activityId>`): the list, an unanswered submission, the answer. */
  groupPrefix: 'sp.group:',
  cacheIndex: 'sp.cache.index',
  cachePrefix: 'sp.cache:',
} as const;
