import Taro from '@tarojs/taro';
import type { MajorDetail, Pathway } from '@shared/schemas/catalog';
import { currentYearInZone } from '@shared/time';
import { memoryKv } from '@/services/kv';
import { catalogRoutes } from '@/packages/catalog/lib/catalog-routes';
import {
  COMPARE_KEY,
  COMPARE_MAX,
  createCompareStore,
  type CompareItem,
} from '@/packages/catalog/lib/compare';
import {
  compareTable,
  intakeThisYear,
  UNPUBLISHED,
  type Compared,
} from '@/packages/catalog/lib/compare-table';
import { linksByLevel, pathwaySummary } from '@/packages/catalog/lib/pathway';
import {
  COUNTY_CHOICES,
  enrollingText,
  mergeSchools,
  schoolQueries,
} from '@/packages/catalog/lib/school-filters';
import {
  compareShareTitle,
  majorShareTitle,
  pathwayShareTitle,
  schoolShareTitle,
  sharesPathway,
} from '@/packages/catalog/lib/share';
import { addToCompare } from '@/packages/catalog/lib/use-compare';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    showToast: jest.fn(),
    showModal: jest.fn(),
    showActionSheet: jest.fn(),
    getStorageSync: jest.fn(),
    setStorageSync: jest.fn(),
    removeStorageSync: jest.fn(),
  },
}));

const item = (id: string, name = id, school = '四平卫校'): CompareItem => ({
  id,
  name,
  level: '中职',
  school,
});

type Link = Pathway['to'][number];
const link = (overrides: Partial<Link> = {}): Link => ({
  level: '高职专科',
  name: '畜牧兽医',
  code: null,
  majorClass: null,
  source: '《职业教育专业目录（2021年）》',
  majors: [],
  ...overrides,
});

describe('the 对比 list', () => {
  it('holds up to three majors, each once, and answers full for a fourth without changing', () => {
    const store = createCompareStore(memoryKv());
    expect(['a', 'b', 'c'].map((id) => store.add(item(id)))).toEqual(['added', 'added', 'added']);
    expect(store.add(item('b'))).toBe('already');
    expect(store.add(item('d'))).toBe('full');
    expect(store.list().map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(COMPARE_MAX).toBe(3);
  });

  it('keeps the list in storage, so a new launch finds it', () => {
    const kv = memoryKv();
    const first = createCompareStore(kv);
    first.add(item('health-nursing', '护理'));
    first.add(item('health-pharmacy', '药剂'));
    first.remove('health-nursing');
    first.add(item('sl-animal-husbandry-vet', '畜牧兽医', '双辽职专'));
    expect(kv.dump()[COMPARE_KEY]).toEqual([
      item('health-pharmacy', '药剂'),
      item('sl-animal-husbandry-vet', '畜牧兽医', '双辽职专'),
    ]);
    const again = createCompareStore(kv);
    expect(again.list().map((i) => i.name)).toEqual(['药剂', '畜牧兽医']);
    expect(again.has('health-pharmacy')).toBe(true);
    expect(again.has('health-nursing')).toBe(false);
  });

  it('ignores what is not a list of majors in storage, and keeps at most three of what is', () => {
    expect(createCompareStore(memoryKv({ [COMPARE_KEY]: 'junk' })).list()).toEqual([]);
    const stored = [item('a'), { id: 1 }, item('b'), item('c'), item('d')];
    expect(
      createCompareStore(memoryKv({ [COMPARE_KEY]: stored }))
        .list()
        .map((i) => i.id),
    ).toEqual(['a', 'b', 'c']);
  });

  it('replace puts the new major where the removed one was; set keeps three distinct', () => {
    const store = createCompareStore(memoryKv());
    ['a', 'b', 'c'].forEach((id) => store.add(item(id)));
    store.replace('b', item('d'));
    expect(store.list().map((i) => i.id)).toEqual(['a', 'd', 'c']);
    store.set([item('x'), item('x'), item('y'), item('z'), item('w')]);
    expect(store.list().map((i) => i.id)).toEqual(['x', 'y', 'z']);
  });

  it('tells its subscribers, and hands out the same array until it changes', () => {
    const store = createCompareStore(memoryKv());
    const seen = jest.fn();
    store.subscribe(seen);
    const before = store.list();
    expect(store.list()).toBe(before);
    store.add(item('a'));
    expect(seen).toHaveBeenCalledTimes(1);
    expect(store.list()).not.toBe(before);
    store.remove('nothing');
    expect(seen).toHaveBeenCalledTimes(1);
  });

  describe('加入对比 with three already there', () => {
    beforeEach(() => jest.clearAllMocks());
    const full = () => {
      const store = createCompareStore(memoryKv());
      [item('a', '护理'), item('b', '药剂'), item('c', '畜牧兽医', '双辽职专')].forEach((i) => store.add(i));
      return store;
    };

    it('asks which one to remove, and puts the new one in its place', async () => {
      const store = full();
      jest.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false } as never);
      jest.mocked(Taro.showActionSheet).mockResolvedValue({ tapIndex: 1 } as never);
      await expect(addToCompare(item('d', '现代农艺技术', '双辽职专'), store)).resolves.toBe(true);
      expect(jest.mocked(Taro.showModal).mock.calls[0]?.[0]).toMatchObject({ title: '最多对比 3 个专业' });
      expect(jest.mocked(Taro.showActionSheet).mock.calls[0]?.[0]).toMatchObject({
        itemList: ['移出 护理（四平卫校）', '移出 药剂（四平卫校）', '移出 畜牧兽医（双辽职专）'],
      });
      expect(store.list().map((i) => i.name)).toEqual(['护理', '现代农艺技术', '畜牧兽医']);
    });

    it('adds nothing when the question is declined or the choice cancelled', async () => {
      const store = full();
      jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true } as never);
      await expect(addToCompare(item('d'), store)).resolves.toBe(false);
      jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: true, cancel: false } as never);
      jest.mocked(Taro.showActionSheet).mockRejectedValueOnce(new Error('showActionSheet:fail cancel'));
      await expect(addToCompare(item('d'), store)).resolves.toBe(false);
      expect(store.list().map((i) => i.id)).toEqual(['a', 'b', 'c']);
    });

    it('asks nothing below three', async () => {
      const store = createCompareStore(memoryKv());
      await expect(addToCompare(item('a'), store)).resolves.toBe(true);
      expect(Taro.showModal).not.toHaveBeenCalled();
      expect(store.has('a')).toBe(true);
    });
  });
});

describe('this year’s 招生人数', () => {
  const intake = [
    { year: 2026, places: 120 },
    { year: 2027, places: 150 },
  ];

  it('is the row of the current year, never the next year’s plan', () => {
    expect(intakeThisYear(intake, 2026)).toBe(120);
    expect(intakeThisYear(intake, 2027)).toBe(150);
    expect(intakeThisYear(intake, 2028)).toBeNull();
    expect(intakeThisYear([{ year: 2027, places: 80 }], 2026)).toBeNull();
  });

  it('counts the year in Asia/Shanghai: New Year’s Eve 16:30 UTC is already next year', () => {
    const year = currentYearInZone(Date.parse('2026-12-31T16:30:00Z'));
    expect(year).toBe(2027);
    expect(intakeThisYear(intake, year)).toBe(150);
    expect(currentYearInZone(Date.parse('2026-12-31T15:30:00Z'))).toBe(2026);
  });
});

describe('对比’s cells', () => {
  const pathway = { to: [], from: [], note: '尚未核实' };
  const bare: Compared = {
    major: {
      level: '中职',
      years: null,
      status: 'enrolling',
      intake: [{ year: 2027, places: 60 }],
      tuition: null,
      aid: null,
      careers: [],
      certificates: [],
      school: { name: '双辽市职业中专' },
    },
    pathway,
  };
  const full: Compared = {
    major: {
      level: '中职',
      years: 3,
      status: 'planned',
      intake: [{ year: 2026, places: 120 }],
      tuition: '每年 3500 元',
      aid: '免学费',
      careers: ['护理员', '养老护理员'],
      certificates: [
        { id: 'c', name: '老年照护', issuer: 'x', levels: ['初级'] } as MajorDetail['certificates'][number],
      ],
      school: { name: '吉林省四平卫生学校' },
    },
    pathway: { to: [link({ name: '护理' })], from: [], note: null },
  };

  it('says 未公布 wherever the school has not published, and never leaves a cell blank', () => {
    const rows = compareTable([bare, full], 2026);
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r.cells.map((c) => c.text)]));
    expect(byLabel).toEqual({
      层次: ['中职', '中职'],
      学制: [UNPUBLISHED, '3年'],
      学校: ['双辽市职业中专', '吉林省四平卫生学校'],
      状态: ['在招', '拟开设'],
      '2026年招生人数': [UNPUBLISHED, '120人'],
      学费: [UNPUBLISHED, '每年 3500 元'],
      资助: [UNPUBLISHED, '免学费'],
      可考证书: [UNPUBLISHED, '老年照护'],
      就业方向: [UNPUBLISHED, '护理员、养老护理员'],
      升学路径: ['未核实', '可升入：高职专科 护理'],
    });
    for (const row of rows) {
      for (const c of row.cells) {
        expect(c.text.trim()).not.toBe('');
        expect(c.none).toBe(c.text === UNPUBLISHED);
      }
    }
  });

  it('a year with 0 places says 0人, not 未公布', () => {
    const zero = { ...bare, major: { ...bare.major, intake: [{ year: 2026, places: 0 }] } };
    expect(compareTable([zero], 2026).find((r) => r.label === '2026年招生人数')?.cells[0]).toEqual({
      text: '0人',
      none: false,
    });
  });
});

describe('the pathway in a line', () => {
  it('is 未核实 when the API says nothing is verified, even if links came along', () => {
    expect(pathwaySummary({ note: '尚未核实', to: [link()], from: [] })).toBe('未核实');
    expect(pathwaySummary({ note: null, to: [], from: [] })).toBe('未核实');
  });

  it('says where the major leads, by level in the catalogue’s order; else what leads to it', () => {
    const to = [
      link({ level: '职业本科', name: '护理' }),
      link({ name: '护理' }),
      link({ name: '助产' }),
      link({ name: '护理' }),
    ];
    expect(linksByLevel(to)).toBe('高职专科 护理、助产；职业本科 护理');
    expect(pathwaySummary({ note: null, to, from: [] })).toBe('可升入：高职专科 护理、助产；职业本科 护理');
    expect(pathwaySummary({ note: null, to: [], from: [link({ level: '中职', name: '护理' })] })).toBe(
      '可由 中职 护理 升入',
    );
  });
});

describe('share cards', () => {
  it('a major: school, name, level, status and 学制, leaving out what is not published', () => {
    const nursing = {
      name: '护理',
      level: '中职' as const,
      status: 'enrolling' as const,
      years: 3,
      school: { name: '吉林省四平卫生学校' },
    };
    expect(majorShareTitle(nursing)).toBe('吉林省四平卫生学校 · 护理（中职）在招，学制3年');
    expect(majorShareTitle({ ...nursing, years: null, status: 'planned' })).toBe(
      '吉林省四平卫生学校 · 护理（中职）拟开设',
    );
  });

  it('a comparison names its majors, telling the same name apart by school', () => {
    expect(compareShareTitle([item('a', '护理'), item('b', '药剂')])).toBe('护理 和 药剂 对比');
    expect(compareShareTitle([item('a', '护理'), item('b', '药剂'), item('c', '畜牧兽医')])).toBe(
      '护理、药剂 和 畜牧兽医 对比',
    );
    expect(compareShareTitle([item('a', '护理', '四平卫校'), item('b', '护理', '四平职大')])).toBe(
      '护理（四平卫校） 和 护理（四平职大） 对比',
    );
    expect(catalogRoutes.compare(['health-nursing', 'health-pharmacy'])).toBe(
      '/packages/catalog/pages/compare/index?ids=health-nursing,health-pharmacy',
    );
  });

  it('a school says where, what kind, and how many majors enrol — or 拟建设', () => {
    const school = {
      name: '双辽市职业中专',
      county: '双辽市',
      kind: '中职学校' as const,
      status: 'open' as const,
    };
    expect(schoolShareTitle(school, 2)).toBe('双辽市职业中专（双辽市 · 中职学校）在招专业 2 个');
    expect(
      schoolShareTitle(
        { ...school, name: '铁西区老年大学', county: '铁西区', kind: '老年大学', status: 'planned' },
        0,
      ),
    ).toBe('铁西区老年大学（铁西区 · 老年大学）拟建设');
    expect(schoolShareTitle({ ...school, county: null }, 0)).toBe('双辽市职业中专（四平市 · 中职学校）');
  });

  it('a pathway carries its summary only when verified; its card opens the major scrolled to it', () => {
    const major = { id: 'sl-animal-husbandry-vet', name: '畜牧兽医', level: '中职' as const };
    expect(pathwayShareTitle({ major, to: [link()], from: [], note: null })).toBe(
      '畜牧兽医（中职）升学路径 · 可升入：高职专科 畜牧兽医',
    );
    expect(pathwayShareTitle({ major, to: [], from: [], note: '尚未核实' })).toBe('畜牧兽医（中职）升学路径');
    expect(catalogRoutes.pathway(major.id)).toBe(
      '/packages/catalog/pages/major/index?id=sl-animal-husbandry-vet&focus=pathway',
    );
    expect(sharesPathway({ from: 'button', target: { dataset: { share: 'pathway' } } })).toBe(true);
    expect(sharesPathway({ from: 'menu' })).toBe(false);
    expect(sharesPathway({ from: 'button', target: { dataset: {} } })).toBe(false);
  });
});

describe('the school directory’s filters', () => {
  it('offers 全市 and the five counties, 伊通县 meaning the API’s 伊通满族自治县', () => {
    expect(COUNTY_CHOICES.map((c) => c.label)).toEqual([
      '全市',
      '铁西区',
      '铁东区',
      '双辽市',
      '梨树县',
      '伊通县',
    ]);
    expect(COUNTY_CHOICES.find((c) => c.label === '伊通县')?.value).toBe('伊通满族自治县');
  });

  it('asks once per kind a choice covers: 高职 is 高职院校 and 成人高校', () => {
    expect(schoolQueries('双辽市', null)).toEqual([{ county: '双辽市', kind: undefined }]);
    expect(schoolQueries(null, '高职')).toEqual([
      { county: undefined, kind: '高职院校' },
      { county: undefined, kind: '成人高校' },
    ]);
    expect(schoolQueries('梨树县', '技工')).toEqual([{ county: '梨树县', kind: '技工学校' }]);
  });

  it('merges the answers, each school once, those being built last', () => {
    const s = (id: string, status: 'open' | 'planned' = 'open') => ({ id, status });
    expect(
      mergeSchools([
        [s('a'), s('p', 'planned')],
        [s('b'), s('a')],
      ]).map((x) => x.id),
    ).toEqual(['a', 'b', 'p']);
  });

  it('a row’s 在招 line: the count, 未公布 for a teaching school without one, nothing for a 老年大学', () => {
    expect(enrollingText({ kind: '中职学校', status: 'open', enrollingMajors: 2 })).toBe('在招专业 2 个');
    expect(enrollingText({ kind: '中职学校', status: 'open', enrollingMajors: 0 })).toBe('在招专业 未公布');
    expect(enrollingText({ kind: '老年大学', status: 'planned', enrollingMajors: 0 })).toBeNull();
  });
});
