export default definePageConfig({
  navigationBarTitleText: '竞赛与活动',
  enablePullDownRefresh: true
})
