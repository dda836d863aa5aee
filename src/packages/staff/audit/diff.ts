/**
 * A readable 「before → after」 of an audit record: the top-level fields whose JSON differs, each value shown as JSON
 * and cut short, so a 5000-character paragraph does not flood the page. Shallow on purpose: a changed rule list
 * shows as the list before and after, which an administrator can read; a deep path like 「rules.3」 says less.
 * No Taro import.
 */

export interface FieldChange {
  /** The field's name as stored (e.g. venue); '' when the record is not an object. */
  key: string
  /** A Chinese name for the field when it has one. */
  label: string
  before: string
  after: string
}

export const VALUE_MAX_CHARS = 80

const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  subtitle: '副标题',
  summary: '摘要',
  category: '栏目',
  cover: '封面',
  pinned: '置顶',
  blocks: '正文',
  status: '状态',
  publishedAt: '发布时间',
  sample: '示例标记',
  sampleNote: '示例说明',
  trade: '工种',
  signupStartsAt: '报名开始',
  signupEndsAt: '报名截止',
  eventStartsAt: '比赛开始',
  eventEndsAt: '比赛结束',
  venue: '地点',
  organizer: '主办单位',
  quota: '名额',
  schedule: '日程',
  rules: '规则',
  awards: '奖项',
  results: '成绩',
  contact: '咨询联系',
  name: '名称',
  tagline: '一句话介绍',
  what: '是什么',
  who: '谁可以用',
  how: '怎么办',
  contacts: '联系方式',
  figures: '数字',
  plan: '规划内容',
  items: '推荐内容',
  displayName: '姓名',
  roles: '角色',
  disabled: '停用',
  lastLoginAt: '最近登录',
  version: '版本',
  updatedAt: '修改时间',
  updatedBy: '修改人'
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** JSON, cut to `max` characters; an absent value reads 「（无）」. */
export function shownValue(value: unknown, max = VALUE_MAX_CHARS): string {
  if (value === undefined) return '（无）'
  const json = JSON.stringify(value) ?? String(value)
  const characters = [...json]
  return characters.length > max ? `${characters.slice(0, max).join('')}…` : json
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Version bookkeeping changes with every save and says nothing an administrator needs. */
const BOOKKEEPING = new Set(['version', 'updatedAt', 'updatedBy'])

export function shallowDiff(before: unknown, after: unknown, max = VALUE_MAX_CHARS): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    return same(before, after) ? [] : [{ key: '', label: '内容', before: shownValue(before ?? undefined, max), after: shownValue(after ?? undefined, max) }]
  }
  const from = isRecord(before) ? before : {}
  const to = isRecord(after) ? after : {}
  const keys = [...Object.keys(from), ...Object.keys(to).filter((key) => !(key in from))]
  return keys
    .filter((key) => !BOOKKEEPING.has(key) && !same(from[key], to[key]))
    .map((key) => ({ key, label: FIELD_LABELS[key] ?? key, before: shownValue(from[key], max), after: shownValue(to[key], max) }))
}
