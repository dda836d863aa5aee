export default definePageConfig({
  navigationBarTitleText: '工会动态',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // Reach the bottom a little early, so the next page is usually there before the worker gets to it.
  onReachBottomDistance: 200,
  enableShareAppMessage: true
})
