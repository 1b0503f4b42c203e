import { api, auth } from '@/services';
import { useResource } from './use-resource';

/** The caller from GET /me (用户编号, roles, schools); the roles it re-reads are kept with the session. */
export function useMe() {
  return useResource('me', () =>
    api.me().then((me) => {
      auth.setRoles(me.roles);
      return me;
    }),
  );
}
