import { expect } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startStack, type Stack } from '../../scripts/stack';
import { CHROMIUM_LAUNCH } from '../../scripts/lib/system-packages';

/**
 * The browser stacks' catalog cache (CATALOG_CACHE_SECONDS, functions/lib/http.ts): short, so a journey that
 * checks an edit on the public pages waits out the bound (twice this) in seconds. Production keeps 30 s.
 */
export const BROWSER_CATALOG_CACHE_SECONDS = 5;

export const ARTIFACTS = resolve(__dirname, '../artifacts');

export interface BrowserHandle {
  browser: Browser;
  close(): Promise<void>;
}

export interface BrowserStack {
  webUrl: string;
  apiUrl: string;
  browser: Browser;
  /** A phone-sized visitor with a fresh storage (see newVisitor). */
  visitor(): Promise<{ context: BrowserContext; page: Page }>;
  /** A visitor who logs in as `identity` (`dev:<name>`): the H5 build reuses the identity kept in storage. */
  visitorAs(identity: string): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * For a browser test file: before its tests, the local stack with the H5 app (or, for development, one
 * already running at BROWSER_WEB_URL and BROWSER_API_URL) and Chromium; after them, both stopped. `warm`
 * runs before the browser starts: serverless-offline loads each handler on its first call, and a
 * journey's first tap should not wait for that. The fields are filled in once `beforeAll` has run.
 */
export function useBrowserStack(warm: (apiUrl: string) => Promise<unknown>): BrowserStack {
  let stack: Stack | undefined;
  let chrome: BrowserHandle | undefined;
  const shared: BrowserStack = {
    webUrl: '',
    apiUrl: '',
    browser: undefined as unknown as Browser,
    visitor: () => newVisitor(shared.browser, shared.webUrl),
    visitorAs: async (identity) => {
      const visitor = await shared.visitor();
      await visitor.page.evaluate((id) => {
        localStorage.setItem('sp.devIdentity', JSON.stringify({ data: id }));
        localStorage.removeItem('sp.session');
      }, identity);
      await visitor.page.reload();
      await still(current(visitor.page).getByText('近期活动', { exact: true }));
      return visitor;
    },
  };
  beforeAll(async () => {
    if (process.env.BROWSER_WEB_URL && process.env.BROWSER_API_URL) {
      shared.webUrl = process.env.BROWSER_WEB_URL;
      shared.apiUrl = process.env.BROWSER_API_URL;
    } else {
      stack = await startStack({
        web: true,
        quiet: true,
        env: { CATALOG_CACHE_SECONDS: String(BROWSER_CATALOG_CACHE_SECONDS) },
      });
      shared.webUrl = stack.webUrl as string;
      shared.apiUrl = stack.apiUrl;
    }
    await warm(shared.apiUrl);
    chrome = await launchBrowser();
    shared.browser = chrome.browser;
  }, 300_000);
  afterAll(async () => {
    await chrome?.close();
    await stack?.stop();
  });
  return shared;
}

/** Playwright gives every non-persistent launch a fresh temporary profile (the fresh user-data-dir). */
export async function launchBrowser(): Promise<BrowserHandle> {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  return { browser, close: () => browser.close() };
}

const pageErrors = new WeakMap<Page, string[]>();

/** What to attach to a failure: the current page's text, its script errors, and a screenshot. */
async function evidence(page: Page, name: string): Promise<string> {
  const shown = await current(page)
    .innerText()
    .catch(() => '');
  await screenshot(page, `failed-${name}`).catch(() => undefined);
  const errors = pageErrors.get(page) ?? [];
  return `--- the page showed:\n${shown.slice(0, 800)}${errors.length ? `\n--- script errors:\n${errors.join('\n')}` : ''}`;
}

/** A phone-sized visitor with a fresh storage: a new dev identity on first launch. */
export async function newVisitor(
  browser: Browser,
  webUrl: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: true,
    hasTouch: true,
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => {
    errors.push(error.message);
    console.error(`[page error] ${error.message}`);
  });
  await page.goto(`${webUrl}/`);
  await still(current(page).getByText('近期活动', { exact: true }));
  return { context, page };
}

/** The page on top of Taro's H5 router stack (hidden pages keep their DOM with taro_page_shade). */
export function current(page: Page): Locator {
  return page.locator('.taro_page:not(.taro_page_shade)').filter({ visible: true }).last();
}

/** Waits until the element is visible and has stopped moving (H5 pages slide in). */
export async function still(locator: Locator): Promise<Locator> {
  try {
    await locator.waitFor({ state: 'visible' });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${await evidence(locator.page(), String(Date.now()))}`);
  }
  let last = '';
  for (let i = 0; i < 40; i += 1) {
    const box = await locator.boundingBox();
    const now = JSON.stringify(box);
    if (box && now === last) return locator;
    last = now;
    await new Promise((r) => setTimeout(r, 80));
  }
  return locator;
}

/** Taps the visible element on the current page whose text is exactly `text`. */
/** Types into the field with this label, once the page has stopped moving. */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  const input = current(page).getByLabel(label, { exact: true });
  await still(input);
  await input.fill(value);
}

export async function tap(page: Page, text: string, scope: Locator = current(page)): Promise<void> {
  const target = scope.getByText(text, { exact: true }).filter({ visible: true }).first();
  await (await still(target)).click();
}

export async function tapTab(page: Page, text: '首页' | '我的'): Promise<void> {
  const tab = page.locator('.weui-tabbar__label', { hasText: text }).first();
  await (await still(tab)).click();
}

export async function expectVisible(page: Page, text: string | RegExp, timeout = 15_000): Promise<Locator> {
  const target =
    typeof text === 'string'
      ? current(page).getByText(text, { exact: true }).filter({ visible: true }).first()
      : current(page).getByText(text).filter({ visible: true }).first();
  try {
    await target.waitFor({ state: 'visible', timeout });
  } catch (error) {
    const name = String(text).replace(/[^\p{L}\p{N}]+/gu, '_');
    throw new Error(`${(error as Error).message}\n${await evidence(page, name)}`);
  }
  return still(target);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.waitForTimeout(150);
  await page.screenshot({ path });
  return path;
}

/** Reads a value the app keeps with Taro.setStorageSync (stored as {"data": …}). */
export async function storageValue<T>(page: Page, key: string): Promise<T | undefined> {
  const raw = await page.evaluate((k) => localStorage.getItem(k), key);
  if (!raw) return undefined;
  return (JSON.parse(raw) as { data: T }).data;
}

export interface TextMetrics {
  text: string;
  fontSize: number;
  lineHeight: number;
  contrast: number;
}

/**
 * Every visible piece of text on the current page with its computed font size, line height and contrast
 * against the first opaque background behind it (WCAG relative luminance).
 */
export async function textMetrics(page: Page): Promise<TextMetrics[]> {
  return current(page).evaluate((root) => {
    const parse = (c: string): [number, number, number, number] => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m || !m[1]) return [0, 0, 0, 0];
      const parts = m[1]
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const ch = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(r ?? 0) + 0.7152 * ch(g ?? 0) + 0.0722 * ch(b ?? 0);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0.5) return bg;
      }
      return [255, 255, 255, 1];
    };
    const out: Array<{ text: string; fontSize: number; lineHeight: number; contrast: number }> = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el) continue;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || style.opacity === '0')
        continue;
      if (rect.bottom < 0 || rect.top > window.innerHeight) continue;
      const fontSize = parseFloat(style.fontSize);
      const lineHeight = style.lineHeight === 'normal' ? fontSize * 1.2 : parseFloat(style.lineHeight);
      const fg = lum(parse(style.color));
      const bg = lum(background(el));
      const contrast = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      out.push({ text, fontSize, lineHeight, contrast });
    }
    return out;
  });
}

export interface TapTarget {
  text: string;
  width: number;
  height: number;
}

/**
 * Every tap target of the current page and of the tab bar when it shows: native fields and buttons, elements
 * with a button, link, checkbox or switch role, and elements React gave a click handler (Taro's H5 views
 * carry their props on the DOM node). Only the outermost of nested targets counts: it is what a finger hits.
 */
export async function tapTargets(page: Page): Promise<TapTarget[]> {
  const inPage = await current(page).evaluate((root) => {
    const SELECTOR = [
      'input:not([type=hidden])',
      'textarea',
      'button',
      'a[href]',
      '[role=button]',
      '[role=link]',
      '[role=checkbox]',
      '[role=switch]',
      '[role=radio]',
      'taro-button-core',
      'taro-input-core',
      'taro-textarea-core',
      'taro-switch-core',
      'taro-checkbox-core',
      'taro-navigator-core',
    ].join(',');
    const isTarget = (el: Element) => {
      if (el.matches(SELECTOR)) return true;
      const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
      const props = key
        ? (el as unknown as Record<string, { onClick?: unknown; onTap?: unknown }>)[key]
        : undefined;
      return Boolean(props && (props.onClick || props.onTap));
    };
    const out: Array<{ text: string; width: number; height: number }> = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (!isTarget(el)) continue;
      let outer = true;
      for (let up = el.parentElement; up && up !== root; up = up.parentElement)
        if (isTarget(up)) outer = false;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!outer || rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue;
      const text = (el.textContent ?? '').trim() || el.getAttribute('aria-label') || el.tagName.toLowerCase();
      out.push({ text: text.slice(0, 20), width: rect.width, height: rect.height });
    }
    return out;
  });
  const tabs = await page
    .locator('.weui-tabbar__item')
    .filter({ visible: true })
    .evaluateAll((els) =>
      els.map((e) => {
        const rect = e.getBoundingClientRect();
        return { text: (e.textContent ?? '').trim(), width: rect.width, height: rect.height };
      }),
    );
  return [...inPage, ...tabs];
}

/** Heights of the visible elements matching a selector on the current page. */
export async function heights(
  page: Page,
  selector: string,
): Promise<Array<{ text: string; height: number }>> {
  return current(page)
    .locator(selector)
    .evaluateAll((els) =>
      els
        .filter((e) => e.getBoundingClientRect().height > 0)
        .map((e) => ({
          text: (e.textContent ?? '').trim().slice(0, 20),
          height: e.getBoundingClientRect().height,
        })),
    );
}

/** Polls `read` until it returns `expected` (jest has no expect.poll); returns the last value seen. */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeout = 15_000): Promise<T> {
  const until = Date.now() + timeout;
  let value = await read();
  while (value !== expected && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

/**
 * 长辈模式 as the journeys measure it (MIIT's 适老化 rules): every visible text ≥ 18 px with line height ≥ 1.3
 * and contrast ≥ 4.5:1, and every tap target at least 60 × 60 px. `minTexts` and `minTargets` say how much of the
 * screen must be found for the check to mean something (a long form's end shows less).
 */
export async function expectElderSizes(
  page: Page,
  where: string,
  { minTexts = 6, minTargets = 0 }: { minTexts?: number; minTargets?: number } = {},
): Promise<void> {
  const metrics = await textMetrics(page);
  expect(metrics.length).toBeGreaterThanOrEqual(minTexts);
  for (const m of metrics) {
    const label = `${where}: “${m.text.slice(0, 16)}”`;
    expect([label, m.fontSize >= 18]).toEqual([label, true]);
    expect([label, m.lineHeight / m.fontSize >= 1.3]).toEqual([label, true]);
    expect([label, m.contrast >= 4.5]).toEqual([label, true]);
  }
  const targets = await tapTargets(page);
  expect(targets.length).toBeGreaterThanOrEqual(minTargets);
  const small = targets.filter((t) => t.width < 60 || t.height < 60);
  expect(small.map((t) => `${where}: “${t.text}” ${t.width.toFixed(0)}×${t.height.toFixed(0)} px`)).toEqual(
    [],
  );
  console.log(
    `长辈模式 ${where}: ${metrics.length} texts ≥ 18 px, ${targets.length} tap targets ≥ 60 × 60 px`,
  );
}
