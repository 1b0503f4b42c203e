import type { WechatPhoneProps } from './wechat-phone.weapp';

/** H5 has no WeChat phone number to share: the field is typed. */
export default function WechatPhone(_: WechatPhoneProps) {
  return null;
}
