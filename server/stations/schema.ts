/**
 * TypeBox schemas of the station routes (docs/stations-api.md; types in src/domain/stations.ts and
 * src/domain/station-input.ts). Answer schemas list every field the types have (the serializer drops the rest); body
 * schemas check the shape only — types and known fields, additionalProperties: false at every level — and the rules
 * a staffer can break (too long, hours that overlap, a photo that is not an upload) are left to the shared
 * validators, answered as 400 INVALID_FIELD naming the field. Each top-level `description` is what a 400 from the
 * schema itself says after 「参数 x 无效：」.
 */
import { Type, type Static } from '@sinclair/typebox'
import {
  AMENITIES,
  isStationCode,
  SCAN_CHANNELS,
  STATION_LIMITS,
  STATION_PAGE_PATH,
  STATION_TYPE_LABELS,
  STATION_TYPES,
  type HolidayDate,
  type OpeningHours,
  type StaffStation,
  type StaffStationSettings,
  type StaffStationSummary,
  type Station,
  type StationCloseRequest,
  type StationDirectory,
  type StationInput,
  type StationPage,
  type StationScans,
  type StationSettingsUpdate,
  type StationSummary,
  type StationUpdate,
  type SummerCampaign
} from '@/domain'
import { StringEnum, closed } from '../core/schemas/common'
import type { AllTrue, Same } from '../core/schemas/common'
import { FORMAT_MAX, List, Text, listCap } from '../core/schemas/caps'
import { FiniteNumber } from '../core/schemas/numbers'
import { VersionParam, versionedProperties } from '../core/versioned/schema'

// ——— what workers and staff read ———

const OpeningIntervalSchema = Type.Object({ open: Type.String(), close: Type.String() })

export const OpeningHoursSchema = Type.Object({
  week: Type.Array(Type.Array(OpeningIntervalSchema)),
  holiday: Type.Union([Type.Null(), Type.Array(OpeningIntervalSchema)]),
  note: Type.Optional(Type.String())
})

export const HolidayDateSchema = Type.Object({
  date: Type.String(),
  kind: StringEnum(['holiday', 'workday'] as const),
  name: Type.String()
})

export const SummerCampaignSchema = Type.Object({ startsOn: Type.String(), endsOn: Type.String(), sample: Type.Boolean() })

export const StationSummarySchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  type: StringEnum(STATION_TYPES),
  town: Type.String(),
  address: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  amenities: Type.Array(StringEnum(AMENITIES)),
  hours: OpeningHoursSchema,
  closedReason: Type.Optional(Type.String()),
  cover: Type.Optional(Type.String()),
  sample: Type.Boolean(),
  sampleNote: Type.Optional(Type.String())
})

export const StationSchema = Type.Object({
  ...StationSummarySchema.properties,
  photos: Type.Array(Type.String()),
  phone: Type.Optional(Type.String()),
  summerOffer: Type.Optional(Type.String()),
  description: Type.Optional(Type.String())
})

const settingsProperties = {
  holidays: Type.Array(HolidayDateSchema),
  summerCampaign: Type.Union([Type.Null(), SummerCampaignSchema])
}

export const StationDirectorySchema = Type.Object({ stations: Type.Array(StationSummarySchema), ...settingsProperties })

export const StationPageSchema = Type.Object({ station: StationSchema, ...settingsProperties })

export const StaffStationSummarySchema = Type.Object({
  ...StationSummarySchema.properties,
  ...versionedProperties,
  scans30d: Type.Integer()
})

export const StaffStationSchema = Type.Object({ ...StationSchema.properties, ...versionedProperties })

export const StationScansSchema = Type.Object({
  total: Type.Integer(),
  days: Type.Array(Type.Object({ date: Type.String(), wxacode: Type.Integer(), wechatLink: Type.Integer(), browser: Type.Integer() }))
})

export const StaffStationSettingsSchema = Type.Object({ ...settingsProperties, ...versionedProperties })

/** Worker errors keep the field a 400 is about (`code`); the serializer would drop what the schema does not list. */
export const StationErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) })
})

export const stationErrorResponses = { '4xx': StationErrorSchema, '5xx': StationErrorSchema }

// ——— requests ———

/** Any text: whether it is a code (STATION_CODE_PATTERN) is answered as INVALID_FIELD on `code` by the route. */
export const StationCodeParams = Type.Object({ code: Type.String() }, closed)

/** Where a scanned URL QR sends the browser: the station page of the H5 app, which shows the station or 「未找到」. */
export function stationPageUrl(code: string): string {
  return `/${STATION_PAGE_PATH}?code=${encodeURIComponent(code)}`
}

/** How much of an address that is not a code the station page is handed: enough to recognise in a report. */
export const QR_UNREADABLE_KEPT = 32

/**
 * The answer to GET /s/<rest>, whatever a scanner app or a hand-typed link made of the printed address: `code` when
 * it names a station code (lower case and one trailing slash forgiven), and always the station page to redirect to.
 * What is not a code is passed on as it came (the page shows 「未找到该服务站点」 without asking the server);
 * anything longer than QR_UNREADABLE_KEPT is cut there and marked with 「…」, so it can never read as a code.
 * The router's errors under /s/ are answered the same way (stationQrRouterErrors in routes.ts).
 */
export function stationQrAnswer(rest: string): { code?: string; location: string } {
  const trimmed = rest.endsWith('/') ? rest.slice(0, -1) : rest
  const code = trimmed.toUpperCase()
  if (isStationCode(code)) return { code, location: stationPageUrl(code) }
  const characters = [...trimmed]
  const kept = characters.length > QR_UNREADABLE_KEPT ? `${characters.slice(0, QR_UNREADABLE_KEPT).join('')}…` : trimmed
  return { location: stationPageUrl(kept) }
}

/** GET /s/* takes the rest of the path, slashes and all: every address under /s/ ends in the redirect. */
export const StationQrParams = Type.Object({ '*': Type.String() })

/** Scans the phone reports; browser scans are counted by GET /s/:code itself. */
export const PHONE_SCAN_CHANNELS = SCAN_CHANNELS.filter((channel) => channel !== 'browser')

export const ScanRequestSchema = Type.Object(
  { channel: StringEnum(PHONE_SCAN_CHANNELS, { description: `扫码方式应为 ${PHONE_SCAN_CHANNELS.join('、')} 之一` }) },
  closed
)

const IntervalInputSchema = Type.Object({ open: Text(FORMAT_MAX.clock), close: Text(FORMAT_MAX.clock) }, closed)
const intervalsCap = listCap(STATION_LIMITS.intervalsPerDay)
const intervalsDescription = '应为 { open 开门时间, close 关门时间 }（如 08:00、18:00）的列表'

/**
 * An interval list or null as one JSON type list, not anyOf: with Fastify's type coercion ('array'), the null branch
 * of an anyOf would unwrap a one-interval list before the list branch sees it.
 */
const IntervalsOrNull = Type.Unsafe<Static<typeof IntervalInputSchema>[] | null>({
  type: ['array', 'null'],
  items: IntervalInputSchema,
  maxItems: intervalsCap
})

const HoursInputSchema = Type.Object(
  {
    week: List(List(IntervalInputSchema, STATION_LIMITS.intervalsPerDay), 7),
    holiday: IntervalsOrNull,
    note: Type.Optional(Text(STATION_LIMITS.hoursNote))
  },
  {
    ...closed,
    description: `开放时间应为 { week 周一到周日 7 天、每天${intervalsDescription}, holiday 法定节假日的时段（null 为同平日，[] 为休息）, 可选 note 说明 }`
  }
)

const text = (label: string, ruleMax: number) => Text(ruleMax, { description: `${label}应为文字` })
const optionalText = (label: string, ruleMax: number) => Type.Optional(text(label, ruleMax))

const stationInputProperties = {
  name: text('站点名称', STATION_LIMITS.name),
  type: StringEnum(STATION_TYPES, {
    description: `站点类型应为 ${STATION_TYPES.map((type) => `${type}（${STATION_TYPE_LABELS[type]}）`).join('、')} 之一`
  }),
  town: text('所在镇街', STATION_LIMITS.town),
  address: text('地址', STATION_LIMITS.address),
  latitude: FiniteNumber({ description: '纬度应为数字（GCJ-02，如 40.376）' }),
  longitude: FiniteNumber({ description: '经度应为数字（GCJ-02，如 116.849）' }),
  phone: optionalText('电话', STATION_LIMITS.phone),
  amenities: List(StringEnum(AMENITIES), AMENITIES.length, { description: `设施应为 ${AMENITIES.join('、')} 中的若干项` }),
  hours: HoursInputSchema,
  photos: List(Text(FORMAT_MAX.mediaPath), STATION_LIMITS.photos, {
    description: `照片应为上传得到的 /media/uploads/… 路径的列表（最多 ${STATION_LIMITS.photos} 张）`
  }),
  summerOffer: optionalText('夏送清凉服务', STATION_LIMITS.summerOffer),
  description: optionalText('站点介绍', STATION_LIMITS.description),
  sample: Type.Boolean({ description: '示例标记应为 true 或 false' }),
  sampleNote: optionalText('示例说明', STATION_LIMITS.sampleNote)
}

export const StationInputSchema = Type.Object(stationInputProperties, closed)

export const StationUpdateSchema = Type.Object({ ...stationInputProperties, version: VersionParam }, closed)

export const StationCloseSchema = Type.Object(
  { reason: Text(STATION_LIMITS.closeReason, { description: '暂停开放的原因应为文字' }), version: VersionParam },
  closed
)

export const StationSettingsUpdateSchema = Type.Object(
  {
    holidays: List(
      Type.Object({ date: Text(FORMAT_MAX.date), kind: StringEnum(['holiday', 'workday'] as const), name: Text(STATION_LIMITS.holidayName) }, closed),
      STATION_LIMITS.holidays,
      { description: '节假日应为 { date 日期（如 2027-01-01）, kind holiday 放假或 workday 调休上班, name 名称 } 的列表' }
    ),
    summerCampaign: Type.Union([Type.Null(), Type.Object({ startsOn: Text(FORMAT_MAX.date), endsOn: Text(FORMAT_MAX.date), sample: Type.Boolean() }, closed)], {
      description: '夏送清凉时段应为 { startsOn 开始日期, endsOn 结束日期, sample 是否示例 }，没有时为 null'
    }),
    version: VersionParam
  },
  closed
)

// ——— Schema ⇄ domain type agreement, checked by `tsc` ———

export type StationSchemasMatchDomainTypes = AllTrue<
  [
    Same<Static<typeof OpeningHoursSchema>, OpeningHours>,
    Same<Static<typeof HolidayDateSchema>, HolidayDate>,
    Same<Static<typeof SummerCampaignSchema>, SummerCampaign>,
    Same<Static<typeof StationSummarySchema>, StationSummary>,
    Same<Static<typeof StationSchema>, Station>,
    Same<Static<typeof StationDirectorySchema>, StationDirectory>,
    Same<Static<typeof StationPageSchema>, StationPage>,
    Same<Static<typeof StaffStationSummarySchema>, StaffStationSummary>,
    Same<Static<typeof StaffStationSchema>, StaffStation>,
    Same<Static<typeof StationScansSchema>, StationScans>,
    Same<Static<typeof StaffStationSettingsSchema>, StaffStationSettings>,
    Same<Static<typeof StationInputSchema>, StationInput>,
    Same<Static<typeof StationUpdateSchema>, StationUpdate>,
    Same<Static<typeof StationCloseSchema>, StationCloseRequest>,
    Same<Static<typeof StationSettingsUpdateSchema>, StationSettingsUpdate>
  ]
>
