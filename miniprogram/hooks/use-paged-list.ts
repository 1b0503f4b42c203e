import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@shared/schemas/common';
import { cache } from '@/services';

export interface PagedList<T> {
  items: T[];
  error: unknown;
  loading: boolean;
  loadingMore: boolean;
  stale: boolean;
  hasMore: boolean;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * A cursor-paged list: the first page is cached per query (shown offline with a note), further pages are
 * appended by loadMore (useReachBottom). `key` changes when the filters change.
 */
export function usePagedList<T>(
  key: string,
  loadPage: (cursor: string | null) => Promise<Page<T>>,
): PagedList<T> {
  const [items, setItems] = useState<T[]>(() => cache.peek<Page<T>>(key)?.data.items ?? []);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [stale, setStale] = useState(false);
  const loader = useRef(loadPage);
  loader.current = loadPage;
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const result = await cache.load(key, () => loader.current(null));
      if (mine !== generation.current) return;
      setItems(result.data.items);
      setCursor(result.data.nextCursor);
      setStale(result.stale);
    } catch (e) {
      if (mine !== generation.current) return;
      setError(e);
      setItems([]);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [key]);

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore || loading) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await loader.current(cursor);
      if (mine !== generation.current) return;
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      if (mine === generation.current) setError(e);
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, loading, loadingMore]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { items, error, loading, loadingMore, stale, hasMore: !!cursor, refresh, loadMore };
}
