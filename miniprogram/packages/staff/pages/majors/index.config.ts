export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '专业管理',
  enablePullDownRefresh: true,
});
