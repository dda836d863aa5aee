/** 「王编辑 修改于 2026年11月24日 10:00」: the domain's one rule, under the name the staff pages use. */
export { lastEditedLine as editedLine } from '../../../domain/staff-news'
