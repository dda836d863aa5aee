export default definePageConfig({
  navigationBarTitleText: '竞赛管理',
  enablePullDownRefresh: true
})
