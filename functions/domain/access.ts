import type { Role } from '../../shared/api';
import type { SchoolRole } from '../../shared/roles';

/** Who is asking: what a verified token says, with roles re-read from the table for staff actions. */
export interface Caller {
  userId: string;
  roles: Role[];
}

export function isAdmin(caller: Caller): boolean {
  return caller.roles.includes('admin');
}

/** The school a school role names: `staff:a` and `school-admin:a` name `a`. */
export function schoolOfRole(role: Role): { schoolId: string; role: SchoolRole } | null {
  if (role.startsWith('staff:')) return { schoolId: role.slice('staff:'.length), role: 'teacher' };
  if (role.startsWith('school-admin:'))
    return { schoolId: role.slice('school-admin:'.length), role: 'school-admin' };
  return null;
}

export function roleAt(schoolId: string, role: SchoolRole): Role {
  return role === 'teacher' ? `staff:${schoolId}` : `school-admin:${schoolId}`;
}

/** Schools whose data this caller may manage (a school admin is a teacher there too): 'all' for the bureau. */
export function managedSchools(caller: Caller): string[] | 'all' {
  if (isAdmin(caller)) return 'all';
  return caller.roles.flatMap((r) => schoolOfRole(r)?.schoolId ?? []);
}

/** Whether the caller manages the school's people: the bureau, or that school's admin. */
export function administersSchool(caller: Caller, schoolId: string): boolean {
  return isAdmin(caller) || caller.roles.includes(`school-admin:${schoolId}`);
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
