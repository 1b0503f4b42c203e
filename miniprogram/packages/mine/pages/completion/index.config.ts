export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '结业证明',
  enableShareAppMessage: true,
});
