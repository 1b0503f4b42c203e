import { View } from '@tarojs/components';
import PageShell from '@/components/page-shell';
import Section from '@/components/section';
import { PRIVACY_VERSION } from '@/services/settings';
import './index.scss';

const PARTS: Array<{ title: string; body: string }> = [
  {
    title: '我们收集什么',
    body: '只在您报名时收集参加人的姓名、手机号；老年大学课程另需出生年份，送教下乡活动另需所在村屯。浏览专业、证书和活动不需要提供任何个人信息。',
  },
  {
    title: '位置和微信手机号',
    body: '点“离我最近”时，经您同意获取大致位置（约 1 公里的精度），只用来按远近排列活动，不和您的账号一起保存。点“使用微信手机号”时，经您同意由微信提供手机号，只用来填入报名表，我们不单独保存。',
  },
  {
    title: '用来做什么',
    body: '用于确认报名、排座位和候补，以及开课学校联系参加人（通知上课时间、地点和变动）。不会用于广告，也不会卖给任何人。',
  },
  {
    title: '谁能看到',
    body: '您本人可以在“我的报名”里查看。举办活动的学校工作人员可以看到报名名单以便联系和签到。其他人看不到。',
  },
  {
    title: '保存在哪里、保存多久',
    body: '报名信息保存在四平职教通的服务器上，活动结束后按学校的管理规定保存和删除。为方便下次报名，您上次填写的信息也会保存在本机，只有您的手机上有。',
  },
  {
    title: '您可以做什么',
    body: '您可以随时在“我的报名”里取消报名；在“我的 → 账号与数据”里导出我们保存的关于您的全部信息，或注销账号（报名会取消，名单上的姓名和手机号会删除）。如需更正信息，请联系举办学校。',
  },
];

export default function PrivacyPage() {
  return (
    <PageShell title="隐私保护指引" className="privacy">
      <View className="privacy__title">隐私保护指引</View>
      <View className="privacy__version">版本 {PRIVACY_VERSION}</View>
      {PARTS.map((p) => (
        <Section key={p.title} title={p.title}>
          <View className="privacy__body">{p.body}</View>
        </Section>
      ))}
    </PageShell>
  );
}
