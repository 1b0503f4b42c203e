import type { SignupBatchResult } from '@shared/api';
import { maskPhone } from './format';
import { lineOf } from './group-list';

/** What 团体报名 got back, with the line each person came from (results are in the order sent). */
export interface GroupAnswer {
  results: SignupBatchResult[];
  lines: string[];
}

export type GroupOutcome = 'confirmed' | 'waitlisted' | 'applied' | 'refused';

export function outcomeOf(r: SignupBatchResult): GroupOutcome {
  return 'error' in r ? 'refused' : r.status;
}

/** One person's outcome in words: 报名成功, 候补第 N 位, 已申请，等待摇号, or 未报上 with the server's reason. */
export function outcomeText(r: SignupBatchResult): string {
  if ('error' in r) return `未报上：${r.error.message}`;
  if (r.status === 'waitlisted') return r.waitlistPosition ? `候补第 ${r.waitlistPosition} 位` : '候补中';
  if (r.status === 'applied') return '已申请，等待摇号';
  return '报名成功';
}

const SUMMARY: Array<[GroupOutcome, string]> = [
  ['confirmed', '成功'],
  ['waitlisted', '候补'],
  ['applied', '已申请'],
  ['refused', '未报上'],
];

/** `成功 12 人 · 候补 3 人 · 未报上 5 人`: every outcome that happened, in that order. */
export function summaryText(results: SignupBatchResult[]): string {
  const counts = new Map<GroupOutcome, number>();
  for (const r of results) counts.set(outcomeOf(r), (counts.get(outcomeOf(r)) ?? 0) + 1);
  return SUMMARY.filter(([o]) => counts.get(o))
    .map(([o, label]) => `${label} ${counts.get(o)} 人`)
    .join(' · ');
}

type Echo = { name?: unknown; phone?: unknown; birthYear?: unknown; village?: unknown };
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

/** Who a result is about, as the list shows them: `张桂兰 138****8000`. */
export function personText(r: SignupBatchResult, line = ''): string {
  const echo = (r.attendee ?? {}) as Echo;
  const name = str(echo.name);
  const phone = str(echo.phone);
  if (!name) return line;
  return phone ? `${name} ${maskPhone(phone)}` : name;
}

/** The lines of the people who were not signed up, as typed, to fix and send again (only those). */
export function refusedLines({ results, lines }: GroupAnswer): string[] {
  return results.flatMap((r, i) => {
    if (!('error' in r)) return [];
    const echo = (r.attendee ?? {}) as Echo;
    const line =
      lines[i] ??
      lineOf({
        name: str(echo.name),
        phone: str(echo.phone),
        birthYear: str(echo.birthYear),
        village: str(echo.village),
      });
    return line ? [line] : [];
  });
}
