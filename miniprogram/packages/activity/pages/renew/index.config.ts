export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '续报',
});
