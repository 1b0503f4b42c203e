export default definePageConfig({
  // <page-meta root-font-size> from PageShell: rem follows WeChat's font setting and 长辈模式.
  enablePageMeta: true,
  navigationBarTitleText: '专业对比',
  enableShareAppMessage: true,
});
