import type { Activity } from '@shared/schemas/activity';
import type { County } from '@shared/schemas/common';
import { currentYearInZone } from '@shared/time';

type Rules = Pick<
  Activity,
  'minAge' | 'maxAge' | 'consentAboveAge' | 'residentsOnly' | 'county' | 'enrolment' | 'term' | 'termLimit'
>;

/** Age as the server counts it: the years reached this calendar year (Beijing time). */
export function ageFromBirthYear(birthYear: number, now: number = Date.now()): number {
  return currentYearInZone(now) - birthYear;
}

/** The activity's rules in plain words, shown before the form is submitted. */
export function ruleHints(a: Partial<Rules>): string[] {
  const out: string[] = [];
  if (a.minAge != null && a.maxAge != null) out.push(`需年满 ${a.minAge} 周岁，不超过 ${a.maxAge} 周岁`);
  else if (a.minAge != null) out.push(`需年满 ${a.minAge} 周岁`);
  else if (a.maxAge != null) out.push(`限 ${a.maxAge} 周岁及以下`);
  if (a.consentAboveAge != null) out.push(`${a.consentAboveAge} 周岁以上需家属同意`);
  if (a.residentsOnly) out.push(`限本县居民（${a.county ?? ''}）`);
  if (a.term && a.termLimit) out.push(`${a.term}学期每人最多报 ${a.termLimit} 门`);
  if (a.enrolment === 'lottery') out.push('摇号报名：报名截止后按公开规则摇号确定名单');
  return out;
}

/** Whether the attendee's age is past the activity's consent age (then `需家属同意` must be ticked). */
export function needsConsent(a: Partial<Rules>, birthYear: number | undefined, now?: number): boolean {
  if (a.consentAboveAge == null || birthYear === undefined || !Number.isFinite(birthYear)) return false;
  return ageFromBirthYear(birthYear, now) > a.consentAboveAge;
}

/** What the form can tell before sending: too young or too old for the activity (the server decides). */
export function ageProblem(a: Partial<Rules>, birthYear: number | undefined, now?: number): string | null {
  if (birthYear === undefined || !Number.isFinite(birthYear)) return null;
  const age = ageFromBirthYear(birthYear, now);
  if (a.minAge != null && age < a.minAge) return `本课程需年满 ${a.minAge} 周岁`;
  if (a.maxAge != null && age > a.maxAge) return `本课程限 ${a.maxAge} 周岁及以下`;
  return null;
}

/** 限本县居民: the attendee's county has to be chosen before the form is sent. */
export function residenceProblem(a: Partial<Rules>, residence: County | null | undefined): string | null {
  return a.residentsOnly && !residence ? '请选择参加人的居住区县' : null;
}

/** The county to send with an attendee: only for 限本县居民, and only once chosen. */
export function residenceField(
  a: Partial<Rules>,
  residence: County | null | undefined,
): { residence?: County } {
  return a.residentsOnly && residence ? { residence } : {};
}
