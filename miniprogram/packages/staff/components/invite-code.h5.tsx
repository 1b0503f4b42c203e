import QrCode from '@/components/qr-code';
import type { CreatedInvitation } from '@shared/api';

/** H5: a QR code of the join page's web address, which a phone's camera opens in the browser. */
export default function InviteCode({ link }: { invitation: CreatedInvitation; link: string }) {
  return <QrCode text={link} caption="请对方用手机扫一扫" label="邀请二维码" />;
}
