import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { useMe } from '@/hooks/use-me';
import { auth } from '@/services';
import { catalogSchools } from './catalog-routes';

/**
 * Which school a catalog page of 学校工作台 is about: `?schoolId=`, else the caller's one school, else (the
 * bureau, or an admin of several) the one chosen on the page. Roles are re-read with GET /me.
 */
export function useSchoolScope() {
  const me = useMe();
  const roles = me.data?.roles ?? auth.current()?.roles;
  const scope = catalogSchools(roles ?? []);
  const asked = useRouter().params.schoolId;
  const [picked, setPicked] = useState<string | null>(asked || null);
  const only = scope !== 'all' && scope.length === 1 ? (scope[0] ?? null) : null;
  return {
    /** Still reading who the caller is (no roles kept with the session yet). */
    unknown: !roles,
    me,
    scope,
    /** Neither the bureau nor a school admin: the page has nothing to offer. */
    refused: !!roles && scope !== 'all' && !scope.length,
    schoolId: picked ?? only,
    /** More than one school to choose from (the page offers 换一所学校). */
    several: scope === 'all' || scope.length > 1,
    choose: setPicked,
  };
}
