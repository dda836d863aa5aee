/**
 * Staff: roles, the shapes of the staff API and the limits of every field staff can write.
 * The editor pages check input with these validators before sending, and the server checks again with the same
 * ones, so the message a staffer reads is the same whichever side catches the mistake. No Taro import here.
 */
import {
  NEWS_CATEGORIES,
  TRADES,
  type AwardTier,
  type Block,
  type Competition,
  type CompetitionSummary,
  type ContactPoint,
  type FeaturedItem,
  type IsoDateTime,
  type NewsArticle,
  type NewsCategory,
  type NewsSummary,
  type Plan,
  type ResultEntry,
  type ScheduleItem,
  type Service,
  type Trade
} from './types'

// ——— roles and accounts ———

/** editor 编辑: posts and manages content · handler 经办: handles workers' requests · admin 管理员: staff accounts, and all. */
export const STAFF_ROLES = ['editor', 'handler', 'admin'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const ROLE_LABELS: Record<StaffRole, string> = { editor: '编辑', handler: '经办', admin: '管理员' }

/** An administrator can do everything; otherwise the staffer needs one of the roles. */
export function hasRole(roles: readonly StaffRole[], wanted: readonly StaffRole[]): boolean {
  return roles.includes('admin') || wanted.some((role) => roles.includes(role))
}

export interface StaffMe {
  id: string
  /** Login name. */
  name: string
  displayName: string
  roles: StaffRole[]
}

export interface StaffAccount extends StaffMe {
  disabled: boolean
  createdAt: IsoDateTime
  lastLoginAt?: IsoDateTime
}

export interface LoginRequest {
  name: string
  password: string
}

export interface LoginResponse {
  /** Opaque; sent back as `Authorization: Bearer <token>`, never in a URL. */
  token: string
  /** The absolute end of the session (12 h after login); it also ends after 30 minutes without a request. */
  expiresAt: IsoDateTime
  staff: StaffMe
}

export interface NewAccountRequest {
  name: string
  displayName: string
  roles: StaffRole[]
  password: string
}

export interface AccountChangeRequest {
  displayName?: string
  roles?: StaffRole[]
  disabled?: boolean
}

export interface PasswordChangeRequest {
  currentPassword: string
  newPassword: string
}

export const SESSION_IDLE_MINUTES = 30
export const SESSION_ABSOLUTE_HOURS = 12
export const LOGIN_FAILURES_ALLOWED = 5
export const LOGIN_FAILURE_WINDOW_SECONDS = 60
export const LOGIN_LOCKOUT_MINUTES = 15

export const STAFF_NAME_PATTERN = '^[a-z0-9_.\\-\\u4e00-\\u9fff]{2,32}$'
const staffNamePattern = new RegExp(STAFF_NAME_PATTERN)
export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 128

/** Login names are compared in lower case: 「ZhangSan」 and 「zhangsan」 are one account. */
export function normaliseStaffName(name: string): string {
  return name.trim().toLowerCase()
}

export function staffNameProblem(name: string): string | undefined {
  if (!staffNamePattern.test(normaliseStaffName(name))) {
    return '账号需为 2–32 个字符：汉字、小写字母、数字或 _ . -'
  }
  return undefined
}

/** The rules a phone can check without the server's common-password list. */
export function passwordShapeProblem(raw: string): string | undefined {
  // Checked in the form that is hashed (server/auth/passwords.ts): 「e」 + a combining accent is one character.
  const password = raw.normalize('NFKC')
  if ([...password].length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`
  if ([...password].length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`
  if (/^(.)\1*$/u.test(password)) return '密码不能由同一个字符重复组成'
  return undefined
}

// ——— what staff see of content ———

export const NEWS_STATUSES = ['draft', 'published', 'withdrawn'] as const
export type NewsStatus = (typeof NEWS_STATUSES)[number]
export const NEWS_STATUS_LABELS: Record<NewsStatus, string> = { draft: '草稿', published: '已发布', withdrawn: '已撤下' }

/** A record as staff edit it: its version is sent back with a change, so two editors cannot overwrite each other. */
export interface Versioned {
  version: number
  updatedAt: IsoDateTime
  updatedBy?: string
}

export interface StaffNewsSummary extends NewsSummary, Versioned {
  status: NewsStatus
}

export interface StaffNewsArticle extends NewsArticle, Versioned {
  status: NewsStatus
}

/** What the news editor sends: the article without id, dates and status (publishing is its own request). */
export interface NewsInput {
  title: string
  category: NewsCategory
  summary: string
  /** A /media/… path from an upload; null removes the cover. */
  cover: string | null
  pinned: boolean
  blocks: Block[]
  sample: boolean
  sampleNote: string | null
}

export interface NewsUpdate extends NewsInput {
  version: number
}

export interface PublishRequest {
  version: number
  /** Publish at this instant (scheduled) instead of now. */
  at?: IsoDateTime
}

export interface VersionOnly {
  version: number
}

export interface StaffCompetition extends Competition, Versioned {}
export interface StaffCompetitionSummary extends CompetitionSummary, Versioned {}

export interface CompetitionInput {
  title: string
  trade: Trade
  summary: string
  cover: string | null
  signupStartsAt: IsoDateTime
  signupEndsAt: IsoDateTime
  eventStartsAt: IsoDateTime
  eventEndsAt: IsoDateTime
  venue: string
  organizer: string
  quota: number | null
  schedule: ScheduleItem[]
  rules: string[]
  awards: AwardTier[]
  results: ResultEntry[]
  contact: ContactPoint | null
  /** Unticking it marks a sample record as replaced by real facts: the 「示例」 tag goes. */
  sample: boolean
  sampleNote: string | null
}

export interface CompetitionUpdate extends CompetitionInput {
  version: number
}

export interface StaffService extends Service, Versioned {}
export type ServiceInput = Pick<Service, 'name' | 'tagline' | 'what' | 'who' | 'how' | 'contacts' | 'figures'> & {
  sample: boolean
  sampleNote: string | null
}
export interface ServiceUpdate extends ServiceInput {
  version: number
}

export interface StaffPlan extends Versioned {
  plan: Plan
}
export interface PlanUpdate {
  plan: Plan
  version: number
}

export interface StaffFeatured extends Versioned {
  items: FeaturedItem[]
}
export interface FeaturedUpdate {
  items: FeaturedItem[]
  version: number
}

// ——— images ———

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
export { IMAGE_VARIANT_WIDTHS, imageVariant, type ImageVariantWidth } from './media'
export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const

export interface MediaAsset {
  id: string
  /** The widest variant's path (what an article block or cover stores), e.g. /media/uploads/<id>/750.jpg */
  src: string
  width: number
  height: number
  /** Bytes of the file as uploaded. */
  originalBytes: number
  variants: { width: number; height: number; bytes: number; src: string }[]
}

// ——— audit ———

export const AUDIT_ENTITIES = ['news', 'competition', 'service', 'plan', 'featured', 'staff', 'media', 'station', 'station-settings'] as const
export type AuditEntity = (typeof AUDIT_ENTITIES)[number]

export interface AuditEntry {
  id: string
  at: IsoDateTime
  staffId: string
  staffName: string
  /** e.g. create, update, publish, unpublish, disable, reset-password, upload */
  action: string
  entity: AuditEntity
  entityId: string
  /** One line in Chinese, e.g. 「发布动态《…》」 */
  summary: string
  before: unknown
  after: unknown
}

// ——— field limits and validation ———

export const LIMITS = {
  title: 60,
  summary: 200,
  sampleNote: 100,
  blocks: 100,
  heading: 60,
  paragraph: 5000,
  quote: 1000,
  cite: 60,
  caption: 100,
  alt: 100,
  venue: 100,
  organizer: 100,
  listItem: 500,
  listItems: 30,
  results: 200,
  resultField: 60,
  contactName: 60,
  phone: 20,
  hours: 60,
  quota: 100_000,
  figureText: 30,
  planText: 2000,
  /** Where the plan's figures come from, e.g. the article's title and author. */
  planSource: 200,
  featured: 8
} as const

/**
 * An error body lists at most this many problems: enough to mark every mistake of a form a person filled in, and
 * never megabytes for a body of 100 000 blank items.
 */
export const MAX_REPORTED_PROBLEMS = 20

export interface FieldProblem {
  /** Dotted path of the field, e.g. "blocks.2.text". */
  field: string
  message: string
}

export type Check = (field: string, message: string, failed: boolean) => void

/** Collects the problems of one input: every validator here (and station-input.ts) reports through it. */
export function collector(): { problems: FieldProblem[]; check: Check } {
  const problems: FieldProblem[] = []
  return {
    problems,
    check: (field, message, failed) => {
      if (failed && problems.length < MAX_REPORTED_PROBLEMS) problems.push({ field, message })
    }
  }
}

/**
 * The items of a list a validator looks at one by one: at most `limit` (the list's own rule reports that there are
 * too many), so the work and the problems stay bounded however long a list is sent.
 */
export function firstItems<T>(items: T[], limit: number): T[] {
  return items.length > limit ? items.slice(0, limit) : items
}

/** Characters as a person counts them: 「𠀀」 is one, not two UTF-16 units. */
export const length = (text: string) => [...text].length
const blank = (text: string) => text.trim().length === 0

function text(check: Check, field: string, label: string, value: string, max: number, required = true): void {
  check(field, `请填写${label}`, required && blank(value))
  check(field, `${label}不能超过 ${max} 字（现 ${length(value)} 字）`, length(value) > max)
}

const MEDIA_PATH = /^\/media\/[A-Za-z0-9_./-]{1,200}$/
const isMediaPath = (value: string) => MEDIA_PATH.test(value) && !value.includes('..')

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|([+-])(\d{2}):(\d{2}))$/
/** Dates staff can give: anything else is a typo (a year 9999 would also sort wrongly as stored text). */
const EARLIEST_YEAR = 2000
const LATEST_YEAR = 2100

/**
 * An ISO-8601 instant with its offset, naming a real calendar date and time (2月31日 and 25:00 are refused, not
 * rolled over into the next month or day) between 2000 and 2100.
 */
export function isInstant(value: string): boolean {
  const match = INSTANT.exec(value)
  if (!match) return false
  const [, year, month, day, hour, minute, second = '0', zone, sign, offsetHours, offsetMinutes] = match
  const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes))
  const instant = Date.parse(value)
  if (Number.isNaN(instant) || Math.abs(offset) > 14 * 60) return false
  const wall = new Date(instant + offset * 60_000)
  return (
    wall.getUTCFullYear() === Number(year) &&
    wall.getUTCMonth() + 1 === Number(month) &&
    wall.getUTCDate() === Number(day) &&
    wall.getUTCHours() === Number(hour) &&
    wall.getUTCMinutes() === Number(minute) &&
    wall.getUTCSeconds() === Number(second) &&
    Number(year) >= EARLIEST_YEAR &&
    Number(year) <= LATEST_YEAR
  )
}

export const BLOCK_LABELS: Record<Block['type'], string> = { heading: '小标题', paragraph: '段落', image: '图片', quote: '引用' }

export function blockProblems(blocks: Block[], check: Check): void {
  check('blocks', '正文至少需要一个段落或图片', blocks.length === 0)
  check('blocks', `正文最多 ${LIMITS.blocks} 块`, blocks.length > LIMITS.blocks)
  firstItems(blocks, LIMITS.blocks).forEach((block, index) => {
    const at = `blocks.${index}`
    const label = `第 ${index + 1} 块（${BLOCK_LABELS[block.type]}）`
    switch (block.type) {
      case 'heading':
        text(check, `${at}.text`, `${label}的文字`, block.text, LIMITS.heading)
        break
      case 'paragraph':
        text(check, `${at}.text`, `${label}的文字`, block.text, LIMITS.paragraph)
        break
      case 'quote':
        text(check, `${at}.text`, `${label}的文字`, block.text, LIMITS.quote)
        if (block.cite !== undefined) text(check, `${at}.cite`, `${label}的出处`, block.cite, LIMITS.cite, false)
        break
      case 'image':
        check(`${at}.src`, `${label}还没有上传图片`, !isMediaPath(block.src))
        if (block.caption !== undefined) text(check, `${at}.caption`, `${label}的说明`, block.caption, LIMITS.caption, false)
        if (block.alt !== undefined) text(check, `${at}.alt`, `${label}的替代文字`, block.alt, LIMITS.alt, false)
        break
    }
  })
}

function sampleProblems(input: { sample: boolean; sampleNote: string | null }, check: Check): void {
  if (input.sampleNote !== null) text(check, 'sampleNote', '示例说明', input.sampleNote, LIMITS.sampleNote, false)
}

export function newsInputProblems(input: NewsInput): FieldProblem[] {
  const { problems, check } = collector()
  text(check, 'title', '标题', input.title, LIMITS.title)
  check('category', '请选择栏目', !(NEWS_CATEGORIES as readonly string[]).includes(input.category))
  text(check, 'summary', '摘要', input.summary, LIMITS.summary)
  check('cover', '封面图片无效，请重新上传', input.cover !== null && !isMediaPath(input.cover))
  blockProblems(input.blocks, check)
  sampleProblems(input, check)
  return problems
}

export function publishTimeProblem(at: string | undefined): string | undefined {
  if (at === undefined) return undefined
  return isInstant(at) ? undefined : '发布时间格式无效'
}

function listProblems(check: Check, field: string, label: string, items: string[], required: boolean): void {
  check(field, `请至少填写一条${label}`, required && items.length === 0)
  check(field, `${label}最多 ${LIMITS.listItems} 条`, items.length > LIMITS.listItems)
  firstItems(items, LIMITS.listItems).forEach((item, index) => text(check, `${field}.${index}`, `${label}第 ${index + 1} 条`, item, LIMITS.listItem))
}

function contactProblems(check: Check, field: string, contact: ContactPoint): void {
  text(check, `${field}.name`, '联系人或地点', contact.name, LIMITS.contactName)
  if (contact.phone !== undefined) {
    check(`${field}.phone`, '电话只能包含数字、空格和 - ，最多 20 位', !/^[0-9 -]{3,20}$/.test(contact.phone))
  }
  if (contact.hours !== undefined) text(check, `${field}.hours`, '服务时间', contact.hours, LIMITS.hours, false)
}

export function competitionInputProblems(input: CompetitionInput): FieldProblem[] {
  const { problems, check } = collector()
  text(check, 'title', '标题', input.title, LIMITS.title)
  check('trade', '请选择工种', !(TRADES as readonly string[]).includes(input.trade))
  text(check, 'summary', '简介', input.summary, LIMITS.summary)
  check('cover', '封面图片无效，请重新上传', input.cover !== null && !isMediaPath(input.cover))
  const dates = [
    ['signupStartsAt', '报名开始时间'],
    ['signupEndsAt', '报名截止时间'],
    ['eventStartsAt', '比赛开始时间'],
    ['eventEndsAt', '比赛结束时间']
  ] as const
  for (const [field, label] of dates) check(field, `请填写有效的${label}`, !isInstant(input[field]))
  if (dates.every(([field]) => isInstant(input[field]))) {
    const at = (field: (typeof dates)[number][0]) => Date.parse(input[field])
    check('signupEndsAt', '报名截止时间不能早于报名开始时间', at('signupEndsAt') < at('signupStartsAt'))
    check('eventStartsAt', '比赛开始时间不能早于报名开始时间', at('eventStartsAt') < at('signupStartsAt'))
    check('eventEndsAt', '比赛结束时间不能早于比赛开始时间', at('eventEndsAt') < at('eventStartsAt'))
  }
  text(check, 'venue', '地点', input.venue, LIMITS.venue)
  text(check, 'organizer', '主办单位', input.organizer, LIMITS.organizer)
  check(
    'quota',
    `名额需为 1–${LIMITS.quota} 的整数，不限名额请留空`,
    input.quota !== null && !(Number.isInteger(input.quota) && input.quota >= 1 && input.quota <= LIMITS.quota)
  )
  check('schedule', `日程最多 ${LIMITS.listItems} 项`, input.schedule.length > LIMITS.listItems)
  firstItems(input.schedule, LIMITS.listItems).forEach((item, index) => {
    check(`schedule.${index}.at`, `日程第 ${index + 1} 项的时间无效`, !isInstant(item.at))
    text(check, `schedule.${index}.title`, `日程第 ${index + 1} 项的内容`, item.title, LIMITS.resultField)
  })
  listProblems(check, 'rules', '规则', input.rules, false)
  check('awards', `奖项最多 ${LIMITS.listItems} 项`, input.awards.length > LIMITS.listItems)
  firstItems(input.awards, LIMITS.listItems).forEach((award, index) => {
    text(check, `awards.${index}.title`, `奖项第 ${index + 1} 项的名称`, award.title, LIMITS.resultField)
    text(check, `awards.${index}.description`, `奖项第 ${index + 1} 项的说明`, award.description, LIMITS.listItem)
  })
  check('results', `成绩最多 ${LIMITS.results} 条`, input.results.length > LIMITS.results)
  firstItems(input.results, LIMITS.results).forEach((entry, index) => {
    text(check, `results.${index}.rank`, `成绩第 ${index + 1} 条的名次`, entry.rank, LIMITS.resultField)
    text(check, `results.${index}.name`, `成绩第 ${index + 1} 条的姓名`, entry.name, LIMITS.resultField)
    if (entry.unit !== undefined) text(check, `results.${index}.unit`, `成绩第 ${index + 1} 条的单位`, entry.unit, LIMITS.organizer, false)
    if (entry.award !== undefined) text(check, `results.${index}.award`, `成绩第 ${index + 1} 条的称号`, entry.award, LIMITS.resultField, false)
  })
  if (input.contact !== null) contactProblems(check, 'contact', input.contact)
  sampleProblems(input, check)
  return problems
}

export function serviceInputProblems(input: ServiceInput): FieldProblem[] {
  const { problems, check } = collector()
  text(check, 'name', '名称', input.name, LIMITS.figureText)
  text(check, 'tagline', '一句话介绍', input.tagline, LIMITS.title)
  listProblems(check, 'what', '「是什么」', input.what, true)
  listProblems(check, 'who', '「谁可以用」', input.who, true)
  listProblems(check, 'how', '「怎么办」', input.how, true)
  check('contacts', `联系方式最多 ${LIMITS.listItems} 项`, input.contacts.length > LIMITS.listItems)
  firstItems(input.contacts, LIMITS.listItems).forEach((contact, index) => contactProblems(check, `contacts.${index}`, contact))
  check('figures', `数字最多 ${LIMITS.listItems} 项`, input.figures.length > LIMITS.listItems)
  firstItems(input.figures, LIMITS.listItems).forEach((figure, index) => {
    text(check, `figures.${index}.value`, `数字第 ${index + 1} 项的数值`, figure.value, LIMITS.figureText)
    text(check, `figures.${index}.unit`, `数字第 ${index + 1} 项的单位`, figure.unit, LIMITS.figureText, false)
    text(check, `figures.${index}.label`, `数字第 ${index + 1} 项的说明`, figure.label, LIMITS.title)
  })
  sampleProblems(input, check)
  return problems
}

/** A figure's key and icon name: short, lowercase, URL-safe (the icon names a badge style, e.g. 「trophy」). */
const FIGURE_NAME = /^[a-z0-9-]{1,40}$/

export function planProblems(plan: Plan): FieldProblem[] {
  const { problems, check } = collector()
  text(check, 'plan.title', '标题', plan.title, LIMITS.title)
  text(check, 'plan.subtitle', '副标题', plan.subtitle, LIMITS.title, false)
  text(check, 'plan.summary', '导语', plan.summary, LIMITS.planText)
  check('plan.figures', `数字最多 ${LIMITS.blocks} 项`, plan.figures.length > LIMITS.blocks)
  const keys = new Set<string>()
  firstItems(plan.figures, LIMITS.blocks).forEach((figure, index) => {
    const label = `数字「${figure.label || index + 1}」`
    check(`plan.figures.${index}.key`, `${label}缺少标识，或与其他数字的标识重复`, !FIGURE_NAME.test(figure.key) || keys.has(figure.key))
    keys.add(figure.key)
    check(`plan.figures.${index}.icon`, `${label}的图标无效`, !FIGURE_NAME.test(figure.icon))
    text(check, `plan.figures.${index}.group`, `${label}的分组`, figure.group, LIMITS.figureText, false)
    if (figure.prefix !== undefined) text(check, `plan.figures.${index}.prefix`, `${label}的前缀`, figure.prefix, LIMITS.figureText, false)
    if (figure.suffix !== undefined) text(check, `plan.figures.${index}.suffix`, `${label}的后缀`, figure.suffix, LIMITS.figureText, false)
    text(check, `plan.figures.${index}.label`, `${label}的名称`, figure.label, LIMITS.title)
    text(check, `plan.figures.${index}.display`, `${label}的显示文字`, figure.display, LIMITS.figureText)
    text(check, `plan.figures.${index}.unit`, `${label}的单位`, figure.unit, LIMITS.figureText, false)
    check(`plan.figures.${index}.amount`, `${label}的数值需为不小于 0 的数`, !(Number.isFinite(figure.amount) && figure.amount >= 0))
  })
  for (const [key, label] of [
    ['achievements', '成绩'],
    ['tasks', '任务']
  ] as const) {
    check(`plan.${key}`, `${label}最多 ${LIMITS.listItems} 节`, plan[key].length > LIMITS.listItems)
    firstItems(plan[key], LIMITS.listItems).forEach((section, index) => {
      text(check, `plan.${key}.${index}.title`, `${label}第 ${index + 1} 节的标题`, section.title, LIMITS.title)
      text(check, `plan.${key}.${index}.lead`, `${label}第 ${index + 1} 节的导语`, section.lead, LIMITS.planText, false)
      listProblems(check, `plan.${key}.${index}.points`, `${label}第 ${index + 1} 节的要点`, section.points, false)
    })
  }
  text(check, 'plan.quote.text', '引语', plan.quote.text, LIMITS.planText, false)
  text(check, 'plan.quote.cite', '引语出处', plan.quote.cite, LIMITS.cite, false)
  text(check, 'plan.source', '来源', plan.source, LIMITS.planSource, false)
  return problems
}

export function featuredProblems(items: FeaturedItem[]): FieldProblem[] {
  const { problems, check } = collector()
  check('items', `首页推荐最多 ${LIMITS.featured} 项`, items.length > LIMITS.featured)
  firstItems(items, LIMITS.featured).forEach((item, index) => {
    text(check, `items.${index}.title`, `推荐第 ${index + 1} 项的标题`, item.title, LIMITS.title)
    if (item.subtitle !== undefined) text(check, `items.${index}.subtitle`, `推荐第 ${index + 1} 项的副标题`, item.subtitle, LIMITS.title, false)
    check(`items.${index}.image`, `推荐第 ${index + 1} 项的图片无效，请重新上传`, item.image !== undefined && !isMediaPath(item.image))
    if (item.sampleNote !== undefined) text(check, `items.${index}.sampleNote`, `推荐第 ${index + 1} 项的示例说明`, item.sampleNote, LIMITS.sampleNote, false)
  })
  return problems
}

/** What the server answers with a 400 from these validators: the first problem, and all of them. */
export interface FieldErrorBody {
  error: { code: 'INVALID_FIELD'; message: string; field: string; problems: FieldProblem[] }
}

/** What the server answers with a 409 when the record changed since the editor loaded it. */
export interface ConflictErrorBody {
  error: { code: 'EDIT_CONFLICT'; message: string; current: Versioned }
}
