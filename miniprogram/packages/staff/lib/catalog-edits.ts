import type { Major, School } from '@shared/schemas/catalog';

/**
 * What this phone saved in this session, as the server answered the save. Public catalog answers may lag an
 * edit by up to a minute (each function instance keeps them for 30 s, over a catalog it keeps for 30 s), and a
 * 停招 major leaves GET /majors altogether: so the editing pages show the newer of the two, by `version`.
 */
const schools = new Map<string, School>();
const majors = new Map<string, Major>();

export const savedEdits = {
  school(school: School): void {
    schools.set(school.id, school);
  },
  major(major: Major): void {
    majors.set(major.id, major);
  },
  /** Majors saved for a school in this session, oldest save first. */
  majorsOf(schoolId: string): Major[] {
    return [...majors.values()].filter((m) => m.schoolId === schoolId);
  },
  /** The school as loaded, or as last saved here if that is newer. */
  newestSchool<T extends School>(loaded: T): T {
    return newer(loaded, schools.get(loaded.id));
  },
  newestMajor<T extends Major>(loaded: T): T {
    return newer(loaded, majors.get(loaded.id));
  },
  /** Forgets every save (an import changed the catalog behind them). */
  clear(): void {
    schools.clear();
    majors.clear();
  },
};

/** `loaded`, unless `saved` has a higher version: then `loaded` with the saved fields over it. */
export function newer<T extends { version: number }, S extends { version: number }>(
  loaded: T,
  saved: S | undefined,
): T {
  return saved && saved.version > loaded.version ? { ...loaded, ...saved } : loaded;
}

/**
 * A school's majors as 专业管理 shows them: the list as the server answered it, each replaced by this
 * session's save where that is newer, then the majors saved here that the list does not hold (just added,
 * or 停招 — which leaves the public list).
 */
export function mergeMajors(listed: readonly Major[], saved: readonly Major[]): Major[] {
  const byId = new Map(saved.map((m) => [m.id, m]));
  const merged = listed.map((m) => newer(m, byId.get(m.id)));
  const shown = new Set(listed.map((m) => m.id));
  return [...merged, ...saved.filter((m) => !shown.has(m.id))];
}
