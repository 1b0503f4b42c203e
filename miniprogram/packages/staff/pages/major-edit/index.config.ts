export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '专业',
});
