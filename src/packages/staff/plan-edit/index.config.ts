export default definePageConfig({ navigationBarTitleText: '十四五数据' })
