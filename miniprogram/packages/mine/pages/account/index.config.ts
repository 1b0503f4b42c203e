export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '账号与数据',
});
