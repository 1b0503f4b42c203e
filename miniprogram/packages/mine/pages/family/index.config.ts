export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '家庭成员',
});
