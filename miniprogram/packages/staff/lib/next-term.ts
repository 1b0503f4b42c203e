import { ActivityCopyInputSchema, type Activity, type ActivityCopyInput } from '@shared/schemas/activity';
import { inZone } from '@shared/time';
import { validate } from '@shared/validate';
import { instant } from './publish-form';

/** 下一期's page, opened from an activity's staff page. */
export const nextTermRoute = (id: string) =>
  `/packages/staff/pages/next-term/index?id=${encodeURIComponent(id)}`;

/** What the 下一期 form holds, as typed: dates `2027-03-02`, times `09:00`, sign-up `2027-02-20 09:00`. */
export interface NextTermForm {
  /** The first class's date (the only date of a one-day activity). */
  firstDate: string;
  /** The last class's date; a one-day activity has none. */
  lastDate: string;
  startTime: string;
  endTime: string;
  signupOpensAt: string;
  signupClosesAt: string;
  /** 停课日期: days the weekly classes skip, `2027-04-05, 2027-05-01`. */
  skipDates: string;
  /** The new term's name (2027春季); empty lets the server name it from the first class. */
  term: string;
}

export type NextTermField = keyof NextTermForm;
export type NextTermErrors = Partial<Record<NextTermField | 'form', string>>;

/** A term of weekly classes (more than one session), as opposed to a one-day activity. */
export const isWeekly = (a: Pick<Activity, 'sessions'>) => a.sessions.length > 1;

const DAY_MS = 86_400_000;
const fmtDate = (t: ReturnType<typeof inZone>) => t.format('YYYY-MM-DD');
const fmtTime = (t: ReturnType<typeof inZone>) => t.format('HH:mm');
const fmtDateTime = (t: ReturnType<typeof inZone>) => `${fmtDate(t)} ${fmtTime(t)}`;

/**
 * A form that is ready to send: the same weekday and times, starting the week after the last class (a term
 * moves on by its own length, a one-day activity by a week) and in the future; sign-up opens now and closes
 * as long before the first class as it did this time.
 */
export function defaultNextTerm(a: Activity, now: number = Date.now()): NextTermForm {
  const first = inZone(a.sessions[0]?.startsAt ?? a.startsAt);
  const firstEnd = inZone(a.sessions[0]?.endsAt ?? a.endsAt);
  const last = inZone(a.sessions[a.sessions.length - 1]?.startsAt ?? a.startsAt);
  const weeks = Math.floor((last.valueOf() - first.valueOf()) / (7 * DAY_MS)) + 1;
  let shift = weeks;
  while (first.add(shift, 'week').valueOf() <= now) shift += weeks;
  const nextFirst = first.add(shift, 'week');
  const nextLast = last.add(shift, 'week');
  const lead = Math.max(0, first.valueOf() - inZone(a.signupClosesAt).valueOf());
  const opens = inZone(now).second(0);
  let closes = inZone(nextFirst.valueOf() - lead);
  if (closes.valueOf() <= opens.valueOf()) closes = nextFirst;
  return {
    firstDate: fmtDate(nextFirst),
    lastDate: isWeekly(a) ? fmtDate(nextLast) : '',
    startTime: fmtTime(first),
    endTime: fmtTime(firstEnd),
    signupOpensAt: fmtDateTime(opens),
    signupClosesAt: fmtDateTime(closes),
    skipDates: '',
    term: '',
  };
}

/** Full-width digits and colons (`０９：００`) are read as typed on a Chinese keyboard. */
const clean = (s: string) => s.normalize('NFKC').trim();

/** A time as typed, `9:00` read as `09:00`. */
const clock = (s: string) => clean(s).replace(/^(\d):/, '0$1:');

/** `2027-02-20 09:00` → an ISO instant in Beijing time; anything else passes through for the schema to refuse. */
const fromDateTime = (value: string): string => {
  const [d = '', t = ''] = clean(value).split(/\s+/);
  return instant(d, t);
};

/** The POST …/copy body the form describes (not yet validated). */
export function toCopyInput(f: NextTermForm, weekly: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    startsAt: instant(clean(f.firstDate), clock(f.startTime)),
    endsAt: instant(clean(weekly ? f.lastDate : f.firstDate), clock(f.endTime)),
    signupOpensAt: fromDateTime(f.signupOpensAt),
    signupClosesAt: fromDateTime(f.signupClosesAt),
  };
  const skip = clean(f.skipDates)
    .split(/[,，、\s]+/)
    .map((d) => d.trim())
    .filter(Boolean);
  if (weekly && skip.length) body.skipDates = skip;
  if (f.term.trim()) body.term = f.term.trim();
  return body;
}

/** Where a body path's problem shows in the form. */
function fieldOf(path: string, weekly: boolean): NextTermField | 'form' {
  const head = path.split('.')[0] ?? '';
  if (head === 'startsAt') return 'firstDate';
  if (head === 'endsAt') return weekly ? 'lastDate' : 'endTime';
  if (head === 'signupOpensAt' || head === 'signupClosesAt' || head === 'skipDates' || head === 'term')
    return head;
  return 'form';
}

/** Problems (the schema's, or the server's field refusals) under the form's boxes. */
export function nextTermErrors(
  issues: Array<{ field: string; message: string }>,
  weekly: boolean,
): NextTermErrors {
  const errors: NextTermErrors = {};
  for (const issue of issues) {
    const field = fieldOf(issue.field, weekly);
    if (!errors[field]) errors[field] = issue.message;
  }
  return errors;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}\s+([01]\d|2[0-3]):[0-5]\d$/;

/** Each box's own format first, in words a teacher knows (the schema would speak of ISO instants). */
function formatProblems(f: NextTermForm, weekly: boolean): NextTermErrors {
  const errors: NextTermErrors = {};
  const check = (field: NextTermField, pattern: RegExp, message: string) => {
    if (!pattern.test(field === 'startTime' || field === 'endTime' ? clock(f[field]) : clean(f[field])))
      errors[field] = message;
  };
  check('firstDate', DATE, '日期格式应为 2027-03-02');
  if (weekly) check('lastDate', DATE, '日期格式应为 2027-06-29');
  check('startTime', TIME, '时间格式应为 09:00');
  check('endTime', TIME, '时间格式应为 11:00');
  check('signupOpensAt', DATE_TIME, '格式应为 2027-02-20 09:00');
  check('signupClosesAt', DATE_TIME, '格式应为 2027-03-01 18:00');
  return errors;
}

/** Checks the form: each box's format, then shared's ActivityCopyInputSchema, the server's own. */
export function checkNextTerm(
  f: NextTermForm,
  weekly: boolean,
): { ok: true; value: ActivityCopyInput } | { ok: false; errors: NextTermErrors } {
  const problems = formatProblems(f, weekly);
  if (Object.keys(problems).length) return { ok: false, errors: problems };
  const result = validate(ActivityCopyInputSchema, toCopyInput(f, weekly));
  if (result.ok) return { ok: true, value: result.value };
  return { ok: false, errors: nextTermErrors(result.issues, weekly) };
}
