import fc from 'fast-check';
import { useSeededTable } from '../support/table';
import { outreachBody, attendee } from '../support/fixtures';
import { dayjs, toIso } from '../../shared/time';
import type { Caller } from '../../functions/domain/access';

useSeededTable();

type Command =
  | { op: 'signup'; person: number }
  | { op: 'cancel'; person: number }
  | { op: 'accept'; person: number }
  | { op: 'expire' }
  | { op: 'grow' };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('signup' as const), person: fc.nat(5) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('cancel' as const), person: fc.nat(5) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('accept' as const), person: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('expire' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('grow' as const) }) },
);

describe('seat invariants under random sequences (DynamoDB Local)', () => {
  it('never confirms more than capacity, never gives one person two seats, and keeps counters true', async () => {
    const { stores } = await import('../../functions/store');
    const { createSignup, cancelSignup, acceptOffer, expireOffers } =
      await import('../../functions/domain/signups/signups');
    const { publishActivity, reviseActivity } = await import('../../functions/domain/activities/activities');
    const { checkConsistency } = await import('../../functions/store/consistency');
    const { DomainError } = await import('../../functions/domain/errors');
    const staff: Caller = { userId: 'staff-shuangliao-vocational', roles: ['staff:shuangliao-vocational'] };
    let offset = 0;
    const clock = { now: () => Date.now() + offset };
    const deps = { ...stores, clock };

    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('auto' as const, 'offer' as const),
        fc.array(command, { minLength: 1, maxLength: 18 }),
        async (capacity, waitlist, commands) => {
          offset = 0;
          const now = dayjs();
          const activity = await publishActivity(deps, staff, {
            ...(outreachBody({
              capacity,
              startsAt: toIso(now.add(5, 'day')),
              endsAt: toIso(now.add(5, 'day').add(2, 'hour')),
            }) as Record<string, unknown>),
            waitlist,
            offerHours: 1,
            description: '',
          } as never);
          const mine = new Map<number, string>();
          for (const c of commands) {
            try {
              if (c.op === 'signup') {
                const { signup } = await createSignup(
                  deps,
                  { userId: `p-${c.person}`, roles: ['user'] },
                  { activityId: activity.id, attendee: attendee(c.person) },
                );
                mine.set(c.person, signup.id);
              } else if (c.op === 'cancel' && mine.has(c.person)) {
                await cancelSignup(
                  deps,
                  { userId: `p-${c.person}`, roles: ['user'] },
                  mine.get(c.person) as string,
                );
              } else if (c.op === 'accept' && mine.has(c.person)) {
                await acceptOffer(
                  deps,
                  { userId: `p-${c.person}`, roles: ['user'] },
                  mine.get(c.person) as string,
                );
              } else if (c.op === 'expire') {
                offset += 2 * 3600_000;
                const record = await stores.activities.get(activity.id);
                if (record) await expireOffers(deps, record);
              } else if (c.op === 'grow') {
                const record = await stores.activities.get(activity.id);
                await reviseActivity(deps, staff, activity.id, {
                  capacity: (record?.capacity ?? capacity) + 1,
                });
              }
            } catch (err) {
              // Refusals (duplicate, not offered, expired) are part of the game; anything else fails the property.
              if (!(err instanceof DomainError) || err.status >= 500) throw err;
            }
          }
          const record = await stores.activities.get(activity.id);
          const signups = await stores.signups.listForActivity(activity.id);
          const holding = signups.filter((s) => s.status === 'confirmed' || s.status === 'offered');
          expect(holding.length).toBeLessThanOrEqual(record?.capacity ?? 0);
          const people = signups
            .filter((s) => ['confirmed', 'offered', 'waitlisted'].includes(s.status))
            .map((s) => s.attendee.phone);
          expect(new Set(people).size).toBe(people.length);
          // Nobody waits while a seat is free.
          if (signups.some((s) => s.status === 'waitlisted')) expect(holding.length).toBe(record?.capacity);
          const report = await checkConsistency();
          expect(report.mismatches.filter((m) => m.activityId === activity.id)).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
