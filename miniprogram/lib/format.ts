import { ACTIVITY_KIND_LABELS, type Activity, type Place } from '@shared/schemas/activity';
import { COUNTIES, type County } from '@shared/schemas/common';
import { SIGNUP_STATUS_LABELS, type Signup } from '@shared/schemas/signup';
import { dayjs, formatSessionTime, inZone, toIso } from '@shared/time';

export { formatSessionTime, formatTimeRange } from '@shared/time';

/** Siping's counties as chip options, each labelled by its own name, in COUNTIES' order. */
export const COUNTY_OPTIONS: Array<{ value: County; label: string }> = COUNTIES.map((c) => ({
  value: c,
  label: c,
}));

export const kindLabel = (kind: Activity['kind']): string => ACTIVITY_KIND_LABELS[kind];

/** A card's tag on a certificate's page: the 1+X level when the session names one (初级 · 职业技能培训). */
export const certificateSessionTag = (a: Pick<Activity, 'kind' | 'certificateLevel'>): string =>
  a.certificateLevel ? `${a.certificateLevel} · ${kindLabel(a.kind)}` : kindLabel(a.kind);

/** `梨树镇 八里庙村 · 村委会大院`: township, village, address — what a card shows for a place. */
export function placeText(place: Pick<Place, 'township' | 'village' | 'address'>): string {
  const area = [place.township, place.village].filter(Boolean).join(' ');
  return place.address && place.address !== area ? `${area} · ${place.address}` : area;
}

/** Seats as a card says them; a full activity still takes sign-ups onto the waiting list. */
export function seatsText(a: Pick<Activity, 'seatsLeft' | 'capacity' | 'status'>): string {
  if (a.status === 'cancelled') return '已取消';
  if (a.status === 'closed') return '报名已结束';
  if (a.seatsLeft <= 0) return '已满，可候补';
  return `剩余 ${a.seatsLeft} 个名额`;
}

export type SignupWindow = 'open' | 'not-yet' | 'ended' | 'cancelled';

export function signupWindow(
  a: Pick<Activity, 'status' | 'signupOpensAt' | 'signupClosesAt'>,
  now: number = Date.now(),
): SignupWindow {
  if (a.status === 'cancelled') return 'cancelled';
  if (a.status === 'closed') return 'ended';
  if (now < dayjs(a.signupOpensAt).valueOf()) return 'not-yet';
  if (now > dayjs(a.signupClosesAt).valueOf()) return 'ended';
  return 'open';
}

export function signupWindowText(
  a: Pick<Activity, 'status' | 'signupOpensAt' | 'signupClosesAt'>,
  now?: number,
) {
  switch (signupWindow(a, now)) {
    case 'not-yet':
      return `${formatSessionTime(a.signupOpensAt)} 开始报名`;
    case 'ended':
      return '报名已结束';
    case 'cancelled':
      return '活动已取消';
    default:
      return `报名截止：${formatSessionTime(a.signupClosesAt)}`;
  }
}

/** The result of a sign-up in words: `报名成功`, or `已进入候补，第 3 位`. */
export function resultText(s: Pick<Signup, 'status' | 'waitlistPosition'>): string {
  if (s.status === 'waitlisted') {
    return s.waitlistPosition ? `已进入候补，第 ${s.waitlistPosition} 位` : '已进入候补';
  }
  if (s.status === 'applied') return '已提交申请，等待摇号';
  return SIGNUP_STATUS_LABELS[s.status];
}

/** How 我的报名 labels a sign-up's status. */
export function statusText(s: Pick<Signup, 'status' | 'waitlistPosition'>): string {
  if (s.status === 'waitlisted') return s.waitlistPosition ? `候补中，第 ${s.waitlistPosition} 位` : '候补中';
  return SIGNUP_STATUS_LABELS[s.status];
}

/** Hides the middle of a phone number on screens others may see: 138****8000. */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

/** `共 16 次课，每周二` for a term of weekly classes; empty for a single event. */
export function sessionsSummary(a: Pick<Activity, 'sessions'>): string {
  if (a.sessions.length <= 1) return '';
  const weekdays = new Set(a.sessions.map((s) => inZone(s.startsAt).day()));
  const names = ['日', '一', '二', '三', '四', '五', '六'];
  const days = [...weekdays].sort().map((d) => `周${names[d]}`);
  return `共 ${a.sessions.length} 次课${days.length <= 2 ? `，每${days.join('、')}` : ''}`;
}

/** The ISO instant at the start of today in Beijing, for "upcoming" queries. */
export function startOfTodayIso(now: number = Date.now()): string {
  return toIso(inZone(now).startOf('day'));
}

export function daysFromNowIso(days: number, now: number = Date.now()): string {
  return toIso(inZone(now).add(days, 'day').endOf('day'));
}

/** A code people read out or type, in groups of four: 用户编号 ABCD-EFGH, 邀请码 XXXX-XXXX-XXXX-XXXX. */
export const groupCode = (code: string): string => code.replace(/(.{4})(?=.)/g, '$1-');
