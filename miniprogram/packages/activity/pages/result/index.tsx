import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import { useOutbox } from '@/hooks/use-outbox';
import { formatSessionTime, placeText, resultText } from '@/lib/format';
import { routes } from '@/lib/routes';
import { outbox } from '@/services';
import './index.scss';

/**
 * What happened to the sign-up: 报名成功, 已进入候补，第 N 位, 待发送 (kept on the phone until the connection
 * returns — this page updates by itself when it goes out), or the server's reason for refusing it.
 */
export default function ResultPage() {
  const key = useRouter().params.key ?? '';
  const entry = useOutbox().find((e) => e.key === key);

  if (!entry) {
    return (
      <PageShell title="报名结果" className="result">
        <View className="result__card">
          <View className="result__headline">没有找到这条报名</View>
          <View className="result__text">可以在“我的”页面查看全部报名。</View>
          <SpButton block onClick={() => void Taro.switchTab({ url: routes.mine })}>
            查看我的报名
          </SpButton>
        </View>
      </PageShell>
    );
  }

  const { state, signup } = entry;
  const tone =
    state === 'failed'
      ? 'bad'
      : state === 'pending'
        ? 'info'
        : signup?.status === 'waitlisted'
          ? 'warn'
          : 'ok';
  const headline =
    state === 'failed'
      ? '未能报名'
      : state === 'pending'
        ? '待发送'
        : signup
          ? resultText(signup)
          : '报名成功';
  const icon = { ok: '✓', warn: '…', info: '↻', bad: '!' }[tone];

  return (
    <PageShell title="报名结果" className="result">
      <View className={`result__card result__card--${tone}`}>
        <View className="result__icon" aria-hidden>
          {icon}
        </View>
        <View className="result__headline" role="status">
          {headline}
        </View>
        {state === 'pending' ? (
          <View className="result__text">
            现在没有网络，报名已保存在手机上。联网后会自动发送（同一份报名只会提交一次），也可以点下面的按钮重试。
          </View>
        ) : null}
        {state === 'failed' ? (
          <View className="result__text result__text--bad">{entry.error?.message}</View>
        ) : null}
        {state === 'sent' && signup?.status === 'waitlisted' ? (
          <View className="result__text">
            名额已满。有人取消时，按候补顺序自动补上，可在“我的”里查看状态。
          </View>
        ) : null}
        {state === 'sent' && signup?.status === 'confirmed' ? (
          <View className="result__text">请按时参加。如有变动，可在“我的”里取消报名。</View>
        ) : null}

        <View className="result__facts">
          <View className="result__fact-title">{entry.activity.title}</View>
          <View className="result__fact">时间：{formatSessionTime(entry.activity.startsAt)}</View>
          <View className="result__fact">地点：{placeText(entry.activity.place)}</View>
          <View className="result__fact">参加人：{entry.attendee.name}</View>
        </View>

        {state === 'pending' ? (
          <SpButton block onClick={() => void outbox.send(key)} className="result__action">
            现在重试
          </SpButton>
        ) : null}
        <SpButton
          block
          variant={state === 'pending' ? 'secondary' : 'primary'}
          onClick={() => void Taro.switchTab({ url: routes.mine })}
          className="result__action"
        >
          查看我的报名
        </SpButton>
        <SpButton
          block
          variant="secondary"
          onClick={() => void Taro.switchTab({ url: routes.home })}
          className="result__action"
        >
          返回首页
        </SpButton>
      </View>
    </PageShell>
  );
}
