export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '统计',
  enablePullDownRefresh: true,
});
