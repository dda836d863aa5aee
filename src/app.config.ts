import { APP_TAB_BAR } from './domain/app-shell'
import { SUBPACKAGES, TAB_PAGES } from './routes'

export default defineAppConfig({
  pages: [TAB_PAGES.home, TAB_PAGES.news, TAB_PAGES.services, TAB_PAGES.me],
  subPackages: SUBPACKAGES.map((pkg) => ({ root: pkg.root, pages: [...pkg.pages] })),
  lazyCodeLoading: 'requiredComponents',
  // Which pages WeChat search may index: not the staff pages nor 我的 (src/sitemap.json, copied by config/index.ts).
  sitemapLocation: 'sitemap.json',
  // WeChat refuses these calls unless declared here (and in the 用户隐私保护指引): getLocation sorts 服务阵地 by
  // distance on the phone; chooseLocation is the staff station editor's map picker.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于查找离您最近的工会服务站点' }
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTitleText: '密云工会',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F6F4F2'
  },
  tabBar: { ...APP_TAB_BAR, list: [...APP_TAB_BAR.list] },
  preloadRule: {
    [TAB_PAGES.home]: { network: 'all', packages: ['packages/news', 'packages/competitions'] },
    // 女职工课堂 / 单身联谊 / 健康讲堂 list their kind's activities under the explainer; a tap opens the activity pages.
    'packages/services/detail/index': { network: 'all', packages: ['packages/activities'] }
  }
})
