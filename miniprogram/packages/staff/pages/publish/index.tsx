import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import {
  ACTIVITY_KIND_LABELS,
  type ActivityCreateInput,
  type ActivityPatchInput,
} from '@shared/schemas/activity';
import Chips, { type ChipOption } from '@/components/chips';
import Field from '@/components/field';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import { useResource } from '@/hooks/use-resource';
import { COUNTY_OPTIONS } from '@/lib/format';
import { routes } from '@/lib/routes';
import { api, auth, describeError, isApiError } from '@/services';
import {
  checkPublish,
  checkRevise,
  defaultForm,
  fromActivity,
  staffSchools,
  type PublishErrors,
  type PublishForm,
} from '../../lib/publish-form';
import '../../lib/staff.scss';

type TextKey = {
  [K in keyof PublishForm]: PublishForm[K] extends string ? K : never;
}[keyof PublishForm];

type ChoiceKey = 'kind' | 'county' | 'timing' | 'enrolment' | 'waitlist';

/** Chips from a `value: label` table, in the table's order. */
const tabled = <T extends string>(labels: Readonly<Record<T, string>>): Array<ChipOption<T>> =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

/** The few-option fields of the form and the chips that set them. */
const CHOICES: { [K in ChoiceKey]: Array<ChipOption<NonNullable<PublishForm[K]>>> } = {
  kind: tabled(ACTIVITY_KIND_LABELS),
  county: COUNTY_OPTIONS,
  timing: tabled({ once: '一次活动', weekly: '每周上课' }),
  enrolment: tabled({ 'first-come': '先到先得', lottery: '摇号' }),
  waitlist: tabled({ auto: '自动递补', offer: '限时确认' }),
};
const RESIDENTS_ONLY = tabled({ no: '不限', yes: '限本县居民' });

/** Where each body path's error shows in the form. */
const ERROR_FIELD: Record<string, TextKey> = {
  title: 'title',
  description: 'description',
  'place.township': 'township',
  'place.village': 'village',
  'place.address': 'address',
  'place.latitude': 'mapPoint',
  'place.longitude': 'mapPoint',
  startsAt: 'startTime',
  endsAt: 'endTime',
  capacity: 'capacity',
  signupOpensAt: 'signupOpensAt',
  signupClosesAt: 'signupClosesAt',
  drawAt: 'drawAt',
  minAge: 'minAge',
  maxAge: 'maxAge',
  cancelDeadlineHours: 'cancelDeadlineHours',
  offerHours: 'offerHours',
  'schedule.weekday': 'weekday',
  'schedule.startTime': 'startTime',
  'schedule.endTime': 'endTime',
  'schedule.firstDate': 'firstDate',
  'schedule.lastDate': 'lastDate',
  'schedule.skipDates': 'skipDates',
};

/**
 * 发布活动: every field of POST /staff/activities, checked with the shared schema before sending. With `?id=`
 * it is 编辑活动: the published activity's fields, sent as PATCH (kind, school and rules stay as published).
 */
export default function StaffPublish() {
  const editId = useRouter().params.id ?? '';
  const original = useResource(editId ? `activity:${editId}` : null, () => api.activity(editId));
  const roles = auth.current()?.roles ?? [];
  const own = staffSchools(roles);
  const all = useResource(own.length ? null : 'schools', () => api.schools());
  const schools = own.length ? own : (all.data?.items.map((s) => s.id) ?? []);
  const [schoolId, setSchoolId] = useState<string | null>(own[0] ?? null);
  const [f, setF] = useState<PublishForm>(() => defaultForm());
  const [errors, setErrors] = useState<PublishErrors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof PublishForm>(key: K, value: PublishForm[K]) =>
    setF((x) => ({ ...x, [key]: value }));
  const editing = original.data;
  useEffect(() => {
    if (editing) setF(fromActivity(editing));
  }, [editing]);

  const errorOf = (key: TextKey): string | undefined => {
    for (const [path, field] of Object.entries(ERROR_FIELD)) {
      if (field !== key) continue;
      // Array items report their index too (`schedule.skipDates.1`).
      const hit = Object.entries(errors).find(([p]) => p === path || p.startsWith(`${path}.`));
      if (hit) return hit[1];
    }
    return undefined;
  };
  const text = (key: TextKey, label: string, placeholder = '', type: 'text' | 'number' = 'text') => (
    <Field
      name={`publish-${key}`}
      label={label}
      value={f[key]}
      placeholder={placeholder}
      type={type}
      error={errorOf(key)}
      onInput={(value) => set(key, value)}
    />
  );
  const choice = <K extends ChoiceKey>(key: K, label: string) => (
    <Chips<NonNullable<PublishForm[K]>>
      label={label}
      options={CHOICES[key]}
      value={f[key] ?? null}
      onChange={(v) => v && set(key, v)}
    />
  );

  /** Sends a checked form and opens the activity; a refusal marks its fields and says `failed`. */
  const submit = async <T,>(
    checked: { ok: true; value: T } | { ok: false; errors: PublishErrors },
    send: (value: T) => Promise<string>,
    done: string,
    failed: string,
  ) => {
    if (!checked.ok) {
      setErrors(checked.errors);
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const id = await send(checked.value);
      void Taro.showToast({ title: done, icon: 'success' });
      void Taro.redirectTo({ url: routes.staffActivity(id) });
    } catch (error) {
      if (isApiError(error) && error.fields.length) {
        setErrors(Object.fromEntries(error.fields.map((x) => [x.field, x.message])));
      }
      void Taro.showModal({ title: failed, content: describeError(error), showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    if (editId) {
      if (!editing) return;
      const save = (value: ActivityPatchInput) =>
        api.staffUpdateActivity(editing.id, value).then(() => editing.id);
      return submit(checkRevise(f, editing), save, '已保存', '没有保存成功');
    }
    const school = schoolId ?? schools[0];
    if (!school) return;
    const create = (value: ActivityCreateInput) => api.staffCreateActivity(value).then((a) => a.id);
    return submit(checkPublish(f, school), create, '已发布', '没有发布成功');
  };

  return (
    <PageShell title={editId ? '编辑活动' : '发布活动'} className="staff">
      <View className="staff__title">{editId ? '编辑活动' : '发布活动'}</View>
      {editId && !editing ? <View className="staff__result">正在读取活动…</View> : null}
      {!editId && schools.length > 1 ? (
        <Chips
          label="学校"
          options={schools.map((s) => ({ value: s, label: s }))}
          value={schoolId}
          onChange={(v) => setSchoolId(v)}
        />
      ) : null}
      {editId ? null : choice('kind', '活动类型')}
      {text('title', '活动名称', '例如 玉米秸秆还田技术')}
      {text('description', '活动介绍', '讲什么、适合谁')}
      {choice('county', '区县')}
      {errors.county ? <View className="staff__result staff__result--bad">{errors.county}</View> : null}
      {text('township', '乡镇（街道）', '例如 红旗街道')}
      {text('village', '村屯（社区）', '选填')}
      {text('address', '详细地址', '例如 村委会大院')}
      {text('mapPoint', '地图位置（纬度, 经度）', '选填，例如 43.16, 124.35')}
      {editId ? null : choice('timing', '时间')}
      {f.timing === 'once' ? text('date', '日期', '2026-12-20') : null}
      {editId && f.timing === 'weekly' ? (
        <View className="staff__result">
          这是按周上课的学期课程，上课时间按发布时的安排，不能在这里修改。
        </View>
      ) : null}
      {!editId && f.timing === 'weekly' ? (
        <>
          {text('weekday', '星期几（1–7）', '2', 'number')}
          {text('firstDate', '第一次课', '2026-03-03')}
          {text('lastDate', '最后一次课', '2026-06-30')}
          {text('skipDates', '不上课的日期', '选填，例如 2026-12-29, 2027-01-05')}
        </>
      ) : null}
      {editId && f.timing === 'weekly' ? null : text('startTime', '开始时间', '09:00')}
      {editId && f.timing === 'weekly' ? null : text('endTime', '结束时间', '11:00')}
      {text('capacity', '名额', '40', 'number')}
      {text('signupOpensAt', '报名开始', '2026-12-01 09:00')}
      {text('signupClosesAt', '报名截止', '2026-12-19 18:00')}
      {editId ? null : (
        <>
          {choice('enrolment', '报名方式')}
          {f.enrolment === 'lottery' ? text('drawAt', '摇号时间', '选填，例如 2026-12-19 20:00') : null}
          {text('minAge', '最小年龄', '选填，例如 50', 'number')}
          {text('maxAge', '最大年龄', '选填', 'number')}
          <Chips<'no' | 'yes'>
            label="限本县居民"
            options={RESIDENTS_ONLY}
            value={f.residentsOnly ? 'yes' : 'no'}
            onChange={(v) => set('residentsOnly', v === 'yes')}
          />
          {text('cancelDeadlineHours', '取消截止（开始前几小时）', '选填，例如 24', 'number')}
          {choice('waitlist', '候补方式')}
          {f.waitlist === 'offer' ? text('offerHours', '确认时限（小时）', '24', 'number') : null}
        </>
      )}
      {errors.form ? <View className="staff__result staff__result--bad">{errors.form}</View> : null}
      <SpButton block disabled={busy || (editId ? !editing : !schools.length)} onClick={() => void publish()}>
        {busy ? (editId ? '正在保存…' : '正在发布…') : editId ? '保存修改' : '发布'}
      </SpButton>
    </PageShell>
  );
}
