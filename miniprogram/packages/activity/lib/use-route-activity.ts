import { useRouter } from '@tarojs/taro';
import type { Activity } from '@shared/schemas/activity';
import { useResource, type Resource } from '@/hooks/use-resource';
import { api } from '@/services';

/** Storage key of an activity's cached detail: the form and the result page reuse the detail's copy. */
export const activityKey = (id: string) => `activity:${id}`;

/** The activity named by the page's `?id=`, under the detail's cache key; nothing is loaded without an id. */
export function useRouteActivity(): Resource<Activity> {
  const id = useRouter().params.id ?? '';
  return useResource(id ? activityKey(id) : null, () => api.activity(id));
}
