/**
 * The CSV export of an event's sign-ups, for Excel (UTF-8 with a BOM, CRLF): every cell quoted, and a cell that a
 * spreadsheet would read as a formula (= + - @ at its start) prefixed with ' so it stays text.
 */
import { SIGNUP_STATE_LABELS, beijing, type SignupEvent, type SignupFields } from '@/domain'
import type { SignupRow } from './rows'

export const CSV_HEADER = ['序号', '状态', '候补位次', '姓名', '手机号', '工作单位', '工种', '从业年限', '原因', '报名时间', '签到时间', '人工签到人']

export function csvCell(value: string | number | undefined | null): string {
  let text = value === undefined || value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return `"${text.replace(/"/g, '""')}"`
}

const time = (at: string | null) => (at === null ? '' : beijing(at).format('YYYY-MM-DD HH:mm'))

export function signupsCsv(
  event: SignupEvent,
  rows: { row: SignupRow; fields: SignupFields; waitlistPosition?: number }[]
): { filename: string; body: string } {
  const lines = [CSV_HEADER.map(csvCell).join(',')]
  for (const { row, fields, waitlistPosition } of rows) {
    lines.push(
      [
        row.seq,
        SIGNUP_STATE_LABELS[row.state],
        waitlistPosition,
        fields.name,
        fields.phone,
        fields.employer,
        fields.trade,
        fields.years,
        row.reason,
        time(row.created_at),
        time(row.checked_in_at),
        row.checked_in_by
      ]
        .map(csvCell)
        .join(',')
    )
  }
  return { filename: `${event.title}-报名名单.csv`, body: `\uFEFF${lines.join('\r\n')}\r\n` }
}
