export default definePageConfig({
  navigationBarTitleText: '服务阵地',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  onReachBottomDistance: 120
})
