export default definePageConfig({ navigationBarTitleText: '首页推荐' })
