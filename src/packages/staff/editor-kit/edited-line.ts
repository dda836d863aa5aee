import { formatDateTime } from '../../../domain/dates'
import type { Versioned } from '../../../domain/staff'

/** 「王编辑 修改于 2026年11月24日 10:00」; a seeded record no staffer saved says only when it last changed. */
export function editedLine(record: Versioned): string {
  return `${record.updatedBy ? `${record.updatedBy} ` : ''}修改于 ${formatDateTime(record.updatedAt)}`
}
