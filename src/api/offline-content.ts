/**
 * The content shipped with the app for a very first start with no network (src/content/offline/, written by
 * `npm run snapshot`). On H5 each file is its own chunk, fetched only when the network has failed and nothing was
 * kept: a worker who is online never downloads it. The mini-program has no chunks to fetch at that moment (no
 * network), so offline-content.weapp.ts carries the same files in the package. These are the tab pages' (main
 * package); the plan's is in offline-plan.ts, so that in the mini-program it stays in the plan's subpackage.
 */
import type { HomeData } from '../domain/home'
import type { NewsSummary } from '../domain/news'
import type { Page } from '../domain/paging'
import type { ServiceList } from './services'

export const offlineHome = () => import('../content/offline/home.json').then((file) => file.default as HomeData)
export const offlineServices = () => import('../content/offline/services.json').then((file) => file.default as ServiceList)
export const offlineNewsFirstPage = () => import('../content/offline/news-first-page.json').then((file) => file.default as Page<NewsSummary>)
