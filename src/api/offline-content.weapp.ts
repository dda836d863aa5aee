/**
 * The mini-program's copy of the content shipped for a first start with no network: in the package, since nothing
 * can be fetched at that moment (src/api/offline-content.ts is the H5 one, which fetches a chunk only when needed).
 * The tab pages' files, in the main package; the plan's is in offline-plan.weapp.ts (the plan's subpackage).
 */
import type { HomeData } from '../domain/home'
import type { NewsSummary } from '../domain/news'
import type { Page } from '../domain/paging'
import bundledHome from '../content/offline/home.json'
import bundledFirstPage from '../content/offline/news-first-page.json'
import bundledServices from '../content/offline/services.json'
import type { ServiceList } from './services'

export const offlineHome = () => bundledHome as HomeData
export const offlineServices = () => bundledServices as ServiceList
export const offlineNewsFirstPage = () => bundledFirstPage as Page<NewsSummary>
