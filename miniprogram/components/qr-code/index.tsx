import { Image, Text, View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';
import './index.scss';

/** A QR image made on the phone (GIF data URL from qrcode-generator, no network, no canvas). */
export function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(8, 4);
}

/**
 * The QR code with a line to type instead of scanning: the encoded text itself (签到码), or a `caption` when
 * that reads better (an invitation's code rather than its link). Only subpackages use it, so the build copies
 * it into each of them and the main package stays without the encoder.
 */
export default function QrCode({ text, label, caption }: { text: string; label?: string; caption?: string }) {
  const src = useMemo(() => qrDataUrl(text), [text]);
  return (
    <View className="sp-qr">
      <Image className="sp-qr__image" src={src} mode="aspectFit" ariaLabel={label ?? '签到二维码'} />
      <Text className="sp-qr__text" selectable>
        {caption ?? text}
      </Text>
    </View>
  );
}
