// Tools (tsc, jest) read this file; the build picks wechat-phone.weapp.tsx or wechat-phone.h5.tsx.
export { default } from './wechat-phone.h5';
export type { WechatPhoneProps } from './wechat-phone.weapp';
