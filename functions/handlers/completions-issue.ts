import { issueCompletions } from '../domain/attendance/attendance';
import { log } from '../lib/log';
import { loadSecrets } from '../lib/secrets';
import { stores } from '../store';

/** Scheduled: issues the completion records of activities that have ended. */
export const handler = async (): Promise<{ activities: number; issued: number }> => {
  await loadSecrets();
  const activities = await stores.activities.listBySchool('all');
  let issued = 0;
  for (const activity of activities) issued += await issueCompletions(stores, activity);
  log.info('completions issued', { activities: activities.length, issued });
  return { activities: activities.length, issued };
};
