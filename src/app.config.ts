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
  tabBar: {
    color: '#6B6461',
    selectedColor: '#C8161D',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      { pagePath: TAB_PAGES.home, text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: TAB_PAGES.news, text: '动态', iconPath: 'assets/tab/news.png', selectedIconPath: 'assets/tab/news-active.png' },
      { pagePath: TAB_PAGES.services, text: '服务', iconPath: 'assets/tab/services.png', selectedIconPath: 'assets/tab/services-active.png' },
      { pagePath: TAB_PAGES.me, text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' }
    ]
  },
  preloadRule: {
    [TAB_PAGES.home]: { network: 'all', packages: ['packages/news', 'packages/competitions'] },
    // 女职工课堂 / 单身联谊 / 健康讲堂 list their kind's activities under the explainer; a tap opens the activity pages.
    'packages/services/detail/index': { network: 'all', packages: ['packages/activities'] }
  }
})
