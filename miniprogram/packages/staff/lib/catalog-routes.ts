/**
 * The catalog-editing pages of 学校工作台. Kept beside them rather than in lib/routes.ts, which ships in the main
 * package: only this subpackage opens them.
 */
const q = (params: Record<string, string | undefined>) => {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`);
  return parts.length ? `?${parts.join('&')}` : '';
};

export const catalogRoutes = {
  schoolProfile: (schoolId?: string) => `/packages/staff/pages/school-profile/index${q({ schoolId })}`,
  majors: (schoolId?: string) => `/packages/staff/pages/majors/index${q({ schoolId })}`,
  majorEdit: (schoolId: string, id?: string) =>
    `/packages/staff/pages/major-edit/index${q({ schoolId, id })}`,
};

/** The schools whose catalog entries the caller keeps: every school for the bureau, else where school admin. */
export { peopleSchools as catalogSchools, managesPeople as editsCatalog } from './people';
