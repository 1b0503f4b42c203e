import type { Activity } from './schemas/activity';
import type { Attendee, EligibilityRule } from './schemas/signup';
import { inZone } from './time';

/**
 * Who may attend an activity: age, family consent and residence. One definition for the server, which
 * decides, and the sign-up form, which says so before anything is sent.
 */
export type EligibilityRules = Pick<
  Activity,
  'minAge' | 'maxAge' | 'consentAboveAge' | 'residentsOnly' | 'county' | 'startsAt'
>;

/** What a rule check reads: stored activities may lack the rules added after them (read as none). */
type RulesOf = { [K in keyof EligibilityRules]?: EligibilityRules[K] | undefined };

export interface Ineligibility {
  rule: EligibilityRule | 'residence';
  field: string;
  message: string;
}

/** Age in the year the activity starts (Beijing time): what a senior university's 50+ rule means in practice. */
export function ageAt(birthYear: number, startsAt: string): number {
  return inZone(startsAt).year() - birthYear;
}

/** Too young or too old for the activity, with a message that says which rule. */
export function ageIneligibility(rules: RulesOf, birthYear: number): Ineligibility | null {
  if (!rules.startsAt) return null;
  const age = ageAt(birthYear, rules.startsAt);
  if (rules.minAge != null && age < rules.minAge) {
    return {
      rule: 'minAge',
      field: 'attendee.birthYear',
      message: `这个活动要求年满 ${rules.minAge} 周岁（参加人 ${age} 岁）`,
    };
  }
  if (rules.maxAge != null && age > rules.maxAge) {
    return {
      rule: 'maxAge',
      field: 'attendee.birthYear',
      message: `这个活动要求不超过 ${rules.maxAge} 周岁（参加人 ${age} 岁）`,
    };
  }
  return null;
}

/** Whether the attendee is past the activity's consent age, so that 需家属同意 must be ticked. */
export function needsConsent(rules: RulesOf, birthYear: number | undefined): boolean {
  if (rules.consentAboveAge == null || !rules.startsAt || birthYear === undefined) return false;
  if (!Number.isFinite(birthYear)) return false;
  return ageAt(birthYear, rules.startsAt) > rules.consentAboveAge;
}

/** The first rule an attendee fails, with a message that says what would make them eligible. */
export function checkEligibility(
  rules: RulesOf & Pick<EligibilityRules, 'startsAt' | 'county'>,
  attendee: Attendee,
): Ineligibility | null {
  const needsAge = rules.minAge != null || rules.maxAge != null || rules.consentAboveAge != null;
  if (needsAge && attendee.birthYear === undefined) {
    return { rule: 'birthYear', field: 'attendee.birthYear', message: '这个活动有年龄要求，请填写出生年份' };
  }
  if (attendee.birthYear !== undefined) {
    const age = ageIneligibility(rules, attendee.birthYear);
    if (age) return age;
    if (needsConsent(rules, attendee.birthYear) && attendee.familyConsent !== true) {
      return {
        rule: 'familyConsent',
        field: 'attendee.familyConsent',
        message: `${rules.consentAboveAge} 岁以上的参加人需家属同意，请勾选“需家属同意”`,
      };
    }
  }
  if (rules.residentsOnly) {
    if (attendee.residence === undefined) {
      return {
        rule: 'residence',
        field: 'attendee.residence',
        message: `这个活动限${rules.county}居民，请选择参加人的居住区县`,
      };
    }
    if (attendee.residence !== rules.county) {
      return {
        rule: 'residentsOnly',
        field: 'attendee.residence',
        message: `这个活动限${rules.county}居民报名`,
      };
    }
  }
  return null;
}
