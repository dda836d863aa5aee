/**
 * The plan editor's form: the whole 十四五 / 十五五 page, with each figure's amount kept as typed so a blank or a
 * stray character is named by planProblems instead of turning into 0. No Taro import.
 */
import type { Plan, PlanFigure, PlanSection } from '@/domain/plan'
import type { StaffPlan } from '@/domain/plan-input'

export type FigureRow = Omit<PlanFigure, 'amount'> & { amount: string }

export interface PlanForm extends Omit<Plan, 'figures'> {
  figures: FigureRow[]
}

export const emptySection = (): PlanSection => ({ title: '', lead: '', points: [] })

const EMPTY_PLAN: Plan = {
  title: '',
  subtitle: '',
  summary: '',
  figures: [],
  achievements: [],
  tasks: [],
  quote: { text: '', cite: '' },
  source: ''
}

export function formOf(record: StaffPlan | undefined): PlanForm {
  const plan = record?.plan ?? EMPTY_PLAN
  return {
    ...plan,
    figures: plan.figures.map((figure) => ({ ...figure, amount: String(figure.amount) })),
    achievements: plan.achievements.map((section) => ({ ...section, points: [...section.points] })),
    tasks: plan.tasks.map((section) => ({ ...section, points: [...section.points] })),
    quote: { ...plan.quote }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/**
 * A kept draft back into a form. Figures are matched by key: a draft never brings back a figure the page no longer
 * has, nor loses one added since.
 */
export function formOfDraft(draft: unknown, fallback: PlanForm): PlanForm {
  if (!isObject(draft)) return fallback
  const text = (key: 'title' | 'subtitle' | 'summary') => (typeof draft[key] === 'string' ? (draft[key] as string) : fallback[key])
  const kept = Array.isArray(draft.figures) ? (draft.figures as FigureRow[]) : []
  const sections = (key: 'achievements' | 'tasks') => (Array.isArray(draft[key]) ? (draft[key] as PlanSection[]) : fallback[key])
  return {
    ...fallback,
    title: text('title'),
    subtitle: text('subtitle'),
    summary: text('summary'),
    figures: fallback.figures.map((figure) => {
      const mine = kept.find((row) => isObject(row) && row.key === figure.key)
      return mine
        ? {
            ...figure,
            label: String(mine.label ?? figure.label),
            display: String(mine.display ?? figure.display),
            unit: String(mine.unit ?? figure.unit),
            amount: String(mine.amount ?? figure.amount)
          }
        : figure
    }),
    achievements: sections('achievements'),
    tasks: sections('tasks'),
    quote: isObject(draft.quote) ? { text: String(draft.quote.text ?? ''), cite: String(draft.quote.cite ?? '') } : fallback.quote
  }
}

/** '' and anything not a number become NaN, which planProblems refuses by name (「…的数值需为不小于 0 的数」). */
function amountOf(text: string): number {
  const trimmed = text.trim()
  return trimmed === '' ? Number.NaN : Number(trimmed)
}

export function inputOf(form: PlanForm): Plan {
  return { ...form, figures: form.figures.map((figure) => ({ ...figure, amount: amountOf(figure.amount) })) }
}

/** The figures' groups in the order the page shows them, each with the indexes of its figures. */
export function figureGroups(figures: FigureRow[]): { group: string; indexes: number[] }[] {
  const groups: { group: string; indexes: number[] }[] = []
  figures.forEach((figure, index) => {
    const found = groups.find((entry) => entry.group === figure.group)
    if (found) found.indexes.push(index)
    else groups.push({ group: figure.group, indexes: [index] })
  })
  return groups
}
