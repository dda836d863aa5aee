import { APP_TAB_BAR } from './domain/app-shell'
import { TAB_PAGES } from './routes'

/**
 * The subpackages WeChat downloads on demand. Here, not in routes.ts: Taro evaluates this file at build time, so the
 * list is in app.json only and the mini-program's JS does not carry it.
 */
const SUBPACKAGES = [
  { root: 'packages/news', pages: ['detail/index'] },
  { root: 'packages/competitions', pages: ['list/index', 'detail/index'] },
  { root: 'packages/activities', pages: ['list/index', 'detail/index'] },
  { root: 'packages/services', pages: ['detail/index'] },
  { root: 'packages/plan', pages: ['overview/index'] },
  { root: 'packages/stations', pages: ['overview/index', 'station/index', 'map/index'] },
  { root: 'packages/about', pages: ['union/index', 'privacy/index'] },
  // Sign-ups: the form, 我的报名 and the page a check-in QR code opens (the server names the last two: notify.ts,
  // staff-repository.ts).
  { root: 'packages/signups', pages: ['form/index', 'mine/index', 'check-in/index'] },
  {
    // Staff only: a worker who never opens 工作人员登录 never downloads it.
    root: 'packages/staff',
    pages: [
      'login/index',
      'home/index',
      'news-list/index',
      'news-edit/index',
      'competition-list/index',
      'competition-edit/index',
      'service-list/index',
      'service-edit/index',
      'plan-edit/index',
      'featured-edit/index',
      'accounts/index',
      'audit/index',
      'password/index',
      'station-list/index',
      'station-edit/index',
      'station-settings/index',
      'activity-list/index',
      'activity-edit/index',
      'event-list/index',
      'event-signups/index',
      'check-in-screen/index'
    ]
  }
] as const

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
