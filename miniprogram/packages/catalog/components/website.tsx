import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import SpButton from '@/components/sp-button';

/** A school's 网址, with 复制网址: a mini-program cannot open an outside web page, a browser can paste it. */
export default function Website({ url }: { url: string }) {
  return (
    <View className="catalog__fact">
      <View className="catalog__fact-label">网址</View>
      <View className="catalog__fact-value catalog__url">{url}</View>
      <SpButton variant="secondary" small onClick={() => void Taro.setClipboardData({ data: url })}>
        复制网址
      </SpButton>
    </View>
  );
}
