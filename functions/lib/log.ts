import { maskName, maskPhone } from '../../shared/privacy';
import { env } from './env';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

const SENSITIVE_KEYS = new Set([
  'name',
  'phone',
  'attendee',
  'token',
  'authorization',
  'session_key',
  'openid',
  'secret',
]);

export { maskName, maskPhone };

/** Logs never carry a person's name, phone number or a credential. */
export function redact(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (key === 'name') return maskName(value);
    if (SENSITIVE_KEYS.has(key.toLowerCase()) && key !== 'phone') return '[redacted]';
    // Error texts can quote a request's JSON: names inside them are masked too.
    return maskPhone(value).replace(
      /("name"\s*:\s*")([^"]*)(")/g,
      (_m, a: string, name: string, b: string) => `${a}${maskName(name)}${b}`,
    );
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redact(v, k)]),
    );
  }
  return value;
}

function write(level: Level, message: string, fields: Record<string, unknown>): void {
  let threshold: Level = 'info';
  try {
    threshold = env().logLevel;
  } catch {
    // configuration itself may be what failed; still log
  }
  if (LEVELS[level] < LEVELS[threshold]) return;
  const line = JSON.stringify(redact({ level, time: new Date().toISOString(), message, ...fields }));
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
}

export const log = {
  debug: (message: string, fields: Record<string, unknown> = {}) => write('debug', message, fields),
  info: (message: string, fields: Record<string, unknown> = {}) => write('info', message, fields),
  warn: (message: string, fields: Record<string, unknown> = {}) => write('warn', message, fields),
  error: (message: string, fields: Record<string, unknown> = {}) => write('error', message, fields),
};
