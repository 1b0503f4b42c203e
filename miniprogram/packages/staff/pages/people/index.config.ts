export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: '教师管理',
  // 分享 sends the invitation's card (the join page with the code) to a chat.
  enableShareAppMessage: true,
});
