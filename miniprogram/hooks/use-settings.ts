import { useSyncExternalStore } from 'react';
import { settings, type Settings } from '@/services/settings';

export function useSettings(): Settings {
  return useSyncExternalStore(settings.subscribe, settings.get, settings.get);
}
