import SpButton from '@/components/sp-button';

/** WeChat: sends the pathway's own card (the major's page, scrolled to 升学路径) to a chat. */
export default function SharePathway() {
  return (
    <SpButton variant="text" small openType="share" data-share="pathway">
      分享
    </SpButton>
  );
}
