/**
 * Staff and attendees in the H5 build (Debian's Chromium, 375×812) against the local stack: a teacher of
 * 双辽市职业中专 publishes a 送教下乡 day, a villager signs up and shows the QR code's 签到码, the teacher
 * checks her in by typing it, she sees 已签到 and — once the day is over — her 结业证明. Screenshots of the
 * staff pages and 统计 go to tests/artifacts/.
 */
import type { Page } from 'playwright-core';
import type { SignupDetail } from '../../shared/api';
import type { Activity } from '../../shared/schemas/activity';
import { apiClient } from './api-client';
import {
  current,
  fill,
  expectVisible,
  screenshot,
  still,
  storageValue,
  tap,
  tapTab,
  useBrowserStack,
} from './helpers';

jest.setTimeout(300_000);

let api: ReturnType<typeof apiClient>;

const env = useBrowserStack(async (apiUrl) => {
  api = apiClient(apiUrl);
  // Warm the routes these journeys use.
  const warm = await api.login('dev:staff-shuangliao-vocational');
  await Promise.all([
    api.get('/activities?limit=5'),
    authed('GET', '/staff/activities', warm),
    authed('GET', '/staff/stats?year=2026', warm),
    authed('POST', '/staff/check-ins', warm, { code: 'CK1.nothing' }),
    authed('GET', '/signups/nothing-here', warm),
    authed('GET', '/family-members', warm),
    authed('DELETE', '/family-members/nothing-here', warm),
    authed('POST', '/family-members', warm, {}),
    authed('PUT', '/family-members/nothing-here', warm, {}),
    authed('POST', '/staff/activities/nothing-here/draw', warm, {}),
    authed('PATCH', '/staff/activities/nothing-here', warm, {}),
    authed('GET', '/staff/activities/nothing-here/signups', warm),
    authed('GET', '/me/subscriptions', warm),
    api.get('/activities/nothing-here/draw').catch(() => undefined),
    api.get('/activities/nothing-here').catch(() => undefined),
  ]);
});

const authed = <T>(method: string, path: string, token: string, body?: unknown) =>
  api.authed<T>(method, path, token, body);

function phone(prefix: string): string {
  return `${prefix}${String(Math.floor(Math.random() * 10 ** (11 - prefix.length))).padStart(11 - prefix.length, '0')}`;
}

async function openStaffDesk(page: Page) {
  await tapTab(page, '我的');
  await tap(page, '学校工作台');
  await expectVisible(page, '我的活动');
}

test('staff publish an outreach day → a villager signs up → 签到 by code → 已签到 → 结业证明', async () => {
  const started = Date.now();
  const title = `秸秆还田现场课${Date.now().toString(36).slice(-4)}`;

  // The teacher publishes the day in the app (the form's defaults start it within the hour).
  const staff = await env.visitorAs('dev:staff-shuangliao-vocational');
  await openStaffDesk(staff.page);
  await screenshot(staff.page, '5-staff-desk');
  await tap(staff.page, '发布活动');
  await expectVisible(staff.page, '活动类型');
  await fill(staff.page, '活动名称', title);
  await tap(staff.page, '双辽市');
  await fill(staff.page, '乡镇（街道）', '卧虎镇');
  await fill(staff.page, '村屯（社区）', '新立村');
  await fill(staff.page, '详细地址', '村委会大院');
  await screenshot(staff.page, '5-staff-publish');
  await tap(staff.page, '发布');
  await expectVisible(staff.page, '名单');
  await expectVisible(staff.page, title);
  const staffToken = await api.login('dev:staff-shuangliao-vocational');
  const mineAsStaff = await authed<{ items: Activity[] }>('GET', '/staff/activities', staffToken);
  const published = mineAsStaff.body.items.find((a) => a.title === title);
  if (!published) throw new Error('the published activity is not in GET /staff/activities');
  expect(published).toMatchObject({ kind: 'outreach', county: '双辽市', capacity: 40 });
  // The form's default: within the hour, or — from about 21:00 in Siping — 09:00 the next morning.
  const startsIn = Date.parse(published.startsAt) - Date.now();
  expect(startsIn).toBeGreaterThan(0);
  expect(startsIn).toBeLessThan(13 * 3600_000);
  let activity = published;
  if (startsIn > 90 * 60_000) {
    // 签到 opens two hours before a session: bring a next-morning default within that.
    const from = (ms: number) => new Date(Date.now() + ms).toISOString();
    const moved = await authed<Activity>('PATCH', `/staff/activities/${published.id}`, staffToken, {
      startsAt: from(3600_000),
      endsAt: from(3 * 3600_000),
      signupClosesAt: from(3600_000),
    });
    expect(moved.status).toBe(200);
    activity = moved.body;
  }

  // A villager signs up in the app.
  const user = await env.visitor();
  await user.page.goto(`${env.webUrl}/#/packages/activity/pages/detail/index?id=${activity.id}`);
  await expectVisible(user.page, title);
  await tap(user.page, '报名');
  const agree = current(user.page).getByText('同意并继续', { exact: true });
  await agree
    .or(current(user.page).getByLabel('姓名', { exact: true }))
    .first()
    .waitFor();
  if (await agree.isVisible()) await tap(user.page, '同意并继续');
  await fill(user.page, '姓名', '李秀兰');
  await fill(user.page, '手机号', phone('135'));
  await fill(user.page, '所在村屯', '新立村');
  await tap(user.page, '提交报名');
  await expectVisible(user.page, '报名成功');

  // 我的报名 → 查看详情: the QR code with its 签到码 underneath.
  await tap(user.page, '查看我的报名');
  const card = current(user.page).locator('.sp-signup', { hasText: title }).first();
  await (await still(card)).getByText('查看详情', { exact: true }).click();
  await expectVisible(user.page, '签到二维码');
  await still(current(user.page).locator('.sp-qr__image'));
  const shownCode = ((await current(user.page).locator('.sp-qr__text').textContent()) ?? '').trim();
  expect(shownCode).toMatch(/^CK1\./);
  await screenshot(user.page, '5-user-signup-qr');
  const identity = (await storageValue<string>(user.page, 'sp.devIdentity')) as string;
  const userToken = await api.login(identity);
  const signupId = (await api.mine(userToken)).find((s) => s.activityId === activity.id)?.id as string;
  const detail = await authed<SignupDetail>('GET', `/signups/${signupId}`, userToken);
  // Each answer seals a fresh code (a new nonce); any of them checks her in.
  expect(detail.body.checkInCode).toMatch(/^CK1\./);

  // The teacher types the code in 签到.
  await staff.page.goto(`${env.webUrl}/#/packages/staff/pages/checkin/index?id=${activity.id}`);
  await fill(staff.page, '签到码', shownCode);
  await tap(staff.page, '确认签到');
  await expectVisible(staff.page, '签到成功');
  await expectVisible(staff.page, '李秀兰');
  await screenshot(staff.page, '5-staff-checked-in');
  await fill(staff.page, '签到码', shownCode);
  await tap(staff.page, '确认签到');
  await expectVisible(staff.page, '已签到过');

  // At a field's edge without a connection the scan waits on the phone and is sent when the connection returns.
  await staff.context.setOffline(true);
  await fill(staff.page, '签到码', shownCode);
  await tap(staff.page, '确认签到');
  await expectVisible(staff.page, '没有网络，已保存，联网后自动发送');
  await expectVisible(staff.page, '待发送的签到：1 人');
  const queued = await storageValue<Array<{ code: string; scannedAt: string }>>(
    staff.page,
    'sp.staff.checkins',
  );
  expect(queued).toEqual([{ code: shownCode, scannedAt: expect.stringMatching(/Z$/) }]);
  await screenshot(staff.page, '5-staff-checkin-offline');
  await staff.context.setOffline(false);
  await current(staff.page).getByText('待发送的签到：1 人').waitFor({ state: 'hidden', timeout: 30_000 });
  expect(await storageValue(staff.page, 'sp.staff.checkins')).toEqual([]);

  // The villager sees 已签到 on her sign-up.
  await user.page.reload();
  await expectVisible(user.page, '已签到');
  await expectVisible(user.page, /共 \d+(\.\d+)? 学时/);

  // The day is over (moved into the past through the API): her 结业证明 appears.
  const shift = (iso: string) => new Date(Date.parse(iso) - 2 * 86_400_000).toISOString();
  const patched = await authed<Activity>('PATCH', `/staff/activities/${activity.id}`, staffToken, {
    signupOpensAt: shift(activity.signupOpensAt),
    signupClosesAt: shift(activity.signupClosesAt),
    startsAt: shift(activity.startsAt),
    endsAt: shift(activity.endsAt),
  });
  expect(patched.status).toBe(200);
  await user.page.reload();
  await expectVisible(user.page, '结业证明');
  await expectVisible(user.page, '验证码');
  await screenshot(user.page, '5-user-completion');
  const completion = (await authed<SignupDetail>('GET', `/signups/${signupId}`, userToken)).body.completion;
  expect(completion?.attendeeName).toBe('李秀兰');
  await tap(user.page, '查看可分享的证明');
  await expectVisible(user.page, /已查验/);
  await expectVisible(user.page, completion?.code as string);

  // 统计 counts the check-in; the roster shows her with the full phone number.
  await staff.page.goto(`${env.webUrl}/#/packages/staff/pages/stats/index`);
  await expectVisible(staff.page, '各校培训人次与目标');
  await expectVisible(staff.page, '月度趋势');
  await screenshot(staff.page, '5-staff-stats');
  await staff.page.goto(`${env.webUrl}/#/packages/staff/pages/activity/index?id=${activity.id}`);
  await expectVisible(staff.page, '名单');
  await expectVisible(staff.page, /李秀兰 · 135\d{8}/);
  await screenshot(staff.page, '5-staff-roster');
  await user.context.close();
  await staff.context.close();
  console.log(`staff journey (publish → check-in → completion) took ${Date.now() - started} ms`);
});

test('a son adds his mother in 家庭成员 and enrols her in a lottery class; after the draw she is placed', async () => {
  const started = Date.now();
  // A 老年大学 class for 50+ by lottery, one seat, with another applicant: the draw decides.
  const staffToken = await api.login('dev:staff-lishu-senior-univ');
  const day = (d: number, h = 9) => {
    const t = new Date(Date.now() + d * 86_400_000);
    t.setUTCHours(h - 8, 0, 0, 0);
    return t.toISOString();
  };
  const title = `书法入门（摇号）${Date.now().toString(36).slice(-4)}`;
  const created = await authed<Activity>('POST', '/staff/activities', staffToken, {
    kind: 'senior',
    title,
    schoolId: 'lishu-senior-univ',
    county: '梨树县',
    place: { township: '梨树镇', address: '梨树县老年大学二楼' },
    startsAt: day(12, 9),
    endsAt: day(12, 11),
    capacity: 1,
    signupOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
    signupClosesAt: day(10, 18),
    enrolment: 'lottery',
    minAge: 50,
  });
  expect(created.status).toBe(201);
  const activity = created.body;
  const other = await api.login(`dev:other-${Date.now().toString(36)}`);
  const otherSignup = await api.signUp(other, activity.id, {
    name: '赵桂兰',
    phone: phone('138'),
    birthYear: 1955,
  });
  expect(otherSignup.body.status).toBe('applied');

  const { context, page } = await env.visitor();
  await tapTab(page, '我的');
  await tap(page, '家庭成员');
  await tap(page, '添加家庭成员');
  await fill(page, '姓名', '王淑芬');
  await fill(page, '手机号', phone('139'));
  await fill(page, '出生年份', '1958');
  await tap(page, '母亲');
  await tap(page, '保存');
  await expectVisible(page, '王淑芬（母亲）');
  await screenshot(page, '6-family-members');

  await page.goto(`${env.webUrl}/#/packages/activity/pages/detail/index?id=${activity.id}`);
  await expectVisible(page, '摇号报名');
  await expectVisible(page, /随机种子指纹：[0-9a-f]{12}/);
  await tap(page, '报名');
  const agree = current(page).getByText('同意并继续', { exact: true });
  await agree
    .or(current(page).getByLabel('姓名', { exact: true }))
    .first()
    .waitFor();
  if (await agree.isVisible()) await tap(page, '同意并继续');
  await expectVisible(page, '为谁报名');
  await expectVisible(page, '需年满 50 周岁');
  await tap(page, '王淑芬（母亲）');
  await expect(current(page).getByLabel('出生年份', { exact: true }).inputValue()).resolves.toBe('1958');
  await screenshot(page, '6-family-signup-form');
  await tap(page, '提交报名');
  await expectVisible(page, '已提交申请，等待摇号');

  const identity = (await storageValue<string>(page, 'sp.devIdentity')) as string;
  const sonToken = await api.login(identity);
  const hers = (await api.mine(sonToken)).find((s) => s.activityId === activity.id);
  expect(hers).toMatchObject({
    status: 'applied',
    attendee: { name: '王淑芬', relation: '母亲', birthYear: 1958 },
  });

  const drawn = await authed('POST', `/staff/activities/${activity.id}/draw`, staffToken, {});
  expect(drawn.status).toBe(200);

  await page.goto(`${env.webUrl}/#/packages/mine/pages/signup/index?id=${hers?.id}`);
  await expectVisible(page, /^(报名成功|候补中，第 1 位)$/);
  const after = (await api.mine(sonToken)).find((s) => s.activityId === activity.id);
  expect(['confirmed', 'waitlisted']).toContain(after?.status);
  await screenshot(page, '6-family-after-draw');
  // The H5 router keeps the earlier copy of this page in its stack: reload to see the draw.
  await page.goto(`${env.webUrl}/#/packages/activity/pages/detail/index?id=${activity.id}`);
  await page.reload();
  await expectVisible(page, '摇号结果');
  await expectVisible(page, '王*芬');
  await context.close();
  console.log(`family + lottery journey took ${Date.now() - started} ms`);
});
