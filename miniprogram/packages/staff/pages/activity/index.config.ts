export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '活动管理',
  enablePullDownRefresh: true,
});
