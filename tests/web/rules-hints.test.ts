import { checkFamily, EMPTY_FAMILY } from '@/packages/mine/lib/family-form';
import { ageProblem, needsConsent, ruleHints } from '@/packages/activity/lib/rules';
import { checkEligibility } from '@shared/eligibility';
import { resultText } from '@/lib/format';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

/** A spring class published in December: ages count in 2027, the year it starts. */
const spring = { startsAt: '2027-03-02T09:00:00+08:00', county: '梨树县' as const };

describe('rule hints on the sign-up form', () => {
  it('explains age, consent, residency, term limit and lottery in words', () => {
    expect(ruleHints({ minAge: 50 })).toEqual(['需年满 50 周岁']);
    expect(ruleHints({ minAge: 50, maxAge: 85 })).toEqual(['需年满 50 周岁，不超过 85 周岁']);
    expect(
      ruleHints({
        consentAboveAge: 80,
        residentsOnly: true,
        county: '梨树县',
        term: '2026秋',
        termLimit: 2,
        enrolment: 'lottery',
      }),
    ).toEqual([
      '80 周岁以上需家属同意',
      '限本县居民（梨树县）',
      '2026秋学期每人最多报 2 门',
      '摇号报名：报名截止后按公开规则摇号确定名单',
    ]);
    expect(ruleHints({ enrolment: 'first-come', residentsOnly: false })).toEqual([]);
  });

  it('counts age in the year the activity starts, as the server does, and says it in the server’s words', () => {
    // Born 1977: 49 in December 2026, 50 when the class starts; the form must not turn her away.
    expect(ageProblem({ ...spring, minAge: 50 }, 1977)).toBeNull();
    expect(ageProblem({ ...spring, minAge: 50 }, 1978)).toBe('这个活动要求年满 50 周岁（参加人 49 岁）');
    expect(ageProblem({ ...spring, maxAge: 60 }, 1966)).toBe('这个活动要求不超过 60 周岁（参加人 61 岁）');
    expect(ageProblem({ ...spring, minAge: 50 }, undefined)).toBeNull();
    for (const birthYear of [1940, 1966, 1967, 1977, 1978, 2000]) {
      const rules = { ...spring, minAge: 50, maxAge: 60 };
      const server = checkEligibility(rules, { name: '王秀兰', phone: '13800138000', birthYear });
      expect(ageProblem(rules, birthYear)).toBe(server?.message ?? null);
    }
    expect(needsConsent({ ...spring, consentAboveAge: 80 }, 1947)).toBe(false);
    expect(needsConsent({ ...spring, consentAboveAge: 80 }, 1946)).toBe(true);
    expect(needsConsent({ ...spring }, 1930)).toBe(false);
  });

  it('says a lottery application is waiting for the draw', () => {
    expect(resultText({ status: 'applied' })).toBe('已提交申请，等待摇号');
  });
});

describe('家庭成员 form', () => {
  it('validates with the shared schema and leaves out empty optional fields', () => {
    const ok = checkFamily({
      ...EMPTY_FAMILY,
      name: '王淑芬',
      phone: '13904345678',
      birthYear: '1958',
      relation: '母亲',
    });
    expect(ok).toEqual({
      ok: true,
      value: { name: '王淑芬', phone: '13904345678', birthYear: 1958, relation: '母亲' },
    });
    const bad = checkFamily({ ...EMPTY_FAMILY, name: '王淑芬', phone: '123' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.errors)).toEqual(expect.arrayContaining(['phone', 'relation']));
  });
});
