import { View } from '@tarojs/components';
import { useState } from 'react';
import type { Activity } from '@shared/schemas/activity';
import { requiredAttendeeFields, type Signup } from '@shared/schemas/signup';
import Field from '@/components/field';
import SpButton from '@/components/sp-button';
import { callAs } from '@/lib/call-as';
import { describeError, isApiError } from '@/services';
import {
  EMPTY_WALK_IN,
  checkWalkIn,
  walkInFieldErrors,
  type WalkInErrors,
  type WalkInField,
  type WalkInForm,
} from '../lib/roster';

/**
 * 现场报名: someone who turned up without signing up gets a free seat, confirmed and checked in at once
 * (POST …/walk-ins). Checked with shared's WalkInInputSchema before sending; the server's refusals (名额已满,
 * 不在签到时间内, 不符合条件, 已经报过) stay on the form with its message.
 */
export default function WalkIn({
  activity: a,
  onDone,
  onClose,
}: {
  activity: Pick<Activity, 'id' | 'kind'>;
  onDone: (signup: Signup) => void;
  onClose: () => void;
}) {
  const [f, setF] = useState<WalkInForm>(EMPTY_WALK_IN);
  const [errors, setErrors] = useState<WalkInErrors>({});
  const [refusal, setRefusal] = useState('');
  const [busy, setBusy] = useState(false);
  // Which of them this kind of activity requires: the sign-up rule, as shared declares it.
  const needs = (field: 'birthYear' | 'village') => requiredAttendeeFields(a.kind).includes(field);

  const box = (field: WalkInField, label: string, placeholder: string, type: 'text' | 'number' = 'text') => (
    <Field
      name={`walk-in-${field}`}
      label={label}
      value={f[field]}
      placeholder={placeholder}
      type={type}
      error={errors[field]}
      onInput={(value) => {
        setF((x) => ({ ...x, [field]: value }));
        setErrors((e) => ({ ...e, [field]: undefined }));
        setRefusal('');
      }}
    />
  );

  const submit = async () => {
    if (busy) return;
    const checked = checkWalkIn(f, a.kind);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    setRefusal('');
    try {
      const signup = await callAs('POST /staff/activities/{id}/walk-ins', {
        params: { id: a.id },
        body: checked.value,
      });
      setF(EMPTY_WALK_IN);
      setErrors({});
      onDone(signup);
    } catch (error) {
      const byField = isApiError(error) ? walkInFieldErrors(error.fields) : {};
      if (Object.keys(byField).length) setErrors(byField);
      else setRefusal(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="staff__card">
      <View className="staff__card-title">现场报名</View>
      <View className="staff__muted">没报名但来了的人：登记后直接算报名成功并签到。</View>
      {box('name', '姓名', '参加人的姓名')}
      {box('phone', '手机号', '11 位手机号', 'number')}
      {box('birthYear', needs('birthYear') ? '出生年份' : '出生年份（选填）', '例如 1958', 'number')}
      {box('village', needs('village') ? '所在村屯' : '所在村屯（选填）', '例如 新立村')}
      {refusal ? (
        <View className="staff__result staff__result--bad" role="alert">
          {refusal}
        </View>
      ) : null}
      <View className="staff__actions">
        <SpButton disabled={busy} onClick={() => void submit()}>
          {busy ? '正在登记…' : '登记并签到'}
        </SpButton>
        <SpButton variant="secondary" onClick={onClose}>
          收起
        </SpButton>
      </View>
    </View>
  );
}
