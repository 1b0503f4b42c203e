export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '加入学校',
});
