import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { School } from '@shared/schemas/catalog';
import Field from '@/components/field';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import StaleNote from '@/components/stale-note';
import { LoadingOrError } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { api, describeError } from '@/services';
import SchoolChoice from '../../components/school-choice';
import { catalogApi } from '../../lib/catalog-api';
import { savedEdits } from '../../lib/catalog-edits';
import { submitForm } from '../../lib/submit-form';
import {
  checkSchool,
  fromSchool,
  schoolErrorKey,
  type FormErrors,
  type SchoolForm,
  type SchoolFormKey,
} from '../../lib/school-form';
import { useSchoolScope } from '../../lib/use-school-scope';
import { scopeGate } from '../../components/scope-gate';
import '../../lib/staff.scss';
import '../../lib/catalog-edit.scss';

/**
 * 学校信息: what a school keeps itself — 电话, 地址, 位置, 网址, 招生咨询, 简介 — for its school admin, and for the
 * bureau after choosing a school. Checked with shared's SchoolPatchInputSchema; only changed fields are sent.
 */
export default function StaffSchoolProfile() {
  const scope = useSchoolScope();
  const gate = scopeGate(scope, '学校信息', {
    title: '只有学校管理员可以修改学校信息',
    hint: '如需修改本校的电话、地址或简介，请联系本校的学校管理员或市教育局。',
  });
  if (gate) return gate;
  return (
    <PageShell title="学校信息" className="staff">
      {scope.schoolId ? (
        <ProfileForm
          key={scope.schoolId}
          schoolId={scope.schoolId}
          onSwitch={scope.several ? () => scope.choose(null) : undefined}
        />
      ) : (
        <SchoolChoice
          schools={scope.scope}
          lead="选一所学校，修改它的电话、地址、网址和简介。"
          onChoose={scope.choose}
        />
      )}
    </PageShell>
  );
}

function ProfileForm({ schoolId, onSwitch }: { schoolId: string; onSwitch?: () => void }) {
  const res = useResource(`staff:school:${schoolId}`, () => api.school(schoolId));
  const [base, setBase] = useState<School | null>(null);
  const [f, setF] = useState<SchoolForm | null>(null);
  const [errors, setErrors] = useState<FormErrors<SchoolFormKey>>({});
  const [busy, setBusy] = useState(false);

  // The form starts from the school once the fresh answer is in (or the kept copy, offline), or from what this
  // phone saved if that is newer: public answers may lag an edit by up to a minute.
  const loaded = res.loading ? undefined : res.data;
  useEffect(() => {
    if (!loaded) return;
    const school = savedEdits.newestSchool(loaded);
    setBase((b) => b ?? school);
    setF((x) => x ?? fromSchool(school));
  }, [loaded]);

  if (!f || !base) return <LoadingOrError error={res.error} onRetry={res.reload} />;

  const set = (key: SchoolFormKey) => (value: string) => setF((x) => (x ? { ...x, [key]: value } : x));
  const text = (key: SchoolFormKey, label: string, placeholder: string, type: 'text' | 'digit' = 'text') => (
    <Field
      name={`school-${key}`}
      label={label}
      value={f[key]}
      placeholder={placeholder}
      type={type}
      error={errors[key]}
      onInput={set(key)}
    />
  );

  const reread = async () => {
    setBase(null);
    setF(null);
    await res.reload();
  };

  const save = () =>
    submitForm(checkSchool(f, base), (value) => catalogApi.updateSchool(schoolId, value), {
      setErrors,
      setBusy,
      errorKey: schoolErrorKey,
      saved: (saved) => {
        savedEdits.school(saved);
        setBase(saved);
        setF(fromSchool(saved));
      },
      onConflict: async (error) => {
        const { confirm } = await Taro.showModal({
          title: '没有保存成功',
          content: describeError(error),
          confirmText: '重新读取',
        });
        if (confirm) await reread();
      },
    });

  return (
    <>
      <StaleNote show={res.stale} />
      <View className="edit__head">
        <View className="staff__title">{base.name}</View>
        {onSwitch ? (
          <SpButton small variant="text" onClick={onSwitch}>
            换一所学校
          </SpButton>
        ) : null}
      </View>
      <View className="staff__muted edit__lead">学生和家长在学校页面上看到这些信息；电话可以直接拨打。</View>
      {text('phone', '电话', '例如 0434-3281234')}
      {text('address', '地址', '例如 四平市铁西区英雄大路 1 号')}
      <View className="edit__pair">
        {text('lat', '纬度', '例如 43.17', 'digit')}
        {text('lng', '经度', '例如 124.35', 'digit')}
      </View>
      <View className="edit__note">
        位置用于学校页面的“打开地图”。四平一带纬度约 43、经度约 124；两项都留空表示不公布位置。
      </View>
      {text('website', '网址', '例如 https://www.example.edu.cn')}
      {text('admissionsContact', '招生咨询', '例如 招生办 王老师 0434-3281234')}
      <Field
        multiline={{ className: 'edit__textarea' }}
        maxlength={1000}
        name="school-intro"
        label="简介"
        value={f.intro}
        placeholder="学校的历史、特色专业、办学条件……"
        error={errors.intro}
        onInput={set('intro')}
      />
      <View className="edit__source">信息来源：{base.source}（由教育局维护）</View>
      {errors.form ? (
        <View className="staff__result staff__result--bad" role="alert">
          {errors.form}
        </View>
      ) : null}
      <SpButton block disabled={busy} onClick={() => void save()}>
        {busy ? '正在保存…' : '保存'}
      </SpButton>
      <View className="edit__note">保存后，公开的学校页面约 1 分钟内显示新的内容。</View>
    </>
  );
}
