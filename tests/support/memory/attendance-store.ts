import { inZone } from '../../../shared/time';
import type { AttendanceStore } from '../../../functions/domain/attendance/ports';
import type { CompletionRecord } from '../../../shared/schemas/records';
import { keys } from '../../../functions/store/keys';
import {
  auditStep,
  conditionFailed,
  copy,
  keyOf,
  numberField,
  transact,
  turn,
  type MemoryTable,
} from './table';

/** The in-memory AttendanceStore: one check-in per sign-up and session, one completion per sign-up. */
export function createMemoryAttendanceStore(table: MemoryTable): AttendanceStore {
  async function getCompletion(code: string): Promise<CompletionRecord | null> {
    await turn();
    const found = table.completions.get(code);
    return found ? copy(found) : null;
  }

  const checkInKey = (signupId: string, sessionIndex: number) =>
    keyOf(signupId, keys.checkIn(signupId, sessionIndex).SK);

  return {
    getCompletion,

    async anonymizeCompletion(code, attendeeName) {
      await turn();
      const found = table.completions.get(code);
      if (!found) throw conditionFailed();
      table.completions.set(code, { ...found, attendeeName });
    },

    async recordCheckIn(record, audit) {
      await turn();
      const key = checkInKey(record.signupId, record.sessionIndex);
      const year = inZone(record.checkedInAt).year();
      const result = transact([
        {
          item: `check-in:${key}`,
          holds: () => !table.checkIns.has(key),
          apply: () =>
            table.checkIns.set(key, {
              record: copy(record),
              factPartition: keyOf(record.schoolId, year),
              factKey: keys.checkInIndex(
                record.schoolId,
                year,
                record.checkedInAt,
                record.signupId,
                record.sessionIndex,
              ).GSI1SK,
            }),
        },
        {
          item: `activity:${record.activityId}`,
          holds: () => table.activities.has(record.activityId),
          apply: () => {
            const activity = table.activities.get(record.activityId);
            if (activity) activity.checkInCount = (numberField(activity, 'checkInCount') ?? 0) + 1;
          },
        },
        {
          // A seat cancelled between the scan and now must not be checked in.
          item: `signup:${record.signupId}`,
          holds: () => table.signups.get(record.signupId)?.item.status === 'confirmed',
          apply: () => {
            const signup = table.signups.get(record.signupId)?.item;
            if (signup) signup.checkInCount = (numberField(signup, 'checkInCount') ?? 0) + 1;
          },
        },
        auditStep(table, audit),
      ]);
      if (result.ok) return { kind: 'recorded' };
      if (result.failed[0]) {
        await turn();
        return { kind: 'duplicate', checkedInAt: String(table.checkIns.get(key)?.record.checkedInAt ?? '') };
      }
      if (result.failed[2]) return { kind: 'not-confirmed' };
      throw new Error('check-in transaction failed on the activity or audit item');
    },

    async checkInsFor(signupId) {
      await turn();
      return [...table.checkIns.entries()]
        .filter(([, c]) => c.record.signupId === signupId)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, c]) => ({ sessionIndex: c.record.sessionIndex, checkedInAt: c.record.checkedInAt }));
    },

    async checkInFacts(schoolId, year) {
      await turn();
      const partition = keyOf(schoolId, year);
      return [...table.checkIns.values()]
        .filter((c) => c.factPartition === partition)
        .sort((a, b) => (a.factKey < b.factKey ? -1 : 1))
        .map(({ record }) => ({
          schoolId: record.schoolId,
          kind: record.kind,
          county: record.county,
          checkedInAt: record.checkedInAt,
        }));
    },

    async issueCompletion(record) {
      await turn();
      const result = transact([
        {
          item: `signup:${record.signupId}`,
          holds: () => {
            const signup = table.signups.get(record.signupId)?.item;
            return signup !== undefined && !('completionCode' in signup) && signup.status === 'confirmed';
          },
          apply: () => {
            const signup = table.signups.get(record.signupId)?.item;
            if (signup) signup.completionCode = record.code;
          },
        },
        {
          item: `completion:${record.code}`,
          holds: () => !table.completions.has(record.code),
          apply: () => table.completions.set(record.code, copy(record)),
        },
      ]);
      if (result.ok) return record;
      await turn();
      const code = table.signups.get(record.signupId)?.item.completionCode;
      const existing = code ? await getCompletion(String(code)) : null;
      if (!existing) throw new Error('completion could not be issued');
      return existing;
    },
  };
}
