export default definePageConfig({
  navigationBarTitleText: '服务阵地管理',
  enablePullDownRefresh: true
})
