import { useCallback, useEffect, useRef, useState } from 'react';
import { cache } from '@/services';

export interface Resource<T> {
  data?: T;
  error: unknown;
  loading: boolean;
  /** Shown from storage because the network failed. */
  stale: boolean;
  reload: () => Promise<void>;
}

/** Loads one thing (a detail page), keeps the last copy in storage and falls back to it offline. */
export function useResource<T>(key: string | null, loader: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ data?: T; error: unknown; loading: boolean; stale: boolean }>(() => {
    const peek = key ? cache.peek<T>(key) : undefined;
    return { data: peek?.data, error: null, loading: !!key, stale: false };
  });
  const loaderRef = useRef(loader);
  loaderRef.current = loader;

  const reload = useCallback(async () => {
    if (!key) return;
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const result = await cache.load(key, () => loaderRef.current());
      setState({ data: result.data, error: null, loading: false, stale: result.stale });
    } catch (error) {
      setState((s) => ({ ...s, error, loading: false }));
    }
  }, [key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ...state, reload };
}
