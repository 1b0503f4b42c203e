import { API_BASE } from '@/services/request';

export const rosterCsvUrl = (activityId: string) =>
  `${API_BASE}/staff/activities/${encodeURIComponent(activityId)}/signups?format=csv`;
