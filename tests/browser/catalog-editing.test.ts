/**
 * A school edits its own catalog entry in the H5 build (Debian's Chromium, 375×812) against the local stack:
 * the school admin of 吉林省四平卫生学校 — in 长辈模式, measured — sets the school's phone in 学校信息 and adds a
 * major in 专业管理, then exports the catalog, types the major's 学费 into the workbook and imports it (checked
 * first, then applied); a student in a fresh browser (no HTTP cache, no storage) sees the phone as 拨打 on the
 * school's page and the new major's 学制, 在招 and 学费. Screenshots go to tests/artifacts/.
 *
 * Public answers lag an edit. Under serverless-offline each function runs in its own worker thread with its
 * own caches (its response cache, CACHE_TTL_MS.catalog = 30 s, over a catalog the store keeps 30 s), so an
 * edit clears only the caches of the function that wrote it: GET /schools/{id} and GET /majors may answer
 * what they read before the edit for up to a minute — as they may in production. The student therefore
 * arrives once that bound has passed since the last edit, and the journey asserts what she sees once, with no
 * retries: it depends on the documented bound, not on which instance kept what.
 */
import ExcelJS from 'exceljs';
import type { Page as BrowserPage, Response } from 'playwright-core';
import type { Me } from '../../shared/api';
import type { Major, School } from '../../shared/schemas/catalog';
import { apiClient } from './api-client';
import {
  current,
  eventually,
  expectVisible,
  fill,
  screenshot,
  still,
  tap,
  tapTab,
  useBrowserStack,
  BROWSER_CATALOG_CACHE_SECONDS,
  expectElderSizes,
} from './helpers';

jest.setTimeout(300_000);

const SCHOOL = { id: 'sp-health-school', name: '吉林省四平卫生学校' };
const PHONE = '0434-3200000';
const MAJOR = '医学检验技术';
const SOURCE = 'https://www.example.edu.cn/sp-health/zsjz-2027';
const TUITION = '每年 3800 元';
/**
 * How long a public catalog answer may lag an edit: a function instance keeps an answer up to the catalog cache's
 * TTL (functions/lib/http.ts, CACHE_TTL_MS.catalog; 30 s in production, BROWSER_CATALOG_CACHE_SECONDS on the
 * browser stacks), built from a catalog it read up to one TTL before (functions/store/catalog-store.ts); a
 * little margin for the clocks of two processes.
 */
const PUBLIC_LAG_MS = 2 * BROWSER_CATALOG_CACHE_SECONDS * 1000 + 2_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let api: ReturnType<typeof apiClient>;

const env = useBrowserStack(async (apiUrl) => {
  api = apiClient(apiUrl);
  // serverless-offline loads each handler on its first call: warm the routes the journey uses.
  const warm = await api.login('dev:admin');
  await Promise.all([
    api.get('/schools'),
    api.get('/activities?limit=5'),
    api.get(`/majors?schoolId=${SCHOOL.id}&limit=50`),
    api.get(`/schools/${SCHOOL.id}`),
    api.get('/majors/health-nursing'),
    api.authed('GET', '/me', warm),
    api.authed('GET', '/staff/activities', warm),
    api.authed('POST', '/staff/invitations', warm, {}),
    api.authed('POST', '/invitations/redeem', await api.login('dev:warm-catalog'), {
      code: '0000000000000000',
    }),
    api.authed('PATCH', '/staff/schools/nothing-here', warm, {}),
    api.authed('POST', '/staff/majors', warm, {}),
  ]);
});

/** The API's answer to the request the next tap makes. */
function answerTo(page: BrowserPage, method: string, path: string): Promise<Response> {
  return page.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname === path);
}

/** Taro's H5 toast with this text, until it has gone again. */
async function toast(page: BrowserPage, text: string) {
  const shown = page.locator('.taro__toast').getByText(text, { exact: true });
  await shown.waitFor({ state: 'visible' });
  await shown.waitFor({ state: 'hidden' });
}

test('a school admin sets the phone, adds a major and imports its 学费 from Excel → a student sees them', async () => {
  const started = Date.now();

  // Arrange: the bureau invites her as 学校管理员 of the school; she redeems it (people.test.ts does this by QR).
  const identity = `dev:sp-health-secretary-${Date.now().toString(36)}`;
  const admin = await api.login('dev:admin');
  const invitation = await api.authed<{ code: string }>('POST', '/staff/invitations', admin, {
    schoolId: SCHOOL.id,
    role: 'school-admin',
    note: '招生办',
  });
  expect(invitation.status).toBe(201);
  const token = await api.login(identity);
  expect(
    (await api.authed('POST', '/invitations/redeem', token, { code: invitation.body.code })).status,
  ).toBe(200);
  const me = (await api.authed<Me>('GET', '/me', token)).body;
  expect(me.roles).toContain(`school-admin:${SCHOOL.id}`);

  // She reads better with large text: her whole visit runs in 长辈模式.
  const secretary = await env.visitorAs(identity);
  const page = secretary.page;
  await tapTab(page, '我的');
  await tap(page, '长辈模式');
  const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(await eventually(rootSize, '22px')).toBe('22px');

  // 学校工作台 → 学校信息: her one school opens at once; she sets the phone and saves.
  await tap(page, '学校工作台');
  await tap(page, '学校信息');
  await expectVisible(page, SCHOOL.name);
  await still(current(page).getByLabel('电话', { exact: true }));
  await expectElderSizes(page, '学校信息');
  await screenshot(page, '8-catalog-school-profile-elder');
  await fill(page, '电话', PHONE);
  const patched = answerTo(page, 'PATCH', `/api/staff/schools/${SCHOOL.id}`);
  await tap(page, '保存');
  const patch = await patched;
  // Only the changed field is sent; the answer is the school as it is now.
  expect(patch.request().postDataJSON()).toEqual({ phone: PHONE });
  expect(patch.status()).toBe(200);
  expect(((await patch.json()) as School).phone).toBe(PHONE);
  await toast(page, '已保存');
  expect(await current(page).getByLabel('电话', { exact: true }).inputValue()).toBe(PHONE);

  // 专业管理: the seed's 护理 and 药剂, 在招; 新增专业 → 中职 医学检验技术, 学制 3, 在招, a public source.
  await page.goBack();
  await tap(page, '专业管理');
  await expectVisible(page, '护理');
  await expectVisible(page, '药剂');
  const nursing = current(page).locator('.edit__major', { hasText: '护理' });
  await expect(nursing.locator('.edit__status').textContent()).resolves.toBe('在招');
  await expectElderSizes(page, '专业管理');
  await screenshot(page, '8-catalog-majors-elder');
  await tap(page, '新增专业');
  await expectVisible(page, '新增专业');
  await expectVisible(page, SCHOOL.name);
  await expectElderSizes(page, '新增专业（上）');
  await fill(page, '专业名称', MAJOR);
  await tap(page, '中职');
  await tap(page, '医药卫生');
  await fill(page, '学制（年）', '3');
  await tap(page, '在招');
  await fill(page, '信息来源', SOURCE);
  await expectElderSizes(page, '新增专业（下）', { minTexts: 4 });
  await screenshot(page, '8-catalog-major-new-elder');
  const posted = answerTo(page, 'POST', '/api/staff/majors');
  await tap(page, '保存');
  const post = await posted;
  expect(post.status()).toBe(201);
  const created = (await post.json()) as Major;
  expect(created).toMatchObject({
    schoolId: SCHOOL.id,
    name: MAJOR,
    level: '中职',
    field: '医药卫生',
    years: 3,
    status: 'enrolling',
    source: SOURCE,
  });
  await toast(page, '已保存');
  // Back on the list, the new major shows at once (the phone's own save, whatever the public list says yet).
  const added = current(page).locator('.edit__major', { hasText: MAJOR });
  await still(added);
  await expect(added.locator('.edit__status').textContent()).resolves.toBe('在招');
  await expect(added.textContent()).resolves.toContain('3 年制');
  await screenshot(page, '8-catalog-majors-added');

  // 导出 Excel: the browser saves the workbook under the server's name; she types the new major's 学费 in it …
  const downloading = page.waitForEvent('download');
  await tap(page, '导出 Excel');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^四平职教通-专业目录-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet('专业');
  if (!sheet) throw new Error('the export has no 专业 sheet');
  const headers = (sheet.getRow(1).values as unknown[]).map((x) => String(x ?? ''));
  const column = (header: string) => headers.indexOf(header);
  let row = 0;
  sheet.eachRow((r, n) => {
    if (r.getCell(column('专业名称')).text === MAJOR) row = n;
  });
  expect(row).toBeGreaterThan(1);
  sheet.getRow(row).getCell(column('学费')).value = TUITION;
  const edited = Buffer.from(await workbook.xlsx.writeBuffer());

  // … and 导入 Excel checks it first (nothing written), then 确认导入 applies it.
  const checked = answerTo(page, 'POST', '/api/staff/catalog/import');
  await current(page)
    .getByLabel('导入 Excel', { exact: true })
    .setInputFiles({ name: download.suggestedFilename(), mimeType: XLSX, buffer: edited });
  const dryRun = await checked;
  expect(new URL(dryRun.url()).searchParams.get('dryRun')).toBe('true');
  // The bytes go as they are, as application/octet-stream (see UPLOAD_CONTENT_TYPE in lib/catalog-api.ts).
  expect(dryRun.request().headers()['content-type']).toBe('application/octet-stream');
  expect(dryRun.request().postDataBuffer()?.equals(edited)).toBe(true);
  expect(dryRun.status()).toBe(200);
  await expectVisible(page, '检查结果（还没有导入）');
  await expectVisible(page, '修改 1 条');
  await expectVisible(page, `“专业”第 ${row} 行 ${MAJOR}`);
  await expectVisible(page, `学费：（空） → ${TUITION}`);
  await current(page).locator('.excel__report').scrollIntoViewIfNeeded();
  await expectElderSizes(page, '导入检查', { minTexts: 4 });
  await screenshot(page, '8-catalog-import-dry-run-elder');
  const applying = answerTo(page, 'POST', '/api/staff/catalog/import');
  await tap(page, '确认导入');
  const applied = await applying;
  expect(new URL(applied.url()).searchParams.get('dryRun')).toBe('false');
  expect(applied.status()).toBe(200);
  await expectVisible(page, '已导入。公开页面约 1 分钟内显示新的内容。');
  const lastEdit = Date.now();

  // The student arrives once no public answer can predate the edits (see the top of this file).
  const wait = lastEdit + PUBLIC_LAG_MS - Date.now();
  console.log(`waiting ${Math.max(0, wait)} ms for the public caches' bound`);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));

  // A student, in a fresh browser, opens the school's page (as a shared link would).
  const student = await env.visitor();
  await student.page.goto(`${env.webUrl}/#/packages/catalog/pages/school/index?id=${SCHOOL.id}`);
  await expectVisible(student.page, SCHOOL.name);
  const phoneLine = current(student.page).locator('.sp-contact__line', { hasText: PHONE });
  await still(phoneLine);
  await expect(phoneLine.getByText('拨打', { exact: true }).isVisible()).resolves.toBe(true);
  await expectVisible(student.page, '信息来源');
  await screenshot(student.page, '8-catalog-school-public');

  // … and the new major in 开设专业: 学制 3 年, 在招, its source; what the school has not published says 未公布.
  await tap(student.page, MAJOR);
  await expectVisible(student.page, '学制与招生');
  const fact = (label: string) =>
    current(student.page).locator('.catalog__fact', { has: student.page.getByText(label, { exact: true }) });
  await expect(fact('学制').locator('.catalog__fact-value').textContent()).resolves.toBe('3 年');
  await expect(fact('学费').locator('.catalog__fact-value').textContent()).resolves.toBe(TUITION);
  await expect(fact('资助').locator('.catalog__fact-value').textContent()).resolves.toBe('未公布');
  await expect(fact('招生计划').locator('.catalog__fact-value').textContent()).resolves.toBe('未公布');
  await expectVisible(student.page, '学校暂未公布专业简介');
  await expectVisible(student.page, '在招');
  await expectVisible(student.page, SOURCE);
  await screenshot(student.page, '8-catalog-major-public');

  for (const v of [secretary, student]) await v.context.close();
  console.log(`catalog editing journey (school admin edits → student sees) took ${Date.now() - started} ms`);
});
