/**
 * The WeChat build: it builds (when dist/weapp is older than the sources), WeChat's own compilers and
 * code-quality audit accept it, app.json lists the tab pages in the main package and every other section in
 * subpackages, each page was emitted, the privacy authorisation and <page-meta> made it in, and the packages
 * are within budget (scripts/size.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BUDGET, DIST, buildIfStale, measure } from '../../scripts/size';
import { checkCodeQuality, compileWxml, compileWxss } from '../../scripts/lib/wechat-judges';

jest.setTimeout(240_000);

interface AppJson {
  pages: string[];
  subPackages: Array<{ root: string; pages: string[] }>;
  tabBar: { list: Array<{ pagePath: string; text: string; iconPath?: string }> };
  __usePrivacyCheck__?: boolean;
  requiredPrivateInfos?: string[];
  permission?: Record<string, { desc: string }>;
}

let app: AppJson;
const distFile = (f: string) => readFileSync(join(DIST, f), 'utf8');

beforeAll(() => {
  const started = Date.now();
  buildIfStale(false);
  console.log(`weapp build ready in ${Date.now() - started} ms`);
  app = JSON.parse(distFile('app.json')) as AppJson;
});

describe('WeChat’s own judges', () => {
  test.each([
    ['wcsc', 'style compiler', '.wxss', compileWxss],
    ['wcc', 'template compiler', '.wxml', compileWxml],
  ] as const)('%s, WeChat’s %s, accepts every %s of the build', (name, _what, ext, compile) => {
    const verdict = compile(DIST);
    console.log(`${name}: ${verdict.files} ${ext} files, ${verdict.accepted ? 'accepted' : verdict.message}`);
    expect(verdict.files).toBeGreaterThan(20);
    expect(verdict.message).toBe('');
    expect(verdict.accepted).toBe(true);
  });

  test('miniprogram-ci’s code-quality audit passes 11 of 11 items', () => {
    const items = checkCodeQuality(DIST);
    console.log(items.map((i) => `${i.success ? '✔' : '✖'} ${i.name}: ${i.text}`).join('\n'));
    expect(items.map((i) => i.name)).toHaveLength(11);
    expect(items.filter((i) => !i.success).map((i) => `${i.name}: ${i.text}`)).toEqual([]);
  });

  // The judges themselves: a build they would wave through proves nothing unless they refuse a bad one.
  test('the judges refuse what WeChat refuses, with the compiler’s own message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-judges-'));
    try {
      mkdirSync(join(dir, 'pages'));
      writeFileSync(join(dir, 'app.wxss'), '.ok { color: red; }\n');
      writeFileSync(join(dir, 'pages/bad.wxss'), '.sp-elder * { transition: none; }\n');
      const wxss = compileWxss(dir);
      expect(wxss.accepted).toBe(false);
      expect(wxss.message).toMatch(/bad\.wxss\(\d+:\d+\): unexpected token `\*`/);

      writeFileSync(join(dir, 'pages/bad.wxml'), '<view><text>未闭合</view>\n');
      const wxml = compileWxml(dir);
      expect(wxml.accepted).toBe(false);
      expect(wxml.message).toContain('bad.wxml');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('project.config.json turns on JS, WXML and WXSS compression and takes the AppID from TARO_APP_ID', () => {
  const config = JSON.parse(distFile('project.config.json')) as {
    appid: string;
    setting: Record<string, unknown>;
  };
  expect(config.setting).toMatchObject({ minified: true, minifyWXML: true, minifyWXSS: true });
  expect(config.appid).toBe(process.env.TARO_APP_ID ?? 'touristappid');
});

test('tab pages 首页 and 我的 are in the main package; every other section is a subpackage', () => {
  expect(app.pages).toEqual(['pages/home/index', 'pages/mine/index']);
  expect(app.tabBar.list.map((t) => [t.pagePath, t.text])).toEqual([
    ['pages/home/index', '首页'],
    ['pages/mine/index', '我的'],
  ]);
  expect(Object.fromEntries(app.subPackages.map((s) => [s.root, s.pages]))).toEqual({
    'packages/catalog': [
      'pages/majors/index',
      'pages/major/index',
      'pages/certificates/index',
      'pages/certificate/index',
      'pages/school/index',
      'pages/search/index',
      'pages/schools/index',
      'pages/compare/index',
    ],
    'packages/activity': [
      'pages/list/index',
      'pages/detail/index',
      'pages/signup/index',
      'pages/result/index',
      'pages/group/index',
      'pages/renew/index',
    ],
    'packages/mine': [
      'pages/privacy/index',
      'pages/signup/index',
      'pages/completion/index',
      'pages/family/index',
      'pages/join/index',
      'pages/account/index',
    ],
    'packages/staff': [
      'pages/home/index',
      'pages/activity/index',
      'pages/checkin/index',
      'pages/stats/index',
      'pages/publish/index',
      'pages/people/index',
      'pages/next-term/index',
      'pages/school-profile/index',
      'pages/majors/index',
      'pages/major-edit/index',
    ],
  });
  expect(app.__usePrivacyCheck__).toBe(true);
});

test('every page and tab icon was emitted', () => {
  const pages = [...app.pages, ...app.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
  for (const page of pages) {
    for (const ext of ['js', 'wxml', 'json'])
      expect([page, ext, existsSync(join(DIST, `${page}.${ext}`))]).toEqual([page, ext, true]);
    // rem follows WeChat's font setting and 长辈模式 through <page-meta root-font-size>.
    expect(distFile(`${page}.wxml`)).toContain('root-font-size=');
  }
  for (const tab of app.tabBar.list) expect(existsSync(join(DIST, tab.iconPath ?? 'missing'))).toBe(true);
});

/** A page's script with the subpackage chunks it requires (code two pages share moves into those). */
function pageScript(page: string): string {
  const file = join(DIST, `${page}.js`);
  const own = readFileSync(file, 'utf8');
  const required = [...own.matchAll(/require\("(\.[^"]+)"\)/g)].map((m) => join(dirname(file), m[1] ?? ''));
  return [own, ...required.map((f) => readFileSync(f, 'utf8'))].join('\n');
}

/** What WeChat loads before any subpackage: the app script and its shared chunks. */
function mainPackage(): string {
  return ['app.js', 'common.js', 'vendors.js']
    .filter((f) => existsSync(join(DIST, f)))
    .map(distFile)
    .join('\n');
}

test('the sign-up form uses WeChat’s privacy authorisation and wx.login is the login', () => {
  // The form and 团体报名 share the privacy gate, so it sits in packages/activity's shared chunks.
  const signup = pageScript('packages/activity/pages/signup/index');
  expect(signup).toContain('agreePrivacyAuthorization');
  expect(pageScript('packages/activity/pages/group/index')).toContain('agreePrivacyAuthorization');
  expect(signup).toContain('getPrivacySetting');
  expect(mainPackage()).not.toContain('dev:u-');
  expect(distFile('project.config.json')).toContain('"appid"');
});

test('WeChat-only APIs come from the weapp files; the QR encoder stays in the subpackage that draws QR codes', () => {
  // The sign-up form asks for reminders, and so does a term's sign-up page (上课提醒): one module they share,
  // kept out of the main package.
  expect(pageScript('packages/activity/pages/signup/index')).toContain('requestSubscribeMessage');
  expect(pageScript('packages/mine/pages/signup/index')).toContain('requestSubscribeMessage');
  expect(mainPackage()).not.toContain('requestSubscribeMessage');
  expect(distFile('packages/staff/pages/checkin/index.js')).toContain('scanCode');
  expect(distFile('packages/staff/pages/activity/index.js')).toContain('shareFileMessage');
  // The check-in QR (packages/mine) is drawn in the app; the invitation's is WeChat's 小程序码 (an image from
  // the server), because WeChat's scanner opens the app only from that. The encoder never enters the main package.
  expect(pageScript('packages/mine/pages/signup/index')).toContain('getModuleCount');
  expect(pageScript('packages/staff/pages/people/index')).toContain('邀请小程序码');
  expect(pageScript('packages/staff/pages/people/index')).not.toContain('getModuleCount');
  // 教师管理's 分享 is WeChat's share button (the page's share card); the web's copy-to-paste stays out.
  const people = distFile('packages/staff/pages/people/index.js');
  expect(people).toContain('openType:"share"');
  expect(people).toContain('enableShareAppMessage:!0');
  // The minifier writes Chinese as UTF-8 (config/index.ts), so the words are found as written.
  expect(people).toContain('复制邀请码');
  expect(people).not.toContain('粘贴到微信聊天');
  expect(mainPackage()).not.toContain('getModuleCount');
});

test('离我最近 and 使用微信手机号 are WeChat APIs declared in app.json; issue 15’s screens stay out of the main package', () => {
  expect(app.requiredPrivateInfos).toEqual(['getFuzzyLocation']);
  const desc = app.permission?.['scope.userFuzzyLocation']?.desc ?? '';
  expect(desc.length).toBeGreaterThan(0);
  expect(desc.length).toBeLessThanOrEqual(30);
  expect(pageScript('packages/activity/pages/list/index')).toContain('getFuzzyLocation({');
  expect(pageScript('packages/activity/pages/signup/index')).toContain('openType:"getPhoneNumber"');
  expect(pageScript('packages/mine/pages/account/index')).toContain('shareFileMessage');
  // app.js carries app.json's words (the declaration above) and shared's error messages name 使用微信手机号 and
  // 现场报名, so the markers are the calls and the screens' own words.
  const markers = [
    'getFuzzyLocation({',
    'openType:"getPhoneNumber"',
    '确认注销账号',
    '登记并签到',
    '创建下一期',
    '正在为您续报下一期',
  ];
  for (const marker of markers) expect([marker, mainPackage().includes(marker)]).toEqual([marker, false]);
});

test('学校, 对比 and 升学路径 live in packages/catalog; 升学路径 shares its own card on WeChat', () => {
  // The pathway's 分享 is WeChat's share button, telling its card apart by data-share.
  expect(pageScript('packages/catalog/pages/major/index')).toContain(
    'openType:"share","data-share":"pathway"',
  );
  for (const marker of ['最多对比', '四平暂无学校开设', '保存为我的对比'])
    expect([marker, mainPackage().includes(marker)]).toEqual([marker, false]);
});

test('团体报名 lives in packages/activity: its list parser is not in the main package', () => {
  // 多出的内容, one of the parser's messages (the minifier writes Chinese as UTF-8).
  const marker = '多出的内容';
  expect(distFile('packages/activity/pages/group/index.js')).toContain(marker);
  expect(mainPackage()).not.toContain(marker);
});

test('packages are within budget: main ≤ 450 KB, each subpackage ≤ 300 KB', () => {
  const sizes = measure();
  console.table(sizes.map((s) => ({ package: s.name, bytes: s.bytes, KB: (s.bytes / 1024).toFixed(1) })));
  const main = sizes.find((s) => s.root === '/');
  expect(main?.bytes).toBeLessThanOrEqual(BUDGET.main);
  for (const s of sizes.filter((x) => x.root !== '/'))
    expect([s.root, s.bytes <= BUDGET.subpackage]).toEqual([s.root, true]);
});
