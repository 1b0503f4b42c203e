/**
 * The student's decision in the H5 build (Debian's Chromium, 375×812) against the local stack: a parent, in
 * 长辈模式, opens 学校 from the home page, filters 双辽市 and opens 双辽市职业中专; opens its 中职 畜牧兽医 and reads
 * its 升学路径 to a 高职专科 major; adds 畜牧兽医 and 现代农艺技术 to 对比 and sees them side by side, 未公布 where
 * the school has published nothing. Elder sizes are measured on 学校, the school, the major and 对比.
 * Screenshots go to tests/artifacts/.
 */
import type { Pathway } from '../../shared/schemas/catalog';
import { apiClient } from './api-client';
import {
  current,
  eventually,
  expectVisible,
  screenshot,
  still,
  storageValue,
  tap,
  useBrowserStack,
  expectElderSizes,
} from './helpers';

jest.setTimeout(300_000);

const SCHOOL = { id: 'shuangliao-vocational', name: '双辽市职业中专' };
const VET = { id: 'sl-animal-husbandry-vet', name: '畜牧兽医' };
const AGRO = { id: 'sl-modern-agronomy', name: '现代农艺技术' };

let api: ReturnType<typeof apiClient>;

const env = useBrowserStack(async (apiUrl) => {
  api = apiClient(apiUrl);
  // serverless-offline loads each handler on its first call: warm the routes the journey uses.
  await Promise.all([
    api.get(`/schools?county=${encodeURIComponent('双辽市')}`),
    api.get(`/schools/${SCHOOL.id}`),
    api.get(`/majors?schoolId=${SCHOOL.id}&limit=50`),
    api.get(`/majors/${VET.id}`),
    api.get(`/majors/${VET.id}/pathway`),
    api.get(`/activities?schoolId=${SCHOOL.id}&limit=5`),
  ]);
});

test('a parent in 长辈模式: 学校 → 双辽市 → 双辽市职业中专 → 畜牧兽医’s 升学路径 → two majors side by side', async () => {
  const started = Date.now();
  const { context, page } = await env.visitor();
  await tap(page, '长辈版');
  const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(await eventually(rootSize, '22px')).toBe('22px');

  // 1. 学校 → 双辽市 → 双辽市职业中专.
  await tap(page, '学校');
  await expectVisible(page, '四平的学校');
  await tap(page, '双辽市', current(page).locator('.sp-chips', { hasText: '区县' }));
  const rows = current(page).locator('.catalog__list .sp-row');
  const onlyShuangliao = async () => {
    const details = await rows.locator('.sp-row__detail').allTextContents();
    return details.length > 0 && details.every((d) => d.includes('双辽市'));
  };
  expect(await eventually(onlyShuangliao, true)).toBe(true);
  const school = rows.filter({ hasText: SCHOOL.name });
  const listed = await api.get<{ items: Array<{ id: string; enrollingMajors: number }> }>(
    `/schools?county=${encodeURIComponent('双辽市')}`,
  );
  const enrolling = listed.items.find((s) => s.id === SCHOOL.id)?.enrollingMajors ?? 0;
  expect(enrolling).toBeGreaterThanOrEqual(2);
  expect(await (await still(school)).innerText()).toContain(`在招专业 ${enrolling} 个`);
  // The county's 老年大学 is only planned: its row says so.
  expect(await rows.filter({ hasText: '双辽市老年大学' }).innerText()).toContain('拟建设');
  await screenshot(page, '6-parent-schools-shuangliao');
  await expectElderSizes(page, '学校');

  await tap(page, SCHOOL.name);
  await expectVisible(page, '开设专业');
  const zhongzhi = current(page).locator('.catalog__level', { hasText: '中职' });
  for (const name of [VET.name, AGRO.name]) {
    const row = zhongzhi.locator('.sp-row', { hasText: name });
    expect(await (await still(row)).locator('.catalog__badge').textContent()).toBe('在招');
  }
  await screenshot(page, '6-parent-school');
  await expectElderSizes(page, '双辽市职业中专');

  // 2. 畜牧兽医 (中职) → its 升学路径 leads to a 高职专科 major.
  await tap(page, VET.name, zhongzhi);
  await expectVisible(page, '升学路径');
  const pathway = await api.get<Pathway>(`/majors/${VET.id}/pathway`);
  expect(pathway.note).toBeNull();
  const toLevels = current(page).locator('.catalog__path-to .catalog__path-level');
  await still(toLevels.first());
  expect(await toLevels.allTextContents()).toContain('高职专科');
  const higher = pathway.to.filter((l) => l.level === '高职专科');
  expect(higher.length).toBeGreaterThan(0);
  for (const link of higher) {
    const shown = current(page).locator('.catalog__path-to .catalog__path-link', { hasText: link.name });
    const text = await (await still(shown.first())).innerText();
    expect(text).toContain(`来源：${link.source}`);
    expect(text).toContain(link.majors.length ? link.majors[0]!.school.name : '四平暂无学校开设');
  }
  await current(page)
    .locator('#pathway')
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, '6-parent-major-pathway');
  await current(page).evaluate(() => window.scrollTo(0, 0));
  await expectElderSizes(page, '畜牧兽医');

  // 3. Both majors into 对比, then side by side.
  await tap(page, '加入对比');
  await expectVisible(page, '移出对比');
  await page.goBack();
  await expectVisible(page, '开设专业');
  await tap(page, AGRO.name, current(page).locator('.catalog__level', { hasText: '中职' }));
  await expectVisible(page, AGRO.name);
  await tap(page, '加入对比');
  await expectVisible(page, '查看对比（2）›');
  const kept = await storageValue<Array<{ id: string }>>(page, 'sp.compare');
  expect(kept?.map((i) => i.id)).toEqual([VET.id, AGRO.id]);
  await tap(page, '查看对比（2）›');
  await expectVisible(page, '专业对比');
  const names = current(page).locator('.catalog__cmp-name');
  await still(names.nth(1));
  expect(await names.allTextContents()).toEqual([VET.name, AGRO.name]);
  // Side by side: the two columns share a row, left and right.
  const [left, right] = [await names.nth(0).boundingBox(), await names.nth(1).boundingBox()];
  expect(left && right && Math.abs(left.y - right.y) < 2 && left.x + left.width <= right.x).toBe(true);
  const cells = async (label: string) =>
    current(page)
      .locator('.catalog__cmp-row', { has: page.locator('.catalog__cmp-label', { hasText: label }) })
      .locator('.catalog__cmp-cell')
      .allTextContents();
  expect(await cells('层次')).toEqual(['中职', '中职']);
  expect(await cells('学校')).toEqual([SCHOOL.name, SCHOOL.name]);
  expect(await cells('状态')).toEqual(['在招', '在招']);
  // The seed publishes no 学制 or 学费 for either: 未公布, never blank.
  expect(await cells('学制')).toEqual(['未公布', '未公布']);
  expect(await cells('学费')).toEqual(['未公布', '未公布']);
  expect((await cells('升学路径'))[0]).toMatch(/^可升入：.*高职专科/);
  for (const text of await current(page).locator('.catalog__cmp-cell').allTextContents())
    expect(text.trim()).not.toBe('');
  await screenshot(page, '6-parent-compare');
  await expectElderSizes(page, '对比');
  await context.close();
  console.log(`journey (parent's decision) took ${Date.now() - started} ms`);
});
