/**
 * What the app's frame shows and keeps that the server needs too, to draw a first screen the app then takes over
 * (server/core/http/first-screen.ts): the tab bar (app.config.ts; the mini-program's JS never imports this, so its
 * package does not carry the table twice). No Taro import.
 */
export const APP_TAB_BAR = {
  color: '#6B6461',
  selectedColor: '#C8161D',
  backgroundColor: '#FFFFFF',
  borderStyle: 'black',
  list: [
    { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
    { pagePath: 'pages/news/index', text: '动态', iconPath: 'assets/tab/news.png', selectedIconPath: 'assets/tab/news-active.png' },
    { pagePath: 'pages/services/index', text: '服务', iconPath: 'assets/tab/services.png', selectedIconPath: 'assets/tab/services-active.png' },
    { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' }
  ]
} as const
