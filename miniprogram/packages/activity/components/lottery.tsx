import { View } from '@tarojs/components';
import type { Activity } from '@shared/schemas/activity';
import { formatSessionTime } from '@shared/time';
import Section from '@/components/section';
import { useResource } from '@/hooks/use-resource';
import { api } from '@/services';
import './lottery.scss';

const RESULT: Record<string, string> = { confirmed: '入选', waitlisted: '候补' };

/** 摇号报名: when the draw is, its published commitment, and after the draw the order anyone can check. */
export default function Lottery({ activity: a }: { activity: Activity }) {
  const draw = useResource(a.drawnAt ? `draw:${a.id}` : null, () => api.draw(a.id));
  const order = draw.data?.order ?? [];
  return (
    <Section title="摇号报名">
      <View className="lottery__text">
        {a.drawnAt
          ? `已于 ${formatSessionTime(a.drawnAt)} 摇号`
          : a.drawAt
            ? `摇号时间：${formatSessionTime(a.drawAt)}`
            : '报名截止后摇号'}
        。报名期间先提交申请，摇号后按顺序确定 {a.capacity} 个名额，其余进入候补。
      </View>
      {a.drawCommitment ? (
        <View className="lottery__hash">随机种子指纹：{a.drawCommitment.slice(0, 12)}…</View>
      ) : null}
      {draw.data?.seed ? (
        <View className="lottery__hash">公开的种子：{draw.data.seed.slice(0, 12)}…</View>
      ) : null}
      {order.length ? (
        <View className="lottery__order">
          <View className="lottery__order-title">摇号结果</View>
          {order.map((o) => (
            <View key={o.signupId} className="lottery__row">
              <View className="lottery__pos">{o.position}</View>
              <View className="lottery__name">{o.name}</View>
              <View className="lottery__result">{RESULT[o.result] ?? o.result}</View>
            </View>
          ))}
        </View>
      ) : null}
    </Section>
  );
}
