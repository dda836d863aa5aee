import type { Service, ServiceSummary } from '../domain/services'
import { get, peek, type Loaded, type Peeked } from './client'
import { offlineServices } from './offline-content'

export interface ServiceList {
  items: ServiceSummary[]
}

/** The 服务 tab must work on a first start with no network: it falls back to the list shipped with the app. */
export function fetchServices(): Promise<Loaded<ServiceList>> {
  return get<ServiceList>('/api/services', { bundled: offlineServices })
}

export function fetchService(slug: string): Promise<Loaded<Service>> {
  return get<Service>(`/api/services/${encodeURIComponent(slug)}`)
}

export function peekServices(): Peeked<ServiceList> | undefined {
  return peek<ServiceList>('/api/services')
}
