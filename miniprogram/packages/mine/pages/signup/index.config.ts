export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '我的报名',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
});
