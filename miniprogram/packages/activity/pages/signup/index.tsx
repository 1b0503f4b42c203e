import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Fragment, useEffect, useState } from 'react';
import type { Activity } from '@shared/schemas/activity';
import type { County } from '@shared/schemas/common';
import type { FamilyMember } from '@shared/schemas/signup';
import Chips from '@/components/chips';
import Field from '@/components/field';
import PageShell from '@/components/page-shell';
import PrivacyGate from '@/components/privacy-gate';
import SpButton from '@/components/sp-button';
import { LoadingOrError } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { COUNTY_OPTIONS, formatSessionTime, placeText } from '@/lib/format';
import { routes } from '@/lib/routes';
import {
  FIELD_INPUT,
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
import WechatPhone from '../../components/wechat-phone';
import { ageProblem, needsConsent, residenceField, residenceProblem, ruleHints } from '../../lib/rules';
import { askForReminders, prepareReminders } from '@/lib/subscribe';
import { useRouteActivity } from '../../lib/use-route-activity';
import './index.scss';

function SignupForm({ activity: a }: { activity: Activity }) {
  const fields = fieldsFor(a.kind);
  const [values, setValues] = useState<FormValues>(() => prefill(settings.get().lastAttendee));
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const family = useResource('family', () => api.family());
  const members: FamilyMember[] = family.data?.items ?? [];
  const [who, setWho] = useState<string>('self');
  const [relation, setRelation] = useState<FamilyMember['relation']>('本人');
  const [residence, setResidence] = useState<County | null>(null);
  const [consent, setConsent] = useState(false);
  const hints = ruleHints(a);
  useEffect(() => void prepareReminders(), []);
  const birthYear = values.birthYear.trim() ? Number(values.birthYear.trim()) : undefined;
  const consentNeeded = needsConsent(a, birthYear);
  const agePreview = ageProblem(a, birthYear);

  const choose = (value: string | null) => {
    const id = value ?? 'self';
    setWho(id);
    setServerErrors({});
    setFormError('');
    setConsent(false);
    if (id === 'self') {
      setValues(prefill(settings.get().lastAttendee));
      setRelation('本人');
      return;
    }
    const m = members.find((x) => x.id === id);
    if (!m) return;
    setValues({
      name: m.name,
      phone: m.phone,
      birthYear: m.birthYear ? String(m.birthYear) : '',
      village: m.village ?? '',
    });
    setRelation(m.relation);
    if (m.residence) setResidence(m.residence);
  };

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
    const missing = residenceProblem(a, residence);
    if (missing) {
      setFormError(missing);
      return;
    }
    if (consentNeeded && !consent) {
      setFormError('请先确认家属同意');
      return;
    }
    void askForReminders();
    const attendee = {
      ...result.attendee,
      relation,
      ...residenceField(a, residence),
      ...(consentNeeded ? { familyConsent: consent } : {}),
    };
    if (who === 'self')
      settings.set({ lastAttendee: { ...settings.get().lastAttendee, ...result.attendee } });
    setBusy(true);
    // The idempotency key is made here, once; every retry of this sign-up reuses it.
    const entry = outbox.enqueue(
      a.id,
      { title: a.title, kind: a.kind, startsAt: a.startsAt, endsAt: a.endsAt, place: a.place },
      attendee,
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
      {hints.length ? (
        <View className="signup__rules">
          {hints.map((h) => (
            <View key={h} className="signup__rule">
              {h}
            </View>
          ))}
        </View>
      ) : null}
      <Chips<string>
        label="为谁报名"
        options={[
          { value: 'self', label: '本人' },
          ...members.map((m) => ({ value: m.id, label: `${m.name}（${m.relation}）` })),
        ]}
        value={who}
        onChange={choose}
      />
      {fields.map((field) => (
        <Fragment key={field}>
          <Field
            name={field}
            label={FIELD_LABELS[field]}
            value={values[field]}
            placeholder={FIELD_INPUT[field].placeholder}
            type={FIELD_INPUT[field].type}
            maxlength={FIELD_INPUT[field].maxlength}
            hint={FIELD_INPUT[field].hint}
            error={errorOf(field)}
            onInput={(v) => change(field, v)}
            onBlur={() => setTouched((t) => ({ ...t, [field]: true }))}
          />
          {field === 'phone' ? (
            <WechatPhone
              onPhone={(phone) => change('phone', phone)}
              onError={(message) => setServerErrors((e) => ({ ...e, phone: message }))}
            />
          ) : null}
        </Fragment>
      ))}
      {agePreview ? <View className="signup__note">{agePreview}</View> : null}
      {a.residentsOnly ? (
        <Chips<County>
          label="居住区县（限本县居民）"
          options={COUNTY_OPTIONS}
          value={residence}
          onChange={(v) => setResidence(v)}
        />
      ) : null}
      {consentNeeded ? (
        <View
          className={`signup__consent ${consent ? 'signup__consent--on' : ''}`}
          role="checkbox"
          aria-checked={consent}
          onClick={() => setConsent(!consent)}
        >
          <View className="signup__consent-box">{consent ? '✓' : ''}</View>
          <View className="signup__consent-text">需家属同意</View>
        </View>
      ) : null}
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
  const activity = useRouteActivity();
  const a = activity.data;
  return (
    <PageShell title="填写报名" className="signup">
      {!a ? (
        <LoadingOrError error={activity.error} onRetry={activity.reload} />
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
