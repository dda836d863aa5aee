/**
 * The content bundled with the app, for a very first start with no network: the answers of the real routes, taken
 * from a fresh in-memory database seeded like a first start. Going through the routes (not the seed files) means
 * the bundled copy has exactly the shape and order the API sends.
 */
import type { HomeData, NewsSummary, Page, Plan, ServiceSummary } from '@/domain'
import { buildApp } from './app'
import { loadConfig } from './core/config'
import { REFERENCE_FIRST_START } from './core/db/seeded-at'

export interface OfflineSnapshot {
  home: HomeData
  newsFirstPage: Page<NewsSummary>
  services: { items: ServiceSummary[] }
  plan: Plan
}

export async function buildOfflineSnapshot(now: Date): Promise<OfflineSnapshot> {
  const app = buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { now: () => now, sqliteFilename: ':memory:' })
  try {
    const get = async <T>(url: string): Promise<T> => {
      const response = await app.inject({ method: 'GET', url })
      if (response.statusCode !== 200) throw new Error(`${url} 返回 ${response.statusCode}：${response.body}`)
      return response.json() as T
    }
    return {
      home: await get<HomeData>('/api/home'),
      newsFirstPage: await get<Page<NewsSummary>>('/api/news?page=1'),
      services: await get<{ items: ServiceSummary[] }>('/api/services'),
      plan: await get<Plan>('/api/plan')
    }
  } finally {
    await app.close()
  }
}

/**
 * The instant the bundled content is taken at: fixed, so the files do not change with the day they are made (the
 * app derives competition statuses from the dates on the phone anyway). Articles published after it are left out. It
 * is the seed's reference first start, so the bundled sample events carry the dates they are written with.
 */
export const DEFAULT_SNAPSHOT_AT = REFERENCE_FIRST_START

/** The files under src/content/offline/ and what each holds. */
export function offlineFiles(snapshot: OfflineSnapshot): Record<string, unknown> {
  return {
    'home.json': snapshot.home,
    'news-first-page.json': snapshot.newsFirstPage,
    'services.json': snapshot.services,
    'plan.json': snapshot.plan
  }
}
