import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect, useState, type ReactNode } from 'react';
import { useSettings } from '@/hooks/use-settings';
import { PRIVACY_VERSION, settings } from '@/services/settings';
import SpButton from '../sp-button';
import { PRIVACY_SUMMARY } from './summary';
import './index.scss';

/**
 * WeChat's privacy authorisation (base library ≥ 2.32.3): if getPrivacySetting says the user has not agreed,
 * show the notice with 《隐私保护指引》 (openPrivacyContract) and a button with
 * open-type="agreePrivacyAuthorization"; the form appears once WeChat has recorded the agreement.
 */
export default function PrivacyGate({ children }: { children: ReactNode }) {
  const { privacyAgreed } = useSettings();
  const [needed, setNeeded] = useState<boolean | null>(null);
  const [contract, setContract] = useState('《隐私保护指引》');

  useEffect(() => {
    if (!Taro.canIUse('getPrivacySetting')) {
      setNeeded(privacyAgreed !== PRIVACY_VERSION);
      return;
    }
    Taro.getPrivacySetting({
      success: (res) => {
        setNeeded(res.needAuthorization || privacyAgreed !== PRIVACY_VERSION);
        if (res.privacyContractName) setContract(res.privacyContractName);
      },
      fail: () => setNeeded(privacyAgreed !== PRIVACY_VERSION),
    });
  }, [privacyAgreed]);

  if (needed === null) return null;
  if (!needed) return <>{children}</>;
  const agree = () => {
    settings.set({ privacyAgreed: PRIVACY_VERSION });
    setNeeded(false);
  };
  return (
    <View className="sp-privacy">
      <View className="sp-privacy__title">报名前请阅读</View>
      <View className="sp-privacy__text">{PRIVACY_SUMMARY}</View>
      <View className="sp-privacy__link" onClick={() => void Taro.openPrivacyContract({})}>
        隐私保护指引 {contract}
      </View>
      <SpButton block openType="agreePrivacyAuthorization" onAgreePrivacyAuthorization={agree}>
        同意并继续
      </SpButton>
    </View>
  );
}
