import type { Competition, CompetitionStatus, CompetitionSummary, Trade } from '../domain/competitions'
import type { Page } from '../domain/paging'
import { get, type Loaded } from './client'

export interface CompetitionFilter {
  status?: CompetitionStatus
  trade?: Trade
}

export function fetchCompetitions(filter: CompetitionFilter, page: number): Promise<Loaded<Page<CompetitionSummary>>> {
  return get<Page<CompetitionSummary>>('/api/competitions', { query: { status: filter.status, trade: filter.trade, page } })
}

export function fetchCompetition(id: string): Promise<Loaded<Competition>> {
  return get<Competition>(`/api/competitions/${encodeURIComponent(id)}`)
}
