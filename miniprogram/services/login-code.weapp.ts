import Taro from '@tarojs/taro';

/** WeChat: a one-time code from wx.login; the server trades it for the openid (code2Session). */
export async function loginCode(): Promise<string> {
  const { code } = await Taro.login();
  return code;
}
