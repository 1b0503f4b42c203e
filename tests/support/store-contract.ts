import { randomBytes } from 'node:crypto';
import * as v from 'valibot';
import { ActivityRecordSchema } from '../../shared/schemas/activity';
import { CertificateSchema, MajorSchema, SchoolSchema } from '../../shared/schemas/catalog';
import type { stores as dynamoStores } from '../../functions/store';
import type { ActivityRecord } from '../../shared/schemas/activity';
import type { AuditEntry, Role } from '../../shared/api';
import type {
  CheckInRecord,
  InvitationRecord,
  MemberRecord,
  OutboxMessage,
  UserRecord,
} from '../../shared/schemas/records';
import type { InsertOutcome, NewSignup, SignupStore } from '../../functions/domain/signups/ports';
import type { SignupRecord } from '../../shared/schemas/signup';
import { newSignupId } from '../../functions/domain/signups/signup';
import { shortIdOf } from '../../functions/domain/people/people';
import type { FamilyMember } from '../../shared/schemas/signup';
import { toIso } from '../../shared/time';
import { certificates, majors, schools } from '../../scripts/seed/catalog';

/** The ports under test: what functions/store/index.ts assembles, without the clock. */
export type StorePorts = Omit<typeof dynamoStores, 'clock'>;

export interface ContractFixture {
  stores: StorePorts;
  /** A SignupStore on the same data that counts a waitlist position exactly only up to `limit`. */
  signupsCountingTo(limit: number): SignupStore;
  teardown(): Promise<void>;
}

/** What both fixtures hold before the suite starts: the seed's catalog, and its city admin. */
export const CONTRACT_SEED = {
  catalog: { schools, majors, certificates },
  admin: {
    id: 'admin',
    roles: ['user', 'admin'],
    rolesVersion: 0,
    shortId: shortIdOf('admin'),
    createdAt: '2030-01-01T08:00:00+08:00',
  } satisfies UserRecord,
};

const NOW = '2030-03-05T10:00:00+08:00';
const OPENS = '2030-03-01T08:00:00+08:00';
const CLOSES = '2030-03-10T18:00:00+08:00';
const STARTS = '2030-03-12T09:00:00+08:00';
const ENDS = '2030-03-12T11:00:00+08:00';
const HOUR = 3600_000;
const at = (iso: string, plusMs: number) => toIso(Date.parse(iso) + plusMs);

const uid = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;

/** Sign-up ids sort by creation: each new one a millisecond after the last, as a real clock would make them. */
let idClock = Date.parse(NOW);
const nextSignupId = () => newSignupId(idClock++);

function activityRecord(overrides: Partial<ActivityRecord> = {}): ActivityRecord {
  const startsAt = overrides.startsAt ?? STARTS;
  const endsAt = overrides.endsAt ?? ENDS;
  // The record schema fills the rule fields an activity leaves out, as it does for every stored activity.
  return v.parse(ActivityRecordSchema, {
    id: uid('act'),
    kind: 'outreach',
    title: '肉牛养殖技术现场课',
    description: '',
    schoolId: 'contract-school',
    county: '双辽市',
    place: { township: '茂林镇', village: '新发村', address: '村委会院内' },
    startsAt,
    endsAt,
    sessions: [{ startsAt, endsAt }],
    capacity: 5,
    confirmedCount: 0,
    waitlistCount: 0,
    signupOpensAt: OPENS,
    signupClosesAt: CLOSES,
    cancelled: false,
    cancelReason: null,
    checkInCount: 0,
    sample: false,
    createdAt: '2030-02-01T08:00:00+08:00',
    updatedAt: '2030-02-01T08:00:00+08:00',
    createdBy: 'contract',
    ...overrides,
  });
}

function auditRecord(at: string, action = 'contract'): AuditEntry {
  return {
    id: randomBytes(6).toString('hex'),
    at,
    actor: 'contract',
    action,
    target: 'contract',
    before: null,
    after: {},
  };
}

/** A pending invitation to a teacher's place, made an hour before NOW and good for 72 hours from its making. */
function invitationRecord(overrides: Partial<InvitationRecord> = {}): InvitationRecord {
  const codeHash = randomBytes(32).toString('hex');
  const createdAt = overrides.createdAt ?? at(NOW, -HOUR);
  return {
    id: codeHash.slice(0, 24),
    codeHash,
    schoolId: uid('school'),
    role: 'teacher',
    note: null,
    createdBy: 'contract',
    createdAt,
    validUntil: at(createdAt, 72 * HOUR),
    status: 'pending',
    ...overrides,
  };
}

type Mode = 'confirm' | 'waitlist' | 'apply';
const STATUS_OF = { confirm: 'confirmed', waitlist: 'waitlisted', apply: 'applied' } as const;

/** A sign-up as the domain would insert it in `mode`: a new id, a person of its own unless one is given. */
function newSignup(
  activityId: string,
  mode: Mode,
  options: Partial<Pick<NewSignup, 'attendeeKey' | 'idempotency' | 'termLimit'>> & { userId?: string } = {},
): NewSignup {
  const createdAt = toIso(idClock);
  const record: SignupRecord = {
    id: nextSignupId(),
    activityId,
    userId: options.userId ?? uid('user'),
    status: STATUS_OF[mode],
    attendee: { name: '测试人', phone: '13900000000' },
    createdAt,
    updatedAt: createdAt,
  };
  return {
    record,
    attendeeKey: options.attendeeKey ?? randomBytes(16).toString('hex'),
    idempotency: options.idempotency,
    termLimit: options.termLimit,
  };
}

const kinds = (outcomes: InsertOutcome[]) => outcomes.map((o) => o.kind).sort();

function message(signupId: string, kind: OutboxMessage['kind'], nextAttemptAt: string): OutboxMessage {
  return {
    signupId,
    kind,
    userId: uid('user'),
    activityId: uid('act'),
    template: 'result',
    status: 'pending',
    attempts: 0,
    nextAttemptAt,
    createdAt: nextAttemptAt,
  };
}

export function storeContract(name: string, setup: () => Promise<ContractFixture>): void {
  describe(`store contract: ${name}`, () => {
    let fixture: ContractFixture;
    let s: StorePorts;

    beforeAll(async () => {
      fixture = await setup();
      s = fixture.stores;
    });

    afterAll(async () => {
      await fixture?.teardown();
    });

    async function published(overrides: Partial<ActivityRecord> = {}): Promise<ActivityRecord> {
      const record = activityRecord(overrides);
      await s.activities.create(record);
      return record;
    }

    /** Inserts and answers the sign-up with its outcome. */
    async function insert(
      activityId: string,
      mode: Mode,
      options: Parameters<typeof newSignup>[2] = {},
      now = NOW,
    ) {
      const signup = newSignup(activityId, mode, options);
      const outcome = await s.signups.insert(signup, mode, now);
      return { ...signup, outcome };
    }

    async function read(id: string): Promise<SignupRecord> {
      const record = await s.signups.get(id);
      if (!record) throw new Error(`sign-up ${id} missing`);
      return record;
    }

    /** The activity's counters beside what its sign-ups say: the two must always agree. */
    async function counts(activityId: string) {
      const activity = await s.activities.get(activityId);
      const signups = await s.signups.listForActivity(activityId);
      const held = signups.filter((x) => x.status === 'confirmed' || x.status === 'offered').length;
      const waiting = signups.filter((x) => x.status === 'waitlisted').length;
      expect({ confirmed: activity?.confirmedCount, waitlisted: activity?.waitlistCount }).toEqual({
        confirmed: held,
        waitlisted: waiting,
      });
      return { confirmed: held, waitlisted: waiting };
    }

    describe('activities', () => {
      it('creates an activity once and reads it back as written', async () => {
        const record = activityRecord({ drawAt: null, minAge: 50 });
        await s.activities.create(record, auditRecord(NOW));
        expect(await s.activities.get(record.id)).toEqual(record);
        await expect(s.activities.create(record)).rejects.toMatchObject({
          name: 'ConditionalCheckFailedException',
        });
        await expect(s.activities.create(record, auditRecord(NOW))).rejects.toThrow('activity id collided');
        expect(await s.activities.get(uid('act'))).toBeNull();
      });

      it('lists in start order, filters, and pages with a cursor', async () => {
        const schoolId = uid('school');
        const day = (n: number) => `2030-04-${String(10 + n).padStart(2, '0')}T09:00:00+08:00`;
        const made = [];
        for (const n of [3, 1, 4, 2, 5]) {
          made.push(
            await published({
              schoolId,
              startsAt: day(n),
              endsAt: at(day(n), 2 * HOUR),
              title: n % 2 ? `奇数场 ${n}` : `偶数场 ${n}`,
              kind: n === 5 ? 'training' : 'outreach',
            }),
          );
        }
        const inOrder = [...made].sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1)).map((a) => a.id);
        const pages: string[][] = [];
        let cursor: string | undefined;
        do {
          const page = await s.activities.list({ schoolId, limit: 2, cursor });
          pages.push(page.items.map((a) => a.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(pages).toEqual([inOrder.slice(0, 2), inOrder.slice(2, 4), inOrder.slice(4)]);

        const ids = async (query: Partial<Parameters<typeof s.activities.list>[0]>) =>
          (await s.activities.list({ schoolId, limit: 50, ...query })).items.map((a) => a.id);
        expect(await ids({ kind: 'training' })).toEqual([inOrder[4]]);
        expect(await ids({ q: '偶数' })).toEqual([inOrder[1], inOrder[3]]);
        expect(await ids({ q: '新发' })).toEqual(inOrder);
        expect(await ids({ to: day(2) })).toEqual(inOrder.slice(0, 2));
        expect(await ids({ endsAfter: at(day(4), HOUR) })).toEqual(inOrder.slice(3));
        expect(await ids({ from: day(4) })).toEqual(inOrder.slice(3));
        await expect(s.activities.list({ limit: 2, cursor: 'not-a-cursor' })).rejects.toMatchObject({
          code: 'INVALID_CURSOR',
        });

        expect((await s.activities.listBySchool([schoolId])).map((a) => a.id)).toEqual(inOrder);
        const all = (await s.activities.listBySchool('all')).map((a) => a.id);
        expect(all.filter((id) => inOrder.includes(id))).toEqual(inOrder);
      });

      it('updates fields unless the capacity would fall below the seats confirmed', async () => {
        const activity = await published({ capacity: 3, schoolId: uid('school') });
        await insert(activity.id, 'confirm');
        await insert(activity.id, 'confirm');
        expect(await s.activities.update(activity.id, { capacity: 1 }, 1)).toBe('capacity-below-confirmed');
        const audit = auditRecord(NOW, 'revise');
        expect(await s.activities.update(activity.id, { capacity: 2, title: '改名' }, 2, audit)).toBe(
          'updated',
        );
        expect(await s.activities.get(activity.id)).toMatchObject({
          capacity: 2,
          title: '改名',
          confirmedCount: 2,
        });
        expect(await s.activities.update(activity.id, { description: '说明' }, 0)).toBe('updated');
        expect(await s.activities.update(uid('act'), { title: 'x' }, 0)).toBe('missing');
        expect(await s.activities.update(uid('act'), { title: 'x' }, 0, auditRecord(NOW))).toBe('missing');

        // A new start time moves the activity in the lists.
        const later = await published({ schoolId: activity.schoolId, startsAt: '2030-03-13T09:00:00+08:00' });
        await s.activities.update(activity.id, { startsAt: '2030-03-14T09:00:00+08:00' }, 0);
        expect((await s.activities.listBySchool([activity.schoolId])).map((a) => a.id)).toEqual([
          later.id,
          activity.id,
        ]);
      });

      it('cancels an activity once', async () => {
        const activity = await published();
        expect(await s.activities.cancel(activity.id, '天气原因', NOW, auditRecord(NOW))).toBe('cancelled');
        expect(await s.activities.get(activity.id)).toMatchObject({
          cancelled: true,
          cancelReason: '天气原因',
        });
        expect(await s.activities.cancel(activity.id, '再次', NOW, auditRecord(NOW))).toBe(
          'already-cancelled',
        );
        expect(await s.activities.get(activity.id)).toMatchObject({ cancelReason: '天气原因' });
        expect(await s.activities.cancel(uid('act'), '无', NOW, auditRecord(NOW))).toBe('missing');
      });

      it('begins a draw until it is finished, then refuses another', async () => {
        const activity = await published({ enrolment: 'lottery', drawnAt: null, capacity: 2 });
        expect(await s.activities.beginDraw(activity.id, NOW, ['a', 'b'])).toBe('begun');
        // An interrupted draw may begin again: only a finished one is final.
        expect(await s.activities.beginDraw(activity.id, NOW, ['a', 'b', 'c'])).toBe('begun');
        expect((await s.activities.get(activity.id))?.drawOrder).toEqual(['a', 'b', 'c']);
        await s.activities.finishDraw(activity.id, { confirmed: 2, waitlisted: 1 }, NOW);
        expect(await s.activities.get(activity.id)).toMatchObject({
          confirmedCount: 2,
          waitlistCount: 1,
          drawnAt: NOW,
          drawOrder: ['a', 'b', 'c'],
        });
        expect(await s.activities.beginDraw(activity.id, NOW, ['c'])).toBe('already-drawn');
        expect(await s.activities.beginDraw(uid('act'), NOW, [])).toBe('already-drawn');
      });

      it("keeps an activity on the worker's agenda while it has a wakeAt, moved only from the value read", async () => {
        const wakeAt = '2030-03-06T08:00:00+08:00';
        const a = await published({ wakeAt });
        const b = await published();
        const ours = async (now: string) =>
          (await s.activities.due(now)).map((x) => x.id).filter((id) => id === a.id || id === b.id);
        expect(await ours(at(wakeAt, -1000))).toEqual([]);
        expect(await ours(wakeAt)).toEqual([a.id]);
        const later = at(wakeAt, HOUR);
        // A revision or cancellation since the worker read it keeps its own wakeAt.
        expect(await s.activities.reschedule(a.id, NOW, later)).toBe(false);
        expect(await s.activities.reschedule(a.id, wakeAt, later)).toBe(true);
        expect(await ours(wakeAt)).toEqual([]);
        expect(await ours(later)).toEqual([a.id]);
        expect(await s.activities.reschedule(a.id, later, null)).toBe(true);
        expect(await ours(at(later, 1000 * HOUR))).toEqual([]);
        expect((await s.activities.get(a.id))?.wakeAt).toBeNull();
        expect(await s.activities.reschedule(a.id, '', wakeAt)).toBe(false);
        expect(await s.activities.reschedule(uid('act'), wakeAt, wakeAt)).toBe(false);

        // A cancellation puts the activity on the agenda at once; a revision may set or clear its wakeAt.
        await s.activities.cancel(b.id, '取消', NOW, auditRecord(NOW));
        expect(await ours(NOW)).toEqual([b.id]);
        expect((await s.activities.get(b.id))?.wakeAt).toBe(NOW);
        expect(await s.activities.update(b.id, { wakeAt: null }, 0)).toBe('updated');
        expect(await s.activities.update(a.id, { wakeAt: NOW, title: '改期' }, 0)).toBe('updated');
        expect(await ours(NOW)).toEqual([a.id]);
        expect(await s.activities.get(a.id)).toMatchObject({ wakeAt: NOW, title: '改期' });
      });

      it('writes a change of classes only over the change number it read, and records what the worker told', async () => {
        const activity = await published({ schoolId: uid('school'), wakeAt: NOW });
        const moved = (startsAt: string, seq: number) => ({
          sessions: [
            { startsAt, endsAt: at(startsAt, 2 * HOUR), place: { township: '茂林镇', address: '文化站' } },
          ],
          changeSeq: seq,
          changes: [{ seq, session: 0, what: ['time' as const], at: NOW }],
        });
        // An item stored before change numbers existed reads as 0.
        expect(await s.activities.update(activity.id, moved(STARTS, 1), 0, auditRecord(NOW), 0)).toBe(
          'updated',
        );
        expect(await s.activities.get(activity.id)).toMatchObject({ ...moved(STARTS, 1), noticedSeq: 0 });
        // A second writer that read 0 too is refused, with and without an audit entry; nothing of it is written.
        const later = '2030-03-13T09:00:00+08:00';
        expect(await s.activities.update(activity.id, moved(later, 1), 0, auditRecord(NOW), 0)).toBe(
          'changed',
        );
        expect(await s.activities.update(activity.id, moved(later, 1), 0, undefined, 0)).toBe('changed');
        expect((await s.activities.get(activity.id))?.sessions[0]?.startsAt).toBe(STARTS);
        expect(await s.activities.update(activity.id, moved(later, 2), 0, undefined, 1)).toBe('updated');
        expect(await s.activities.update(uid('act'), moved(later, 1), 0, auditRecord(NOW), 0)).toBe(
          'missing',
        );
        // A capacity refusal is still told apart from a change that came first.
        await insert(activity.id, 'confirm');
        await insert(activity.id, 'confirm');
        expect(await s.activities.update(activity.id, { capacity: 1 }, 1, auditRecord(NOW), 2)).toBe(
          'capacity-below-confirmed',
        );

        // The worker records the changes it told only if none came since it read them.
        expect(await s.activities.reschedule(activity.id, NOW, null, 1)).toBe(false);
        expect((await s.activities.get(activity.id))?.wakeAt).toBe(NOW);
        expect(await s.activities.reschedule(activity.id, NOW, later, 2)).toBe(true);
        expect(await s.activities.get(activity.id)).toMatchObject({
          wakeAt: later,
          noticedSeq: 2,
          changeSeq: 2,
        });
        const fresh = await published({ wakeAt: NOW });
        expect(await s.activities.reschedule(fresh.id, NOW, null, 0)).toBe(true);
        expect(await s.activities.get(fresh.id)).toMatchObject({ wakeAt: null, noticedSeq: 0 });
      });
    });

    describe('sign-ups: seats', () => {
      it('confirms up to the capacity, then waitlists; a waitlist place is refused while a seat is free', async () => {
        const activity = await published({ capacity: 2 });
        expect((await insert(activity.id, 'confirm')).outcome).toEqual({ kind: 'inserted' });
        expect((await insert(activity.id, 'waitlist')).outcome).toEqual({ kind: 'seat-available' });
        expect((await insert(activity.id, 'confirm')).outcome).toEqual({ kind: 'inserted' });
        const third = await insert(activity.id, 'confirm');
        expect(third.outcome).toEqual({ kind: 'full' });
        // A refused attempt leaves nothing behind: no sign-up, and the person is free to try again.
        expect(await s.signups.get(third.record.id)).toBeNull();
        expect(await s.signups.attendeeSignups(third.attendeeKey)).toEqual([]);
        expect((await insert(activity.id, 'waitlist', { attendeeKey: third.attendeeKey })).outcome).toEqual({
          kind: 'inserted',
        });
        expect(await counts(activity.id)).toEqual({ confirmed: 2, waitlisted: 1 });
      });

      it('never sells a seat twice: 20 sign-ups at once for 5 seats confirm exactly 5', async () => {
        const activity = await published({ capacity: 5 });
        const results = await Promise.all(Array.from({ length: 20 }, () => insert(activity.id, 'confirm')));
        expect(kinds(results.map((r) => r.outcome))).toEqual([
          ...Array<string>(15).fill('full'),
          ...Array<string>(5).fill('inserted'),
        ]);
        expect(await counts(activity.id)).toEqual({ confirmed: 5, waitlisted: 0 });
        const confirmed = (await s.signups.listForActivity(activity.id)).map((x) => x.id).sort();
        expect(confirmed).toEqual(
          results
            .filter((r) => r.outcome.kind === 'inserted')
            .map((r) => r.record.id)
            .sort(),
        );
      });

      it('gives one attendee one seat however many requests race', async () => {
        const activity = await published({ capacity: 5 });
        const attendeeKey = randomBytes(16).toString('hex');
        const results = await Promise.all(
          Array.from({ length: 6 }, () => insert(activity.id, 'confirm', { attendeeKey })),
        );
        expect(kinds(results.map((r) => r.outcome))).toEqual([
          ...Array<string>(5).fill('duplicate'),
          'inserted',
        ]);
        expect(await counts(activity.id)).toEqual({ confirmed: 1, waitlisted: 0 });
        const winner = results.find((r) => r.outcome.kind === 'inserted');
        expect(await s.signups.attendeeSignups(attendeeKey)).toEqual([
          { activityId: activity.id, signupId: winner?.record.id },
        ]);
        // The same person on the waitlist of that activity is the same person too.
        expect((await insert(activity.id, 'waitlist', { attendeeKey })).outcome.kind).toBe('duplicate');
      });

      it('replays an idempotency key: the request repeated gets the first sign-up, even when both race', async () => {
        const activity = await published({ capacity: 5 });
        const userId = uid('user');
        const idempotency = { key: uid('key'), requestHash: 'hash-1' };
        const first = await insert(activity.id, 'confirm', { userId, idempotency });
        expect(first.outcome).toEqual({ kind: 'inserted' });
        const again = await insert(activity.id, 'confirm', { userId, idempotency });
        expect(again.outcome).toEqual({ kind: 'replay', signupId: first.record.id, requestHash: 'hash-1' });
        expect(await s.signups.findReplay(userId, idempotency.key)).toEqual({
          signupId: first.record.id,
          requestHash: 'hash-1',
        });
        // The key is the user's own: another user's same key is another request.
        expect((await insert(activity.id, 'confirm', { idempotency })).outcome).toEqual({ kind: 'inserted' });
        expect(await s.signups.findReplay(uid('user'), idempotency.key)).toBeNull();

        const racing = { key: uid('key'), requestHash: 'hash-2' };
        const both = await Promise.all([
          insert(activity.id, 'confirm', { userId, idempotency: racing }),
          insert(activity.id, 'confirm', { userId, idempotency: racing }),
        ]);
        const winner = both.find((r) => r.outcome.kind === 'inserted');
        expect(both.map((r) => r.outcome.kind).sort()).toEqual(['inserted', 'replay']);
        expect(both.find((r) => r.outcome.kind === 'replay')?.outcome).toEqual({
          kind: 'replay',
          signupId: winner?.record.id,
          requestHash: 'hash-2',
        });
        expect(await counts(activity.id)).toEqual({ confirmed: 3, waitlisted: 0 });
      });

      it('refuses a seat outside the sign-up window, on a cancelled activity and on a missing one', async () => {
        const activity = await published({ capacity: 5 });
        for (const now of [at(OPENS, -1000), CLOSES, at(CLOSES, HOUR)]) {
          expect((await insert(activity.id, 'confirm', {}, now)).outcome).toEqual({ kind: 'closed' });
          expect((await insert(activity.id, 'waitlist', {}, now)).outcome).toEqual({ kind: 'closed' });
        }
        expect((await insert(activity.id, 'confirm', {}, OPENS)).outcome).toEqual({ kind: 'inserted' });
        // The activity's end closes it too, whatever the sign-up deadline says.
        const ended = await published({ signupClosesAt: at(ENDS, 24 * HOUR) });
        expect((await insert(ended.id, 'confirm', {}, at(ENDS, HOUR))).outcome).toEqual({ kind: 'closed' });
        const cancelled = await published();
        await s.activities.cancel(cancelled.id, '取消', NOW, auditRecord(NOW));
        expect((await insert(cancelled.id, 'confirm')).outcome).toEqual({ kind: 'closed' });
        const missing = await insert(uid('act'), 'confirm');
        expect(missing.outcome).toEqual({ kind: 'closed' });
        expect(await s.signups.get(missing.record.id)).toBeNull();
        expect(await counts(activity.id)).toEqual({ confirmed: 1, waitlisted: 0 });
      });

      it('counts a term limit with the seat, and a cancellation gives the place back', async () => {
        const attendeeKey = randomBytes(16).toString('hex');
        const termLimit = { key: `outreach#${uid('term')}`, limit: 2 };
        const [a, b, c] = [await published(), await published(), await published()];
        const first = await insert(a.id, 'confirm', { attendeeKey, termLimit });
        expect(first.outcome.kind).toBe('inserted');
        expect((await insert(b.id, 'confirm', { attendeeKey, termLimit })).outcome.kind).toBe('inserted');
        expect((await insert(c.id, 'confirm', { attendeeKey, termLimit })).outcome).toEqual({
          kind: 'term-limit',
        });
        expect(await counts(c.id)).toEqual({ confirmed: 0, waitlisted: 0 });
        const cancelled = await s.signups.cancel(
          await read(first.record.id),
          attendeeKey,
          null,
          NOW,
          termLimit.key,
        );
        expect(cancelled).toEqual({ kind: 'cancelled', promotedSignupId: null });
        expect((await insert(c.id, 'confirm', { attendeeKey, termLimit })).outcome.kind).toBe('inserted');
      });

      it('files lottery applications without touching the counters, one per person', async () => {
        const activity = await published({ enrolment: 'lottery', capacity: 1 });
        const attendeeKey = randomBytes(16).toString('hex');
        const results = await Promise.all([
          insert(activity.id, 'apply', { attendeeKey }),
          insert(activity.id, 'apply', { attendeeKey }),
          insert(activity.id, 'apply'),
          insert(activity.id, 'apply'),
        ]);
        expect(kinds(results.map((r) => r.outcome))).toEqual([
          'duplicate',
          'inserted',
          'inserted',
          'inserted',
        ]);
        expect(await counts(activity.id)).toEqual({ confirmed: 0, waitlisted: 0 });
        const statuses = (await s.signups.listForActivity(activity.id)).map((x) => x.status);
        expect(statuses).toEqual(['applied', 'applied', 'applied']);
      });

      it('keeps the counters true when a crowd takes seats and waitlist places at once', async () => {
        const activity = await published({ capacity: 3 });
        // What createSignup does: try a seat, and switch to the waitlist (or back) when the answer says so.
        const takeSeat = async () => {
          let mode: 'confirm' | 'waitlist' = 'confirm';
          const signup = newSignup(activity.id, mode);
          for (let attempt = 0; attempt < 12; attempt++) {
            const record = { ...signup.record, status: STATUS_OF[mode] };
            const outcome = await s.signups.insert({ ...signup, record }, mode, NOW);
            if (outcome.kind === 'inserted') return mode;
            mode = outcome.kind === 'full' ? 'waitlist' : 'confirm';
          }
          throw new Error('no answer after 12 attempts');
        };
        const modes = await Promise.all(Array.from({ length: 12 }, takeSeat));
        expect(modes.filter((m) => m === 'confirm')).toHaveLength(3);
        expect(await counts(activity.id)).toEqual({ confirmed: 3, waitlisted: 9 });
        const waiting = (await s.signups.listForActivity(activity.id)).filter(
          (x) => x.status === 'waitlisted',
        );
        const positions = await Promise.all(waiting.map((w) => s.signups.waitlistPosition(w)));
        expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      });
    });

    describe('sign-ups: cancellation, waitlist and offers', () => {
      /** An activity of `capacity` seats, full, with `waiting` people on its waitlist in order. */
      async function fullWith(capacity: number, waiting: number, overrides: Partial<ActivityRecord> = {}) {
        const activity = await published({ capacity, ...overrides });
        const seated = [];
        for (let i = 0; i < capacity; i++) seated.push(await insert(activity.id, 'confirm'));
        const queued = [];
        for (let i = 0; i < waiting; i++) queued.push(await insert(activity.id, 'waitlist'));
        expect([...seated, ...queued].every((x) => x.outcome.kind === 'inserted')).toBe(true);
        return { activity, seated, queued };
      }

      it('cancelling a held seat with nobody waiting frees it and the person', async () => {
        const { activity, seated } = await fullWith(1, 0);
        const [a] = seated;
        if (!a) throw new Error('no seat');
        const record = await read(a.record.id);
        const later = at(NOW, HOUR);
        expect(await s.signups.cancel(record, a.attendeeKey, null, later)).toEqual({
          kind: 'cancelled',
          promotedSignupId: null,
        });
        expect(await read(a.record.id)).toMatchObject({
          status: 'cancelled',
          cancelledAt: later,
          updatedAt: later,
        });
        expect(await counts(activity.id)).toEqual({ confirmed: 0, waitlisted: 0 });
        expect(await s.signups.attendeeSignups(a.attendeeKey)).toEqual([]);
        // A second cancel of the record as first read finds it changed.
        expect(await s.signups.cancel(record, a.attendeeKey, null, later)).toEqual({ kind: 'conflict' });
        expect((await insert(activity.id, 'confirm', { attendeeKey: a.attendeeKey })).outcome.kind).toBe(
          'inserted',
        );
      });

      it('cancelling a held seat promotes the first waitlisted in the same write', async () => {
        const { activity, seated, queued } = await fullWith(1, 2);
        const [a] = seated;
        const [b, c] = queued;
        if (!a || !b || !c) throw new Error('setup');
        const first = await s.signups.firstWaitlisted(activity.id);
        expect(first?.id).toBe(b.record.id);
        expect(await s.signups.waitlistPosition(await read(c.record.id))).toBe(2);
        const result = await s.signups.cancel(
          await read(a.record.id),
          a.attendeeKey,
          { record: await read(b.record.id), as: 'confirmed' },
          NOW,
        );
        expect(result).toEqual({ kind: 'cancelled', promotedSignupId: b.record.id });
        expect(await read(b.record.id)).toMatchObject({ status: 'confirmed', promotedAt: NOW });
        expect(await counts(activity.id)).toEqual({ confirmed: 1, waitlisted: 1 });
        expect((await s.signups.firstWaitlisted(activity.id))?.id).toBe(c.record.id);
        expect(await s.signups.waitlistPosition(await read(c.record.id))).toBe(1);
      });

      it('does not free a seat while someone waits: the caller must name who moves up', async () => {
        const { activity, seated } = await fullWith(1, 1);
        const [a] = seated;
        if (!a) throw new Error('setup');
        expect(await s.signups.cancel(await read(a.record.id), a.attendeeKey, null, NOW)).toEqual({
          kind: 'conflict',
        });
        expect(await read(a.record.id)).toMatchObject({ status: 'confirmed' });
        expect(await counts(activity.id)).toEqual({ confirmed: 1, waitlisted: 1 });
      });

      it('two seats freed at once cannot both go to the same waiting person', async () => {
        const { activity, seated, queued } = await fullWith(2, 1);
        const [a, b] = seated;
        const [c] = queued;
        if (!a || !b || !c) throw new Error('setup');
        const promotion = { record: await read(c.record.id), as: 'confirmed' as const };
        const [ra, rb] = await Promise.all([
          s.signups.cancel(await read(a.record.id), a.attendeeKey, promotion, NOW),
          s.signups.cancel(await read(b.record.id), b.attendeeKey, promotion, NOW),
        ]);
        expect([ra?.kind, rb?.kind].sort()).toEqual(['cancelled', 'conflict']);
        expect(await counts(activity.id)).toEqual({ confirmed: 2, waitlisted: 0 });
        expect(await read(c.record.id)).toMatchObject({ status: 'confirmed' });
      });

      it('cancelling a waitlist place shortens the waitlist', async () => {
        const { activity, queued } = await fullWith(1, 2);
        const [b, c] = queued;
        if (!b || !c) throw new Error('setup');
        expect(await s.signups.cancel(await read(b.record.id), b.attendeeKey, null, NOW)).toEqual({
          kind: 'cancelled',
          promotedSignupId: null,
        });
        expect(await counts(activity.id)).toEqual({ confirmed: 1, waitlisted: 1 });
        expect(await s.signups.waitlistPosition(await read(c.record.id))).toBe(1);
      });

      it('promotes into a seat that a larger capacity freed, and only then', async () => {
        const { activity, queued } = await fullWith(1, 1);
        const [b] = queued;
        if (!b) throw new Error('setup');
        const promotion = { record: await read(b.record.id), as: 'confirmed' as const };
        expect(await s.signups.promote(activity.id, promotion, NOW)).toBe('conflict');
        await s.activities.update(activity.id, { capacity: 3 }, 3);
        expect(await s.signups.promote(activity.id, promotion, NOW)).toBe('promoted');
        expect(await read(b.record.id)).toMatchObject({ status: 'confirmed', promotedAt: NOW });
        expect(await counts(activity.id)).toEqual({ confirmed: 2, waitlisted: 0 });
        // Nobody waits any more: the same promotion again finds no one to move.
        expect(await s.signups.promote(activity.id, promotion, NOW)).toBe('conflict');
      });

      it('holds an offered seat until it is accepted before the offer runs out', async () => {
        const { activity, seated, queued } = await fullWith(1, 1, { waitlist: 'offer' });
        const [a] = seated;
        const [b] = queued;
        if (!a || !b) throw new Error('setup');
        const expires = at(NOW, 24 * HOUR);
        await s.signups.cancel(
          await read(a.record.id),
          a.attendeeKey,
          { record: await read(b.record.id), as: 'offered', offerExpiresAt: expires },
          NOW,
        );
        const offered = await read(b.record.id);
        expect(offered).toMatchObject({ status: 'offered', offerExpiresAt: expires, promotedAt: NOW });
        expect(await counts(activity.id)).toEqual({ confirmed: 1, waitlisted: 0 });
        expect(await s.signups.acceptOffer(offered, at(NOW, HOUR))).toBe('confirmed');
        const accepted = await read(b.record.id);
        expect(accepted.status).toBe('confirmed');
        expect(accepted.offerExpiresAt).toBeUndefined();
        expect(await s.signups.acceptOffer(offered, at(NOW, HOUR))).toBe('conflict');
        expect(await counts(activity.id)).toEqual({ confirmed: 1, waitlisted: 0 });
      });

      it('refuses to accept an offer at or after its expiry', async () => {
        const { seated, queued } = await fullWith(1, 1, { waitlist: 'offer' });
        const [a] = seated;
        const [b] = queued;
        if (!a || !b) throw new Error('setup');
        const expires = at(NOW, HOUR);
        await s.signups.cancel(
          await read(a.record.id),
          a.attendeeKey,
          { record: await read(b.record.id), as: 'offered', offerExpiresAt: expires },
          NOW,
        );
        const offered = await read(b.record.id);
        expect(await s.signups.acceptOffer(offered, expires)).toBe('conflict');
        expect(await s.signups.acceptOffer(offered, at(expires, HOUR))).toBe('conflict');
        expect(await read(b.record.id)).toMatchObject({ status: 'offered' });
      });

      it('passes an expired offer to the next in line, or frees the seat when nobody waits', async () => {
        const { activity, seated, queued } = await fullWith(1, 2, { waitlist: 'offer' });
        const [a] = seated;
        const [b, c] = queued;
        if (!a || !b || !c) throw new Error('setup');
        const expires = at(NOW, HOUR);
        await s.signups.cancel(
          await read(a.record.id),
          a.attendeeKey,
          { record: await read(b.record.id), as: 'offered', offerExpiresAt: expires },
          NOW,
        );
        const offeredB = await read(b.record.id);
        const later = at(expires, 1000);
        const next = {
          record: await read(c.record.id),
          as: 'offered' as const,
          offerExpiresAt: at(later, HOUR),
        };
        expect(await s.signups.expireOffer(offeredB, b.attendeeKey, next, later)).toBe('expired');
        expect(await read(b.record.id)).toMatchObject({ status: 'expired' });
        expect(await read(c.record.id)).toMatchObject({ status: 'offered', offerExpiresAt: at(later, HOUR) });
        expect(await s.signups.attendeeSignups(b.attendeeKey)).toEqual([]);
        expect(await counts(activity.id)).toEqual({ confirmed: 1, waitlisted: 0 });
        // The same expiry run again finds the offer already ended.
        expect(await s.signups.expireOffer(offeredB, b.attendeeKey, null, later)).toBe('conflict');
        expect(
          await s.signups.expireOffer(await read(c.record.id), c.attendeeKey, null, at(later, 2 * HOUR)),
        ).toBe('expired');
        expect(await counts(activity.id)).toEqual({ confirmed: 0, waitlisted: 0 });
      });

      it('orders the waitlist by time of joining; far back, a position comes from the counter', async () => {
        const { queued } = await fullWith(1, 4);
        const records = await Promise.all(queued.map((q) => read(q.record.id)));
        expect(await Promise.all(records.map((r) => s.signups.waitlistPosition(r)))).toEqual([1, 2, 3, 4]);
        const short = fixture.signupsCountingTo(2);
        // Exact while at most 2 are ahead; then the activity's counter (4), never below the count.
        expect(await Promise.all(records.map((r) => short.waitlistPosition(r)))).toEqual([1, 2, 4, 4]);
        const last = records[3];
        if (!last) throw new Error('setup');
        expect(await short.waitlistPosition(last, 10)).toBe(10);
        expect(await short.waitlistPosition(last, 1)).toBe(3);
      });

      it('writes a draw once per sign-up: ranks order the waitlist, a cancelled one stays cancelled', async () => {
        const activity = await published({ enrolment: 'lottery', capacity: 1 });
        const applicants = [];
        for (let i = 0; i < 4; i++) applicants.push(await insert(activity.id, 'apply'));
        const [w, x, y, z] = applicants.map((a) => a.record.id);
        const gone = applicants[2];
        if (!w || !x || !y || !z || !gone) throw new Error('setup');
        await s.signups.cancel(await read(y), gone.attendeeKey, null, NOW);
        // Drawn order z, w, y, x: z takes the seat; the waitlist follows the ranks, not the ids.
        const assignments = [
          { id: z, status: 'confirmed' as const, rank: '!000001' },
          { id: w, status: 'waitlisted' as const, rank: '!000002' },
          { id: y, status: 'waitlisted' as const, rank: '!000003' },
          { id: x, status: 'waitlisted' as const, rank: '!000004' },
        ];
        const drawnAt = at(NOW, HOUR);
        await s.signups.applyDraw(assignments, drawnAt);
        const after = async () =>
          (await s.signups.listForActivity(activity.id)).map((r) => [r.id, r.status, r.waitlistRank ?? null]);
        const expected = [
          [z, 'confirmed', '!000001'],
          [w, 'waitlisted', '!000002'],
          [x, 'waitlisted', '!000004'],
          [y, 'cancelled', null],
        ];
        expect(await after()).toEqual(expected);
        expect(await read(z)).toMatchObject({ drawnAt, updatedAt: drawnAt });
        expect((await s.signups.firstWaitlisted(activity.id))?.id).toBe(w);
        expect(await s.signups.waitlistPosition(await read(x))).toBe(2);
        // Run again (an interrupted draw): the same statuses and ranks.
        await s.signups.applyDraw(assignments, drawnAt);
        expect(await after()).toEqual(expected);
      });

      it('queues what a change owes in the same write as the change, and nothing when it is refused', async () => {
        const activity = await published({ capacity: 1 });
        const seat = newSignup(activity.id, 'confirm');
        const reminder = message(seat.record.id, 'reminder-24h', NOW);
        expect(await s.signups.insert({ ...seat, messages: [reminder] }, 'confirm', NOW)).toEqual({
          kind: 'inserted',
        });
        expect(await s.outbox.list(seat.record.id)).toEqual([reminder]);
        const refused = newSignup(activity.id, 'confirm');
        const owed = message(refused.record.id, 'reminder-24h', NOW);
        expect(await s.signups.insert({ ...refused, messages: [owed] }, 'confirm', NOW)).toEqual({
          kind: 'full',
        });
        expect(await s.outbox.list(refused.record.id)).toEqual([]);

        const waiting = await insert(activity.id, 'waitlist');
        const told = message(waiting.record.id, 'seat-confirmed', NOW);
        const promotion = {
          record: await read(waiting.record.id),
          as: 'confirmed' as const,
          messages: [told],
        };
        // Refused (someone is still waiting, nobody named): the promotion's message is not queued either.
        expect(await s.signups.cancel(await read(seat.record.id), seat.attendeeKey, null, NOW)).toEqual({
          kind: 'conflict',
        });
        expect(
          await s.signups.cancel(await read(seat.record.id), seat.attendeeKey, promotion, NOW),
        ).toMatchObject({
          kind: 'cancelled',
        });
        expect(await s.outbox.list(waiting.record.id)).toEqual([told]);

        const grown = await published({ capacity: 1 });
        await insert(grown.id, 'confirm');
        const next = await insert(grown.id, 'waitlist');
        await s.activities.update(grown.id, { capacity: 2 }, 2);
        const promoted = message(next.record.id, 'seat-confirmed', NOW);
        const promote = {
          record: await read(next.record.id),
          as: 'confirmed' as const,
          messages: [promoted],
        };
        expect(await s.signups.promote(grown.id, promote, NOW)).toBe('promoted');
        expect(await s.signups.promote(grown.id, promote, NOW)).toBe('conflict');
        expect(await s.outbox.list(next.record.id)).toEqual([promoted]);
      });

      it('takes an offer with its messages, lists offers past their deadline, and drops them once settled', async () => {
        const { activity, seated, queued } = await fullWith(1, 2, { waitlist: 'offer' });
        const [a] = seated;
        const [b, c] = queued;
        if (!a || !b || !c) throw new Error('setup');
        const deadline = at(NOW, HOUR);
        await s.signups.cancel(
          await read(a.record.id),
          a.attendeeKey,
          { record: await read(b.record.id), as: 'offered', offerExpiresAt: deadline },
          NOW,
        );
        const mine = async (now: string) =>
          (await s.signups.expiredOffers(now))
            .map((x) => x.id)
            .filter((id) => id === b.record.id || id === c.record.id);
        expect(await mine(at(deadline, -1000))).toEqual([]);
        expect(await mine(deadline)).toEqual([b.record.id]);

        const offered = await read(b.record.id);
        const confirmedMessage = message(b.record.id, 'seat-confirmed', NOW);
        expect(await s.signups.acceptOffer(offered, deadline, [confirmedMessage])).toBe('conflict');
        expect(await s.outbox.list(b.record.id)).toEqual([]);
        expect(await s.signups.acceptOffer(offered, at(NOW, 1000), [confirmedMessage])).toBe('confirmed');
        expect(await s.outbox.list(b.record.id)).toEqual([confirmedMessage]);
        expect(await mine(at(deadline, HOUR))).toEqual([]);

        await s.activities.update(activity.id, { capacity: 2 }, 2);
        const cDeadline = at(NOW, 2 * HOUR);
        const offer = { record: await read(c.record.id), as: 'offered' as const, offerExpiresAt: cDeadline };
        expect(await s.signups.promote(activity.id, offer, NOW)).toBe('promoted');
        expect(await mine(cDeadline)).toEqual([c.record.id]);
        await s.signups.expireOffer(await read(c.record.id), c.attendeeKey, null, cDeadline);
        expect(await mine(cDeadline)).toEqual([]);
        expect(await counts(activity.id)).toEqual({ confirmed: 1, waitlisted: 0 });
      });

      it('queues each result of a draw once, however often the draw is written', async () => {
        const activity = await published({ enrolment: 'lottery', capacity: 1 });
        const applicants = [];
        for (let i = 0; i < 3; i++) applicants.push(await insert(activity.id, 'apply'));
        const [w, x, y] = applicants.map((a) => a.record.id);
        const gone = applicants[2];
        if (!w || !x || !y || !gone) throw new Error('setup');
        await s.signups.cancel(await read(y), gone.attendeeKey, null, NOW);
        const result = (id: string) => [message(id, 'lottery-result', NOW)];
        const assignments = [
          { id: x, status: 'confirmed' as const, rank: '!000001', messages: result(x) },
          { id: w, status: 'waitlisted' as const, rank: '!000002', messages: result(w) },
          { id: y, status: 'waitlisted' as const, rank: '!000003', messages: result(y) },
        ];
        await s.signups.applyDraw(assignments, NOW);
        // Run again later (an interrupted draw): the statuses are written again, the messages are not.
        const again = at(NOW, HOUR);
        await s.signups.applyDraw(assignments, again);
        expect(await read(x)).toMatchObject({ status: 'confirmed', waitlistRank: '!000001', drawnAt: again });
        expect(await read(w)).toMatchObject({
          status: 'waitlisted',
          waitlistRank: '!000002',
          drawnAt: again,
        });
        for (const id of [x, w])
          expect((await s.outbox.list(id)).map((m) => m.kind)).toEqual(['lottery-result']);
        // A sign-up cancelled since the order was computed is told nothing.
        expect(await read(y)).toMatchObject({ status: 'cancelled' });
        expect(await s.outbox.list(y)).toEqual([]);
      });

      it("lists a user's sign-ups newest first, page by page, and refuses anyone else's cursor", async () => {
        const userId = uid('user');
        const made = [];
        for (let i = 0; i < 4; i++) {
          const activity = await published();
          made.push((await insert(activity.id, 'confirm', { userId })).record.id);
        }
        const pages: string[][] = [];
        let cursor: string | undefined;
        do {
          const page = await s.signups.listMine(userId, cursor, 2);
          pages.push(page.items.map((x) => x.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor && pages.length < 5);
        // A page that ends exactly at the last one still carries a cursor; the page after it is empty.
        expect(pages).toEqual([[made[3], made[2]], [made[1], made[0]], []]);
        const first = await s.signups.listMine(userId, undefined, 1);
        expect(first.nextCursor).toEqual(expect.any(String));
        await expect(s.signups.listMine(uid('user'), first.nextCursor ?? '', 1)).rejects.toMatchObject({
          code: 'INVALID_CURSOR',
        });
        await expect(s.signups.listMine(userId, 'eyJ4IjoxfQ', 1)).rejects.toMatchObject({
          code: 'INVALID_CURSOR',
        });
      });

      it('knows which activities an attendee holds a live sign-up on', async () => {
        const attendeeKey = randomBytes(16).toString('hex');
        const [a, b] = [await published(), await published()];
        const inA = await insert(a.id, 'confirm', { attendeeKey });
        const inB = await insert(b.id, 'confirm', { attendeeKey });
        const held = await s.signups.attendeeSignups(attendeeKey);
        expect(held).toEqual(
          [
            { activityId: a.id, signupId: inA.record.id },
            { activityId: b.id, signupId: inB.record.id },
          ].sort((p, q) => (p.activityId < q.activityId ? -1 : 1)),
        );
        await s.signups.cancel(await read(inA.record.id), attendeeKey, null, NOW);
        expect(await s.signups.attendeeSignups(attendeeKey)).toEqual([
          { activityId: b.id, signupId: inB.record.id },
        ]);
      });
    });

    describe('outbox and subscriptions', () => {
      it('queues one message per sign-up and kind, even when two race', async () => {
        const signupId = nextSignupId();
        const offer = message(signupId, 'offer', NOW);
        expect((await Promise.all([s.outbox.enqueue(offer), s.outbox.enqueue(offer)])).sort()).toEqual([
          false,
          true,
        ]);
        expect(await s.outbox.enqueue({ ...offer, nextAttemptAt: at(NOW, HOUR) })).toBe(false);
        expect(await s.outbox.enqueue(message(signupId, 'lottery-result', NOW))).toBe(true);
        expect((await s.outbox.list(signupId)).map((m) => m.kind)).toEqual(['lottery-result', 'offer']);
        expect((await s.outbox.list(signupId))[1]).toEqual(offer);
      });

      it('queues one message per sign-up, kind and what it is about, and settles each on its own', async () => {
        const signupId = nextSignupId();
        const changed = { ...message(signupId, 'session-changed', NOW), about: 's2#c1' };
        expect(
          (await Promise.all([s.outbox.enqueue(changed), s.outbox.enqueue({ ...changed })])).sort(),
        ).toEqual([false, true]);
        expect(await s.outbox.enqueue({ ...changed, about: 's2#c2' })).toBe(true);
        expect(await s.outbox.enqueue({ ...changed, kind: 'session-reminder', about: 's2' })).toBe(true);
        // Without `about`, the id is the kind alone, as messages stored before it were.
        expect(await s.outbox.enqueue(message(signupId, 'session-changed', NOW))).toBe(true);
        expect((await s.outbox.list(signupId)).map((m) => [m.kind, m.about])).toEqual([
          ['session-changed', undefined],
          ['session-changed', 's2#c1'],
          ['session-changed', 's2#c2'],
          ['session-reminder', 's2'],
        ]);
        const sentAt = at(NOW, HOUR);
        await s.outbox.settle(changed, { status: 'sent', sentAt });
        await s.outbox.retry({ ...changed, about: 's2#c2' }, at(NOW, 2 * HOUR), 45015);
        expect((await s.outbox.list(signupId)).map((m) => [m.about, m.status, m.attempts])).toEqual([
          [undefined, 'pending', 0],
          ['s2#c1', 'sent', 1],
          ['s2#c2', 'pending', 1],
          ['s2', 'pending', 0],
        ]);
        const due = (await s.outbox.due(at(NOW, HOUR), 1000)).filter((m) => m.signupId === signupId);
        expect(due.map((m) => m.about)).toEqual([undefined, 's2']);
      });

      it('lists what is due in order, settles a message once, and retries one later', async () => {
        // Earlier than anything else this suite queues, so `limit` counts only these.
        const base = '1990-01-01T08:00:00+08:00';
        const queued = [2, 0, 1].map((n) => message(nextSignupId(), 'reminder-24h', at(base, n * 60_000)));
        for (const m of queued) expect(await s.outbox.enqueue(m)).toBe(true);
        const [m2, m0, m1] = queued;
        if (!m0 || !m1 || !m2) throw new Error('setup');
        const ours = new Set(queued.map((m) => m.signupId));
        const due = async (now: string, limit = 100) =>
          (await s.outbox.due(now, limit)).filter((m) => ours.has(m.signupId)).map((m) => m.signupId);
        expect(await due(at(base, 60_000))).toEqual([m0.signupId, m1.signupId]);
        expect(await due(at(base, HOUR), 2)).toEqual([m0.signupId, m1.signupId]);

        const sentAt = at(base, 2 * HOUR);
        await s.outbox.settle(m0, { status: 'sent', sentAt });
        expect(await s.outbox.list(m0.signupId)).toEqual([
          { ...m0, status: 'sent', attempts: 1, sentAt, lastError: null },
        ]);
        await expect(s.outbox.settle(m0, { status: 'failed', lastError: 'again' })).rejects.toMatchObject({
          name: 'ConditionalCheckFailedException',
        });
        await expect(s.outbox.retry(m0, sentAt, 500)).rejects.toMatchObject({
          name: 'ConditionalCheckFailedException',
        });

        const retryAt = at(base, 3 * HOUR);
        await s.outbox.retry(m1, retryAt, 45015);
        expect(await s.outbox.list(m1.signupId)).toEqual([
          { ...m1, attempts: 1, nextAttemptAt: retryAt, lastError: 45015 },
        ]);
        expect(await due(at(base, HOUR))).toEqual([m2.signupId]);
        expect(await due(retryAt)).toEqual([m2.signupId, m1.signupId]);
      });

      it('counts accepted subscriptions and uses one per message; a refusal stops the template', async () => {
        const userId = uid('user');
        await s.subscriptions.accept(userId, ['tpl-a', 'tpl-b']);
        await s.subscriptions.accept(userId, ['tpl-a']);
        await s.subscriptions.accept(userId, []);
        expect(await s.subscriptions.balance(userId)).toEqual({ 'tpl-a': 2, 'tpl-b': 1 });
        expect(await s.subscriptions.consume(userId, 'tpl-a')).toBe(true);
        expect(await s.subscriptions.consume(userId, 'tpl-a')).toBe(true);
        expect(await s.subscriptions.consume(userId, 'tpl-a')).toBe(false);
        expect(await s.subscriptions.consume(userId, 'tpl-none')).toBe(false);
        expect(await s.subscriptions.consume(uid('user'), 'tpl-a')).toBe(false);

        await s.subscriptions.refuse(userId, 'tpl-b');
        expect(await s.subscriptions.balance(userId)).toEqual({ 'tpl-a': 0, 'tpl-b': 0 });
        expect(await s.subscriptions.consume(userId, 'tpl-b')).toBe(false);
        await s.subscriptions.accept(userId, ['tpl-b']);
        expect(await s.subscriptions.consume(userId, 'tpl-b')).toBe(true);
      });

      it('uses one subscription once when several messages race for it', async () => {
        const userId = uid('user');
        await s.subscriptions.accept(userId, ['tpl-a']);
        const used = await Promise.all(
          Array.from({ length: 4 }, () => s.subscriptions.consume(userId, 'tpl-a')),
        );
        expect(used.filter(Boolean)).toHaveLength(1);
        expect(await s.subscriptions.balance(userId)).toEqual({ 'tpl-a': 0 });
      });
    });

    describe('rate limits, family members and users', () => {
      it('allows `limit` hits in a window, then refuses until the next window', async () => {
        const subject = uid('subject');
        const windowStart = Date.parse('2030-03-05T10:00:00+08:00');
        const now = windowStart + 10_000;
        const hits = [];
        for (let i = 0; i < 4; i++) hits.push(await s.rateLimiter.hit('login', subject, 3, 60, now));
        expect(hits).toEqual([
          { allowed: true, retryAfterSeconds: 0 },
          { allowed: true, retryAfterSeconds: 0 },
          { allowed: true, retryAfterSeconds: 0 },
          { allowed: false, retryAfterSeconds: 50 },
        ]);
        expect(await s.rateLimiter.hit('signup', subject, 3, 60, now)).toEqual({
          allowed: true,
          retryAfterSeconds: 0,
        });
        expect(await s.rateLimiter.hit('login', subject, 3, 60, windowStart + 60_000)).toEqual({
          allowed: true,
          retryAfterSeconds: 0,
        });
      });

      it('counts concurrent hits exactly', async () => {
        const subject = uid('subject');
        const now = Date.parse(NOW);
        const hits = await Promise.all(
          Array.from({ length: 10 }, () => s.rateLimiter.hit('login', subject, 3, 60, now)),
        );
        expect(hits.filter((h) => h.allowed)).toHaveLength(3);
      });

      it('keeps family members up to the limit; changing one already kept is always allowed', async () => {
        const userId = uid('user');
        const member = (id: string, n: number): FamilyMember => ({
          id,
          name: `家人${n}`,
          phone: '13900000001',
          relation: '母亲',
          createdAt: at(NOW, n * 1000),
        });
        expect(await s.family.put(userId, member('m-b', 1), 2)).toBe('saved');
        expect(await s.family.put(userId, member('m-a', 2), 2)).toBe('saved');
        expect(await s.family.put(userId, member('m-c', 3), 2)).toBe('limit');
        expect(await s.family.put(userId, { ...member('m-b', 1), name: '改名' }, 2)).toBe('saved');
        expect((await s.family.list(userId)).map((m) => [m.id, m.name])).toEqual([
          ['m-b', '改名'],
          ['m-a', '家人2'],
        ]);
        expect(await s.family.remove(userId, 'm-b')).toBe(true);
        expect(await s.family.remove(userId, 'm-b')).toBe(false);
        expect(await s.family.put(userId, member('m-c', 3), 2)).toBe('saved');
        expect(await s.family.list(uid('user'))).toEqual([]);
      });

      it("makes a user on first login, once, and keeps an existing user's roles", async () => {
        const id = uid('user');
        const made = await Promise.all([
          s.users.ensure(id, { openId: 'o-1', shortId: shortIdOf(id) }, NOW),
          s.users.ensure(id, { openId: 'o-1', shortId: shortIdOf(id) }, NOW),
          s.users.ensure(id, { openId: 'o-1', shortId: shortIdOf(id) }, NOW),
        ]);
        const expected = {
          id,
          roles: ['user'],
          rolesVersion: 0,
          shortId: shortIdOf(id),
          openId: 'o-1',
          createdAt: NOW,
        };
        expect(made).toEqual([expected, expected, expected]);
        expect(await s.users.get(id)).toEqual(expected);
        expect(await s.users.ensure(id, { openId: 'o-2', shortId: shortIdOf(id) }, at(NOW, HOUR))).toEqual(
          expected,
        );
        const admin = CONTRACT_SEED.admin;
        expect((await s.users.ensure(admin.id, { shortId: admin.shortId }, NOW)).roles).toEqual(
          CONTRACT_SEED.admin.roles,
        );
        expect(await s.users.get(uid('user'))).toBeNull();
      });
    });

    describe('people: users, invitations and members', () => {
      const teacherOf = (schoolId: string): Role => `staff:${schoolId}`;

      async function newUser(): Promise<UserRecord> {
        const id = uid('user');
        return s.users.ensure(id, { shortId: shortIdOf(id) }, NOW);
      }

      function memberRow(
        schoolId: string,
        user: UserRecord,
        extra: Partial<MemberRecord> = {},
      ): MemberRecord {
        const shortId = user.shortId ?? shortIdOf(user.id);
        return { schoolId, userId: user.id, shortId, role: 'teacher', since: NOW, note: null, ...extra };
      }

      async function invited(overrides: Partial<InvitationRecord> = {}): Promise<InvitationRecord> {
        const record = invitationRecord(overrides);
        await s.invitations.create(record, auditRecord(record.createdAt, 'invitation.create'));
        return record;
      }

      /** The user takes the invitation's teacher place at `now`: the role, the member row and an audit entry. */
      function redeem(user: UserRecord, invitation: InvitationRecord, now = NOW, audit = auditRecord(now)) {
        return s.users.changeRoles({
          user,
          roles: [...user.roles, teacherOf(invitation.schoolId)],
          member: { put: memberRow(invitation.schoolId, user, { since: now }) },
          audit: [audit],
          redeems: { invitationId: invitation.id, now },
        });
      }

      /** The ids of every audit entry written so far. */
      async function auditIds(): Promise<Set<string>> {
        const ids = new Set<string>();
        let cursor: string | undefined;
        do {
          const page = await s.audit.list(cursor, 100);
          for (const entry of page.items) ids.add(entry.id);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return ids;
      }

      it('gives a user their 用户编号 on first login and finds them by it', async () => {
        const user = await newUser();
        expect(user.shortId).toBe(shortIdOf(user.id));
        expect(await s.users.byShortId(shortIdOf(user.id))).toEqual(user);
        expect(await s.users.byShortId(shortIdOf(uid('nobody')))).toBeNull();
      });

      it('closes an account: only its id, the plain role and closedAt stay; the 用户编号 no longer finds it', async () => {
        const user = await newUser();
        await s.users.close(user.id, NOW, auditRecord(NOW, 'close-account'));
        const closed = await s.users.get(user.id);
        expect(closed).toMatchObject({ id: user.id, roles: ['user'], closedAt: NOW });
        expect(closed?.shortId).toBeUndefined();
        expect(closed?.openId).toBeUndefined();
        expect(await s.users.byShortId(shortIdOf(user.id))).toBeNull();
        // A token alone, never written as a profile, is closed all the same.
        const ghost = uid('ghost');
        await s.users.close(ghost, NOW, auditRecord(NOW, 'close-account'));
        expect(await s.users.get(ghost)).toMatchObject({ id: ghost, closedAt: NOW });
        await s.subscriptions.accept(user.id, ['t-reminder']);
        await s.subscriptions.forget(user.id);
        expect(await s.subscriptions.balance(user.id)).toEqual({});
      });

      it('writes a sign-up’s attendee over, keeping its status and counts', async () => {
        const activity = await published();
        const { record } = await insert(activity.id, 'confirm');
        await s.signups.anonymize(record.id, { name: '已注销用户', phone: '' }, NOW);
        const after = await read(record.id);
        expect(after).toMatchObject({
          status: 'confirmed',
          attendee: { name: '已注销用户', phone: '' },
          updatedAt: NOW,
        });
        await counts(activity.id);
      });

      it('writes roles only over the version it read: a stale one is a conflict and changes nothing', async () => {
        const read = await newUser();
        const schoolId = uid('school');
        const granted = auditRecord(NOW, 'role.grant');
        expect(
          await s.users.changeRoles({
            user: read,
            roles: ['user', teacherOf(schoolId)],
            member: { put: memberRow(schoolId, read) },
            audit: [granted],
          }),
        ).toBe('changed');
        const after = { ...read, roles: ['user', teacherOf(schoolId)], rolesVersion: 1 };
        expect(await s.users.get(read.id)).toEqual(after);

        const stale = auditRecord(NOW, 'role.revoke');
        expect(
          await s.users.changeRoles({
            user: read,
            roles: ['user'],
            member: { remove: { schoolId } },
            audit: [stale],
          }),
        ).toBe('conflict');
        expect(await s.users.get(read.id)).toEqual(after);
        expect(await s.invitations.members(schoolId)).toEqual([memberRow(schoolId, read)]);
        const ids = await auditIds();
        expect([ids.has(granted.id), ids.has(stale.id)]).toEqual([true, false]);

        // Nobody who never logged in is given roles.
        const ghost = { ...read, id: uid('user') };
        expect(await s.users.changeRoles({ user: ghost, roles: ['user', 'admin'], audit: [] })).toBe(
          'conflict',
        );
        expect(await s.users.get(ghost.id)).toBeNull();
      });

      it('lets exactly one of five people redeem one invitation at once; the others find it gone', async () => {
        const invitation = await invited();
        const users = await Promise.all(Array.from({ length: 5 }, () => newUser()));
        const audits = users.map(() => auditRecord(NOW, 'role.grant'));
        const outcomes = await Promise.all(users.map((user, i) => redeem(user, invitation, NOW, audits[i])));
        expect([...outcomes].sort()).toEqual(['changed', ...Array<string>(4).fill('invitation-gone')]);
        const won = outcomes.indexOf('changed');
        const winner = users[won] as UserRecord;
        expect(await s.invitations.get(invitation.id)).toEqual({
          ...invitation,
          status: 'used',
          usedBy: winner.id,
          usedAt: NOW,
        });
        expect(await s.invitations.members(invitation.schoolId)).toEqual([
          memberRow(invitation.schoolId, winner),
        ]);
        for (const user of users) {
          expect(await s.users.get(user.id)).toEqual(
            user === winner
              ? { ...user, roles: ['user', teacherOf(invitation.schoolId)], rolesVersion: 1 }
              : user,
          );
        }
        const ids = await auditIds();
        expect(audits.filter((a) => ids.has(a.id))).toEqual([audits[won]]);
      });

      it('refuses an invitation at and after its expiry, and one that does not exist', async () => {
        const invitation = await invited({ createdAt: at(NOW, -71 * HOUR) });
        expect(invitation.validUntil).toBe(at(NOW, HOUR));
        const user = await newUser();
        expect(await redeem(user, invitation, at(NOW, 2 * HOUR))).toBe('invitation-gone');
        expect(await redeem(user, invitation, invitation.validUntil)).toBe('invitation-gone');
        expect(await redeem(user, invitationRecord({ schoolId: invitation.schoolId }))).toBe(
          'invitation-gone',
        );
        expect(await s.users.get(user.id)).toEqual(user);
        expect(await s.invitations.get(invitation.id)).toEqual(invitation);
        expect(await s.invitations.members(invitation.schoolId)).toEqual([]);

        // A second before it runs out, it still works.
        expect(await redeem(user, invitation, at(invitation.validUntil, -1000))).toBe('changed');
        // Used, with the user's version stale too: the invitation's refusal is the one reported.
        expect(await redeem(user, invitation)).toBe('invitation-gone');
      });

      it('cancels a pending invitation once; a cancelled or used one stays as it is', async () => {
        const invitation = await invited();
        const cancelled = auditRecord(NOW, 'invitation.cancel');
        expect(await s.invitations.cancel(invitation.id, NOW, cancelled)).toBe('cancelled');
        expect(await s.invitations.cancel(invitation.id, NOW, auditRecord(NOW))).toBe('not-pending');
        expect(await s.invitations.get(invitation.id)).toEqual({ ...invitation, status: 'cancelled' });
        expect(await redeem(await newUser(), invitation)).toBe('invitation-gone');
        expect((await auditIds()).has(cancelled.id)).toBe(true);

        const used = await invited();
        expect(await redeem(await newUser(), used)).toBe('changed');
        expect(await s.invitations.cancel(used.id, NOW, auditRecord(NOW))).toBe('not-pending');
        expect((await s.invitations.get(used.id))?.status).toBe('used');
        expect(await s.invitations.cancel(invitationRecord().id, NOW, auditRecord(NOW))).toBe('not-pending');
        expect(await s.invitations.get(invitationRecord().id)).toBeNull();
        await expect(s.invitations.create(invitation, auditRecord(NOW))).rejects.toThrow(
          `invitation ${invitation.id} not written`,
        );
      });

      it("lists a school's pending invitations newest first, leaving out used, cancelled and expired ones", async () => {
        const schoolId = uid('school');
        const madeAgo = (hours: number, extra: Partial<InvitationRecord> = {}) =>
          invited({ schoolId, createdAt: at(NOW, -hours * HOUR), ...extra });
        const oldest = await madeAgo(6, { role: 'school-admin', note: '教务处' });
        const used = await madeAgo(5);
        const cancelled = await madeAgo(4);
        await madeAgo(80); // ran out 8 hours ago
        await madeAgo(3, { validUntil: NOW }); // runs out this instant
        const newest = await madeAgo(1);
        await invited({ createdAt: at(NOW, -2 * HOUR) }); // another school's
        expect(await redeem(await newUser(), used)).toBe('changed');
        expect(await s.invitations.cancel(cancelled.id, NOW, auditRecord(NOW))).toBe('cancelled');
        expect(await s.invitations.pending(schoolId, NOW)).toEqual([newest, oldest]);
        expect(await s.invitations.pending(uid('school'), NOW)).toEqual([]);
      });

      it("lists a school's people as their rows were written, and forgets one removed", async () => {
        const schoolId = uid('school');
        const [teacher, head] = await Promise.all([newUser(), newUser()]);
        const rows = [
          memberRow(schoolId, teacher),
          memberRow(schoolId, head, { role: 'school-admin', note: '教务处主任' }),
        ];
        for (const row of rows) {
          const user = row.userId === teacher.id ? teacher : head;
          const change = { put: row };
          expect(
            await s.users.changeRoles({
              user,
              roles: ['user', teacherOf(schoolId)],
              member: change,
              audit: [auditRecord(NOW)],
            }),
          ).toBe('changed');
        }
        const byUser = (items: MemberRecord[]) => [...items].sort((a, b) => (a.userId < b.userId ? -1 : 1));
        expect(byUser(await s.invitations.members(schoolId))).toEqual(byUser(rows));

        const current = await s.users.get(teacher.id);
        if (!current) throw new Error('teacher missing');
        expect(
          await s.users.changeRoles({
            user: current,
            roles: ['user'],
            member: { remove: { schoolId } },
            audit: [auditRecord(NOW)],
          }),
        ).toBe('changed');
        expect(await s.invitations.members(schoolId)).toEqual([rows[1]]);
        expect(await s.invitations.members(uid('school'))).toEqual([]);
      });
    });

    describe('attendance, enrolment, audit and catalog', () => {
      function checkIn(
        activity: ActivityRecord,
        signupId: string,
        sessionIndex: number,
        checkedInAt: string,
      ): CheckInRecord {
        return {
          signupId,
          activityId: activity.id,
          sessionIndex,
          schoolId: activity.schoolId,
          kind: activity.kind,
          county: activity.county,
          checkedInAt,
          checkedInBy: 'staff',
        };
      }

      it('records one check-in per sign-up and session, even when two scans race', async () => {
        const activity = await published();
        const { record } = await insert(activity.id, 'confirm');
        const first = at(STARTS, -HOUR);
        expect(
          await s.attendance.recordCheckIn(checkIn(activity, record.id, 0, first), auditRecord(first)),
        ).toEqual({
          kind: 'recorded',
        });
        expect(
          await s.attendance.recordCheckIn(
            checkIn(activity, record.id, 0, at(first, 60_000)),
            auditRecord(first),
          ),
        ).toEqual({ kind: 'duplicate', checkedInAt: first });
        const second = at(STARTS, 2 * HOUR);
        const raced = await Promise.all([
          s.attendance.recordCheckIn(checkIn(activity, record.id, 1, second), auditRecord(second)),
          s.attendance.recordCheckIn(checkIn(activity, record.id, 1, second), auditRecord(second)),
        ]);
        expect(raced.map((r) => r.kind).sort()).toEqual(['duplicate', 'recorded']);
        expect(await s.attendance.checkInsFor(record.id)).toEqual([
          { sessionIndex: 0, checkedInAt: first },
          { sessionIndex: 1, checkedInAt: second },
        ]);
        expect((await s.activities.get(activity.id))?.checkInCount).toBe(2);
        expect((await read(record.id)).checkInCount).toBe(2);
      });

      it('refuses a check-in for a sign-up that holds no seat', async () => {
        const activity = await published({ capacity: 0 });
        const { record, outcome } = await insert(activity.id, 'waitlist');
        expect(outcome.kind).toBe('inserted');
        expect(
          await s.attendance.recordCheckIn(checkIn(activity, record.id, 0, STARTS), auditRecord(STARTS)),
        ).toEqual({
          kind: 'not-confirmed',
        });
        expect(await s.attendance.checkInsFor(record.id)).toEqual([]);
        expect((await s.activities.get(activity.id))?.checkInCount).toBe(0);
      });

      it("lists a school's check-ins of a year by Beijing time", async () => {
        const activity = await published({ schoolId: uid('school') });
        const { record } = await insert(activity.id, 'confirm');
        const newYearsEve = '2030-12-31T23:30:00+08:00';
        // 00:30 in Beijing on New Year's Day is still the old year in UTC: it counts in the new one.
        const newYear = '2031-01-01T00:30:00+08:00';
        await s.attendance.recordCheckIn(checkIn(activity, record.id, 1, newYear), auditRecord(newYear));
        await s.attendance.recordCheckIn(
          checkIn(activity, record.id, 0, newYearsEve),
          auditRecord(newYearsEve),
        );
        const fact = { schoolId: activity.schoolId, kind: activity.kind, county: activity.county };
        expect(await s.attendance.checkInFacts(activity.schoolId, 2030)).toEqual([
          { ...fact, checkedInAt: newYearsEve },
        ]);
        expect(await s.attendance.checkInFacts(activity.schoolId, 2031)).toEqual([
          { ...fact, checkedInAt: newYear },
        ]);
      });

      it('issues a completion once: a second issue answers with the first', async () => {
        const activity = await published();
        const { record } = await insert(activity.id, 'confirm');
        const completion = (code: string) => ({
          code,
          signupId: record.id,
          activityId: activity.id,
          attendeeName: '测试人',
          sessionsAttended: 1,
          sessionsTotal: 1,
          hours: 2,
          issuedAt: ENDS,
        });
        const first = completion(uid('C').toUpperCase());
        const second = completion(uid('D').toUpperCase());
        expect(await s.attendance.issueCompletion(first)).toEqual(first);
        expect(await s.attendance.issueCompletion(second)).toEqual(first);
        expect(await s.attendance.getCompletion(first.code)).toEqual(first);
        expect(await s.attendance.getCompletion(second.code)).toBeNull();
        expect((await read(record.id)).completionCode).toBe(first.code);

        const waiting = await insert((await published({ capacity: 0 })).id, 'waitlist');
        await expect(
          s.attendance.issueCompletion({
            ...completion(uid('E').toUpperCase()),
            signupId: waiting.record.id,
          }),
        ).rejects.toThrow('completion could not be issued');
      });

      it("keeps a school's enrolment per year, each change with its audit entry", async () => {
        const school = CONTRACT_SEED.catalog.schools[0];
        if (!school) throw new Error('no seeded school');
        const year = 2100 + Number.parseInt(randomBytes(2).toString('hex'), 16);
        expect(await s.schoolAdmin.getEnrolment(school.id, year)).toBeNull();
        const audit = auditRecord(NOW, 'set-enrolment');
        await s.schoolAdmin.putEnrolment(school.id, year, 100, audit);
        await s.schoolAdmin.putEnrolment(school.id, year, 120, auditRecord(NOW, 'set-enrolment'));
        expect(await s.schoolAdmin.getEnrolment(school.id, year)).toBe(120);
        expect(await s.schoolAdmin.enrolments(year)).toEqual(new Map([[school.id, 120]]));
        expect(await s.schoolAdmin.enrolments(year + 1)).toEqual(new Map());
        const entries = [];
        let cursor: string | undefined;
        do {
          const page = await s.audit.list(cursor, 50);
          entries.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(entries).toContainEqual(audit);
      });

      it('lists audit entries newest first, page by page', async () => {
        // Later than anything else this suite writes, so these come first.
        const written = [1, 3, 2].map((n) => auditRecord(`2099-01-0${n}T08:00:00+08:00`, `audit-${n}`));
        for (const entry of written) {
          await s.activities.create(activityRecord(), entry);
        }
        const first = await s.audit.list(undefined, 2);
        expect(first.items.map((e) => e.action)).toEqual(['audit-3', 'audit-2']);
        const all = [...first.items];
        for (let cursor = first.nextCursor; cursor;) {
          const page = await s.audit.list(cursor, 7);
          all.push(...page.items);
          cursor = page.nextCursor;
        }
        const keys = all.map((e) => `${e.at}#${e.id}`);
        expect(keys).toEqual([...keys].sort().reverse());
        expect(new Set(keys).size).toBe(keys.length);
        expect(all.map((e) => e.action)).toContain('audit-1');
        await expect(s.audit.list('bm9wZQ', 2)).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
      });

      it('lists the catalog by id', async () => {
        const sorted = <T extends { id: string }>(items: T[]) =>
          [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
        const { catalog } = CONTRACT_SEED;
        // As read back: the schema's defaults (retiredAt: null) filled in.
        const read = <S extends v.GenericSchema>(schema: S, items: unknown[]) =>
          sorted(items.map((i) => v.parse(schema, i) as { id: string }));
        expect(await s.catalog.listSchools()).toEqual(read(SchoolSchema, catalog.schools));
        expect(await s.catalog.listMajors()).toEqual(read(MajorSchema, catalog.majors));
        expect(await s.catalog.listCertificates()).toEqual(read(CertificateSchema, catalog.certificates));
      });

      it('writes catalog edits all or nothing, and refuses one made on a version that moved', async () => {
        const school = (await s.catalog.snapshot()).schools[0];
        if (!school) throw new Error('the contract seed has schools');
        const entry = (action: string): AuditEntry => ({
          id: uid('a'),
          at: NOW,
          actor: 'admin',
          action,
          target: `school:${school.id}`,
          before: {},
          after: {},
        });
        const major = v.parse(MajorSchema, {
          id: uid('major'),
          name: '合同测试专业',
          level: '中职',
          schoolId: school.id,
          group: '现代农业',
          code: null,
          summary: '',
          careers: [],
          partnerCompanies: [],
          certificateIds: [],
          source: '测试',
          version: 1,
        });
        const edited = { ...school, phone: '0434-3200000', version: school.version + 1 };
        await s.catalog.apply(
          [
            { kind: 'major', record: major, expectedVersion: null },
            { kind: 'school', record: edited, expectedVersion: school.version },
          ],
          entry('catalog-contract-1'),
        );
        const after = await s.catalog.snapshot();
        expect(after.majors.find((m) => m.id === major.id)).toEqual(major);
        expect(after.schools.find((x) => x.id === school.id)?.phone).toBe('0434-3200000');
        // The cached lists show the edit at once in the instance that made it.
        expect((await s.catalog.listSchools()).find((x) => x.id === school.id)?.phone).toBe('0434-3200000');

        // Stale: the school is at version+1 now. Neither the new major nor the school changes.
        const other = v.parse(MajorSchema, { ...major, id: uid('major') });
        await expect(
          s.catalog.apply(
            [
              { kind: 'major', record: other, expectedVersion: null },
              {
                kind: 'school',
                record: { ...school, phone: '0434-3299999' },
                expectedVersion: school.version,
              },
            ],
            entry('catalog-contract-2'),
          ),
        ).rejects.toMatchObject({ code: 'EDIT_CONFLICT' });
        // An id that exists already cannot be added again.
        await expect(
          s.catalog.apply(
            [{ kind: 'major', record: major, expectedVersion: null }],
            entry('catalog-contract-3'),
          ),
        ).rejects.toMatchObject({ code: 'EDIT_CONFLICT' });
        const unchanged = await s.catalog.snapshot();
        expect(unchanged.majors.some((m) => m.id === other.id)).toBe(false);
        expect(unchanged.schools.find((x) => x.id === school.id)?.phone).toBe('0434-3200000');
        const actions = (await s.audit.list(undefined, 100)).items.map((e) => e.action);
        expect(actions).toContain('catalog-contract-1');
        expect(actions).not.toContain('catalog-contract-2');
        expect(actions).not.toContain('catalog-contract-3');
      });
    });
  });
}
