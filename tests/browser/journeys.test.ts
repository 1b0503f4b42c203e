/**
 * Five people using the H5 build in a real browser (Debian's Chromium, 375×812) against the local stack:
 * DynamoDB Local + the seed + serverless-offline + dist/h5 behind a static server with an /api proxy.
 * Screenshots go to tests/artifacts/.
 */
import type { Page } from 'playwright-core';
import type { Activity } from '../../shared/schemas/activity';
import type { Attendee, Signup } from '../../shared/schemas/signup';
import { apiClient } from './api-client';
import {
  current,
  eventually,
  expectVisible,
  heights,
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
  // Warm every route the journeys use.
  await Promise.all([
    api.get('/schools'),
    api.get(`/majors?level=${encodeURIComponent('中职')}&limit=20`),
    api.get('/majors/health-nursing').catch(() => undefined),
    api.get('/certificates?limit=20'),
    api.get('/activities?limit=5'),
    api.get('/activities/act-senior-ls-smartphone').catch(() => undefined),
    api.get('/schools/sp-vocational-univ').catch(() => undefined),
    api.get('/certificates/cert-elderly-care').catch(() => undefined),
  ]);
  const warm = await api.login('dev:warm-up');
  await api.mine(warm);
  await api.cancel(warm, 'nothing-here').catch(() => undefined);
});

/**
 * Activities signed up first come, first served, open to anyone, with automatic waitlist promotion:
 * what these journeys exercise (lottery draws, age or residence rules and timed offers are other flows).
 */
function plainFirstCome(a: Activity, age?: number): boolean {
  const rules = a as Partial<Activity>;
  const fitsAge =
    age === undefined
      ? rules.minAge == null && rules.maxAge == null && rules.consentAboveAge == null
      : (rules.minAge ?? 0) <= age && age <= (rules.maxAge ?? 200) && (rules.consentAboveAge ?? 200) >= age;
  return (
    a.status === 'open' &&
    (rules.enrolment ?? 'first-come') === 'first-come' &&
    !rules.residentsOnly &&
    (rules.waitlist ?? 'auto') === 'auto' &&
    fitsAge
  );
}

/** Whether two activities have sessions at overlapping times. */
function clash(a: Activity, b: Activity): boolean {
  const range = (s: { startsAt: string; endsAt: string }) =>
    [Date.parse(s.startsAt), Date.parse(s.endsAt)] as const;
  return a.sessions.some((x) =>
    b.sessions.some((y) => {
      const [s1, e1] = range(x);
      const [s2, e2] = range(y);
      return s1 < e2 && s2 < e1;
    }),
  );
}

/** Seniors in these journeys are born in 1956–1958: about 68–70. */
const SENIOR_AGE = 68;
const forSeniors = (a: Activity) => plainFirstCome(a, SENIOR_AGE);

/** A mainland mobile number unique to this run (the same attendee may sign up for an activity only once). */
function phone(prefix: string): string {
  return `${prefix}${String(Math.floor(Math.random() * 10 ** (11 - prefix.length))).padStart(11 - prefix.length, '0')}`;
}

async function fillField(page: Page, label: string, value: string) {
  const input = current(page).getByLabel(label, { exact: true });
  await still(input);
  await input.fill(value);
}

async function agreePrivacyIfAsked(page: Page) {
  const agree = current(page).getByText('同意并继续', { exact: true });
  const field = current(page).getByLabel('姓名', { exact: true });
  await agree.or(field).first().waitFor({ state: 'visible' });
  if (await agree.isVisible()) {
    await expect(current(page).getByText('隐私保护指引', { exact: true }).isVisible()).resolves.toBe(true);
    await tap(page, '同意并继续');
  }
}

/** 我的 → 长辈模式, until the root font has the elder size. */
async function elderMode(page: Page) {
  await tapTab(page, '我的');
  await tap(page, '长辈模式');
  const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(await eventually(rootSize, '22px')).toBe('22px');
}

/** Other users take `n` seats of `target` through the API, each answered 201; `stem` names them 甲, 乙, …. */
async function fillSeats(
  target: Activity,
  n: number,
  login: string,
  attendee: (stem: string, i: number) => Attendee,
): Promise<Array<{ token: string; signup: Signup }>> {
  const taken: Array<{ token: string; signup: Signup }> = [];
  for (let i = 0; i < n; i += 1) {
    const token = await api.login(`dev:${login}-${Date.now().toString(36)}-${i}`);
    const res = await api.signUp(token, target.id, attendee('甲乙丙丁戊己庚辛壬癸'[i] ?? '子', i));
    expect(res.status).toBe(201);
    taken.push({ token, signup: res.body });
  }
  return taken;
}

test('a student: 专业 → 中职 → 护理 at 四平卫校 → a 1+X certificate → its issuer', async () => {
  const started = Date.now();
  const { context, page } = await env.visitor();
  await still(current(page).locator('.sp-activity').first());
  await screenshot(page, '0-home');
  await tap(page, '专业');
  await expectVisible(page, '层次');
  // The 层次 chip, not a row's 中职 tag (the unfiltered list already shows some).
  await tap(page, '中职', current(page).locator('.sp-chips', { hasText: '层次' }));
  // The list reloads with only 中职 majors (rows tag them 中职).
  const tagSet = async () =>
    [...new Set(await current(page).locator('.sp-row__tag').allTextContents())].join();
  expect(await eventually(tagSet, '中职', 30_000)).toBe('中职');
  await expectVisible(page, '护理');
  await screenshot(page, '1-student-majors-zhongzhi');

  await tap(page, '护理');
  await expectVisible(page, '可考的1+X证书');
  await expectVisible(page, '学什么');
  await expectVisible(page, '中职');
  await expectVisible(page, '吉林省四平卫生学校');
  const certRows = current(page)
    .locator('.sp-section', { hasText: '可考的1+X证书' })
    .locator('.sp-row__title');
  const certName = (await still(certRows.first())).textContent();
  const name = (await certName) ?? '';
  expect(name.length).toBeGreaterThan(0);
  await screenshot(page, '1-student-major-nursing');

  await certRows.first().click();
  await expectVisible(page, '培训评价组织');
  await expectVisible(page, name);
  const issuer = (await current(page).locator('.cert__issuer').textContent())?.trim() ?? '';
  const certs = await api.get<{ items: Array<{ name: string; issuer: string }> }>('/certificates?limit=50');
  expect(certs.items.find((c) => c.name === name)?.issuer).toBe(issuer);
  expect(issuer).toMatch(/有限(责任)?公司|中心$/);
  // The certificate lists its upcoming 1+X training and exam sessions, each opening the sign-up.
  await expectVisible(page, '近期培训和考核');
  await screenshot(page, '1-student-certificate-issuer');
  await context.close();
  console.log(`journey 1 (student) took ${Date.now() - started} ms`);
});

test('a senior in 长辈模式: 老年大学 → a class → 报名 → 提交报名 → 报名成功 → 我的报名; elder sizes hold', async () => {
  const started = Date.now();
  const { context, page } = await env.visitor();
  await elderMode(page);
  await screenshot(page, '2-senior-mine-elder');
  await tapTab(page, '首页');
  await still(current(page).locator('.sp-activity').first());
  const checkElder = (where: string) => expectElderSizes(page, where, { minTargets: 1 });
  await checkElder('home');
  await screenshot(page, '2-senior-home-elder');
  await tap(page, '老年大学');
  const cardTitles = current(page).locator('.sp-activity .sp-activity__title');
  await still(cardTitles.first());

  // List rows (activity cards) are at least 60 px tall in elder mode.
  const cards = await heights(page, '.sp-activity');
  expect(cards.length).toBeGreaterThan(1);
  await checkElder('class list');
  await screenshot(page, '2-senior-list-elder');

  const titles = await cardTitles.allTextContents();
  const classes = (await api.activities('kind=senior&limit=50'))
    .filter(forSeniors)
    .filter((a) => a.seatsLeft > 1);
  const listed = titles.map((t) => classes.find((a) => a.title === t)).filter((a) => a !== undefined);
  const first = listed[0];
  // One person cannot hold two classes at the same time: the second must not clash with the first.
  const second = listed.find((a) => first && a.id !== first.id && !clash(a, first));
  if (!first || !second) throw new Error('need two open senior classes at different times in the list');
  await current(page).locator('.sp-activity', { hasText: first.title }).first().click();
  await expectVisible(page, first.title);
  await expectVisible(page, '报名');

  // Every text ≥ 18 px, line height ≥ 1.3, contrast ≥ 4.5:1; every tap target ≥ 60 × 60 px.
  await checkElder('class page');
  await screenshot(page, '2-senior-class-elder');

  await tap(page, '报名');
  await agreePrivacyIfAsked(page);
  await fillField(page, '姓名', '李秀兰');
  const seniorPhone = phone('139');
  await fillField(page, '手机号', seniorPhone);
  await fillField(page, '出生年份', '1958');
  await checkElder('sign-up form');
  await screenshot(page, '2-senior-form-elder');
  await tap(page, '提交报名');
  await expectVisible(page, '报名成功');
  await checkElder('result page');
  await screenshot(page, '2-senior-success-elder');

  // A returning user: another class is confirmed in 2 taps (报名, 提交报名) with the form pre-filled.
  await tap(page, '返回首页');
  await tap(page, '老年大学');
  await (await still(current(page).locator('.sp-activity', { hasText: second.title }).first())).click();
  await expectVisible(page, second.title);
  let taps = 0;
  await tap(page, '报名');
  taps += 1;
  await expect(current(page).getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('李秀兰');
  await expect(current(page).getByLabel('手机号', { exact: true }).inputValue()).resolves.toBe(seniorPhone);
  await expect(current(page).getByLabel('出生年份', { exact: true }).inputValue()).resolves.toBe('1958');
  await tap(page, '提交报名');
  taps += 1;
  await expectVisible(page, '报名成功');
  expect(taps).toBeLessThanOrEqual(3);

  await tap(page, '查看我的报名');
  await expectVisible(page, '我的报名');
  const mine = current(page).locator('.sp-signup');
  expect(await eventually(() => mine.count(), 2)).toBe(2);
  for (const title of [first.title, second.title]) {
    const card = mine.filter({ hasText: title });
    await expect(card.locator('.sp-signup__status').first().textContent()).resolves.toBe('报名成功');
  }
  await expectVisible(page, '取消报名');
  await checkElder('我的报名');
  await screenshot(page, '2-senior-mine-signups');
  await context.close();
  console.log(`journey 2 (senior, elder mode) took ${Date.now() - started} ms`);
});

test('a villager offline: 送教下乡 → an event → offline 提交报名 → 待发送 → online → confirmed once', async () => {
  const started = Date.now();
  const { context, page } = await env.visitor();
  await tap(page, '送教下乡');
  const events = await api.activities('kind=outreach');
  const event = events.filter((a) => plainFirstCome(a)).find((a) => a.seatsLeft > 0 && a.capacity >= 20);
  if (!event) throw new Error('no outreach event in the seed');
  const card = current(page).locator('.sp-activity', { hasText: event.title }).first();
  await (await still(card)).click();
  await expectVisible(page, event.title);
  await screenshot(page, '3-villager-event');

  await context.setOffline(true);
  await tap(page, '报名');
  await agreePrivacyIfAsked(page);
  await fillField(page, '姓名', '张国富');
  await fillField(page, '手机号', phone('136'));
  await fillField(page, '所在村屯', '新发村');
  await tap(page, '提交报名');
  await expectVisible(page, '待发送');
  await screenshot(page, '3-villager-queued-offline');
  const queued =
    (await storageValue<Array<{ key: string; state: string; attempts: number }>>(page, 'sp.outbox')) ?? [];
  expect(queued).toHaveLength(1);
  const key = queued[0]?.key ?? '';
  expect(key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  expect(queued[0]?.state).toBe('pending');

  await context.setOffline(false);
  await expectVisible(page, '报名成功', 30_000);
  await screenshot(page, '3-villager-sent-online');
  const sent =
    (await storageValue<Array<{ key: string; state: string; attempts: number }>>(page, 'sp.outbox')) ?? [];
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ key, state: 'sent' });
  expect(sent[0]?.attempts).toBeGreaterThanOrEqual(2);

  // The server holds exactly one sign-up for this user and event.
  const identity = await storageValue<string>(page, 'sp.devIdentity');
  expect(identity).toMatch(/^dev:u-[a-z0-9]{12}$/);
  const token = await api.login(identity as string);
  const mine = (await api.mine(token)).filter((s) => s.activityId === event.id);
  expect(mine).toHaveLength(1);
  expect(mine[0]?.status).toBe('confirmed');
  expect(mine[0]?.attendee).toMatchObject({ name: '张国富', village: '新发村' });
  await context.close();
  console.log(`journey 3 (villager offline) took ${Date.now() - started} ms`);
});

test('a full class: 已进入候补, then another user cancels through the API and the seat is promoted', async () => {
  const started = Date.now();
  const small = (await api.activities('kind=senior&limit=50')).filter(
    (a) => forSeniors(a) && a.capacity <= 10 && a.seatsLeft > 0,
  );
  const target = small[0];
  if (!target) throw new Error('no small senior class in the seed');
  // Fill every free seat with other users.
  const others = await fillSeats(target, target.seatsLeft, 'filler', (stem, i) => ({
    name: `王${stem}`,
    phone: phone('137'),
    birthYear: 1956 + (i % 3),
  }));
  for (const o of others) expect(o.signup.status).toBe('confirmed');
  expect((await api.activity(target.id)).seatsLeft).toBe(0);

  const { context, page } = await env.visitor();
  await page.goto(`${env.webUrl}/#/packages/activity/pages/detail/index?id=${target.id}`);
  await expectVisible(page, target.title);
  await expectVisible(page, '已满，可候补');
  await screenshot(page, '4-full-class');
  await tap(page, '报名');
  await agreePrivacyIfAsked(page);
  await fillField(page, '姓名', '赵淑珍');
  await fillField(page, '手机号', phone('138'));
  await fillField(page, '出生年份', '1956');
  await tap(page, '提交报名');
  await expectVisible(page, '已进入候补，第 1 位');
  await screenshot(page, '4-waitlisted');

  const first = others[0];
  if (!first) throw new Error('no filler');
  let cancelled = await api.cancel(first.token, first.signup.id);
  if (cancelled.status === 200 && !('status' in cancelled.body)) {
    // serverless-offline answers a handler past its timeout with 200 + errorMessage (a loaded machine):
    // ask again; a cancel that did go through answers 409 ALREADY_CANCELLED.
    console.warn(`cancel answered ${JSON.stringify(cancelled.body).slice(0, 120)}; retrying`);
    cancelled = await api.cancel(first.token, first.signup.id);
  }
  const outcome = cancelled.body as unknown as { status?: string; error?: { code: string } };
  expect(outcome.status === 'cancelled' || outcome.error?.code === 'ALREADY_CANCELLED').toBe(true);

  await tap(page, '查看我的报名');
  const card = current(page).locator('.sp-signup', { hasText: target.title }).first();
  await still(card);
  const status = () => card.locator('.sp-signup__status').textContent();
  expect(await eventually(status, '报名成功')).toBe('报名成功');
  await screenshot(page, '4-promoted');
  await context.close();
  console.log(`journey 4 (waitlist promotion) took ${Date.now() - started} ms`);
});

test('a village cadre: 送教下乡 → 团体报名 → 4 pasted, a bad phone fixed → 报名成功 / 候补 each, booked once', async () => {
  const started = Date.now();
  // A small outreach day with exactly one seat left: the list gets one 报名成功 and the rest go on the waitlist.
  const target = (await api.activities('kind=outreach&limit=50')).find(
    (a) => plainFirstCome(a) && a.capacity <= 10 && a.seatsLeft >= 1,
  );
  if (!target) throw new Error('no small outreach day with a free seat in the seed');
  const village = target.place.village ?? '三合村';
  await fillSeats(target, target.seatsLeft - 1, 'villager', (stem) => ({
    name: `刘${stem}`,
    phone: phone('135'),
    village,
  }));
  const before = await api.activity(target.id);
  expect(before.seatsLeft).toBe(1);

  // The cadre logs in as herself: the H5 build keeps its login identity in storage (README).
  const cadre = `dev:cadre-${Date.now().toString(36)}`;
  const { context, page } = await env.visitorAs(cadre);
  // She reads better with large text: the whole journey runs in 长辈模式.
  await elderMode(page);
  await tapTab(page, '首页');
  await tap(page, '送教下乡');
  const card = current(page).locator('.sp-activity', { hasText: target.title }).first();
  await (await still(card)).click();
  await expectVisible(page, target.title);
  await expectVisible(page, '报名');
  await tap(page, '团体报名');
  await agreePrivacyIfAsked(page);

  const batches: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/signups/batch')) batches.push(r.headers()['idempotency-key'] ?? '');
  });
  const phones = [phone('139'), phone('138'), phone('137'), phone('136')] as const;
  const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  const pasted = [
    `张桂兰 ${phones[0]} 1956 ${village}`,
    `李国强，${phones[1]}，${village}`,
    `王秀英\t${phones[2].slice(0, 10)}\t1960\t${village}`,
    `赵德福\u3000${fullWidth(phones[3])}\u3000${village}`,
  ].join('\n');
  const box = current(page).getByLabel('名单', { exact: true });
  await (await still(box)).fill(pasted);
  await expectVisible(page, '共 4 人');
  const rows = current(page).locator('.group__row');
  expect(await eventually(() => rows.count(), 4)).toBe(4);
  const bad = current(page).locator('.group__row--bad');
  expect(await bad.count()).toBe(1);
  await expect(bad.textContent()).resolves.toContain('王秀英');
  await expect(bad.textContent()).resolves.toContain('请填写 11 位手机号，例如 13800138000');
  // The full-width line was read as the others: name, the phone in ASCII digits, the village.
  await expect(rows.nth(3).locator('.group__row-name').textContent()).resolves.toBe('4. 赵德福');
  await expect(rows.nth(3).locator('.group__row-piece').allTextContents()).resolves.toEqual([
    phones[3],
    village,
  ]);
  await expectElderSizes(page, 'group list', { minTargets: 1 });
  // The box's own text is no text node for textMetrics: its size is checked here.
  expect(await box.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(18);
  await bad.scrollIntoViewIfNeeded();
  await screenshot(page, '5-cadre-group-bad-row');

  // A flagged row blocks the whole list: nothing is sent, and the message names the row.
  await tap(page, '提交团体报名');
  await expectVisible(page, '第 3 行需要修改（已标红），改好或删除后再提交');
  expect(batches).toHaveLength(0);

  // She removes the bad row and adds 王秀英 again with the right number.
  await (await still(bad.getByText('删除', { exact: true }))).click();
  await expectVisible(page, '共 3 人');
  await fillField(page, '姓名', '王秀英');
  await fillField(page, '手机号', phones[2]);
  await fillField(page, '所在村屯', village);
  await tap(page, '添加到名单');
  await expectVisible(page, '共 4 人');
  expect(await current(page).locator('.group__row--bad').count()).toBe(0);
  await expect(box.inputValue()).resolves.toContain(`王秀英 ${phones[2]} ${village}`);

  // The first answer is lost on the way back (the server did book the list): 重新提交 sends the same key.
  let loseAnswer = true;
  await page.route('**/signups/batch', async (route) => {
    if (!loseAnswer) return route.continue();
    await route.fetch();
    return route.abort('internetdisconnected');
  });
  await tap(page, '提交团体报名');
  await expectVisible(page, /没有收到答复/);
  await (await expectVisible(page, '重新提交')).scrollIntoViewIfNeeded();
  await expect(box.inputValue()).resolves.toContain('张桂兰');
  await screenshot(page, '5-cadre-group-no-answer');
  loseAnswer = false;
  await tap(page, '重新提交');
  await expectVisible(page, '报名结果', 30_000);
  expect(batches).toHaveLength(2);
  expect(batches[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  expect(batches[1]).toBe(batches[0]);

  const queue = before.waitlistLength;
  await expectVisible(page, '成功 1 人 · 候补 3 人');
  const outcomes = await current(page).locator('.group-results__outcome').allTextContents();
  expect(outcomes).toEqual([
    '报名成功',
    `候补第 ${queue + 1} 位`,
    `候补第 ${queue + 2} 位`,
    `候补第 ${queue + 3} 位`,
  ]);
  const people = await current(page).locator('.group-results__person').allTextContents();
  expect(people.map((p) => p.split(' ')[1])).toEqual(['张桂兰', '李国强', '赵德福', '王秀英']);
  await expectElderSizes(page, 'group results', { minTargets: 1 });
  await screenshot(page, '5-cadre-group-results');

  // The server holds exactly one sign-up per person, made by the cadre's account, in the list's order.
  const token = await api.login(cadre);
  const mine = (await api.mine(token)).filter((s) => s.activityId === target.id);
  expect(mine).toHaveLength(4);
  const byName = new Map(mine.map((s) => [s.attendee.name, s]));
  expect(byName.get('张桂兰')).toMatchObject({
    status: 'confirmed',
    attendee: { phone: phones[0], birthYear: 1956, village },
  });
  for (const [name, i] of [
    ['李国强', 1],
    ['赵德福', 3],
    ['王秀英', 2],
  ] as const) {
    expect(byName.get(name)).toMatchObject({ status: 'waitlisted', attendee: { phone: phones[i], village } });
  }
  const after = await api.activity(target.id);
  expect(after.seatsLeft).toBe(0);
  expect(after.waitlistLength).toBe(queue + 3);
  await context.close();
  console.log(`journey 5 (village cadre, group sign-up) took ${Date.now() - started} ms`);
});
