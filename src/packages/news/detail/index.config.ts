export default definePageConfig({
  navigationBarTitleText: '动态详情',
  // Needed for useShareAppMessage / useShareTimeline to take effect on this page.
  enableShareAppMessage: true,
  enableShareTimeline: true
})
