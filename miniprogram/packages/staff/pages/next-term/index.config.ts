export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '下一期',
});
