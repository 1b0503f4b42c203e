import type { SchoolAdminStore } from '../../../functions/domain/attendance/ports';
import { auditStep, keyOf, transact, turn, type MemoryTable } from './table';

/** The in-memory SchoolAdminStore: a school's enrolment per year, written with its audit entry. */
export function createMemorySchoolAdminStore(
  table: MemoryTable,
  listSchoolIds: () => Promise<string[]>,
): SchoolAdminStore {
  const studentsOf = (schoolId: string, year: number) => {
    const item = table.enrolments.get(keyOf(schoolId, year));
    return item ? Number(item.students) : null;
  };
  return {
    async putEnrolment(schoolId, year, students, audit) {
      await turn();
      const key = keyOf(schoolId, year);
      const result = transact([
        {
          item: `enrolment:${key}`,
          holds: () => true,
          apply: () =>
            table.enrolments.set(key, {
              schoolId,
              year,
              students,
              updatedAt: audit.at,
              updatedBy: audit.actor,
            }),
        },
        auditStep(table, audit),
      ]);
      if (!result.ok) throw new Error('enrolment write failed');
    },

    async getEnrolment(schoolId, year) {
      await turn();
      return studentsOf(schoolId, year);
    },

    async enrolments(year) {
      const ids = await listSchoolIds();
      await turn();
      const entries = ids.flatMap((id) => {
        const students = studentsOf(id, year);
        return students === null ? [] : [[id, students] as const];
      });
      return new Map(entries);
    },
  };
}
