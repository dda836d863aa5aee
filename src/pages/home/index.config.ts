export default definePageConfig({
  navigationBarTitleText: '密云工会',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // Needed for useShareAppMessage / useShareTimeline to take effect on this page.
  enableShareAppMessage: true,
  enableShareTimeline: true
})
