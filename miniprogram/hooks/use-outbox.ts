import { useEffect, useState } from 'react';
import { outbox } from '@/services';
import type { OutboxEntry } from '@/services/outbox';

export function useOutbox(): OutboxEntry[] {
  const [entries, setEntries] = useState<OutboxEntry[]>(() => outbox.list());
  useEffect(() => {
    setEntries(outbox.list());
    return outbox.subscribe(setEntries);
  }, []);
  return entries;
}
