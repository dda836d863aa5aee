export default definePageConfig({ navigationBarTitleText: '密云工会' })
