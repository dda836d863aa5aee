export default definePageConfig({
  navigationBarTitleText: '密云工会',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // Needed for useShareAppMessage to take effect on this page. Not 朋友圈: see the page.
  enableShareAppMessage: true
})
