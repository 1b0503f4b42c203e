import { Image, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { CreatedInvitation } from '@shared/api';
import { api } from '@/services';

/**
 * WeChat: the invitation's 小程序码, which WeChat's scanner opens the join page with (a plain QR of a page path
 * would only show text). Should WeChat not make one, the typed code below it still works.
 */
export default function InviteCode({ invitation }: { invitation: CreatedInvitation; link: string }) {
  const [image, setImage] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setImage(null);
    setFailed(false);
    api.staffInvitationWxacode(invitation.id, invitation.code).then(
      (answer) => live && setImage(`data:${answer.mimeType};base64,${answer.image}`),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [invitation.id, invitation.code]);
  if (failed) return <View className="staff__muted">暂时生成不了小程序码，请把下面的邀请码发给对方。</View>;
  if (!image) return <View className="staff__muted">正在生成小程序码…</View>;
  return (
    <View className="people__wxacode">
      <Image src={image} mode="aspectFit" className="people__wxacode-image" ariaLabel="邀请小程序码" />
      <View className="staff__muted">请对方用微信扫一扫</View>
    </View>
  );
}
