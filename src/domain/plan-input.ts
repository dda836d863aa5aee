/** The plan as staff edit it: what the editor sends and the rules over it. No Taro import. */
import { LIMITS, listProblems, type Versioned } from './content'
import type { Plan } from './plan'
import { collector, firstItems, type FieldProblem } from './validation'

export interface StaffPlan extends Versioned {
  plan: Plan
}
export interface PlanUpdate {
  plan: Plan
  version: number
}

/** A figure's key and icon name: short, lowercase, URL-safe (the icon names a badge style, e.g. 「trophy」). */
const FIGURE_NAME = /^[a-z0-9-]{1,40}$/

export function planProblems(plan: Plan): FieldProblem[] {
  const { problems, check, text } = collector()
  text('plan.title', '标题', plan.title, { required: true, max: LIMITS.title })
  text('plan.subtitle', '副标题', plan.subtitle, { max: LIMITS.title })
  text('plan.summary', '导语', plan.summary, { required: true, max: LIMITS.planText })
  check('plan.figures', `数字最多 ${LIMITS.blocks} 项`, plan.figures.length > LIMITS.blocks)
  const keys = new Set<string>()
  firstItems(plan.figures, LIMITS.blocks).forEach((figure, index) => {
    const at = `plan.figures.${index}`
    const label = `数字「${figure.label || index + 1}」`
    check(`${at}.key`, `${label}缺少标识，或与其他数字的标识重复`, !FIGURE_NAME.test(figure.key) || keys.has(figure.key))
    keys.add(figure.key)
    check(`${at}.icon`, `${label}的图标无效`, !FIGURE_NAME.test(figure.icon))
    text(`${at}.group`, `${label}的分组`, figure.group, { max: LIMITS.figureText })
    if (figure.prefix !== undefined) text(`${at}.prefix`, `${label}的前缀`, figure.prefix, { max: LIMITS.figureText })
    if (figure.suffix !== undefined) text(`${at}.suffix`, `${label}的后缀`, figure.suffix, { max: LIMITS.figureText })
    text(`${at}.label`, `${label}的名称`, figure.label, { required: true, max: LIMITS.title })
    text(`${at}.display`, `${label}的显示文字`, figure.display, { required: true, max: LIMITS.figureText })
    text(`${at}.unit`, `${label}的单位`, figure.unit, { max: LIMITS.figureText })
    check(`${at}.amount`, `${label}的数值需为不小于 0 的数`, !(Number.isFinite(figure.amount) && figure.amount >= 0))
  })
  for (const [key, label] of [
    ['achievements', '成绩'],
    ['tasks', '任务']
  ] as const) {
    check(`plan.${key}`, `${label}最多 ${LIMITS.listItems} 节`, plan[key].length > LIMITS.listItems)
    firstItems(plan[key], LIMITS.listItems).forEach((section, index) => {
      const at = `plan.${key}.${index}`
      text(`${at}.title`, `${label}第 ${index + 1} 节的标题`, section.title, { required: true, max: LIMITS.title })
      text(`${at}.lead`, `${label}第 ${index + 1} 节的导语`, section.lead, { max: LIMITS.planText })
      listProblems(check, `${at}.points`, `${label}第 ${index + 1} 节的要点`, section.points, false)
    })
  }
  text('plan.quote.text', '引语', plan.quote.text, { max: LIMITS.planText })
  text('plan.quote.cite', '引语出处', plan.quote.cite, { max: LIMITS.cite })
  text('plan.source', '来源', plan.source, { max: LIMITS.planSource })
  return problems
}
