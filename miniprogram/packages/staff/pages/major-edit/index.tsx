import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import {
  LEVELS,
  MAJOR_GROUPS,
  MAJOR_STATUS_LABELS,
  MAJOR_STATUSES,
  type Major,
} from '@shared/schemas/catalog';
import Chips, { type ChipOption } from '@/components/chips';
import Field from '@/components/field';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import StaleNote from '@/components/stale-note';
import { LoadingOrError } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { api } from '@/services';
import { catalogApi } from '../../lib/catalog-api';
import { savedEdits } from '../../lib/catalog-edits';
import { submitForm } from '../../lib/submit-form';
import { catalogRoutes } from '../../lib/catalog-routes';
import {
  checkMajorCreate,
  checkMajorPatch,
  emptyMajorForm,
  fromMajor,
  majorErrorKey,
  type MajorCheck,
  type MajorForm,
  type MajorFormKey,
} from '../../lib/major-form';
import type { FormErrors } from '../../lib/school-form';
import '../../lib/staff.scss';
import '../../lib/catalog-edit.scss';

type TextKey = Exclude<MajorFormKey, 'level' | 'field' | 'status'>;

const options = <T extends string>(values: readonly T[], label: (v: T) => string = (v) => v) =>
  values.map((value): ChipOption<T> => ({ value, label: label(value) }));
const LEVEL_OPTIONS = options(LEVELS);
const FIELD_OPTIONS = options(MAJOR_GROUPS);
const STATUS_OPTIONS = options(MAJOR_STATUSES, (s) => MAJOR_STATUS_LABELS[s]);

/**
 * 新增专业 (`?schoolId=`) and 修改专业 (`?schoolId=&id=`): every field a school keeps for a major, checked with
 * shared's MajorCreateInputSchema / MajorPatchInputSchema; an edit sends only what changed.
 */
export default function StaffMajorEdit() {
  const { schoolId = '', id = '' } = useRouter().params;
  const school = useResource(schoolId ? `school:${schoolId}` : null, () => api.school(schoolId));
  const original = useResource(id ? `staff:major:${id}` : null, () => api.major(id));
  const [base, setBase] = useState<Major | null>(null);
  const [f, setF] = useState<MajorForm>(() => emptyMajorForm());
  const [ready, setReady] = useState(!id);
  const [errors, setErrors] = useState<FormErrors<MajorFormKey>>({});
  const [busy, setBusy] = useState(false);
  const title = id ? '修改专业' : '新增专业';

  // An edit starts from the major once the fresh answer is in, or from this phone's save if that is newer.
  const loaded = original.loading ? undefined : original.data;
  useEffect(() => {
    if (!loaded || ready) return;
    const major = savedEdits.newestMajor(loaded);
    setBase(major);
    setF(fromMajor(major));
    setReady(true);
  }, [loaded, ready]);

  if (!ready) {
    return (
      <PageShell title={title} className="staff">
        <LoadingOrError error={original.error} onRetry={original.reload} />
      </PageShell>
    );
  }

  const set = <K extends MajorFormKey>(key: K, value: MajorForm[K]) => setF((x) => ({ ...x, [key]: value }));
  const text = (
    key: TextKey,
    label: string,
    placeholder: string,
    extra: { hint?: string; type?: 'text' | 'number' } = {},
  ) => (
    <Field
      name={`major-${key}`}
      label={label}
      value={f[key]}
      placeholder={placeholder}
      type={extra.type ?? 'text'}
      hint={extra.hint}
      error={errors[key]}
      onInput={(value) => set(key, value)}
    />
  );
  const area = (key: TextKey, label: string, placeholder: string, hint?: string) => (
    <Field
      multiline={{ className: 'edit__textarea' }}
      maxlength={1000}
      name={`major-${key}`}
      label={label}
      value={f[key]}
      placeholder={placeholder}
      hint={hint}
      error={errors[key]}
      onInput={(value) => set(key, value)}
    />
  );
  const choiceError = (key: 'level' | 'field' | 'status') =>
    errors[key] ? (
      <View className="edit__error" role="alert">
        {errors[key]}
      </View>
    ) : null;

  const done = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.redirectTo({ url: catalogRoutes.majors(schoolId) });
  };

  /** Sends a checked form; a refusal marks its fields and says why. */
  const submit = <T,>(checked: MajorCheck<T>, send: (value: T) => Promise<Major>) =>
    submitForm(checked, send, {
      setErrors,
      setBusy,
      errorKey: majorErrorKey,
      saved: (saved) => {
        savedEdits.major(saved);
        done();
      },
    });
  const save = () =>
    base
      ? submit(checkMajorPatch(f, base), (value) => catalogApi.updateMajor(base.id, value))
      : submit(checkMajorCreate(f, schoolId), (value) => catalogApi.createMajor(value));

  const schoolName = school.data?.name ?? original.data?.school.name ?? '';
  return (
    <PageShell title={title} className="staff">
      <StaleNote show={original.stale} />
      <View className="staff__title">{title}</View>
      {schoolName ? <View className="staff__muted edit__lead">{schoolName}</View> : null}
      {text('name', '专业名称', '例如 医学检验技术')}
      <Chips label="层次" options={LEVEL_OPTIONS} value={f.level} onChange={(v) => v && set('level', v)} />
      {choiceError('level')}
      <Chips
        label="专业方向"
        options={FIELD_OPTIONS}
        value={f.field}
        onChange={(v) => v && set('field', v)}
      />
      {choiceError('field')}
      {text('years', '学制（年）', '例如 3', { type: 'number' })}
      <Chips label="状态" options={STATUS_OPTIONS} value={f.status} onChange={(v) => v && set('status', v)} />
      {choiceError('status')}
      {f.status === 'suspended' ? (
        <View className="edit__note">
          停招后，这个专业不再出现在公开列表里；它的页面仍能打开，显示“停招”。
        </View>
      ) : null}
      {text('code', '专业代码', '例如 720501', { hint: '国家专业目录的代码；未核实请留空' })}
      <View className="edit__pair">
        {text('intakeYear', '招生年份', '例如 2027', { type: 'number' })}
        {text('places', '计划招生（人）', '未公布留空', { type: 'number' })}
      </View>
      <View className="edit__note">招生计划每次填一年；其他年份的计划保持不变。</View>
      {text('tuition', '学费', '例如 每年 3500 元；未公布留空')}
      {text('aid', '资助', '例如 免学费，国家助学金每年 2000 元')}
      {area('summary', '专业简介', '学什么、怎么学、在哪里实习……')}
      {area('careers', '就业方向', '例如 医院检验科、第三方检测机构', '一行一个，或用顿号“、”隔开')}
      {area('partners', '合作企业', '例如 四平市中心人民医院', '一行一个，或用顿号“、”隔开')}
      {text('source', '信息来源', '例如 https://www.example.edu.cn/zsjz', {
        hint: '必填：规划章节或公开网址',
      })}
      {errors.form ? (
        <View className="staff__result staff__result--bad" role="alert">
          {errors.form}
        </View>
      ) : null}
      <SpButton block disabled={busy || (!base && !schoolId)} onClick={() => void save()}>
        {busy ? '正在保存…' : '保存'}
      </SpButton>
      <View className="edit__note">保存后，公开的专业页面约 1 分钟内显示新的内容。</View>
    </PageShell>
  );
}
