import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { Activity } from '@shared/schemas/activity';
import Field from '@/components/field';
import PageShell from '@/components/page-shell';
import PrivacyGate from '@/components/privacy-gate';
import SpButton from '@/components/sp-button';
import { ErrorState, Loading } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { formatSessionTime, placeText } from '@/lib/format';
import { routes } from '@/lib/routes';
import {
  FIELD_LABELS,
  fieldsFor,
  fromServerFields,
  prefill,
  shouldShowLive,
  toAttendee,
  validateField,
  type FieldName,
  type FormErrors,
  type FormValues,
} from '@/lib/signup-form';
import { api, outbox } from '@/services';
import { settings } from '@/services/settings';
import { activityKey } from '../detail/keys';
import './index.scss';

const INPUT: Record<
  FieldName,
  { placeholder: string; type: 'text' | 'number'; maxlength: number; hint?: string }
> = {
  name: { placeholder: '参加人的姓名', type: 'text', maxlength: 20 },
  phone: { placeholder: '11 位手机号', type: 'number', maxlength: 11, hint: '用于通知上课时间和变动' },
  birthYear: { placeholder: '例如 1958', type: 'number', maxlength: 4 },
  village: { placeholder: '例如 八里庙村', type: 'text', maxlength: 30 },
};

function SignupForm({ activity: a }: { activity: Activity }) {
  const fields = fieldsFor(a.kind);
  const [values, setValues] = useState<FormValues>(() => prefill(settings.get().lastAttendee));
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);

  const errorOf = (field: FieldName): string | undefined => {
    if (serverErrors[field]) return serverErrors[field];
    const show = submitted || shouldShowLive(field, values[field], !!touched[field]);
    return show ? validateField(field, values[field], a.kind) : undefined;
  };

  const change = (field: FieldName, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setServerErrors((e) => ({ ...e, [field]: undefined }));
    setFormError('');
  };

  const submit = async () => {
    if (busy) return;
    setSubmitted(true);
    const result = toAttendee(values, a.kind);
    if (!result.ok) return;
    settings.set({ lastAttendee: { ...settings.get().lastAttendee, ...result.attendee } });
    setBusy(true);
    // The idempotency key is made here, once; every retry of this sign-up reuses it.
    const entry = outbox.enqueue(
      a.id,
      { title: a.title, kind: a.kind, startsAt: a.startsAt, endsAt: a.endsAt, place: a.place },
      result.attendee,
    );
    const after = await outbox.send(entry.key).catch(() => outbox.get(entry.key) ?? entry);
    setBusy(false);
    if (after.state === 'failed' && after.error) {
      // Shown right here, so the user knows why; the form stays for a fix.
      const byField = fromServerFields(after.error.fields);
      if (Object.keys(byField).length) setServerErrors(byField);
      else setFormError(after.error.message);
      outbox.dismiss(entry.key);
      return;
    }
    void Taro.redirectTo({ url: routes.result(entry.key) });
  };

  return (
    <View className="signup__form">
      {fields.map((field) => (
        <Field
          key={field}
          name={field}
          label={FIELD_LABELS[field]}
          value={values[field]}
          placeholder={INPUT[field].placeholder}
          type={INPUT[field].type}
          maxlength={INPUT[field].maxlength}
          hint={INPUT[field].hint}
          error={errorOf(field)}
          onInput={(v) => change(field, v)}
          onBlur={() => setTouched((t) => ({ ...t, [field]: true }))}
        />
      ))}
      {formError ? (
        <View className="signup__form-error" role="alert">
          {formError}
        </View>
      ) : null}
      {a.seatsLeft <= 0 ? (
        <View className="signup__note">名额已满，提交后进入候补，有人取消时按顺序补上。</View>
      ) : null}
      <SpButton block loading={busy} disabled={busy} onClick={() => void submit()} className="signup__submit">
        提交报名
      </SpButton>
      <View className="signup__privacy" onClick={() => void Taro.navigateTo({ url: routes.privacy })}>
        信息只用于本次报名 · 隐私保护指引
      </View>
    </View>
  );
}

export default function SignupPage() {
  const id = useRouter().params.id ?? '';
  const activity = useResource(id ? activityKey(id) : null, () => api.activity(id));
  const a = activity.data;
  return (
    <PageShell title="填写报名" className="signup">
      {!a ? (
        activity.error ? (
          <ErrorState error={activity.error} onRetry={activity.reload} />
        ) : (
          <Loading />
        )
      ) : (
        <>
          <View className="signup__head">
            <View className="signup__title">{a.title}</View>
            <View className="signup__meta">{formatSessionTime(a.startsAt)}</View>
            <View className="signup__meta">{placeText(a.place)}</View>
          </View>
          <PrivacyGate>
            <SignupForm activity={a} />
          </PrivacyGate>
        </>
      )}
    </PageShell>
  );
}
