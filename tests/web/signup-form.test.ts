import { REQUIRED_FIELD_MESSAGES } from '@shared/schemas/signup';
import {
  EMPTY_VALUES,
  fieldsFor,
  fromServerFields,
  prefill,
  shouldShowLive,
  toAttendee,
  validateField,
  validateForm,
} from '@/lib/signup-form';

const filled = { ...EMPTY_VALUES, name: '李秀兰', phone: '13904341234' };

describe('the sign-up form', () => {
  it('asks 出生年份 for 老年大学, 所在村屯 for 送教下乡 and only name and phone otherwise', () => {
    expect(fieldsFor('senior')).toEqual(['name', 'phone', 'birthYear']);
    expect(fieldsFor('outreach')).toEqual(['name', 'phone', 'village']);
    expect(fieldsFor('training')).toEqual(['name', 'phone']);
    expect(fieldsFor('community')).toEqual(['name', 'phone']);
  });

  it('reports each field in the backend schema’s Chinese words', () => {
    expect(validateField('name', '', 'training')).toBe('请填写姓名');
    expect(validateField('name', '李<秀兰>', 'training')).toMatch(/不能包含/);
    expect(validateField('phone', '1390434', 'training')).toBe('请填写 11 位手机号，例如 13800138000');
    expect(validateField('phone', '23904341234', 'training')).toBe('请填写 11 位手机号，例如 13800138000');
    expect(validateField('phone', '', 'training')).toBe('请填写手机号');
    expect(validateField('phone', '13904341234', 'training')).toBeUndefined();
    expect(validateField('birthYear', '19x8', 'senior')).toBe('出生年份应为 4 位数字');
    expect(validateField('birthYear', '1800', 'senior')).toBe('出生年份不太对，请检查');
    expect(validateField('birthYear', '1958', 'senior')).toBeUndefined();
  });

  it('requires the kind’s extra field with the shared message, and ignores it elsewhere', () => {
    expect(validateField('birthYear', '', 'senior')).toBe(REQUIRED_FIELD_MESSAGES.birthYear);
    expect(validateField('village', ' ', 'outreach')).toBe(REQUIRED_FIELD_MESSAGES.village);
    expect(validateField('birthYear', '', 'outreach')).toBeUndefined();
    expect(validateForm(filled, 'senior')).toEqual({ birthYear: REQUIRED_FIELD_MESSAGES.birthYear });
    expect(validateForm(filled, 'training')).toEqual({});
  });

  it('builds the attendee the API expects: trimmed, birth year as a number, no extra fields', () => {
    const senior = toAttendee(
      { ...filled, name: ' 李秀兰 ', birthYear: '1958', village: '八里庙村' },
      'senior',
    );
    expect(senior).toEqual({ ok: true, attendee: { name: '李秀兰', phone: '13904341234', birthYear: 1958 } });
    const outreach = toAttendee({ ...filled, birthYear: '1958', village: '新发村' }, 'outreach');
    expect(outreach).toEqual({
      ok: true,
      attendee: { name: '李秀兰', phone: '13904341234', village: '新发村' },
    });
    const bad = toAttendee({ ...filled, phone: '123' }, 'training');
    expect(bad).toEqual({ ok: false, errors: { phone: '请填写 11 位手机号，例如 13800138000' } });
  });

  it('shows a message while typing only once it can be judged', () => {
    expect(shouldShowLive('phone', '139043', false)).toBe(false);
    expect(shouldShowLive('phone', '139043a', false)).toBe(true);
    expect(shouldShowLive('phone', '13904341234', false)).toBe(true);
    expect(shouldShowLive('birthYear', '195', false)).toBe(false);
    expect(shouldShowLive('birthYear', '1958', false)).toBe(true);
    expect(shouldShowLive('name', '李', false)).toBe(false);
    expect(shouldShowLive('name', '', true)).toBe(true);
  });

  it('maps the server’s VALIDATION_FAILED fields onto the form', () => {
    expect(
      fromServerFields([
        { field: 'attendee.phone', message: '手机号不对' },
        { field: 'attendee.phone', message: '第二条不显示' },
        { field: 'attendee.birthYear', message: '年份不对' },
        { field: 'activityId', message: '不是表单字段' },
      ]),
    ).toEqual({ phone: '手机号不对', birthYear: '年份不对' });
  });

  it('pre-fills a returning user’s last attendee', () => {
    expect(prefill({ name: '李秀兰', phone: '13904341234', birthYear: 1958 })).toEqual({
      name: '李秀兰',
      phone: '13904341234',
      birthYear: '1958',
      village: '',
    });
    expect(prefill(null)).toEqual(EMPTY_VALUES);
  });
});
