/**
 * What someone is at a school, as people see it: 老师 or 学校管理员. Plain constants, so the app can label roles
 * without loading the API's schemas.
 */
export const SCHOOL_ROLES = ['teacher', 'school-admin'] as const;
export type SchoolRole = (typeof SCHOOL_ROLES)[number];
export const SCHOOL_ROLE_LABELS: Record<SchoolRole, string> = {
  teacher: '老师',
  'school-admin': '学校管理员',
};
