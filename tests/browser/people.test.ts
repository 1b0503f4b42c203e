/**
 * People and roles in the H5 build (Debian's Chromium, 375×812) against the local stack: the city bureau
 * (`dev:admin`) invites a school admin for 双辽市职业中专 by QR code; a new user opens the QR's link and joins;
 * she invites a teacher, who types the code on 我的 → 加入学校 and publishes an activity; she cancels a spare
 * invitation and removes the teacher, whose next staff action is refused in Chinese. Screenshots go to
 * tests/artifacts/.
 */
import qrcode from 'qrcode-generator';
import type { Page as BrowserPage } from 'playwright-core';
import type { Me, Member } from '../../shared/api';
import type { Activity } from '../../shared/schemas/activity';
import { apiClient } from './api-client';
import {
  current,
  fill,
  eventually,
  expectVisible,
  screenshot,
  still,
  storageValue,
  tap,
  tapTab,
  useBrowserStack,
} from './helpers';

jest.setTimeout(300_000);

const SCHOOL = { id: 'shuangliao-vocational', name: '双辽市职业中专' };

let api: ReturnType<typeof apiClient>;

const env = useBrowserStack(async (apiUrl) => {
  api = apiClient(apiUrl);
  // serverless-offline loads each handler on its first call: warm the routes the journey uses.
  const warm = await api.login('dev:admin');
  const school = SCHOOL.id;
  await Promise.all([
    api.get('/schools'),
    api.get('/activities?limit=5'),
    authed('GET', '/me', warm),
    authed('GET', '/signups/mine', warm),
    authed('GET', '/staff/activities', warm),
    authed('POST', '/staff/activities', warm, {}),
    authed('GET', `/staff/activities/nothing-here/signups`, warm),
    authed('POST', '/staff/invitations', warm, {}),
    authed('GET', `/staff/invitations?schoolId=${school}`, warm),
    authed('DELETE', '/staff/invitations/000000000000000000000000', warm),
    authed('GET', `/staff/schools/${school}/members`, warm),
    authed('DELETE', `/staff/schools/${school}/members/nobody-here`, warm),
    authed('POST', '/invitations/redeem', await api.login('dev:warm-people'), { code: '0000000000000000' }),
  ]);
});

const authed = <T>(method: string, path: string, token: string, body?: unknown) =>
  api.authed<T>(method, path, token, body);

/** Taro's H5 modal (Taro.showModal): its text, then a tap on its confirm button. */
async function confirmModal(page: BrowserPage): Promise<string> {
  // The wrapper has no box of its own (its mask and dialog are fixed): find the dialog.
  const modal = page.locator('.taro-modal__content').filter({ visible: true }).last();
  await still(modal.locator('.taro-model__confirm'));
  const text = await modal.innerText();
  await modal.locator('.taro-model__confirm').click();
  await modal.waitFor({ state: 'hidden' });
  return text;
}

/** The invitation card's code, as shown (grouped) and as typed (without dashes). */
async function shownCode(page: BrowserPage): Promise<{ grouped: string; code: string }> {
  const grouped = ((await (await still(current(page).locator('.people__code'))).textContent()) ?? '').trim();
  expect(grouped).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  return { grouped, code: grouped.replace(/-/g, '') };
}

/** What the QR image shows, drawn as the app draws it (qrcode-generator, level M, 8 px cells, 4 px margin). */
function qrOf(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(8, 4);
}

async function tokenOf(page: BrowserPage): Promise<string> {
  return api.login((await storageValue<string>(page, 'sp.devIdentity')) as string);
}

test('admin invites a school admin by QR → she invites a teacher → he publishes → removed, he is refused', async () => {
  const started = Date.now();
  const grouped = (id: string) => id.replace(/(.{4})(?=.)/g, '$1-');

  // The bureau: 我的 shows its 用户编号; 学校工作台 → 教师管理 → 双辽市职业中专 → invite a 学校管理员.
  const admin = await env.visitorAs('dev:admin');
  await tapTab(admin.page, '我的');
  const adminMe = (await authed<Me>('GET', '/me', await api.login('dev:admin'))).body;
  await expectVisible(admin.page, `用户编号 ${grouped(adminMe.shortId)}`);
  await tap(admin.page, '复制');
  // Taro's H5 clipboard keeps what it copied in storage too: the plain id, as `npm run admin -- grant` takes it.
  expect(await eventually(() => storageValue(admin.page, 'taro_clipboard'), adminMe.shortId)).toBe(
    adminMe.shortId,
  );
  await tap(admin.page, '学校工作台');
  await tap(admin.page, '教师管理');
  await expectVisible(admin.page, '选择学校');
  await screenshot(admin.page, '7-people-choose-school');
  await tap(admin.page, SCHOOL.name);
  await expectVisible(admin.page, '邀请老师或学校管理员');
  await tap(admin.page, '学校管理员');
  await fill(admin.page, '备注（选填）', '王校长');
  await tap(admin.page, '生成邀请学校管理员的二维码');
  await expectVisible(admin.page, '已生成邀请（学校管理员）');
  const first = await shownCode(admin.page);
  // The QR code holds the join page's address with the code, under the H5 hash router.
  const link = `${env.webUrl}/#/packages/mine/pages/join/index?code=${first.code}`;
  const qrSrc = await current(admin.page).locator('.sp-qr__image img').getAttribute('src');
  expect(qrSrc).toBe(qrOf(link));
  await expectVisible(admin.page, /^有效期至 \d+月\d+日 周. \d\d:\d\d，只能使用一次。$/);
  await expectVisible(admin.page, '待加入的学校管理员');
  await screenshot(admin.page, '7-people-admin-invites');

  // A new user "scans" it: the link opens 加入学校 with the code filled in; she confirms.
  const head = await env.visitor();
  await head.page.goto(link);
  await expectVisible(head.page, '已从邀请二维码读出邀请码，请核对后点“确认加入”。');
  expect(await current(head.page).getByLabel('邀请码', { exact: true }).inputValue()).toBe(first.grouped);
  await tap(head.page, '确认加入');
  await expectVisible(head.page, `已加入 ${SCHOOL.name}`);
  await expectVisible(head.page, '身份：学校管理员');
  await screenshot(head.page, '7-people-joined-school-admin');
  const headToken = await tokenOf(head.page);
  const headMe = (await authed<Me>('GET', '/me', headToken)).body;
  expect(headMe.schools).toEqual([{ schoolId: SCHOOL.id, schoolName: SCHOOL.name, role: 'school-admin' }]);

  // Her 学校工作台 has 教师管理 for her one school: she may invite teachers only.
  await tap(head.page, '学校工作台');
  await tap(head.page, '教师管理');
  await expectVisible(head.page, SCHOOL.name);
  await expectVisible(head.page, `用户编号 ${grouped(headMe.shortId)}`);
  await expectVisible(head.page, /^我 · /);
  expect(await current(head.page).getByText('邀请的身份', { exact: true }).count()).toBe(0);
  await tap(head.page, '生成邀请老师的二维码');
  await expectVisible(head.page, '已生成邀请（老师）');
  const second = await shownCode(head.page);
  await screenshot(head.page, '7-people-school-admin-invites');

  // A second new user types codes on 我的 → 加入学校: the used one is refused, the new one (typed loosely) joins.
  const teacher = await env.visitor();
  await tapTab(teacher.page, '我的');
  await tap(teacher.page, '加入学校');
  await fill(teacher.page, '邀请码', first.grouped);
  await tap(teacher.page, '确认加入');
  await expectVisible(teacher.page, '邀请码已失效，请联系学校管理员重新邀请');
  await screenshot(teacher.page, '7-people-join-refused');
  await fill(teacher.page, '邀请码', second.grouped.toLowerCase().replace(/-/g, ' '));
  await tap(teacher.page, '确认加入');
  await expectVisible(teacher.page, `已加入 ${SCHOOL.name}`);
  await expectVisible(teacher.page, '身份：老师');
  const teacherToken = await tokenOf(teacher.page);
  const teacherMe = (await authed<Me>('GET', '/me', teacherToken)).body;

  // He publishes an activity in the existing form.
  const title = `果树修剪现场课${Date.now().toString(36).slice(-4)}`;
  await tap(teacher.page, '学校工作台');
  await tap(teacher.page, '发布活动');
  await expectVisible(teacher.page, '活动类型');
  await fill(teacher.page, '活动名称', title);
  await tap(teacher.page, '双辽市');
  await fill(teacher.page, '乡镇（街道）', '王奔镇');
  await fill(teacher.page, '详细地址', '村委会大院');
  await tap(teacher.page, '发布');
  await expectVisible(teacher.page, '名单');
  await expectVisible(teacher.page, title);
  const published = (await authed<{ items: Activity[] }>('GET', '/staff/activities', teacherToken)).body
    .items;
  expect(published.find((a) => a.title === title)).toMatchObject({ schoolId: SCHOOL.id });

  // The school admin sees him; she makes a spare invitation and cancels it (作废).
  await head.page.reload();
  await expectVisible(head.page, `用户编号 ${grouped(teacherMe.shortId)}`);
  await expectVisible(head.page, '没有待使用的邀请。');
  await fill(head.page, '备注（选填）', '备用');
  await tap(head.page, '生成邀请老师的二维码');
  const spare = await shownCode(head.page);
  await expectVisible(head.page, /^备用 · 有效期至 /);
  await tap(head.page, '作废');
  expect(await confirmModal(head.page)).toContain('这个邀请码和二维码就不能再用来加入学校了');
  await expectVisible(head.page, '没有待使用的邀请。');
  expect(await current(head.page).locator('.people__code').count()).toBe(0);
  const late = await authed('POST', '/invitations/redeem', await api.login('dev:late-comer'), {
    code: spare.code,
  });
  expect(late.status).toBe(410);

  // She removes him, behind a confirmation naming his 用户编号 (once the 已作废 toast has gone).
  await head.page.locator('.taro__toast').getByText('已作废', { exact: true }).waitFor({ state: 'hidden' });
  const card = current(head.page).locator('.people__member', { hasText: grouped(teacherMe.shortId) });
  await (await still(card.getByText('移除', { exact: true }))).click();
  await screenshot(head.page, '7-people-remove-confirm');
  expect(await confirmModal(head.page)).toContain(
    `用户编号 ${grouped(teacherMe.shortId)}（老师）移出${SCHOOL.name}`,
  );
  await card.waitFor({ state: 'detached' });
  const members = await authed<{ items: Member[] }>('GET', `/staff/schools/${SCHOOL.id}/members`, headToken);
  const roster = members.body.items.map((m) => [m.shortId, m.role]);
  expect(roster).toContainEqual([headMe.shortId, 'school-admin']);
  expect(roster).not.toContainEqual([teacherMe.shortId, 'teacher']);
  await screenshot(head.page, '7-people-removed');

  // His next staff action is refused at once, in Chinese with the way forward; 我的 no longer offers 学校工作台.
  await teacher.page.goto(`${env.webUrl}/#/packages/staff/pages/publish/index`);
  await fill(teacher.page, '活动名称', `${title}（二）`);
  await tap(teacher.page, '双辽市');
  await fill(teacher.page, '乡镇（街道）', '王奔镇');
  await fill(teacher.page, '详细地址', '村委会大院');
  await tap(teacher.page, '发布');
  const refusal = teacher.page.locator('.taro-modal__content').filter({ visible: true }).last();
  await still(refusal.getByText('没有发布成功', { exact: true }));
  await screenshot(teacher.page, '7-people-teacher-refused');
  expect(await confirmModal(teacher.page)).toContain(
    '您没有权限操作这所学校的数据。如果您是这所学校的老师，请联系学校管理员重新邀请您',
  );
  const again = await authed('GET', '/staff/activities', teacherToken);
  expect(again.status).toBe(403);
  await teacher.page.goto(`${env.webUrl}/#/pages/mine/index`);
  await expectVisible(teacher.page, `用户编号 ${grouped(teacherMe.shortId)}`);
  // GET /me re-reads his roles when 我的 shows again.
  const desk = () => current(teacher.page).getByText('学校工作台', { exact: true }).count();
  expect(await eventually(desk, 0)).toBe(0);

  for (const v of [admin, head, teacher]) await v.context.close();
  console.log(`people journey (invite → join → publish → remove → refused) took ${Date.now() - started} ms`);
});
