import type { County } from '@shared/schemas/common';
import type { Attendee } from '@shared/schemas/signup';
import { KEYS, taroKv, type KeyValue } from './kv';

export interface Settings {
  /** 长辈模式: larger root font size, 60-px targets, no motion. */
  elder: boolean;
  /** The county chosen once on the home page (选择区县) and remembered. */
  county: County | null;
  /** Version of 隐私保护指引 the user agreed to, or null. */
  privacyAgreed: string | null;
  /** The last attendee entered, to pre-fill the next form. */
  lastAttendee: Partial<Attendee> | null;
}

export const PRIVACY_VERSION = '2026-12';

const DEFAULTS: Settings = { elder: false, county: null, privacyAgreed: null, lastAttendee: null };

export function createSettingsStore(kv: KeyValue) {
  const listeners = new Set<(s: Settings) => void>();
  let current: Settings = { ...DEFAULTS, ...(kv.get<Partial<Settings>>(KEYS.settings) ?? {}) };
  return {
    get: () => current,
    set(patch: Partial<Settings>) {
      current = { ...current, ...patch };
      kv.set(KEYS.settings, current);
      for (const listener of listeners) listener(current);
    },
    subscribe(listener: (s: Settings) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const settings = createSettingsStore(taroKv);
