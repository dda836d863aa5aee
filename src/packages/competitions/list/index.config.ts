export default definePageConfig({
  navigationBarTitleText: '技能竞赛',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120
})
