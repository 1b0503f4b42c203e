import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useSettings } from '@/hooks/use-settings';
import { routes } from '@/lib/routes';
import { PRIVACY_VERSION, settings } from '@/services/settings';
import SpButton from '../sp-button';
import { PRIVACY_SUMMARY } from './summary';
import './index.scss';

/** Before the first phone number is collected: the notice, a link to 隐私保护指引, and 同意并继续. */
export default function PrivacyGate({ children }: { children: ReactNode }) {
  const { privacyAgreed } = useSettings();
  if (privacyAgreed === PRIVACY_VERSION) return <>{children}</>;
  return (
    <View className="sp-privacy">
      <View className="sp-privacy__title">报名前请阅读</View>
      <View className="sp-privacy__text">{PRIVACY_SUMMARY}</View>
      <View
        role="link"
        className="sp-privacy__link"
        onClick={() => void Taro.navigateTo({ url: routes.privacy })}
      >
        隐私保护指引
      </View>
      <SpButton block onClick={() => settings.set({ privacyAgreed: PRIVACY_VERSION })}>
        同意并继续
      </SpButton>
    </View>
  );
}
