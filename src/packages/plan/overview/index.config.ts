export default definePageConfig({
  navigationBarTitleText: '十四五成绩单 · 十五五蓝图',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true
})
