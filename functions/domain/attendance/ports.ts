import type { AuditEntry } from '../../../shared/api';
import type { CheckInRecord, CompletionRecord } from '../../../shared/schemas/records';

/** What attendance needs of the table: check-ins, completion records and each school's enrolment figure. */
export interface AttendanceStore {
  /** Records one check-in per sign-up and session; a second one answers with the first's time. */
  recordCheckIn(
    record: CheckInRecord,
    audit: AuditEntry,
  ): Promise<{ kind: 'recorded' } | { kind: 'duplicate'; checkedInAt: string } | { kind: 'not-confirmed' }>;
  checkInsFor(signupId: string): Promise<Array<{ sessionIndex: number; checkedInAt: string }>>;
  checkInFacts(
    schoolId: string,
    year: number,
  ): Promise<Array<{ schoolId: string; kind: string; county: string; checkedInAt: string }>>;
  /** Issues the completion once; a second call answers with the record issued the first time. */
  issueCompletion(record: CompletionRecord): Promise<CompletionRecord>;
  getCompletion(code: string): Promise<CompletionRecord | null>;
  /** Writes the completion's name over (an account closed): the record and its 学时 stay. */
  anonymizeCompletion(code: string, attendeeName: string): Promise<void>;
}

export interface SchoolAdminStore {
  putEnrolment(schoolId: string, year: number, students: number, audit: AuditEntry): Promise<void>;
  enrolments(year: number): Promise<Map<string, number>>;
  getEnrolment(schoolId: string, year: number): Promise<number | null>;
}
