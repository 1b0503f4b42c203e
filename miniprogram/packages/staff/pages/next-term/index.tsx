import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import Field from '@/components/field';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import { LoadingOrError } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { callAs } from '@/lib/call-as';
import { formatSessionTime, sessionsSummary } from '@/lib/format';
import { routes } from '@/lib/routes';
import { api, describeError, isApiError } from '@/services';
import {
  checkNextTerm,
  defaultNextTerm,
  isWeekly,
  nextTermErrors,
  type NextTermErrors,
  type NextTermField,
  type NextTermForm,
} from '../../lib/next-term';
import '../../lib/staff.scss';

/**
 * 下一期: the same class again on new dates, with its content, school and rules (POST …/copy). The dates start
 * filled in (the week after this term, the same weekday and times); this term's people then see 续报 on
 * 我的报名 while the new term's sign-up is open. Opens the new activity when made.
 */
export default function NextTermPage() {
  const id = useRouter().params.id ?? '';
  const res = useResource(id ? `activity:${id}` : null, () => api.activity(id));
  const a = res.data;
  const [f, setF] = useState<NextTermForm | null>(null);
  const [errors, setErrors] = useState<NextTermErrors>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (a && !f) setF(defaultNextTerm(a));
  }, [a, f]);

  if (!a || !f) {
    return (
      <PageShell title="下一期" className="staff">
        <LoadingOrError error={res.error} onRetry={res.reload} />
      </PageShell>
    );
  }
  const weekly = isWeekly(a);
  const box = (field: NextTermField, label: string, placeholder: string) => (
    <Field
      name={`next-${field}`}
      label={label}
      value={f[field]}
      placeholder={placeholder}
      error={errors[field]}
      onInput={(value) => {
        setF((x) => (x ? { ...x, [field]: value } : x));
        setErrors((e) => ({ ...e, [field]: undefined, form: undefined }));
      }}
    />
  );

  const submit = async () => {
    if (busy) return;
    const checked = checkNextTerm(f, weekly);
    if (!checked.ok) {
      setErrors(checked.errors);
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const made = await callAs('POST /staff/activities/{id}/copy', { params: { id }, body: checked.value });
      void Taro.showToast({ title: '已创建下一期', icon: 'success' });
      void Taro.redirectTo({ url: routes.staffActivity(made.id) });
    } catch (error) {
      if (isApiError(error) && error.fields.length) setErrors(nextTermErrors(error.fields, weekly));
      else setErrors({ form: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  const summary = sessionsSummary(a);
  return (
    <PageShell title="下一期" className="staff">
      <View className="staff__title">下一期：{a.title}</View>
      <View className="staff__muted">
        这一期：{formatSessionTime(a.startsAt)}
        {summary ? `（${summary}）` : ''}
      </View>
      <View className="staff__line">
        内容、地点、名额和报名规则都和这一期一样，只需要填新的日期。这一期报过名的人会在“我的报名”里看到“续报”。
      </View>
      {box('firstDate', weekly ? '第一次课日期' : '日期', '例如 2027-03-02')}
      {weekly ? box('lastDate', '最后一次课日期', '例如 2027-06-29') : null}
      {box('startTime', weekly ? '每次课开始时间' : '开始时间', '09:00')}
      {box('endTime', weekly ? '每次课结束时间' : '结束时间', '11:00')}
      {weekly ? box('skipDates', '停课日期（选填）', '例如 2027-04-06, 2027-05-04') : null}
      {box('signupOpensAt', '报名开始', '2027-02-20 09:00')}
      {box('signupClosesAt', '报名截止', '2027-03-01 18:00')}
      {a.term ? box('term', `学期（选填，这一期是 ${a.term}）`, '例如 2027春季') : null}
      {errors.form ? (
        <View className="staff__result staff__result--bad" role="alert">
          {errors.form}
        </View>
      ) : null}
      <SpButton block disabled={busy} onClick={() => void submit()}>
        {busy ? '正在创建…' : '创建下一期'}
      </SpButton>
    </PageShell>
  );
}
