import SpButton from '@/components/sp-button';

/** WeChat: sends the page's share card (useShareAppMessage: the join page with the code) to a chat. */
export default function ShareButton(_: { message: string }) {
  return (
    <SpButton block openType="share">
      分享
    </SpButton>
  );
}
