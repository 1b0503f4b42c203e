import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { ageAt, checkEligibility } from '../../shared/eligibility';
import {
  allocate,
  cancelDeadline,
  commitmentOf,
  drawOrder,
  nextSessionStart,
  offerExpiry,
  sessionsOverlap,
} from '../../functions/domain/signups/rules';
import { newActivityRecord } from '../../functions/domain/activities/activity';
import {
  SWEEP_SLACK_MS,
  deliveryVerdict,
  dueMessages,
  messageContent,
  reminderSlots,
  remindersOnConfirm,
  retryDelayMs,
} from '../../functions/domain/messaging/reminders';
import { earnsCompletion, summarizeAttendance } from '../../functions/domain/attendance/check-in';
import { withChange } from '../../functions/domain/activities/sessions';
import { nextWakeUp } from '../../functions/domain/activities/agenda';
import { drawMessages, promotionMessages } from '../../functions/domain/messaging/notify';
import type { ActivityRecord } from '../../shared/schemas/activity';
import type { SignupRecord } from '../../shared/schemas/signup';

const base = newActivityRecord(
  {
    kind: 'senior',
    title: '太极拳',
    description: '',
    schoolId: 'lishu-senior-univ',
    county: '梨树县',
    place: { township: '梨树镇', address: '老年大学' },
    startsAt: '2027-03-02T09:00:00+08:00',
    endsAt: '2027-03-02T10:30:00+08:00',
    capacity: 30,
    signupOpensAt: '2027-02-01T08:00:00+08:00',
    signupClosesAt: '2027-02-20T18:00:00+08:00',
  },
  { id: 'act-t', createdBy: 't', now: 0 },
);

/** The documented draw, written again from docs/rules.md without the production code. */
function independentDraw(seed: string, ids: string[]): string[] {
  const ticket = (id: string) =>
    createHmac('sha256', Buffer.from(seed, 'utf8')).update(Buffer.from(id, 'utf8')).digest('hex');
  return [...ids].sort((a, b) => ticket(a).localeCompare(ticket(b)) || a.localeCompare(b));
}

describe('the lottery', () => {
  const ids = fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{4,20}$/), { maxLength: 300 });
  it('is a permutation of the applicants and confirms at most capacity', () => {
    fc.assert(
      fc.property(ids, fc.stringMatching(/^[0-9a-f]{64}$/), fc.nat(400), (applicants, seed, capacity) => {
        const order = drawOrder(seed, applicants);
        expect([...order].sort()).toEqual([...applicants].sort());
        const { confirmed, waitlisted } = allocate(order, capacity);
        expect(confirmed.length).toBe(Math.min(capacity, applicants.length));
        expect(confirmed.length + waitlisted.length).toBe(applicants.length);
        expect(new Set([...confirmed, ...waitlisted]).size).toBe(applicants.length);
      }),
    );
  });

  it('depends only on the seed and the ids, and anyone can recompute it', () => {
    fc.assert(
      fc.property(ids, fc.stringMatching(/^[0-9a-f]{64}$/), (applicants, seed) => {
        const order = drawOrder(seed, applicants);
        expect(drawOrder(seed, [...applicants].reverse())).toEqual(order);
        expect(order).toEqual(independentDraw(seed, applicants));
      }),
    );
  });

  it('commits to the seed with its SHA-256', () => {
    expect(commitmentOf('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
  });
});

describe('eligibility', () => {
  const senior: ActivityRecord = { ...base, minAge: 50, maxAge: 85, consentAboveAge: 80 };
  it.each([
    [{ birthYear: 1990 }, 'minAge'],
    [{ birthYear: 1930 }, 'maxAge'],
    [{ birthYear: 1945 }, 'familyConsent'],
    [{}, 'birthYear'],
  ])('refuses %j for %s', (extra, rule) => {
    expect(checkEligibility(senior, { name: '王秀兰', phone: '13800138000', ...extra })?.rule).toBe(rule);
  });

  it.each([[{ birthYear: 1960 }], [{ birthYear: 1977 }], [{ birthYear: 1945, familyConsent: true }]])(
    'admits %j',
    (extra) => {
      expect(checkEligibility(senior, { name: '王秀兰', phone: '13800138000', ...extra })).toBeNull();
    },
  );

  it('counts age in the year the activity starts', () => {
    expect(ageAt(1977, '2027-03-02T09:00:00+08:00')).toBe(50);
  });

  it('limits 限本县居民 activities to residents of its county', () => {
    const local: ActivityRecord = { ...base, residentsOnly: true };
    expect(checkEligibility(local, { name: '李', phone: '13800138000', residence: '梨树县' })).toBeNull();
    expect(checkEligibility(local, { name: '李', phone: '13800138000', residence: '双辽市' })?.rule).toBe(
      'residentsOnly',
    );
    expect(checkEligibility(local, { name: '李', phone: '13800138000' })?.field).toBe('attendee.residence');
  });
});

describe('time and deadlines', () => {
  it('finds overlapping sessions and lets back-to-back ones pass', () => {
    const a = [{ startsAt: '2027-03-02T09:00:00+08:00', endsAt: '2027-03-02T10:30:00+08:00' }];
    expect(
      sessionsOverlap(a, [{ startsAt: '2027-03-02T10:00:00+08:00', endsAt: '2027-03-02T11:00:00+08:00' }]),
    ).toBe(true);
    expect(
      sessionsOverlap(a, [{ startsAt: '2027-03-02T10:30:00+08:00', endsAt: '2027-03-02T11:00:00+08:00' }]),
    ).toBe(false);
  });

  it('a cancelled class (停课) meets no one: it neither conflicts nor cuts an offer short', () => {
    const a = [{ startsAt: '2027-03-02T09:00:00+08:00', endsAt: '2027-03-02T10:30:00+08:00' }];
    const cancelled = [
      { startsAt: '2027-03-02T10:00:00+08:00', endsAt: '2027-03-02T11:00:00+08:00', cancelled: true },
    ];
    expect(sessionsOverlap(a, cancelled)).toBe(false);
    expect(sessionsOverlap(cancelled, a)).toBe(false);
    const term: ActivityRecord = {
      ...base,
      sessions: [
        { startsAt: '2027-03-02T09:00:00+08:00', endsAt: '2027-03-02T10:30:00+08:00', cancelled: true },
        { startsAt: '2027-03-09T09:00:00+08:00', endsAt: '2027-03-09T10:30:00+08:00' },
      ],
    };
    expect(nextSessionStart(term, Date.parse('2027-03-01T09:00:00+08:00'))).toBe(
      Date.parse('2027-03-09T09:00:00+08:00'),
    );
  });

  it('puts the cancellation deadline the given hours before the start', () => {
    expect(cancelDeadline({ ...base, cancelDeadlineHours: 24 })).toBe(
      Date.parse('2027-03-01T09:00:00+08:00'),
    );
    expect(cancelDeadline(base)).toBeNull();
  });

  it('holds an offered seat for offerHours, but never past the start of the next session', () => {
    const weekly: ActivityRecord = {
      ...base,
      offerHours: 24,
      sessions: [
        { startsAt: '2027-03-02T09:00:00+08:00', endsAt: '2027-03-02T10:30:00+08:00' },
        { startsAt: '2027-03-09T09:00:00+08:00', endsAt: '2027-03-09T10:30:00+08:00' },
      ],
    };
    const at = (iso: string) => Date.parse(iso);
    // Four days ahead: the full 24 hours.
    expect(offerExpiry(weekly, at('2027-02-26T09:00:00+08:00'))).toBe(at('2027-02-27T09:00:00+08:00'));
    // The evening before the first class: until it begins.
    expect(offerExpiry(weekly, at('2027-03-01T20:00:00+08:00'))).toBe(at('2027-03-02T09:00:00+08:00'));
    // During the first class: until the second begins, a week on, capped at 24 hours.
    expect(nextSessionStart(weekly, at('2027-03-02T09:30:00+08:00'))).toBe(at('2027-03-09T09:00:00+08:00'));
    expect(offerExpiry(weekly, at('2027-03-02T09:30:00+08:00'))).toBe(at('2027-03-03T09:30:00+08:00'));
    // Once the last session has begun, offerHours alone.
    expect(nextSessionStart(weekly, at('2027-03-09T09:00:00+08:00'))).toBeNull();
    expect(offerExpiry(weekly, at('2027-03-09T09:00:00+08:00'))).toBe(at('2027-03-10T09:00:00+08:00'));
  });
});

describe('reminders', () => {
  const signup: SignupRecord = {
    id: 's1',
    activityId: base.id,
    userId: 'u',
    status: 'confirmed',
    attendee: { name: '王', phone: '13800138000' },
    createdAt: '',
    updatedAt: '',
  };
  const start = Date.parse(base.startsAt);
  /** The kinds owed, without what each is about. */
  const due = (...args: Parameters<typeof dueMessages>) => dueMessages(...args).map((o) => o.kind);
  it('owes the 24-hour reminder the day before and the 2-hour one just before', () => {
    expect(due(base, signup, start - 30 * 3600_000)).toEqual([]);
    expect(dueMessages(base, signup, start - 20 * 3600_000)).toEqual([{ kind: 'reminder-24h' }]);
    expect(due(base, signup, start - 3600_000)).toEqual(['reminder-2h']);
    expect(due(base, { ...signup, status: 'waitlisted' }, start - 3600_000)).toEqual([]);
  });

  it('tells everyone signed up when an activity is cancelled, and a promoted person once', () => {
    expect(due({ ...base, cancelled: true }, { ...signup, status: 'waitlisted' }, 0)).toEqual([
      'activity-cancelled',
    ]);
    expect(due(base, { ...signup, promotedAt: 'x' }, 0)).toEqual(['seat-confirmed']);
  });

  it('backs off exponentially up to an hour', () => {
    expect([0, 1, 2, 10].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 3600_000]);
  });

  it('gives a seat confirmed inside a window its reminder, and one confirmed just before it the one to come', () => {
    const H = 3600_000;
    expect(remindersOnConfirm(base, start - 30 * H)).toEqual([]);
    expect(remindersOnConfirm(base, start - 20 * H)).toEqual([{ kind: 'reminder-24h', at: start - 20 * H }]);
    // Just before the window opens: the worker's sweep may already have listed the seats, so it waits for it.
    expect(remindersOnConfirm(base, start - 24 * H - SWEEP_SLACK_MS / 2)).toEqual([
      { kind: 'reminder-24h', at: start - 24 * H },
    ]);
    expect(remindersOnConfirm(base, start - 2 * H - 60_000)).toEqual([
      { kind: 'reminder-24h', at: start - 2 * H - 60_000 },
      { kind: 'reminder-2h', at: start - 2 * H },
    ]);
    expect(remindersOnConfirm(base, start)).toEqual([]);
    expect(remindersOnConfirm({ ...base, cancelled: true }, start - 20 * H)).toEqual([]);
  });

  it('tells a promoted person the seat is theirs, or offers it, and a drawn applicant the result', () => {
    const kinds = (messages: Array<{ kind: string }>) => messages.map((x) => x.kind);
    const far = start - 100 * 3600_000;
    expect(kinds(promotionMessages(base, signup, 'confirmed', far))).toEqual(['seat-confirmed']);
    expect(kinds(promotionMessages(base, signup, 'offered', far))).toEqual(['offer']);
    expect(kinds(promotionMessages(base, signup, 'confirmed', start - 3600_000))).toEqual([
      'seat-confirmed',
      'reminder-2h',
    ]);
    expect(kinds(drawMessages(base, signup, 'waitlisted', start - 3600_000))).toEqual(['lottery-result']);
    const [result] = drawMessages(base, signup, 'confirmed', far);
    // A message names its template; the WeChat id is looked up when it is sent.
    expect(result).toMatchObject({ signupId: 's1', userId: 'u', template: 'result', status: 'pending' });
  });

  it('drops a message that is moot by the time it goes, and holds one that is early', () => {
    const now = start - 20 * 3600_000;
    expect(deliveryVerdict('reminder-24h', base, signup, now)).toBe('send');
    expect(deliveryVerdict('reminder-24h', base, { ...signup, status: 'cancelled' }, now)).toBe('drop');
    expect(deliveryVerdict('reminder-2h', base, signup, now)).toEqual({ waitUntil: start - 2 * 3600_000 });
    expect(deliveryVerdict('offer', base, { ...signup, status: 'confirmed' }, now)).toBe('drop');
    expect(deliveryVerdict('seat-confirmed', base, signup, now)).toBe('send');
    expect(deliveryVerdict('lottery-result', base, signup, now)).toEqual({ waitUntil: now + 60_000 });
    expect(deliveryVerdict('lottery-result', { ...base, drawnAt: 'x' }, signup, now)).toBe('send');
  });
});

describe('the worker’s agenda', () => {
  const H = 3600_000;
  const start = Date.parse(base.startsAt);
  const lottery = {
    ...base,
    enrolment: 'lottery' as const,
    drawAt: '2027-02-21T09:00:00+08:00',
    drawnAt: null,
  };

  it('wakes the worker for the draw, then as each reminder window opens, then never again', () => {
    const drawAt = Date.parse('2027-02-21T09:00:00+08:00');
    expect(nextWakeUp(lottery, drawAt - H)).toBe(drawAt);
    expect(nextWakeUp({ ...lottery, drawnAt: 'x' }, drawAt)).toBe(start - 24 * H);
    expect(nextWakeUp(base, start - 24 * H)).toBe(start - 2 * H);
    expect(nextWakeUp(base, start - 2 * H)).toBeNull();
  });

  it('keeps a draw that is due but not done on the agenda, and takes a cancelled activity off it', () => {
    const drawAt = Date.parse('2027-02-21T09:00:00+08:00');
    expect(nextWakeUp(lottery, drawAt + 5 * 60_000)).toBe(drawAt + 5 * 60_000);
    expect(nextWakeUp({ ...lottery, cancelled: true }, drawAt - H)).toBeNull();
  });

  it('puts a new activity on the agenda at its first wake-up', () => {
    expect(base.wakeAt).toBe('2027-03-01T09:00:00+08:00');
  });
});

describe('a weekly term: a reminder before every class, and a message for every change', () => {
  const H = 3600_000;
  /** Four Tuesday classes, 2 to 23 March 2027, 09:00–10:30. */
  const term = newActivityRecord(
    {
      kind: 'senior',
      title: '太极拳（春季班）',
      description: '',
      schoolId: 'lishu-senior-univ',
      county: '梨树县',
      place: { township: '梨树镇', address: '老年大学' },
      startsAt: '2027-03-02T09:00:00+08:00',
      endsAt: '2027-03-23T10:30:00+08:00',
      schedule: {
        weekday: 2,
        startTime: '09:00',
        endTime: '10:30',
        firstDate: '2027-03-02',
        lastDate: '2027-03-23',
        skipDates: [],
      },
      capacity: 30,
      signupOpensAt: '2027-02-01T08:00:00+08:00',
      signupClosesAt: '2027-02-20T18:00:00+08:00',
    },
    { id: 'act-term', createdBy: 't', now: 0 },
  );
  const starts = term.sessions.map((x) => Date.parse(x.startsAt));
  const signup: SignupRecord = {
    id: 's-term',
    activityId: term.id,
    userId: 'u',
    status: 'confirmed',
    attendee: { name: '王', phone: '13800138000' },
    createdAt: '2027-02-10T10:00:00+08:00',
    updatedAt: '2027-02-10T10:00:00+08:00',
  };
  /** The term with class `index` changed as PATCH …/sessions/{index} writes it. */
  function changed(
    index: number,
    session: Partial<ActivityRecord['sessions'][number]>,
    what: Array<'time' | 'place' | 'cancelled'>,
  ) {
    return {
      ...term,
      sessions: term.sessions.map((x, i) => (i === index ? { ...x, ...session } : x)),
      ...withChange(term, { session: index, what, at: '2027-02-25T12:00:00+08:00' }),
    };
  }

  it('gives the first class its two reminders and each later class one, the day before, named by its index', () => {
    expect(term.sessions).toHaveLength(4);
    expect(reminderSlots(term).map((x) => [x.kind, x.about, x.from])).toEqual([
      ['reminder-24h', undefined, starts[0]! - 24 * H],
      ['reminder-2h', undefined, starts[0]! - 2 * H],
      ['session-reminder', 's1', starts[1]! - 24 * H],
      ['session-reminder', 's2', starts[2]! - 24 * H],
      ['session-reminder', 's3', starts[3]! - 24 * H],
    ]);
    // Inside each window, exactly that class's reminder is owed; between them, nothing.
    expect(dueMessages(term, signup, starts[2]! - 20 * H)).toEqual([
      { kind: 'session-reminder', about: 's2' },
    ]);
    expect(dueMessages(term, signup, starts[2]! - 30 * H)).toEqual([]);
    expect(dueMessages(term, { ...signup, status: 'waitlisted' }, starts[2]! - 20 * H)).toEqual([]);
    expect(remindersOnConfirm(term, starts[3]! - H)).toEqual([
      { kind: 'session-reminder', about: 's3', at: starts[3]! - H },
    ]);
  });

  it('wakes the worker once per window of each class, and passes over a cancelled class', () => {
    const wakeUps = (activity: ActivityRecord) => {
      const times = [];
      for (let at = nextWakeUp(activity, 0); at !== null; at = nextWakeUp(activity, at)) times.push(at);
      return times;
    };
    expect(wakeUps(term)).toEqual([
      starts[0]! - 24 * H,
      starts[0]! - 2 * H,
      starts[1]! - 24 * H,
      starts[2]! - 24 * H,
      starts[3]! - 24 * H,
    ]);
    const third = changed(2, { cancelled: true, cancelReason: '停电' }, ['cancelled']);
    expect(wakeUps(third)).not.toContain(starts[2]! - 24 * H);
    expect(reminderSlots(third).map((x) => x.about)).toEqual([undefined, undefined, 's1', 's3']);
  });

  it('follows a moved class: its reminder waits for the new window, and its old window owes nothing', () => {
    const moved = changed(2, { startsAt: '2027-03-18T14:00:00+08:00', endsAt: '2027-03-18T15:30:00+08:00' }, [
      'time',
    ]);
    const newStart = Date.parse('2027-03-18T14:00:00+08:00');
    expect(dueMessages(moved, signup, starts[2]! - 20 * H).map((o) => o.kind)).not.toContain(
      'session-reminder',
    );
    expect(nextWakeUp(moved, starts[1]!)).toBe(newStart - 24 * H);
    const reminder = { kind: 'session-reminder' as const, about: 's2' };
    expect(deliveryVerdict(reminder, moved, signup, starts[2]! - 20 * H)).toEqual({
      waitUntil: newStart - 24 * H,
    });
    expect(deliveryVerdict(reminder, moved, signup, newStart - 20 * H)).toBe('send');
    expect(messageContent(reminder, moved, signup).data.time2.value).toBe('2027年3月18日 14:00');
    expect(messageContent(reminder, moved, signup).data.phrase5.value).toBe('第3次课就要到了，请准时参加');
    const cancelled = changed(2, { cancelled: true, cancelReason: '停电' }, ['cancelled']);
    expect(deliveryVerdict(reminder, cancelled, signup, starts[2]! - 20 * H)).toBe('drop');
  });

  it('owes each change once to everyone holding or waiting for a place who signed up before it', () => {
    const moved = changed(2, { startsAt: '2027-03-18T14:00:00+08:00', endsAt: '2027-03-18T15:30:00+08:00' }, [
      'time',
    ]);
    const now = Date.parse('2027-02-25T12:05:00+08:00');
    for (const status of ['confirmed', 'waitlisted', 'applied', 'offered'] as const) {
      expect(dueMessages(moved, { ...signup, status }, now)).toContainEqual({
        kind: 'session-changed',
        about: 's2#c1',
      });
    }
    for (const status of ['cancelled', 'expired'] as const) {
      expect(dueMessages(moved, { ...signup, status }, now)).toEqual([]);
    }
    expect(dueMessages(moved, { ...signup, createdAt: '2027-02-25T12:01:00+08:00' }, now)).toEqual([]);
    // Once the worker has told it, it is owed no more; the next change is a message of its own.
    expect(dueMessages({ ...moved, noticedSeq: 1 }, signup, now)).toEqual([]);
    const again = {
      ...moved,
      noticedSeq: 1,
      ...withChange(moved, { session: 2, what: ['place'], at: '2027-02-25T13:00:00+08:00' }),
    };
    expect(dueMessages(again, signup, now)).toEqual([{ kind: 'session-changed', about: 's2#c2' }]);
  });

  it('says what changed, with the class’s new time and place, in the cancelled template’s fields', () => {
    const moved = changed(2, { startsAt: '2027-03-18T14:00:00+08:00', endsAt: '2027-03-18T15:30:00+08:00' }, [
      'time',
    ]);
    const timeMessage = messageContent({ kind: 'session-changed', about: 's2#c1' }, moved, signup).data;
    expect(timeMessage.phrase5.value).toBe('第3次课改到3月18日 14:00');
    expect(timeMessage.time2.value).toBe('2027年3月18日 14:00');
    const hall = { township: '梨树镇', address: '文化站二楼' };
    const placed = changed(1, { place: hall }, ['place']);
    const placeMessage = messageContent({ kind: 'session-changed', about: 's1#c1' }, placed, signup).data;
    expect(placeMessage.phrase5.value).toBe('第2次课地点改为梨树镇 文化站二楼');
    expect(placeMessage.thing3.value).toBe('梨树镇 文化站二楼');
    expect(placeMessage.time2.value).toBe('2027年3月9日 09:00');
    const cancelled = changed(2, { cancelled: true, cancelReason: '停电' }, ['cancelled']);
    const cancelMessage = messageContent(
      { kind: 'session-cancelled', about: 's2#c1' },
      cancelled,
      signup,
    ).data;
    expect(cancelMessage.phrase5.value).toBe('3月16日的课停课：停电');
    expect(cancelMessage.time2.value).toBe('2027年3月16日 09:00');
  });

  it('drops a change’s message made moot: the activity or the class cancelled since, or the class begun', () => {
    const moved = changed(2, { startsAt: '2027-03-18T14:00:00+08:00', endsAt: '2027-03-18T15:30:00+08:00' }, [
      'time',
    ]);
    const message = { kind: 'session-changed' as const, about: 's2#c1' };
    const now = Date.parse('2027-02-25T12:05:00+08:00');
    expect(deliveryVerdict(message, moved, signup, now)).toBe('send');
    expect(deliveryVerdict(message, { ...moved, cancelled: true }, signup, now)).toBe('drop');
    expect(deliveryVerdict(message, moved, { ...signup, status: 'cancelled' }, now)).toBe('drop');
    expect(deliveryVerdict(message, moved, signup, Date.parse('2027-03-18T14:00:00+08:00'))).toBe('drop');
    expect(deliveryVerdict({ ...message, about: 's2#c9' }, moved, signup, now)).toBe('drop');
    const cancelled = changed(2, { cancelled: true, cancelReason: '停电' }, ['cancelled']);
    expect(deliveryVerdict({ kind: 'session-cancelled', about: 's2#c1' }, cancelled, signup, now)).toBe(
      'send',
    );
  });

  it('leaves a cancelled class out of the attendance rule: neither held nor attended', () => {
    const cancelled = changed(2, { cancelled: true, cancelReason: '停电' }, ['cancelled']).sessions;
    const checkIns = [0, 1, 3].map((sessionIndex) => ({
      sessionIndex,
      checkedInAt: '2027-03-02T09:05:00+08:00',
    }));
    const attendance = summarizeAttendance(cancelled, checkIns, 1);
    expect(attendance.attended).toBe(3);
    expect(attendance.hours).toBe(4.5);
    expect(attendance.sessions.map((x) => x.cancelled ?? false)).toEqual([false, false, true, false]);
    // Every class held was attended: 3 of 3, though the term had 4.
    expect(earnsCompletion(attendance)).toBe(true);
    expect(earnsCompletion(summarizeAttendance(term.sessions, checkIns, 1))).toBe(false);
  });
});
