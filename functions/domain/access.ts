import type { Role } from '../../shared/api';

/** Who is asking: what a verified token says, with roles re-read from the table for staff actions. */
export interface Caller {
  userId: string;
  roles: Role[];
}

export function isAdmin(caller: Caller): boolean {
  return caller.roles.includes('admin');
}

/** Schools whose data this caller may manage: 'all' for the city bureau. */
export function managedSchools(caller: Caller): string[] | 'all' {
  if (isAdmin(caller)) return 'all';
  return caller.roles.filter((r): r is `staff:${string}` => r.startsWith('staff:')).map((r) => r.slice(6));
}

export function canManageSchool(caller: Caller, schoolId: string): boolean {
  const schools = managedSchools(caller);
  return schools === 'all' || schools.includes(schoolId);
}

export function isStaff(caller: Caller): boolean {
  const schools = managedSchools(caller);
  return schools === 'all' || schools.length > 0;
}

/** A sign-up is readable by its owner and the organising school's staff; to anyone else it does not exist. */
export function canReadSignup(
  caller: Caller,
  signup: { userId: string },
  activity: { schoolId: string } | null,
): boolean {
  if (signup.userId === caller.userId) return true;
  return activity !== null && canManageSchool(caller, activity.schoolId);
}
