export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '学校工作台',
  enablePullDownRefresh: true,
});
