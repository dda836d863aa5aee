/**
 * The 十四五 record and the 十五五 plan: one document, as workers read it; staff edit it through plan-input.ts.
 * No Taro import.
 */

/** One figure of the 十四五 record. value is the number as printed in the article (text, so 「近3500」 stays exact). */
export interface PlanFigure {
  key: string
  label: string
  /** Numeric part used to draw bars; the article's own wording is in display. */
  amount: number
  prefix?: string
  suffix?: string
  unit: string
  display: string
  icon: string
  group: string
}

export interface PlanSection {
  title: string
  lead: string
  points: string[]
}

export interface Plan {
  title: string
  subtitle: string
  summary: string
  figures: PlanFigure[]
  achievements: PlanSection[]
  tasks: PlanSection[]
  quote: { text: string; cite: string }
  source: string
}
