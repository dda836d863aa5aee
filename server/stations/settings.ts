/**
 * The settings every station shares: the holiday calendar and the 夏送清凉 period. One `documents` row (key
 * 'station_settings', written by the seed), saved through the one versioned write path.
 */
import type { HolidayDate, StaffStationSettings, StationSettings, SummerCampaign } from '@/domain'
import { DOCUMENT_KEYS, type Db } from '../core/db/database'
import { documentRecord, readDocument, type StoredDocument } from '../core/db/documents'
import { versionedSave, type EditResult, type Editor, type Executor } from '../core/versioned/write'

export const EMPTY_SETTINGS: StationSettings = { holidays: [], summerCampaign: null }

function settingsBody(settings: StationSettings): string {
  // Stored by date, so every reader gets the calendar in order however it was typed in.
  const holidays = [...settings.holidays]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((holiday): HolidayDate => ({ date: holiday.date, kind: holiday.kind, name: holiday.name }))
  const campaign = settings.summerCampaign
  const summerCampaign: SummerCampaign | null = campaign === null ? null : { startsOn: campaign.startsOn, endsOn: campaign.endsOn, sample: campaign.sample }
  return JSON.stringify({ holidays, summerCampaign })
}

async function requireSettings(executor: Executor): Promise<StaffStationSettings> {
  const settings = await readSettings(executor)
  // Written with the seed stations in one transaction (./seed.ts): missing means a broken database.
  if (!settings) throw new Error(`documents 表缺少 ${DOCUMENT_KEYS.stationSettings}`)
  return settings
}

function settingsOf({ body, ...version }: StoredDocument<StationSettings>): StaffStationSettings {
  return { holidays: body.holidays, summerCampaign: body.summerCampaign, ...version }
}

async function readSettings(executor: Executor): Promise<StaffStationSettings | undefined> {
  const document = await readDocument<StationSettings>(executor, DOCUMENT_KEYS.stationSettings)
  return document && settingsOf(document)
}

const settingsRecord = documentRecord<StaffStationSettings, StationSettings>(DOCUMENT_KEYS.stationSettings, 'station-settings', settingsOf, settingsBody)

export function createStationSettingsRepository(db: Db) {
  return {
    get: () => requireSettings(db),

    /** What workers read with the directory and each station page. */
    async public(): Promise<StationSettings> {
      const settings = await readSettings(db)
      return settings ? { holidays: settings.holidays, summerCampaign: settings.summerCampaign } : EMPTY_SETTINGS
    },

    update(settings: StationSettings, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffStationSettings>> {
      return versionedSave(db, settingsRecord, { key: DOCUMENT_KEYS.stationSettings, expectedVersion, editor, now }, settings, (after) => {
        const campaign = after.summerCampaign
        return `修改服务站点设置：节假日 ${after.holidays.length} 天，${campaign ? `夏送清凉 ${campaign.startsOn} 至 ${campaign.endsOn}` : '未设夏送清凉时段'}`
      })
    }
  }
}
