import type { HomeData } from '../domain/home'
import { get, peek, type Loaded, type Peeked } from './client'
import { offlineHome } from './offline-content'

/**
 * Everything 首页 shows, in one request. On a very first start with no network, the content bundled with the
 * app is shown instead (generated from the real server by `npm run snapshot`). Competition cards derive their
 * status from the dates when they render, so an old copy does not show a stale 报名中.
 */
export function getHome(): Promise<Loaded<HomeData>> {
  return get<HomeData>('/api/home', { bundled: offlineHome })
}

export function peekHome(): Peeked<HomeData> | undefined {
  return peek<HomeData>('/api/home')
}
