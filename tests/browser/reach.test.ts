/**
 * Reaching people in the H5 build (Debian's Chromium, 375×812) against the local stack (issue 15):
 * (a) a teacher ticks a village cadre's two villagers off the 名单 and records a walk-in (现场报名) who shows
 * 现场 · 已签到; (b) a senior in 长辈模式 re-enrols for next term in one tap (续报 → 报名成功, the same attendee);
 * (c) a user exports their data (the downloaded .json has their sign-up), then closes the account: logged
 * out on the phone, and the old token answers 401. Data is arranged through the API; screenshots go to
 * tests/artifacts/.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { MyData, RosterEntry } from '../../shared/api';
import type { SignupBatchResponse } from '../../shared/api';
import type { Activity } from '../../shared/schemas/activity';
import type { Attendee } from '../../shared/schemas/signup';
import { apiClient } from './api-client';
import {
  current,
  eventually,
  expectVisible,
  fill,
  screenshot,
  still,
  storageValue,
  tap,
  tapTab,
  useBrowserStack,
  expectElderSizes,
} from './helpers';

jest.setTimeout(300_000);

let api: ReturnType<typeof apiClient>;

const env = useBrowserStack(async (apiUrl) => {
  api = apiClient(apiUrl);
  // serverless-offline loads each handler on its first call: warm the routes the journeys use.
  const warm = await api.login('dev:staff-shuangliao-vocational');
  const throwaway = await api.login(`dev:warm-reach-${Date.now().toString(36)}`);
  await Promise.all([
    api.get('/activities?limit=5'),
    api.get('/activities/nothing-here').catch(() => undefined),
    authed('GET', '/me', warm),
    authed('GET', '/me/export', warm),
    authed('GET', '/me/subscriptions', warm),
    authed('GET', '/signups/mine', warm),
    authed('GET', '/signups/nothing-here', warm),
    authed('POST', '/signups', warm, {}),
    authed('POST', '/signups/batch', warm, {}),
    authed('GET', '/family-members', warm),
    authed('GET', '/staff/activities', warm),
    authed('POST', '/staff/activities', warm, {}),
    authed('GET', '/staff/activities/nothing-here/signups', warm),
    authed('POST', '/staff/activities/nothing-here/attendance', warm, {}),
    authed('POST', '/staff/activities/nothing-here/walk-ins', warm, {}),
    authed('POST', '/staff/activities/nothing-here/copy', warm, {}),
    authed('DELETE', '/me', throwaway),
  ]);
});

const authed = <T>(method: string, path: string, token: string, body?: unknown) =>
  api.authed<T>(method, path, token, body);

function phone(prefix: string): string {
  return `${prefix}${String(Math.floor(Math.random() * 10 ** (11 - prefix.length))).padStart(11 - prefix.length, '0')}`;
}

const suffix = () => Date.now().toString(36).slice(-4);
const from = (ms: number) => new Date(Date.now() + ms).toISOString();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `2027-03-02` and its ISO weekday (1 = Monday … 7 = Sunday) in Siping, `days` from now. */
function sipingDay(days: number): { date: string; weekday: number } {
  const t = new Date(Date.now() + days * DAY + 8 * HOUR);
  return { date: t.toISOString().slice(0, 10), weekday: t.getUTCDay() === 0 ? 7 : t.getUTCDay() };
}

/** 我的 → 长辈模式, until the root font has the elder size. */
async function elderMode(page: Page) {
  await tapTab(page, '我的');
  await tap(page, '长辈模式');
  const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(await eventually(rootSize, '22px')).toBe('22px');
}

test('a teacher ticks a cadre’s two villagers off the 名单 and records a walk-in: 现场 · 已签到', async () => {
  const started = Date.now();
  const staffToken = await api.login('dev:staff-shuangliao-vocational');
  const title = `秸秆还田现场课${suffix()}`;
  // Starts in half an hour: 签到 is open from two hours before a session.
  const created = await authed<Activity>('POST', '/staff/activities', staffToken, {
    kind: 'outreach',
    title,
    schoolId: 'shuangliao-vocational',
    county: '双辽市',
    place: { township: '卧虎镇', village: '新立村', address: '村委会大院' },
    startsAt: from(0.5 * HOUR),
    endsAt: from(2.5 * HOUR),
    capacity: 10,
    signupOpensAt: from(-HOUR),
    signupClosesAt: from(0.25 * HOUR),
  });
  expect(created.status).toBe(201);
  const activity = created.body;

  // The village cadre signs two villagers up in one list (团体报名).
  const cadre = await api.login(`dev:cadre-${suffix()}`);
  const batch = await authed<SignupBatchResponse>('POST', '/signups/batch', cadre, {
    activityId: activity.id,
    attendees: [
      { name: '李秀兰', phone: phone('135'), village: '新立村', relation: '村民' },
      { name: '赵淑芬', phone: phone('136'), village: '新立村', relation: '村民' },
    ],
  });
  expect(batch.status).toBe(200);
  expect(batch.body.results.map((r) => ('status' in r ? r.status : r.error.code))).toEqual([
    'confirmed',
    'confirmed',
  ]);

  // The teacher, on site without their phones, ticks them off the 名单.
  const { context, page } = await env.visitorAs('dev:staff-shuangliao-vocational');
  await tapTab(page, '我的');
  await tap(page, '学校工作台');
  await expectVisible(page, '我的活动');
  await tap(page, title);
  await expectVisible(page, '名单');
  const row = (name: string) => current(page).locator('.staff__row', { hasText: name }).first();
  for (const name of ['李秀兰', '赵淑芬']) {
    await (await still(row(name).getByText('签到', { exact: true }))).click();
    await row(name).getByText('已签到', { exact: true }).waitFor();
  }
  await screenshot(page, '15-roster-ticked');

  // Someone who turned up without signing up: 现场报名, confirmed and checked in at once.
  await tap(page, '现场报名');
  await fill(page, '姓名', '王大山');
  await fill(page, '手机号', phone('139'));
  await fill(page, '所在村屯', '新立村');
  await screenshot(page, '15-walk-in-form');
  await tap(page, '登记并签到');
  await row('王大山').getByText('现场 · 已签到', { exact: true }).waitFor();
  await expectVisible(page, /签到 3 人次/);
  await screenshot(page, '15-roster-walk-in');

  const roster = await authed<{ items: RosterEntry[] }>(
    'GET',
    `/staff/activities/${activity.id}/signups`,
    staffToken,
  );
  expect(
    roster.body.items.map((r) => [r.attendee.name, r.status, r.checkInCount, r.walkIn ?? false]).sort(),
  ).toEqual([
    ['李秀兰', 'confirmed', 1, false],
    ['王大山', 'confirmed', 1, true],
    ['赵淑芬', 'confirmed', 1, false],
  ]);
  await context.close();
  console.log(`名单签到 + 现场报名 journey took ${Date.now() - started} ms`);
});

test('a senior re-enrols for next term in one tap: 续报下一期 → 报名成功, the same attendee', async () => {
  const started = Date.now();
  const staffToken = await api.login('dev:staff-lishu-senior-univ');
  const title = `智能手机入门${suffix()}`;
  // A weekly 老年大学 class: four Tuesdays… whatever weekday falls three days from now.
  const first = sipingDay(3);
  const last = sipingDay(3 + 21);
  const created = await authed<Activity>('POST', '/staff/activities', staffToken, {
    kind: 'senior',
    title,
    schoolId: 'lishu-senior-univ',
    county: '梨树县',
    place: { township: '梨树镇', address: '梨树县老年大学二楼' },
    startsAt: `${first.date}T09:00:00+08:00`,
    endsAt: `${last.date}T11:00:00+08:00`,
    schedule: {
      weekday: first.weekday,
      startTime: '09:00',
      endTime: '11:00',
      firstDate: first.date,
      lastDate: last.date,
    },
    capacity: 30,
    signupOpensAt: from(-HOUR),
    signupClosesAt: `${sipingDay(2).date}T18:00:00+08:00`,
  });
  expect(created.status).toBe(201);
  expect(created.body.sessions).toHaveLength(4);

  const identity = `dev:senior-${suffix()}${Math.floor(Math.random() * 1000)}`;
  const seniorToken = await api.login(identity);
  const attendee: Attendee = { name: '张桂兰', phone: phone('138'), birthYear: 1955, relation: '本人' };
  const signed = await api.signUp(seniorToken, created.body.id, attendee);
  expect(signed.body.status).toBe('confirmed');

  // 下一期: the school copies the class to the weeks after it; sign-up opens now.
  const nextFirst = sipingDay(3 + 35);
  const nextLast = sipingDay(3 + 56);
  const copied = await authed<Activity>('POST', `/staff/activities/${created.body.id}/copy`, staffToken, {
    startsAt: `${nextFirst.date}T09:00:00+08:00`,
    endsAt: `${nextLast.date}T11:00:00+08:00`,
    signupOpensAt: from(-60_000),
    signupClosesAt: `${sipingDay(3 + 34).date}T18:00:00+08:00`,
  });
  expect(copied.status).toBe(201);
  const next = copied.body;
  expect(next.previousId).toBe(created.body.id);
  expect((await api.mine(seniorToken)).find((s) => s.activityId === created.body.id)?.nextActivityId).toBe(
    next.id,
  );

  // The senior, in 长辈模式, sees 续报下一期 on 我的报名: one tap, no form.
  const { context, page } = await env.visitorAs(identity);
  await elderMode(page);
  const card = current(page).locator('.sp-signup', { hasText: title }).first();
  await still(card.getByText('续报下一期', { exact: true }));
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, '15-senior-renew-elder');
  await expectElderSizes(page, '我的报名（续报）', { minTexts: 4 });
  await (await still(card.getByText('续报下一期', { exact: true }))).click();
  await expectVisible(page, '报名成功');
  await expectVisible(page, '参加人：张桂兰');
  await screenshot(page, '15-senior-renewed-elder');
  await expectElderSizes(page, '续报结果', { minTexts: 4 });

  const mine = await api.mine(seniorToken);
  const renewed = mine.filter((s) => s.activityId === next.id);
  expect(renewed).toHaveLength(1);
  expect(renewed[0]?.status).toBe('confirmed');
  expect(renewed[0]?.attendee).toEqual(signed.body.attendee);

  // Back on 我的 (both terms carry the same title), neither offers 续报 any more: she is on the next one.
  await tap(page, '查看我的报名');
  const terms = () => current(page).locator('.sp-signup', { hasText: title }).count();
  expect(await eventually(terms, 2)).toBe(2);
  const offers = () => current(page).getByText('续报下一期', { exact: true }).count();
  expect(await eventually(offers, 0)).toBe(0);
  await context.close();
  console.log(`续报 journey took ${Date.now() - started} ms`);
});

test('a user exports their data, then closes the account: logged out, and the old token answers 401', async () => {
  const started = Date.now();
  const staffToken = await api.login('dev:staff-shuangliao-vocational');
  const created = await authed<Activity>('POST', '/staff/activities', staffToken, {
    kind: 'training',
    title: `电商直播带货培训${suffix()}`,
    schoolId: 'shuangliao-vocational',
    county: '双辽市',
    place: { township: '辽东街道', address: '双辽市职业中专实训楼' },
    startsAt: from(5 * DAY),
    endsAt: from(5 * DAY + 3 * HOUR),
    capacity: 20,
    signupOpensAt: from(-HOUR),
    signupClosesAt: from(4 * DAY),
  });
  expect(created.status).toBe(201);

  const identity = `dev:closer-${suffix()}${Math.floor(Math.random() * 1000)}`;
  const { context, page } = await env.visitorAs(identity);
  const userToken = await api.login(identity);
  const signed = await api.signUp(userToken, created.body.id, { name: '刘小红', phone: phone('137') });
  expect(signed.status).toBe(201);

  await elderMode(page);
  await tap(page, '账号与数据');
  await expectVisible(page, '数据导出');
  await expectElderSizes(page, '账号与数据', { minTexts: 4 });

  // 导出我的数据: on H5 the browser saves a .json file.
  const [download] = await Promise.all([page.waitForEvent('download'), tap(page, '导出我的数据')]);
  expect(download.suggestedFilename()).toMatch(/^四平职教通-我的数据-\d{8}\.json$/);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8')) as MyData;
  expect(saved.signups.map((s) => [s.id, s.attendee.name, s.activity?.title])).toEqual([
    [signed.body.id, '刘小红', created.body.title],
  ]);
  await expectVisible(page, '已导出：共 1 条报名、0 位家庭成员');
  await screenshot(page, '15-account-exported');

  // 注销账号: first what will happen, in plain words; then the account closes and the phone logs out.
  const session = await storageValue<{ token: string; userId: string }>(page, 'sp.session');
  expect(session?.token).toBeTruthy();
  await tap(page, '注销账号');
  await expectVisible(page, '确认注销账号');
  await expectVisible(page, /名额自动让给排队候补的人/);
  await expectVisible(page, /这部手机会退出登录/);
  await screenshot(page, '15-account-close-confirm-elder');
  await expectElderSizes(page, '确认注销账号', { minTexts: 4 });
  await tap(page, '确认注销');
  await page.getByText('账号已注销', { exact: true }).first().waitFor();
  await expectVisible(page, '近期活动');
  const after = await storageValue<{ userId: string }>(page, 'sp.session');
  expect(after?.userId === session?.userId).toBe(false);
  expect(await storageValue<string>(page, 'sp.devIdentity')).not.toBe(identity);

  for (const token of [session?.token as string, userToken]) {
    const me = await authed<{ error: { code: string } }>('GET', '/me', token);
    expect([me.status, me.body.error.code]).toEqual([401, 'ACCOUNT_CLOSED']);
  }
  // Her name is gone from the school's roster.
  const roster = await authed<{ items: RosterEntry[] }>(
    'GET',
    `/staff/activities/${created.body.id}/signups`,
    staffToken,
  );
  expect(roster.body.items.filter((r) => r.attendee.name === '刘小红')).toEqual([]);
  await context.close();
  console.log(`导出 + 注销 journey took ${Date.now() - started} ms`);
});
