import Taro from '@tarojs/taro';
import SpButton from '@/components/sp-button';

/** The web has no share sheet of WeChat's: 分享 copies the invitation's words and link to paste into a chat. */
export default function ShareButton({ message }: { message: string }) {
  const copy = async () => {
    await Taro.setClipboardData({ data: message });
    void Taro.showToast({ title: '已复制邀请，请粘贴到微信聊天发给对方', icon: 'none', duration: 3000 });
  };
  return (
    <SpButton block onClick={() => void copy()}>
      分享
    </SpButton>
  );
}
