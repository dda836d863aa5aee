/** Services as staff edit them: what the editor sends and the rules over it. No Taro import. */
import { LIMITS, contactProblems, listProblems, sampleProblems, type Versioned } from './content'
import type { Service } from './services'
import { collector, firstItems, type FieldProblem } from './validation'

export interface StaffService extends Service, Versioned {}
export type ServiceInput = Pick<Service, 'name' | 'tagline' | 'what' | 'who' | 'how' | 'contacts' | 'figures'> & {
  sample: boolean
  sampleNote: string | null
}
export interface ServiceUpdate extends ServiceInput {
  version: number
}

export function serviceInputProblems(input: ServiceInput): FieldProblem[] {
  const { problems, check, text } = collector()
  text('name', '名称', input.name, { required: true, max: LIMITS.figureText })
  text('tagline', '一句话介绍', input.tagline, { required: true, max: LIMITS.title })
  listProblems(check, 'what', '「是什么」', input.what, true)
  listProblems(check, 'who', '「谁可以用」', input.who, true)
  listProblems(check, 'how', '「怎么办」', input.how, true)
  check('contacts', `联系方式最多 ${LIMITS.listItems} 项`, input.contacts.length > LIMITS.listItems)
  firstItems(input.contacts, LIMITS.listItems).forEach((contact, index) => contactProblems(check, `contacts.${index}`, contact))
  check('figures', `数字最多 ${LIMITS.listItems} 项`, input.figures.length > LIMITS.listItems)
  firstItems(input.figures, LIMITS.listItems).forEach((figure, index) => {
    const label = `数字第 ${index + 1} 项`
    text(`figures.${index}.value`, `${label}的数值`, figure.value, { required: true, max: LIMITS.figureText })
    text(`figures.${index}.unit`, `${label}的单位`, figure.unit, { max: LIMITS.figureText })
    text(`figures.${index}.label`, `${label}的说明`, figure.label, { required: true, max: LIMITS.title })
  })
  sampleProblems(input, check)
  return problems
}
