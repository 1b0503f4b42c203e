export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '学校信息',
});
