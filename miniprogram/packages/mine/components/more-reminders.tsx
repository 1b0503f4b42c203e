import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import Section from '@/components/section';
import SpButton from '@/components/sp-button';
import { askForReminders, prepareReminders } from '@/lib/subscribe';
import { remindersToOffer } from '../lib/more-reminders';

/**
 * 上课提醒 for a weekly term: WeChat sends one reminder per acceptance, so a person who wants one before each class
 * taps here again (WeChat shows its dialog only from a tap). Nothing shows in H5, or once the grants cover the
 * classes ahead.
 */
export default function MoreReminders({
  classes,
}: {
  classes: Array<{ startsAt: string; cancelled?: boolean }>;
}) {
  const [grants, setGrants] = useState<number | null>(null);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    void prepareReminders().then(setGrants);
  }, []);
  if (process.env.TARO_ENV !== 'weapp' || grants === null) return null;
  const missing = remindersToOffer(classes, Date.now(), grants);
  if (missing === 0) return null;
  return (
    <Section title="上课提醒">
      <View className="my-signup__text">
        还有 {missing} 次课没有开提醒。微信每同意一次只能发一条提醒，点一下可以多收一次上课提醒。
      </View>
      <SpButton
        variant="secondary"
        block
        onClick={() =>
          void askForReminders()
            .then(() => prepareReminders())
            .then((left) => {
              setGrants(left);
              void Taro.showToast({ title: left > grants ? '已开启提醒' : '没有开启', icon: 'none' });
            })
        }
      >
        接收下次上课提醒
      </SpButton>
    </Section>
  );
}
