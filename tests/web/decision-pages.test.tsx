import Taro from '@tarojs/taro';
import { act, render, screen } from '@testing-library/react';
import type { Major, MajorDetail, Pathway } from '@shared/schemas/catalog';
import { routes } from '@/lib/routes';
import LevelGroups from '@/packages/catalog/components/level-groups';
import { PathwayBody } from '@/packages/catalog/components/pathway-section';
import SchoolRows from '@/packages/catalog/components/school-rows';
import type { SchoolItem } from '@/packages/catalog/lib/catalog-api';
import { compareStore } from '@/packages/catalog/lib/use-compare';
import ComparePage from '@/packages/catalog/pages/compare';
import MajorPage from '@/packages/catalog/pages/major';
import { click } from './fixtures';

/** What useResource answers, by key. */
const mockResources: Record<string, unknown> = {};
const mockRouter: { params: Record<string, string | undefined> } = { params: {} };
const mockShare: { make?: (res: { from?: string; target?: object }) => { title?: string; path?: string } } =
  {};

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    navigateTo: jest.fn(),
    showToast: jest.fn(),
    showModal: jest.fn(),
    showActionSheet: jest.fn(),
    pageScrollTo: jest.fn(async () => undefined),
    makePhoneCall: jest.fn(),
    openLocation: jest.fn(),
  },
  useRouter: () => mockRouter,
  useShareAppMessage: (make: typeof mockShare.make) => {
    mockShare.make = make;
  },
}));
jest.mock('@/hooks/use-settings', () => ({ useSettings: () => ({ elder: false }) }));
jest.mock('@/hooks/use-resource', () => ({
  useResource: (key: string | null) => ({
    data: key ? mockResources[key] : undefined,
    error: null,
    loading: false,
    stale: false,
    reload: jest.fn(),
  }),
}));
jest.mock('@/services/kv', () => {
  const actual = jest.requireActual('@/services/kv');
  return { ...actual, taroKv: actual.memoryKv() };
});
jest.mock('@/services', () => ({
  api: { major: jest.fn(), majors: jest.fn() },
  isApiError: jest.requireActual('@/services/errors').isApiError,
  describeError: jest.requireActual('@/services/errors').describeError,
  isNetworkError: jest.requireActual('@/services/errors').isNetworkError,
}));
jest.mock('@/packages/catalog/lib/catalog-api', () => ({
  catalogApi: { schools: jest.fn(), pathway: jest.fn() },
}));

const SOURCE = '《职业教育专业目录（2021年）》接续专业举例';
const NOTE = '《职业教育专业目录（2021年）》中“畜牧兽医”（中职）的接续专业尚未核实，暂不列出，以免误导。';

function aPathway(overrides: Partial<Pathway> = {}): Pathway {
  return {
    major: { id: 'sl-animal-husbandry-vet', name: '畜牧兽医', level: '中职' },
    from: [],
    to: [
      {
        level: '高职专科',
        name: '畜牧兽医',
        code: '410303',
        majorClass: '4103 畜牧业类',
        source: SOURCE,
        majors: [
          {
            id: 'rural-vet',
            name: '畜牧兽医',
            level: '高职专科',
            status: 'planned',
            school: { id: 'sp-rural-college', name: '四平农村成人高等专科学校', county: null },
          },
        ],
      },
      { level: '职业本科', name: '动物医学', code: null, majorClass: null, source: SOURCE, majors: [] },
    ],
    routes: [
      {
        id: 'gaokao',
        name: '职教高考',
        summary: '中职毕业生参加吉林省高职分类考试。',
        source: '吉林省招生规定',
      },
    ],
    note: null,
    ...overrides,
  };
}

function aMajor(id: string, name: string, overrides: Partial<MajorDetail> = {}): MajorDetail {
  return {
    id,
    name,
    level: '中职',
    status: 'enrolling',
    years: null,
    schoolId: 'shuangliao-vocational',
    group: '现代农业',
    field: '现代农业',
    code: null,
    catalogueVersion: null,
    intake: [],
    tuition: null,
    aid: null,
    summary: '',
    careers: [],
    partnerCompanies: [],
    partners: [],
    certificateIds: [],
    certificates: [],
    source: '双辽市职业中专简介',
    retiredAt: null,
    version: 0,
    updatedAt: null,
    school: {
      id: 'shuangliao-vocational',
      name: '双辽市职业中专',
      shortName: '双辽职专',
      kind: '中职学校',
      county: '双辽市',
      inPark: false,
      levels: ['中职'],
      direction: '',
      status: 'open',
      phone: null,
      address: null,
      location: null,
      website: null,
      admissionsContact: null,
      intro: null,
      source: 's',
      retiredAt: null,
      version: 0,
      updatedAt: null,
    },
    ...overrides,
  };
}

beforeEach(() => {
  jest.clearAllMocks();
  for (const key of Object.keys(mockResources)) delete mockResources[key];
  mockRouter.params = {};
  act(() => compareStore.set([]));
});

describe('升学路径', () => {
  it('with a note shows the note and no link — the API said nothing is verified', () => {
    const { container } = render(<PathwayBody pathway={aPathway({ note: NOTE })} />);
    expect(screen.getByText(NOTE)).toBeTruthy();
    expect(screen.queryByText('毕业后可升入')).toBeNull();
    expect(container.querySelector('.catalog__path-link')).toBeNull();
    expect(screen.queryByText('动物医学')).toBeNull();
    // The routes are verified on their own and still show.
    expect(screen.getByText('职教高考')).toBeTruthy();
  });

  it('with links shows where the major leads: level, 专业类, source and the Siping majors teaching it', () => {
    const { container } = render(<PathwayBody pathway={aPathway()} />);
    expect(screen.getByText('毕业后可升入')).toBeTruthy();
    const links = Array.from(container.querySelectorAll('.catalog__path-to .catalog__path-link'));
    expect(links.map((l) => l.querySelector('.catalog__path-level')?.textContent)).toEqual([
      '高职专科',
      '职业本科',
    ]);
    const [vet, medicine] = links;
    expect(vet?.textContent).toContain('专业类 4103 畜牧业类 · 专业代码 410303');
    expect(vet?.textContent).toContain(`来源：${SOURCE}`);
    expect(vet?.querySelector('.sp-row__title')?.textContent).toBe('四平农村成人高等专科学校');
    expect(vet?.querySelector('.catalog__badge--planned')?.textContent).toBe('拟开设');
    // No Siping school teaches it: said, not left empty; an unverified 专业类 says so.
    expect(medicine?.textContent).toContain('四平暂无学校开设');
    expect(medicine?.textContent).toContain('专业类 未核实');
    expect(container.querySelector('.catalog__path-from')).toBeNull();
    click(screen.getByText('四平农村成人高等专科学校'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: routes.major('rural-vet') });
    expect(screen.getByText('中职毕业生参加吉林省高职分类考试。')).toBeTruthy();
  });

  it('shows what leads to the major under its own heading', () => {
    const from = aPathway()
      .to.slice(0, 1)
      .map((l) => ({ ...l, level: '中职' as const }));
    const { container } = render(<PathwayBody pathway={aPathway({ to: [], from })} />);
    expect(screen.getByText('可由这些专业升入本专业')).toBeTruthy();
    expect(container.querySelectorAll('.catalog__path-from .catalog__path-link')).toHaveLength(1);
    expect(screen.queryByText('毕业后可升入')).toBeNull();
  });
});

describe('the major page', () => {
  it('shares the major as a parent reads it, and the pathway from its 分享 as the pathway scrolled to', () => {
    mockRouter.params = { id: 'sl-animal-husbandry-vet' };
    mockResources['major:sl-animal-husbandry-vet'] = aMajor('sl-animal-husbandry-vet', '畜牧兽医', {
      years: 3,
    });
    mockResources['pathway:sl-animal-husbandry-vet'] = aPathway();
    render(<MajorPage />);
    expect(screen.getByText('升学路径')).toBeTruthy();
    expect(mockShare.make?.({ from: 'menu' })).toEqual({
      title: '双辽市职业中专 · 畜牧兽医（中职）在招，学制3年',
      path: routes.major('sl-animal-husbandry-vet'),
    });
    expect(mockShare.make?.({ from: 'button', target: { dataset: { share: 'pathway' } } })).toEqual({
      title: '畜牧兽医（中职）升学路径 · 可升入：高职专科 畜牧兽医；职业本科 动物医学',
      path: '/packages/catalog/pages/major/index?id=sl-animal-husbandry-vet&focus=pathway',
    });
  });

  it('opened from a pathway card scrolls to 升学路径', () => {
    mockRouter.params = { id: 'sl-animal-husbandry-vet', focus: 'pathway' };
    mockResources['major:sl-animal-husbandry-vet'] = aMajor('sl-animal-husbandry-vet', '畜牧兽医');
    mockResources['pathway:sl-animal-husbandry-vet'] = aPathway({ note: NOTE });
    render(<MajorPage />);
    expect(Taro.pageScrollTo).toHaveBeenCalledWith({ selector: '#pathway', duration: 0 });
    expect(screen.getByText(NOTE)).toBeTruthy();
  });

  it('加入对比 puts the major on the list; 移出对比 takes it off', () => {
    mockRouter.params = { id: 'sl-modern-agronomy' };
    mockResources['major:sl-modern-agronomy'] = aMajor('sl-modern-agronomy', '现代农艺技术');
    render(<MajorPage />);
    click(screen.getByText('加入对比'));
    expect(compareStore.list()).toEqual([
      { id: 'sl-modern-agronomy', name: '现代农艺技术', level: '中职', school: '双辽职专' },
    ]);
    expect(screen.getByText('查看对比（1）›')).toBeTruthy();
    click(screen.getByText('移出对比'));
    expect(compareStore.list()).toEqual([]);
    expect(screen.queryByText('查看对比（1）›')).toBeNull();
  });
});

describe('对比', () => {
  const vet = aMajor('sl-animal-husbandry-vet', '畜牧兽医', {
    years: 3,
    careers: ['养殖场技术员'],
    intake: [{ year: new Date().getFullYear() + 5, places: 40 }],
  });
  const agro = aMajor('sl-modern-agronomy', '现代农艺技术');

  it('shows the majors side by side, 未公布 where nothing is published, and shares them by id', () => {
    act(() => {
      compareStore.add({ id: vet.id, name: vet.name, level: '中职', school: '双辽职专' });
      compareStore.add({ id: agro.id, name: agro.name, level: '中职', school: '双辽职专' });
    });
    mockResources[`compare:${vet.id},${agro.id}`] = [
      { major: vet, pathway: aPathway() },
      { major: agro, pathway: aPathway({ note: NOTE }) },
    ];
    const { container } = render(<ComparePage />);
    const names = Array.from(container.querySelectorAll('.catalog__cmp-name')).map((n) => n.textContent);
    expect(names).toEqual(['畜牧兽医', '现代农艺技术']);
    const rows: Record<string, Array<string | null>> = Object.fromEntries(
      Array.from(container.querySelectorAll('.catalog__cmp-row')).map((r) => [
        r.querySelector('.catalog__cmp-label')?.textContent,
        Array.from(r.querySelectorAll('.catalog__cmp-cell')).map((c) => c.textContent),
      ]),
    );
    expect(rows['学制']).toEqual(['3年', '未公布']);
    expect(rows['就业方向']).toEqual(['养殖场技术员', '未公布']);
    expect(rows['升学路径']).toEqual(['可升入：高职专科 畜牧兽医；职业本科 动物医学', '未核实']);
    // A plan for a later year is not this year's: 未公布.
    const thisYear = Object.keys(rows).find((k) => k?.endsWith('年招生人数'));
    expect(rows[thisYear ?? '']).toEqual(['未公布', '未公布']);
    for (const cells of Object.values(rows)) for (const c of cells) expect(c?.trim()).toBeTruthy();
    expect(mockShare.make?.({ from: 'menu' })).toEqual({
      title: '畜牧兽医 和 现代农艺技术 对比',
      path: '/packages/catalog/pages/compare/index?ids=sl-animal-husbandry-vet,sl-modern-agronomy',
    });
  });

  it('opened from a shared card shows exactly its majors and offers to keep them as one’s own', () => {
    mockRouter.params = { ids: encodeURIComponent(`${agro.id},${vet.id},<bad>`) };
    mockResources[`compare:${agro.id},${vet.id}`] = [
      { major: agro, pathway: aPathway({ note: NOTE }) },
      { major: vet, pathway: aPathway() },
    ];
    render(<ComparePage />);
    expect(screen.queryByText('移出')).toBeNull();
    click(screen.getByText('保存为我的对比'));
    expect(compareStore.list().map((i) => i.id)).toEqual([agro.id, vet.id]);
  });

  it('with nothing to compare says how to add a major', () => {
    render(<ComparePage />);
    expect(screen.getByText('还没有加入对比的专业')).toBeTruthy();
    click(screen.getByText('去看专业'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: routes.majors() });
  });
});

describe('the school directory’s rows and a school’s majors', () => {
  const school = (overrides: Partial<SchoolItem>): SchoolItem =>
    ({ ...aMajor('x', 'x').school, enrollingMajors: 0, ...overrides }) as SchoolItem;

  it('a row shows where, the kind, 在招专业 N 个, the phone when public, and 拟建设', () => {
    const { container } = render(
      <SchoolRows
        schools={[
          school({ enrollingMajors: 2, phone: '0434-7123456' }),
          school({
            id: 'shuangliao-senior-univ',
            name: '双辽市老年大学',
            kind: '老年大学',
            status: 'planned',
          }),
        ]}
      />,
    );
    const rows = Array.from(container.querySelectorAll('.sp-row')).map((r) => r.textContent);
    expect(rows[0]).toContain('双辽市 · 中职学校');
    expect(rows[0]).toContain('在招专业 2 个');
    expect(rows[0]).toContain('电话 0434-7123456');
    expect(rows[1]).toContain('拟建设');
    expect(rows[1]).not.toContain('在招专业');
    expect(rows[1]).not.toContain('电话');
    click(screen.getByText('双辽市老年大学'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: routes.school('shuangliao-senior-univ') });
  });

  it('a school’s majors sit under their level in the catalogue’s order, each with its badge', () => {
    const m = (id: string, name: string, level: Major['level'], status: Major['status']) =>
      ({ id, name, level, status, group: '智能制造' }) as Major;
    const { container } = render(
      <LevelGroups
        majors={[
          m('b1', '智能控制技术', '职业本科', 'planned'),
          m('z1', '机电技术应用', '中职', 'enrolling'),
          m('g1', '机电一体化技术', '高职专科', 'enrolling'),
        ]}
      />,
    );
    const groups = Array.from(container.querySelectorAll('.catalog__level')).map((g) => [
      g.querySelector('.catalog__level-title')?.textContent,
      g.querySelector('.sp-row__title')?.textContent,
      g.querySelector('.catalog__badge')?.textContent,
    ]);
    expect(groups).toEqual([
      ['中职', '机电技术应用', '在招'],
      ['高职专科', '机电一体化技术', '在招'],
      ['职业本科', '智能控制技术', '拟开设'],
    ]);
  });
});
