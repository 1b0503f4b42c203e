import type { MyData } from '@shared/api';
import { KEYS } from '@/services/kv';
import type { Settings } from '@/services/settings';

/**
 * 注销账号, in the words the confirmation shows before anything happens: what DELETE /me does on the server
 * (docs/api.md, "A user's own data") and what the phone forgets.
 */
export const CLOSE_ACCOUNT_EFFECTS: readonly string[] = [
  '您报名了、还没结束的课程和活动都会取消，名额自动让给排队候补的人；您的候补位置也一并放弃。',
  '各个报名名单、签到记录和结业证明上，您和家人的姓名、手机号都会删除。',
  '已经签到上过的课仍然算在学校的培训人次里，但不再有您的名字。',
  '您保存的家庭成员会全部删除。',
  '这部手机会退出登录，并清除手机上保存的报名信息。',
  '注销后不能恢复。以后再使用，会是一个新的账号。',
];

/** Said first to a school's teacher or admin: the server refuses them until they are removed from the school. */
export const STAFF_FIRST =
  '您现在是学校的老师或管理员：需要先请学校管理员在“学校工作台 → 教师管理”里把您移除，才能注销账号。';

/** Whether the session's roles name a school (or the bureau): those accounts are refused until removed. */
export const hasStaffRole = (roles: readonly string[]) => roles.some((r) => r !== 'user');

/** The data file's name: `四平职教通-我的数据-20261201.json`. */
export function exportFileName(exportedAt: string): string {
  const day = exportedAt.slice(0, 10).replace(/-/g, '');
  return `四平职教通-我的数据-${day}.json`;
}

/** What the export holds, in a line: `共 3 条报名、2 位家庭成员`. */
export function exportSummary(data: Pick<MyData, 'signups' | 'familyMembers'>): string {
  return `共 ${data.signups.length} 条报名、${data.familyMembers.length} 位家庭成员`;
}

/** The phone's storage as the logout needs it: the keys there, and removing one. */
export interface StorageKeys {
  keys(): string[];
  remove(key: string): void;
}

/**
 * Logs out on this phone after 注销: every key of ours goes (the session, the H5 dev identity, the outbox,
 * cached lists and details, 团体报名 drafts, staff queues) but the settings, which keep 长辈模式, the county and
 * the privacy agreement — minus the last attendee typed, which is personal data.
 */
export function forgetLocalData(
  storage: StorageKeys,
  settings: { set(patch: Partial<Settings>): void },
): string[] {
  const removed = storage.keys().filter((k) => k.startsWith('sp.') && k !== KEYS.settings);
  for (const key of removed) storage.remove(key);
  settings.set({ lastAttendee: null });
  return removed;
}
