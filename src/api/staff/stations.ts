/**
 * The station editors' routes (docs/stations-api.md): stations, the holiday calendar and 夏送清凉 period, scan counts
 * and the poster options. Every call goes through staffRequest: the session token in the header, nothing kept on the
 * device, and a failure that rejects with an ApiError (details carry `field` / `problems` of a 400 and `current` of a
 * 409). The PDFs themselves are fetched by src/packages/staff/station-list/posters.ts (binary, not JSON).
 */
import type {
  StaffStation,
  StaffStationSettings,
  StaffStationSummary,
  StationCloseRequest,
  StationInput,
  StationScans,
  StationSettingsUpdate,
  StationUpdate
} from '@/domain/station-input'
import { staffRequest } from './request'

export type { StaffStation, StaffStationSettings, StaffStationSummary, StationScans }

export interface PosterOptions {
  /** The address URL QR codes carry: `${publicUrl}/s/<code>`. */
  publicUrl: string
  /** Whether 小程序码 can be fetched (WeChat credentials configured on the server). */
  wxacode: boolean
}

const stationPath = (id: string) => `/api/staff/stations/${encodeURIComponent(id)}`

/** Every station, closed and sample ones included; not paged (a district has hundreds, not thousands). */
export function listStaffStations(): Promise<StaffStationSummary[]> {
  return staffRequest<StaffStationSummary[]>('GET', '/api/staff/stations')
}

export function getStaffStation(id: string): Promise<StaffStation> {
  return staffRequest<StaffStation>('GET', stationPath(id))
}

/** Workers see a new station at once; the server gives it its code. */
export function createStation(input: StationInput): Promise<StaffStation> {
  return staffRequest<StaffStation>('POST', '/api/staff/stations', { body: input })
}

export function updateStation(id: string, update: StationUpdate): Promise<StaffStation> {
  return staffRequest<StaffStation>('PUT', stationPath(id), { body: update })
}

/** 暂停开放: workers see the station as closed, with the reason. */
export function closeStation(id: string, request: StationCloseRequest): Promise<StaffStation> {
  return staffRequest<StaffStation>('POST', `${stationPath(id)}/close`, { body: request })
}

export function reopenStation(id: string, request: { version: number }): Promise<StaffStation> {
  return staffRequest<StaffStation>('POST', `${stationPath(id)}/reopen`, { body: request })
}

export function getStationScans(id: string): Promise<StationScans> {
  return staffRequest<StationScans>('GET', `${stationPath(id)}/scans`)
}

export function getStationSettings(): Promise<StaffStationSettings> {
  return staffRequest<StaffStationSettings>('GET', '/api/staff/station-settings')
}

export function updateStationSettings(update: StationSettingsUpdate): Promise<StaffStationSettings> {
  return staffRequest<StaffStationSettings>('PUT', '/api/staff/station-settings', { body: update })
}

export function getPosterOptions(): Promise<PosterOptions> {
  return staffRequest<PosterOptions>('GET', '/api/staff/stations/posters/options')
}
