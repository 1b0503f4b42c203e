import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { Major, School } from '@shared/schemas/catalog';
import CatalogExcel from '@/packages/staff/components/catalog-excel';
import ImportReport from '@/packages/staff/components/import-report';
import { catalogApi, type ImportResult } from '@/packages/staff/lib/catalog-api';
import { mergeMajors, newer, savedEdits } from '@/packages/staff/lib/catalog-edits';
import {
  canApply,
  changeLines,
  exportFileName,
  fileNameFrom,
  formatValue,
  importSummary,
  issueLine,
} from '@/packages/staff/lib/catalog-import';
import {
  checkMajorCreate,
  checkMajorPatch,
  emptyMajorForm,
  fromMajor,
  intakeWith,
  splitList,
  type MajorForm,
} from '@/packages/staff/lib/major-form';
import { checkSchool, fromSchool, schoolChanges } from '@/packages/staff/lib/school-form';
import StaffSchoolProfile from '@/packages/staff/pages/school-profile';
import { shownIntake } from '@/packages/catalog/lib/major-status';
import { ApiError } from '@/services/errors';
import { click } from './fixtures';

/** What useResource answers, by key (the page's school, GET /me). */
const mockResources: Record<string, unknown> = {};

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    showToast: jest.fn(),
    showModal: jest.fn(async () => ({ confirm: false })),
    navigateBack: jest.fn(),
    getCurrentPages: () => [{}, {}],
  },
  useRouter: () => ({ params: {} }),
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
jest.mock('@/services', () => ({
  api: { school: jest.fn(), schools: jest.fn(), me: jest.fn() },
  auth: {
    current: () => ({ roles: ['user', 'staff:sp-health-school', 'school-admin:sp-health-school'] }),
    withToken: <T,>(call: (token: string) => Promise<T>) => call('t0k'),
    setRoles: jest.fn(),
  },
  describeError: jest.requireActual('@/services/errors').describeError,
  isApiError: jest.requireActual('@/services/errors').isApiError,
}));
jest.mock('@/packages/staff/lib/catalog-api', () => ({
  catalogApi: {
    updateSchool: jest.fn(),
    createMajor: jest.fn(),
    updateMajor: jest.fn(),
    importCatalog: jest.fn(),
  },
  catalogXlsxUrl: () => '/api/staff/catalog.xlsx',
}));

const THIS_YEAR = 2026;
const NOW = Date.parse('2026-12-02T10:00:00+08:00');

function aSchool(overrides: Partial<School> = {}): School {
  return {
    id: 'sp-health-school',
    name: '吉林省四平卫生学校',
    shortName: '四平卫校',
    kind: '中职学校',
    county: null,
    inPark: true,
    levels: ['中职'],
    direction: '',
    status: 'open',
    phone: null,
    address: '四平市铁东区',
    location: null,
    website: null,
    admissionsContact: null,
    intro: null,
    source: '方案三（一）1',
    retiredAt: null,
    version: 0,
    updatedAt: null,
    ...overrides,
  };
}

function aMajor(overrides: Partial<Major> = {}): Major {
  return {
    id: 'health-nursing',
    name: '护理',
    level: '中职',
    status: 'enrolling',
    years: 3,
    schoolId: 'sp-health-school',
    group: '医药卫生',
    field: '医药卫生',
    code: null,
    catalogueVersion: '2021',
    intake: [
      { year: 2027, places: 200 },
      { year: 2025, places: 150 },
    ],
    tuition: null,
    aid: null,
    summary: '学习护理基础。',
    careers: ['护理员', '养老护理员'],
    partnerCompanies: [],
    partners: [],
    certificateIds: ['cert-elderly-care'],
    source: '方案三（二）3',
    retiredAt: null,
    version: 0,
    updatedAt: null,
    ...overrides,
  };
}

const form = (overrides: Partial<MajorForm>): MajorForm => ({ ...emptyMajorForm(NOW), ...overrides });

describe('学校信息 form: only what changed, checked with SchoolPatchInputSchema', () => {
  it('sends only the phone when only the phone was changed', () => {
    const school = aSchool({ intro: '国家级示范校' });
    const f = { ...fromSchool(school), phone: ' 0434-3200000 ' };
    expect(schoolChanges(f, school)).toEqual({ phone: '0434-3200000' });
    expect(checkSchool(f, school)).toEqual({ ok: true, value: { phone: '0434-3200000' } });
  });

  it('says unchanged when nothing differs, and clearing a field sends null', () => {
    const school = aSchool({ website: 'https://www.spws.cn' });
    expect(checkSchool(fromSchool(school), school)).toEqual({ ok: false, unchanged: true });
    expect(checkSchool({ ...fromSchool(school), website: '  ' }, school)).toEqual({
      ok: true,
      value: { website: null },
    });
  });

  it('reads 位置 from two numbers (full-width digits too); both empty is no location', () => {
    const school = aSchool();
    const f = { ...fromSchool(school), lat: '４３．１７', lng: '124.35' };
    expect(checkSchool(f, school)).toEqual({ ok: true, value: { location: { lat: 43.17, lng: 124.35 } } });
    const placed = aSchool({ location: { lat: 43.17, lng: 124.35 } });
    expect(fromSchool(placed)).toMatchObject({ lat: '43.17', lng: '124.35' });
    expect(checkSchool({ ...fromSchool(placed), lat: '', lng: '' }, placed)).toEqual({
      ok: true,
      value: { location: null },
    });
  });

  it('puts each problem under its field in the schema’s words', () => {
    const school = aSchool();
    const f = { ...fromSchool(school), phone: '电话0434', lat: '43.1', website: 'www.spws.cn' };
    const checked = checkSchool(f, school);
    expect(checked.ok).toBe(false);
    if (checked.ok || checked.unchanged) throw new Error('expected errors');
    expect(checked.errors).toEqual({
      phone: '电话应为数字，可带区号和短横线，如 0434-3281234 或 13912345678',
      lng: '经度应为数字',
      website: '网址应以 http:// 或 https:// 开头，如 https://www.example.edu.cn',
    });
    expect(checkSchool({ ...fromSchool(school), lat: '143', lng: '124' }, school)).toEqual({
      ok: false,
      errors: { lat: '纬度应在 -90 到 90 之间' },
    });
  });
});

describe('专业 form: MajorCreateInputSchema for 新增, only the changes for 修改', () => {
  it('a new major carries every field as the API takes it', () => {
    const f = form({
      name: ' 医学检验技术 ',
      level: '中职',
      field: '医药卫生',
      years: '3',
      places: '45',
      tuition: '每年 3500 元',
      careers: '医院检验科、第三方检测机构\n疾控中心实验室',
      partners: '四平市中心人民医院',
      source: 'https://www.example.edu.cn/zsjz',
    });
    expect(checkMajorCreate(f, 'sp-health-school')).toEqual({
      ok: true,
      value: {
        schoolId: 'sp-health-school',
        name: '医学检验技术',
        level: '中职',
        field: '医药卫生',
        years: 3,
        status: 'enrolling',
        code: null,
        catalogueVersion: '2021',
        intake: [{ year: THIS_YEAR, places: 45 }],
        tuition: '每年 3500 元',
        aid: null,
        summary: '',
        careers: ['医院检验科', '第三方检测机构', '疾控中心实验室'],
        partners: ['四平市中心人民医院'],
        certificateIds: [],
        source: 'https://www.example.edu.cn/zsjz',
      },
    });
  });

  it('refuses a form without 层次, 专业方向 or 信息来源, and a 学制 or 专业代码 out of rule, field by field', () => {
    const checked = checkMajorCreate(
      form({ name: '医学检验技术', years: '9', code: '72-05' }),
      'sp-health-school',
    );
    if (checked.ok || checked.unchanged) throw new Error('expected errors');
    expect(checked.errors).toEqual({
      level: '层次应为 中职、高职专科 或 职业本科',
      field: expect.stringMatching(/^专业方向应为 智能制造、医药卫生/),
      years: '学制应为 1–6 年',
      code: '专业代码应为 4–6 位数字，未核实请留空',
      source: '请填写信息来源（规划章节或公开网址）',
    });
  });

  it('修改 sends only what changed, keeping the other years of 招生计划', () => {
    const major = aMajor();
    const f = fromMajor(major, NOW);
    // The page shows this year's plan, else the next one: 2027's.
    expect(f).toMatchObject({ intakeYear: '2027', places: '200', careers: '护理员\n养老护理员' });
    expect(checkMajorPatch(f, major)).toEqual({ ok: false, unchanged: true });
    expect(checkMajorPatch({ ...f, status: 'suspended', places: '180', years: '4' }, major)).toEqual({
      ok: true,
      value: {
        status: 'suspended',
        years: 4,
        intake: [
          { year: 2025, places: 150 },
          { year: 2027, places: 180 },
        ],
      },
    });
  });

  it('an emptied 招生人数 removes that year only; lists split on lines and 顿号', () => {
    expect(intakeWith(aMajor().intake, '2027', '')).toEqual([{ year: 2025, places: 150 }]);
    expect(splitList('护理员、 养老护理员；\n\n康复助理,')).toEqual(['护理员', '养老护理员', '康复助理']);
    expect(shownIntake(aMajor().intake, 2028)).toBeNull();
    expect(shownIntake([{ year: 2026, places: 40 }], 2026)).toEqual({ year: 2026, places: 40 });
  });
});

describe('what this phone saved shows over a public answer that lags it', () => {
  afterEach(() => savedEdits.clear());

  it('the newer version wins; a saved major missing from the list (new, or 停招) is added to it', () => {
    const listed = [aMajor(), aMajor({ id: 'health-pharmacy', name: '药剂' })];
    const edited = aMajor({ id: 'health-pharmacy', name: '药剂', status: 'suspended', version: 1 });
    const added = aMajor({ id: 'major-1a2b', name: '医学检验技术', version: 1 });
    expect(mergeMajors(listed, [edited, added]).map((m) => [m.name, m.status])).toEqual([
      ['护理', 'enrolling'],
      ['药剂', 'suspended'],
      ['医学检验技术', 'enrolling'],
    ]);
    // An older save does not hide a newer answer.
    expect(newer(aMajor({ version: 3, years: 4 }), aMajor({ version: 2 })).years).toBe(4);
  });
});

const RESULT: ImportResult = {
  dryRun: true,
  applied: false,
  added: [{ sheet: '专业', row: 9, id: null, name: '医学检验技术' }],
  changed: [
    {
      sheet: '专业',
      row: 7,
      id: 'health-nursing',
      name: '护理',
      fields: {
        years: { from: 3, to: 4 },
        status: { from: 'enrolling', to: 'planned' },
        intake: { from: [], to: [{ year: 2027, places: 120 }] },
      },
    },
    {
      sheet: '学校',
      row: 2,
      id: 'sp-health-school',
      name: '吉林省四平卫生学校',
      fields: {
        phone: { from: null, to: '0434-3200000' },
        location: { from: null, to: { lat: 43.17, lng: 124.35 } },
      },
    },
  ],
  retired: [{ sheet: '专业', row: 8, id: 'health-pharmacy', name: '药剂' }],
  errors: [],
};

describe('the dry run, in Chinese', () => {
  it('labels each change’s fields and values as the workbook names them', () => {
    expect(importSummary(RESULT)).toBe('新增 1 条 · 修改 2 条 · 停用 1 条');
    expect(changeLines(RESULT.changed[0] as ImportResult['changed'][number])).toEqual([
      '学制：3 年 → 4 年',
      '状态：在招 → 拟开设',
      '招生计划：（空） → 2027 年 120 人',
    ]);
    expect(changeLines(RESULT.changed[1] as ImportResult['changed'][number])).toEqual([
      '电话：（空） → 0434-3200000',
      '位置：（空） → 43.17, 124.35',
    ]);
    expect(formatValue('status', 'planned', '学校')).toBe('拟建设');
    expect(formatValue('inPark', true)).toBe('是');
    expect(formatValue('intro', '很'.repeat(50))).toBe(`${'很'.repeat(40)}…`);
    expect(issueLine({ sheet: '专业', cell: 'E7', message: '学制应为 1–6 年' })).toBe(
      '工作表“专业” E7：学制应为 1–6 年',
    );
    expect(canApply(RESULT)).toBe(true);
    expect(canApply({ ...RESULT, errors: [{ sheet: '专业', cell: 'E7', message: 'x' }] })).toBe(false);
    expect(canApply({ ...RESULT, added: [], changed: [], retired: [] })).toBe(false);
  });

  it('renders 新增 / 修改 (from → to) / 停用, and the cells to fix when there are errors', () => {
    const { rerender } = render(<ImportReport result={RESULT} />);
    expect(screen.getByText('检查结果（还没有导入）')).toBeTruthy();
    expect(screen.getByText('新增 1 条')).toBeTruthy();
    expect(screen.getByText('“专业”第 9 行 医学检验技术')).toBeTruthy();
    expect(screen.getByText('修改 2 条')).toBeTruthy();
    expect(screen.getByText('“专业”第 7 行 护理')).toBeTruthy();
    expect(screen.getByText('学制：3 年 → 4 年')).toBeTruthy();
    expect(screen.getByText('电话：（空） → 0434-3200000')).toBeTruthy();
    expect(screen.getByText('停用 1 条')).toBeTruthy();
    expect(screen.getByText('“专业”第 8 行 药剂')).toBeTruthy();
    expect(screen.queryAllByRole('alert')).toHaveLength(0);

    const errors = [
      { sheet: '专业', cell: 'E7', message: '学制应为 1–6 年' },
      { sheet: '学校', cell: 'H2', message: '网址应以 http:// 或 https:// 开头' },
    ];
    rerender(<ImportReport result={{ ...RESULT, errors }} />);
    expect(screen.getByText('表格里有需要修改的地方')).toBeTruthy();
    expect(screen.getByText('错误 2 处')).toBeTruthy();
    expect(screen.getAllByRole('alert').map((e) => e.textContent)).toEqual([
      '工作表“专业” E7：学制应为 1–6 年',
      '工作表“学校” H2：网址应以 http:// 或 https:// 开头',
    ]);
  });

  it('names the exported file as the server says (RFC 6266), else by the school and the day', () => {
    expect(
      fileNameFrom(`attachment; filename="catalog.xlsx"; filename*=UTF-8''%E5%9B%9B%E5%B9%B3.xlsx`, 'x'),
    ).toBe('四平.xlsx');
    expect(fileNameFrom('attachment; filename="catalog.xlsx"', 'x')).toBe('catalog.xlsx');
    expect(fileNameFrom(null, '四平卫校-专业目录.xlsx')).toBe('四平卫校-专业目录.xlsx');
    expect(exportFileName('四平卫校', new Date(2026, 11, 2))).toBe('四平卫校-专业目录-2026-12-02.xlsx');
  });
});

const importCatalog = catalogApi.importCatalog as jest.Mock;

/** Picks a file in the H5 build's file input, as the browser reports it. */
async function pick(container: HTMLElement, bytes: number[]) {
  const input = container.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File([new Uint8Array(bytes)], '四平卫校-专业目录.xlsx');
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
  // The file's bytes are read, then the dry run answers.
  await act(async () => {});
}

describe('导入 Excel: always a dry run first; 确认导入 only without errors', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    importCatalog.mockReset();
  });

  it('checks the picked file, shows what it would do, and imports the same bytes on 确认导入', async () => {
    const onApplied = jest.fn();
    importCatalog
      .mockResolvedValueOnce(RESULT)
      .mockResolvedValueOnce({ ...RESULT, dryRun: false, applied: true });
    const { container } = render(<CatalogExcel scope="四平卫校" everySchool={false} onApplied={onApplied} />);
    await pick(container, [80, 75, 3, 4]);
    expect(importCatalog).toHaveBeenCalledTimes(1);
    const [sent, dryRun] = importCatalog.mock.calls[0] as [ArrayBuffer, boolean];
    expect(dryRun).toBe(true);
    expect([...new Uint8Array(sent)]).toEqual([80, 75, 3, 4]);
    expect(screen.getByText('文件：四平卫校-专业目录.xlsx')).toBeTruthy();
    expect(screen.getByText('学制：3 年 → 4 年')).toBeTruthy();

    click(screen.getByText('确认导入'));
    await act(async () => {});
    expect(importCatalog).toHaveBeenCalledTimes(2);
    expect(importCatalog.mock.calls[1]).toEqual([sent, false]);
    expect(screen.getByText('已导入')).toBeTruthy();
    expect(screen.queryByText('确认导入')).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已导入' }));
    expect(onApplied).toHaveBeenCalledTimes(1);
  });

  it('offers no 确认导入 while the workbook has errors', async () => {
    importCatalog.mockResolvedValueOnce({
      ...RESULT,
      errors: [{ sheet: '专业', cell: 'E7', message: '学制应为 1–6 年' }],
    });
    const { container } = render(<CatalogExcel scope="四平卫校" everySchool={false} onApplied={jest.fn()} />);
    await pick(container, [1, 2, 3]);
    expect(screen.getByText('工作表“专业” E7：学制应为 1–6 年')).toBeTruthy();
    expect(screen.queryByText('确认导入')).toBeNull();
    expect(importCatalog).toHaveBeenCalledTimes(1);
  });

  it('a refused file says why in Chinese (the server’s message)', async () => {
    importCatalog.mockRejectedValueOnce(
      new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', '请上传从“导出 Excel”得到的 .xlsx 表格'),
    );
    const { container } = render(<CatalogExcel scope="四平卫校" everySchool={false} onApplied={jest.fn()} />);
    await pick(container, [1]);
    expect(screen.getByRole('alert').textContent).toBe('请上传从“导出 Excel”得到的 .xlsx 表格');
    expect(screen.queryByText('确认导入')).toBeNull();
  });
});

const updateSchool = catalogApi.updateSchool as jest.Mock;

/** Types into a form field the way Taro's H5 input reports it (a custom event with detail.value). */
function type(container: HTMLElement, name: string, value: string) {
  const input = container.querySelector(`[name="${name}"]`) as Element;
  act(() => void fireEvent(input, new CustomEvent('input', { detail: { value } })));
}

describe('学校信息 page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    savedEdits.clear();
    mockResources.me = { roles: ['user', 'staff:sp-health-school', 'school-admin:sp-health-school'] };
    mockResources['staff:school:sp-health-school'] = aSchool();
  });

  it('a school admin changes the phone: only it is sent, then 已保存', async () => {
    updateSchool.mockResolvedValueOnce(aSchool({ phone: '0434-3200000', version: 1 }));
    const { container } = render(<StaffSchoolProfile />);
    expect(screen.getByText('吉林省四平卫生学校')).toBeTruthy();
    type(container, 'school-phone', '0434-3200000');
    click(screen.getByText('保存'));
    await act(async () => {});
    expect(updateSchool).toHaveBeenCalledWith('sp-health-school', { phone: '0434-3200000' });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' });
    // The next visit starts from the save, even while the public answer still shows the old phone.
    expect(savedEdits.newestSchool(aSchool()).phone).toBe('0434-3200000');
  });

  it('a bad phone is shown under the field and nothing is sent', async () => {
    const { container } = render(<StaffSchoolProfile />);
    type(container, 'school-phone', '请打电话');
    click(screen.getByText('保存'));
    await act(async () => {});
    expect(updateSchool).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/^电话应为数字/);
  });

  it('the server’s field refusal is shown under that field too', async () => {
    updateSchool.mockRejectedValueOnce(
      new ApiError(400, 'VALIDATION_FAILED', '提交的内容有误', [{ field: 'website', message: '网址打不开' }]),
    );
    const { container } = render(<StaffSchoolProfile />);
    type(container, 'school-website', 'https://www.spws.cn');
    click(screen.getByText('保存'));
    await act(async () => {});
    expect(screen.getByRole('alert').textContent).toBe('网址打不开');
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '没有保存成功' }));
  });

  it('a teacher (no school admin role) is told who can', () => {
    mockResources.me = { roles: ['user', 'staff:sp-health-school'] };
    render(<StaffSchoolProfile />);
    expect(screen.getByText('只有学校管理员可以修改学校信息')).toBeTruthy();
  });
});
