export default definePageConfig({ navigationBarTitleText: '关于密云区总工会' })
