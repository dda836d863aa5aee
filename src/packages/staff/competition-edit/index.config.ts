export default definePageConfig({ navigationBarTitleText: '编辑竞赛' })
