/**
 * The one table of routes. Pages are reached through these builders, never through hand-built strings,
 * so a renamed page is a compile error rather than a dead link. No Taro import: pure and testable.
 */
import type { ActivityKind } from './domain/activities'
import type { CompetitionStatus, Trade } from './domain/competitions'
import type { RouteTarget } from './domain/home'
import type { ServiceSlug } from './domain/services'
import type { SignupEventType } from './domain/signup-events'

export const TAB_PAGES = {
  home: 'pages/home/index',
  news: 'pages/news/index',
  services: 'pages/services/index',
  me: 'pages/me/index'
} as const

/** The sign-up form, opened with `?type=activity|competition&id=…` (routes.signupForm). */
export const SIGNUP_FORM_PAGE = 'packages/signups/form/index'

export type QueryValue = string | number | undefined

/** `?a=1&b=%E5%85%BB` from the values that are set; '' when none is. Used for page URLs and API URLs alike. */
export function queryString(query: Record<string, QueryValue>): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

function withQuery(path: string, query: Record<string, QueryValue>): string {
  return `/${path}${queryString(query)}`
}

export const routes = {
  home: () => `/${TAB_PAGES.home}`,
  news: () => `/${TAB_PAGES.news}`,
  services: () => `/${TAB_PAGES.services}`,
  me: () => `/${TAB_PAGES.me}`,
  newsDetail: (id: string) => withQuery('packages/news/detail/index', { id }),
  competitions: (filter: { status?: CompetitionStatus; trade?: Trade } = {}) => withQuery('packages/competitions/list/index', filter),
  competitionDetail: (id: string) => withQuery('packages/competitions/detail/index', { id }),
  /** 活动, by kind and/or only those open for sign-up (「可报名」). */
  activities: (filter: { kind?: ActivityKind; open?: '1' } = {}) => withQuery('packages/activities/list/index', filter),
  activityDetail: (id: string) => withQuery('packages/activities/detail/index', { id }),
  /** The event's id and type only: nothing personal in a page URL. */
  signupForm: (type: SignupEventType, id: string) => withQuery(SIGNUP_FORM_PAGE, { type, id }),
  serviceDetail: (slug: ServiceSlug) => withQuery('packages/services/detail/index', { slug }),
  plan: () => '/packages/plan/overview/index',
  stations: () => '/packages/stations/overview/index',
  /** A station's page by its short code (what internal links and shares carry; QR codes use scene / q). */
  station: (code: string) => withQuery('packages/stations/station/index', { code }),
  stationMap: () => '/packages/stations/map/index',
  aboutUnion: () => '/packages/about/union/index',
  privacy: () => '/packages/about/privacy/index',
  mySignups: () => '/packages/signups/mine/index',
  staffLogin: () => '/packages/staff/login/index',
  staffHome: () => '/packages/staff/home/index',
  staffNews: () => '/packages/staff/news-list/index',
  /** No id: a new article. */
  staffNewsEdit: (id?: string) => withQuery('packages/staff/news-edit/index', { id }),
  staffCompetitions: () => '/packages/staff/competition-list/index',
  staffCompetitionEdit: (id?: string) => withQuery('packages/staff/competition-edit/index', { id }),
  staffServices: () => '/packages/staff/service-list/index',
  staffServiceEdit: (slug: ServiceSlug) => withQuery('packages/staff/service-edit/index', { slug }),
  staffPlan: () => '/packages/staff/plan-edit/index',
  staffFeatured: () => '/packages/staff/featured-edit/index',
  staffAccounts: () => '/packages/staff/accounts/index',
  staffAudit: () => '/packages/staff/audit/index',
  staffPassword: () => '/packages/staff/password/index',
  staffStations: () => '/packages/staff/station-list/index',
  /** No id: a new station. */
  staffStationEdit: (id?: string) => withQuery('packages/staff/station-edit/index', { id }),
  staffStationSettings: () => '/packages/staff/station-settings/index',
  staffActivities: () => '/packages/staff/activity-list/index',
  /** No id: a new activity. */
  staffActivityEdit: (id?: string) => withQuery('packages/staff/activity-edit/index', { id }),
  /** 报名与签到 for 经办: every event (activities and competitions), each leading to its sign-ups. */
  staffEvents: () => '/packages/staff/event-list/index',
  staffEventSignups: (type: SignupEventType, id: string) => withQuery('packages/staff/event-signups/index', { type, id }),
  staffCheckInScreen: (type: SignupEventType, id: string) => withQuery('packages/staff/check-in-screen/index', { type, id })
} as const

export function isTabUrl(url: string): boolean {
  const path = url.split('?')[0].replace(/^\//, '')
  return Object.values(TAB_PAGES).includes(path as (typeof TAB_PAGES)[keyof typeof TAB_PAGES])
}

export function targetUrl(target: RouteTarget): string {
  switch (target.page) {
    case 'newsDetail':
      return routes.newsDetail(target.id)
    case 'competitionDetail':
      return routes.competitionDetail(target.id)
    case 'serviceDetail':
      return routes.serviceDetail(target.slug)
    case 'plan':
      return routes.plan()
  }
}

/**
 * A route parameter as the page should read it. H5 hands query values over still percent-encoded (养蜂 arrives
 * as %E5%85%BB%E8%9C%82); decoding once is harmless where they arrive decoded (ids and slugs are plain ASCII).
 */
export function routeParam(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
