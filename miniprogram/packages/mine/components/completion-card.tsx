import { Text, View } from '@tarojs/components';
import type { Completion } from '@shared/api';
import { inZone } from '@shared/time';
import './completion-card.scss';

const day = (iso: string) => inZone(iso).format('YYYY年M月D日');

/** 结业证明: who, what, which school, how many hours, when — and the code anyone can check. */
export default function CompletionCard({ completion: c }: { completion: Completion }) {
  return (
    <View className="sp-cert">
      <View className="sp-cert__title">结业证明</View>
      <View className="sp-cert__name">{c.attendeeName}</View>
      <View className="sp-cert__body">
        于 {day(c.startsAt)} 至 {day(c.endsAt)} 参加{c.schoolName}举办的“{c.activityTitle}”，出勤{' '}
        {c.sessionsAttended}/{c.sessionsTotal} 次，共 {c.hours} 学时，准予结业。
      </View>
      <View className="sp-cert__row">
        <View className="sp-cert__label">学校</View>
        <View className="sp-cert__value">{c.schoolName}</View>
      </View>
      <View className="sp-cert__row">
        <View className="sp-cert__label">学时</View>
        <View className="sp-cert__value">{c.hours} 学时</View>
      </View>
      <View className="sp-cert__row">
        <View className="sp-cert__label">发证日期</View>
        <View className="sp-cert__value">{day(c.issuedAt)}</View>
      </View>
      <View className="sp-cert__row">
        <View className="sp-cert__label">验证码</View>
        <Text className="sp-cert__value sp-cert__code" selectable>
          {c.code}
        </Text>
      </View>
      <View className="sp-cert__note">把这份证明分享给他人，对方打开即可凭验证码在线查验。</View>
    </View>
  );
}
