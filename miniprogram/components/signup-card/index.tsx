import { View } from '@tarojs/components';
import type { SignupStatus, SignupWithActivity } from '@shared/schemas/signup';
import { formatSessionTime, placeText, statusText } from '@/lib/format';
import type { OutboxEntry } from '@/services/outbox';
import SpButton from '../sp-button';
import './index.scss';

const TONE: Record<SignupStatus, 'ok' | 'warn' | 'off' | 'info'> = {
  confirmed: 'ok',
  waitlisted: 'warn',
  applied: 'info',
  offered: 'warn',
  cancelled: 'off',
  expired: 'off',
};

/** One of 我的报名: status first (words, not only colour), then what, when, where, who. */
export default function SignupCard({
  signup: s,
  onCancel,
  onOpen,
  onRenew,
}: {
  signup: SignupWithActivity;
  onCancel: () => void;
  onOpen?: () => void;
  /** 续报: the next term is open; one tap signs the same person up again. */
  onRenew?: () => void;
}) {
  const cancellable = s.status !== 'cancelled' && s.status !== 'expired' && s.activity.status !== 'cancelled';
  return (
    <View className="sp-signup">
      <View className={`sp-signup__status sp-signup__status--${TONE[s.status]}`}>{statusText(s)}</View>
      <View className="sp-signup__title">{s.activity.title}</View>
      <View className="sp-signup__line">时间：{formatSessionTime(s.activity.startsAt)}</View>
      <View className="sp-signup__line">地点：{placeText(s.activity.place)}</View>
      <View className="sp-signup__line">
        参加人：{s.attendee.name}
        {s.attendee.relation && s.attendee.relation !== '本人' ? `（${s.attendee.relation}）` : ''}
      </View>
      {s.activity.status === 'cancelled' ? <View className="sp-signup__note">活动已取消</View> : null}
      {s.activity.status === 'cancelled' && s.activity.cancelReason ? (
        <View className="sp-signup__note">原因：{s.activity.cancelReason}</View>
      ) : null}
      {onRenew ? (
        <>
          <View className="sp-signup__note">下一期已开始报名，不用再填表</View>
          <View className="sp-signup__actions">
            <SpButton block onClick={onRenew}>
              续报下一期
            </SpButton>
          </View>
        </>
      ) : null}
      {cancellable || onOpen ? (
        <View className="sp-signup__actions">
          {onOpen ? (
            <SpButton variant="secondary" small onClick={onOpen}>
              查看详情
            </SpButton>
          ) : null}
          {cancellable ? (
            <SpButton variant="danger" small onClick={onCancel}>
              取消报名
            </SpButton>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

/** A sign-up still on the phone: `待发送`, or refused by the server with its reason. */
export function OutboxCard({
  entry: e,
  onRetry,
  onDismiss,
}: {
  entry: OutboxEntry;
  onRetry: () => void;
  onDismiss: () => void;
}) {
  const failed = e.state === 'failed';
  return (
    <View className="sp-signup">
      <View className={`sp-signup__status sp-signup__status--${failed ? 'bad' : 'info'}`}>
        {failed ? '未能报名' : '待发送'}
      </View>
      <View className="sp-signup__title">{e.activity.title}</View>
      <View className="sp-signup__line">时间：{formatSessionTime(e.activity.startsAt)}</View>
      <View className="sp-signup__line">参加人：{e.attendee.name}</View>
      <View className={failed ? 'sp-signup__error' : 'sp-signup__note'}>
        {failed ? e.error?.message : '没有网络，已保存在手机上，联网后会自动发送，不会重复报名。'}
      </View>
      <View className="sp-signup__actions">
        {failed ? (
          <SpButton variant="secondary" small onClick={onDismiss}>
            知道了
          </SpButton>
        ) : (
          <SpButton variant="secondary" small onClick={onRetry}>
            现在发送
          </SpButton>
        )}
      </View>
    </View>
  );
}
