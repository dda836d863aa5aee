export default definePageConfig({
  navigationBarTitleText: '职工活动',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120
})
