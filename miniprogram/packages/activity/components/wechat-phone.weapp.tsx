import { useState } from 'react';
import SpButton from '@/components/sp-button';
import { callAs } from '@/lib/call-as';
import { describeError } from '@/services';

export interface WechatPhoneProps {
  /** The number WeChat shared, to fill the phone field (which stays editable). */
  onPhone: (phone: string) => void;
  /** The server's reason in Chinese (授权已失效, 微信暂时不可用 …), shown under the field. */
  onError: (message: string) => void;
}

/**
 * 使用微信手机号 (WeChat only): the getPhoneNumber button's one-time code goes to POST /me/phone, which asks
 * WeChat for the number; nothing is stored. Declining leaves the field as it was; typing always works.
 */
export default function WechatPhone({ onPhone, onError }: WechatPhoneProps) {
  const [busy, setBusy] = useState(false);
  return (
    <SpButton
      small
      variant="secondary"
      className="signup__wechat-phone"
      openType="getPhoneNumber"
      disabled={busy}
      onGetPhoneNumber={(e) => {
        const code = e.detail.code;
        if (!code) return;
        setBusy(true);
        callAs('POST /me/phone', { body: { code } })
          .then(({ phone }) => onPhone(phone))
          .catch((error: unknown) => onError(describeError(error)))
          .finally(() => setBusy(false));
      }}
    >
      {busy ? '正在获取…' : '使用微信手机号'}
    </SpButton>
  );
}
