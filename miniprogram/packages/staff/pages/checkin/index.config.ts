export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '签到',
  enablePullDownRefresh: true,
});
