import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { County } from '@shared/schemas/common';
import { RELATIONS, type FamilyMember } from '@shared/schemas/signup';
import Chips from '@/components/chips';
import Field from '@/components/field';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import { EmptyState, ErrorState, Loading } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { COUNTY_OPTIONS, maskPhone } from '@/lib/format';
import { api, describeError, isApiError } from '@/services';
import { checkFamily, EMPTY_FAMILY, fromMember, type FamilyForm } from '../../lib/family-form';
import './index.scss';

type Editing = { id: string | null; form: FamilyForm } | null;

/** 家庭成员: the people this account signs up (a son enrols his mother), kept on the server. */
export default function FamilyPage() {
  const res = useResource('family', () => api.family());
  const [editing, setEditing] = useState<Editing>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const members = res.data?.items ?? [];

  const set = <K extends keyof FamilyForm>(key: K, value: FamilyForm[K]) =>
    setEditing((e) => (e ? { ...e, form: { ...e.form, [key]: value } } : e));

  const save = async () => {
    if (!editing) return;
    const checked = checkFamily(editing.form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      if (editing.id) await api.updateFamily(editing.id, checked.value);
      else await api.addFamily(checked.value);
      setEditing(null);
      setErrors({});
      void Taro.showToast({ title: '已保存', icon: 'success' });
      await res.reload();
    } catch (error) {
      if (isApiError(error) && error.fields.length) {
        setErrors(Object.fromEntries(error.fields.map((f) => [f.field, f.message])));
      } else {
        void Taro.showModal({ title: '没有保存成功', content: describeError(error), showCancel: false });
      }
    } finally {
      setBusy(false);
    }
  };

  const remove = async (m: FamilyMember) => {
    const { confirm } = await Taro.showModal({
      title: '删除家庭成员',
      content: `确定删除“${m.name}”吗？已报名的活动不受影响。`,
      confirmText: '删除',
      cancelText: '不删',
      confirmColor: '#b42318',
    });
    if (!confirm) return;
    try {
      await api.deleteFamily(m.id);
      await res.reload();
    } catch (error) {
      void Taro.showModal({ title: '没有删除成功', content: describeError(error), showCancel: false });
    }
  };

  if (editing) {
    const f = editing.form;
    return (
      <PageShell title="家庭成员" className="family">
        <View className="family__title">{editing.id ? '修改家庭成员' : '添加家庭成员'}</View>
        <Field
          name="fm-name"
          label="姓名"
          value={f.name}
          error={errors.name}
          onInput={(v) => set('name', v)}
        />
        <Field
          name="fm-phone"
          label="手机号"
          type="number"
          maxlength={11}
          value={f.phone}
          error={errors.phone}
          hint="用于学校通知上课；不经本人同意不会给这个号码发消息"
          onInput={(v) => set('phone', v)}
        />
        <Field
          name="fm-birthYear"
          label="出生年份"
          type="number"
          maxlength={4}
          placeholder="例如 1958"
          value={f.birthYear}
          error={errors.birthYear}
          onInput={(v) => set('birthYear', v)}
        />
        <Chips<string>
          label="与您的关系"
          options={RELATIONS.filter((r) => r !== '本人').map((r) => ({ value: r, label: r }))}
          value={f.relation || null}
          onChange={(v) => set('relation', v ?? '')}
        />
        {errors.relation ? <View className="family__error">{errors.relation}</View> : null}
        <Chips<County>
          label="居住区县"
          options={COUNTY_OPTIONS}
          value={f.residence}
          onChange={(v) => set('residence', v)}
        />
        <Field
          name="fm-village"
          label="所在村屯"
          placeholder="选填"
          value={f.village}
          error={errors.village}
          onInput={(v) => set('village', v)}
        />
        {errors.form ? <View className="family__error">{errors.form}</View> : null}
        <View className="family__actions">
          <SpButton block disabled={busy} onClick={() => void save()}>
            保存
          </SpButton>
          <SpButton block variant="secondary" onClick={() => setEditing(null)}>
            返回
          </SpButton>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell title="家庭成员" className="family">
      <View className="family__title">家庭成员</View>
      <View className="family__hint">保存后，为家人报名时在“为谁报名”里选一下就填好了。</View>
      {res.loading && !res.data ? <Loading /> : null}
      {res.error && !res.data ? <ErrorState error={res.error} onRetry={res.reload} /> : null}
      {res.data && !members.length ? (
        <EmptyState title="还没有家庭成员" hint="点下面的“添加家庭成员”。" />
      ) : null}
      {members.map((m) => (
        <View key={m.id} className="family__card">
          <View className="family__name">
            {m.name}（{m.relation}）
          </View>
          <View className="family__line">
            {maskPhone(m.phone)}
            {m.birthYear ? ` · ${m.birthYear}年生` : ''}
            {m.residence ? ` · ${m.residence}` : ''}
            {m.village ? ` ${m.village}` : ''}
          </View>
          <View className="family__row-actions">
            <SpButton small variant="secondary" onClick={() => setEditing({ id: m.id, form: fromMember(m) })}>
              修改
            </SpButton>
            <SpButton small variant="danger" onClick={() => void remove(m)}>
              删除
            </SpButton>
          </View>
        </View>
      ))}
      <View className="family__actions">
        <SpButton block onClick={() => setEditing({ id: null, form: { ...EMPTY_FAMILY } })}>
          添加家庭成员
        </SpButton>
      </View>
    </PageShell>
  );
}
