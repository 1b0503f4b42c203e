import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { Activity } from '@shared/schemas/activity';
import type { SignupDetail } from '@shared/api';
import PageShell from '@/components/page-shell';
import Section from '@/components/section';
import MoreReminders from '../../components/more-reminders';
import SpButton from '@/components/sp-button';
import { ErrorState, Loading } from '@/components/state-view';
import { formatSessionTime, placeText, statusText } from '@/lib/format';
import { routes } from '@/lib/routes';
import { api, describeError, isApiError } from '@/services';
import { useResource } from '@/hooks/use-resource';
import CompletionCard from '../../components/completion-card';
import QrCode from '@/components/qr-code';
import './index.scss';

interface Loaded {
  signup: SignupDetail;
  activity: Activity | null;
}

const TONE: Record<SignupDetail['status'], string> = {
  confirmed: 'ok',
  waitlisted: 'warn',
  applied: 'info',
  offered: 'warn',
  cancelled: 'off',
  expired: 'off',
};

/** One sign-up: status, what to do next, the check-in QR code, attendance and the 结业证明. */
export default function SignupPage() {
  const id = useRouter().params.id ?? '';
  const [busy, setBusy] = useState(false);
  const res = useResource<Loaded>(id ? `signup:${id}` : null, async () => {
    const signup = await api.signup(id);
    const activity = await api.activity(signup.activityId).catch(() => null);
    return { signup, activity };
  });
  useDidShow(() => {
    if (res.data) void res.reload();
  });
  usePullDownRefresh(() => {
    void res.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const completion = res.data?.signup.completion;
  useShareAppMessage(() =>
    completion
      ? { title: `${completion.attendeeName}的结业证明`, path: routes.completion(completion.code) }
      : { title: '四平职教通', path: routes.home },
  );

  const act = async (run: () => Promise<unknown>, done: string, failTitle: string) => {
    setBusy(true);
    try {
      await run();
      void Taro.showToast({ title: done, icon: 'success' });
    } catch (error) {
      const content =
        isApiError(error) && error.code === 'CANCEL_DEADLINE_PASSED'
          ? `${error.message}（如需取消，请联系举办学校）`
          : describeError(error);
      void Taro.showModal({ title: failTitle, content, showCancel: false });
    } finally {
      setBusy(false);
    }
    await res.reload();
  };

  const cancel = async (title: string) => {
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: `确定取消“${title}”的报名吗？取消后名额会让给候补的人。`,
      confirmText: '确定',
      cancelText: '再想想',
      confirmColor: '#b42318',
    });
    if (confirm) await act(() => api.cancelSignup(id), '已取消报名', '没有取消成功');
  };

  if (!res.data) {
    return (
      <PageShell title="我的报名" className="my-signup">
        {res.loading ? <Loading /> : null}
        {res.error ? <ErrorState error={res.error} onRetry={res.reload} /> : null}
      </PageShell>
    );
  }
  const { signup: s, activity: a } = res.data;
  const title = a?.title ?? '活动';
  const activityCancelled = a?.status === 'cancelled';
  const cancellable = !activityCancelled && s.status !== 'cancelled' && s.status !== 'expired';
  const attendance = s.attendance;
  const checkedIn = attendance?.sessions.filter((x) => x.checkedInAt) ?? [];

  return (
    <PageShell title="我的报名" className="my-signup">
      <View className={`my-signup__status my-signup__status--${TONE[s.status]}`}>{statusText(s)}</View>
      {s.status === 'offered' ? (
        <View className="my-signup__offer">
          <View className="my-signup__text">
            有人让出了名额，请在 {s.offerExpiresAt ? formatSessionTime(s.offerExpiresAt) : '时限'}{' '}
            前确认参加，逾期名额会让给下一位。
          </View>
          <SpButton
            block
            disabled={busy}
            onClick={() => void act(() => api.acceptOffer(id), '已确认参加', '没有确认成功')}
          >
            确认参加
          </SpButton>
        </View>
      ) : null}
      <View className="my-signup__title">{title}</View>
      {a ? (
        <>
          <View className="my-signup__line">时间：{formatSessionTime(a.startsAt)}</View>
          <View className="my-signup__line">地点：{placeText(a.place)}</View>
        </>
      ) : null}
      <View className="my-signup__line">参加人：{s.attendee.name}</View>
      {activityCancelled ? (
        <View className="my-signup__error">活动已取消{a?.cancelReason ? `：${a.cancelReason}` : ''}</View>
      ) : null}

      {completion ? <CompletionCard completion={completion} /> : null}
      {completion ? (
        <View className="my-signup__actions">
          <SpButton
            variant="secondary"
            onClick={() => void Taro.navigateTo({ url: routes.completion(completion.code) })}
          >
            查看可分享的证明
          </SpButton>
        </View>
      ) : null}

      {s.checkInCode && !completion ? (
        <Section title="签到二维码">
          <View className="my-signup__text">
            {s.checkInSession
              ? `第 ${s.checkInSession.index + 1} 次课：${formatSessionTime(s.checkInSession.startsAt)}。`
              : ''}
            到场后请出示给工作人员扫码，也可以把下面的签到码念给工作人员。
          </View>
          <QrCode text={s.checkInCode} />
        </Section>
      ) : null}

      {s.status === 'confirmed' && a && !activityCancelled && a.sessions.length > 1 ? (
        <MoreReminders classes={a.sessions} />
      ) : null}
      {attendance ? (
        <Section title="出勤记录">
          <View className="my-signup__text">
            已出勤 {attendance.attended}/{attendance.sessions.length} 次，共 {attendance.hours} 学时
          </View>
          {checkedIn.map((x) => (
            <View key={x.index} className="my-signup__session">
              <View className="my-signup__ok-tag">已签到</View>
              <View className="my-signup__session-text">
                第 {x.index + 1} 次 · {formatSessionTime(x.checkedInAt as string)}
              </View>
            </View>
          ))}
          {!checkedIn.length ? <View className="my-signup__text">还没有签到记录</View> : null}
        </Section>
      ) : null}

      {cancellable ? (
        <View className="my-signup__actions">
          <SpButton variant="danger" disabled={busy} onClick={() => void cancel(title)}>
            取消报名
          </SpButton>
        </View>
      ) : null}
      <View className="my-signup__actions">
        <SpButton variant="text" onClick={() => void res.reload()}>
          刷新
        </SpButton>
      </View>
    </PageShell>
  );
}
