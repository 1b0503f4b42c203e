import { Image, Text, View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';
import './qr-code.scss';

/** A QR image made on the phone (GIF data URL from qrcode-generator, no network, no canvas). */
export function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(8, 4);
}

export default function QrCode({ text, label }: { text: string; label?: string }) {
  const src = useMemo(() => qrDataUrl(text), [text]);
  return (
    <View className="sp-qr">
      <Image className="sp-qr__image" src={src} mode="aspectFit" ariaLabel={label ?? '签到二维码'} />
      <Text className="sp-qr__text" selectable>
        {text}
      </Text>
    </View>
  );
}
