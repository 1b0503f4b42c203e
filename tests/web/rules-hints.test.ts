import { checkFamily, EMPTY_FAMILY } from '@/packages/mine/lib/family-form';
import { ageFromBirthYear, ageProblem, needsConsent, ruleHints } from '@/packages/activity/lib/rules';
import { resultText } from '@/lib/format';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

const now = Date.parse('2026-12-01T10:00:00+08:00');

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

  it('counts age from the birth year and asks for consent only past the consent age', () => {
    expect(ageFromBirthYear(1958, now)).toBe(68);
    expect(needsConsent({ consentAboveAge: 80 }, 1946, now)).toBe(false);
    expect(needsConsent({ consentAboveAge: 80 }, 1945, now)).toBe(true);
    expect(needsConsent({}, 1930, now)).toBe(false);
    expect(ageProblem({ minAge: 50 }, 1990, now)).toBe('本课程需年满 50 周岁');
    expect(ageProblem({ maxAge: 60 }, 1950, now)).toBe('本课程限 60 周岁及以下');
    expect(ageProblem({ minAge: 50 }, undefined, now)).toBeNull();
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
