export default definePageConfig({
  navigationBarTitleText: '服务站点',
  enableShareAppMessage: true
})
