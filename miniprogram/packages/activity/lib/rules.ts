import type { Activity } from '@shared/schemas/activity';
import type { County } from '@shared/schemas/common';
import { ageIneligibility } from '@shared/eligibility';

export { needsConsent } from '@shared/eligibility';

type Rules = Pick<
  Activity,
  | 'minAge'
  | 'maxAge'
  | 'consentAboveAge'
  | 'residentsOnly'
  | 'county'
  | 'enrolment'
  | 'term'
  | 'termLimit'
  | 'startsAt'
>;

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

/** The form's preview of the server's age rules (shared/eligibility.ts): the same ages, the same words. */
export function ageProblem(a: Partial<Rules>, birthYear: number | undefined): string | null {
  if (birthYear === undefined || !Number.isFinite(birthYear)) return null;
  return ageIneligibility(a, birthYear)?.message ?? null;
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
