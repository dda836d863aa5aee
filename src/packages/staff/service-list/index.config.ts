export default definePageConfig({
  navigationBarTitleText: '服务内容',
  enablePullDownRefresh: true
})
