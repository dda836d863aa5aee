import { Text, View } from '@tarojs/components'
import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { fetchPlan, peekPlan } from '@/api/plan'
import { useResource } from '@/api/use-resource'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import type { Plan, PlanFigure, PlanSection } from '@/domain/plan'
import { routes } from '@/routes'
import './index.scss'

/** Icon badges are one character on a disc: no icon font or image to download in the subpackage. */
const ICON_CHARACTERS: Record<string, string> = {
  trophy: '赛',
  people: '人',
  medal: '奖',
  innovation: '创',
  book: '学',
  shield: '护',
  legal: '法',
  consult: '询',
  building: '站',
  check: '办',
  flag: '旗',
  travel: '游',
  countryside: '村',
  basket: '农',
  route: '线'
}

function iconCharacter(figure: PlanFigure): string {
  return ICON_CHARACTERS[figure.icon] ?? figure.label.slice(0, 1)
}

/** Groups in the order they first appear, keeping the figures' own order inside each. */
function groupBy(figures: PlanFigure[], key: (figure: PlanFigure) => string): Array<{ name: string; figures: PlanFigure[] }> {
  const groups = new Map<string, PlanFigure[]>()
  figures.forEach((figure) => {
    const name = key(figure)
    groups.set(name, [...(groups.get(name) ?? []), figure])
  })
  return Array.from(groups, ([name, members]) => ({ name, figures: members }))
}

/**
 * Bars only ever compare figures measured in the same unit: 万元 against 万元, 人次 against 人次. A unit with a
 * single figure has nothing to be compared with, so it gets no chart (its big number is shown above).
 */
export function comparableSeries(figures: PlanFigure[]): Array<{ name: string; figures: PlanFigure[] }> {
  return groupBy(figures, (figure) => figure.unit).filter((series) => series.figures.length >= 2)
}

/** Bar length as a share of the series' largest amount; never so thin that a small figure disappears. */
function barWidth(amount: number, max: number): string {
  const share = max > 0 ? (amount / max) * 100 : 0
  return `${Math.max(share, 2).toFixed(1)}%`
}

function FigureTile({ figure }: { figure: PlanFigure }) {
  return (
    <View className='figure-tile' data-testid='plan-figure'>
      <Text className={`icon-badge icon-badge--${figure.icon}`} aria-hidden='true'>
        {iconCharacter(figure)}
      </Text>
      <Text className='figure-tile__display'>{figure.display}</Text>
      <Text className='figure-tile__label'>{figure.label}</Text>
    </View>
  )
}

function BarChart({ unit, figures }: { unit: string; figures: PlanFigure[] }) {
  const max = Math.max(...figures.map((figure) => figure.amount))
  return (
    <View className='bar-chart' role='figure' aria-label={`以“${unit}”计的数据对比`}>
      <Text className='bar-chart__title'>单位：{unit}</Text>
      {figures.map((figure) => (
        <View className='bar-chart__row' key={figure.key}>
          <Text className='bar-chart__label'>{figure.label}</Text>
          <View className='bar-chart__track'>
            <View className='bar-chart__area'>
              <View className='bar-chart__bar' data-testid='plan-bar' style={{ width: barWidth(figure.amount, max) }} />
            </View>
            <Text className='bar-chart__value'>{figure.display}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}

function Achievement({ section }: { section: PlanSection }) {
  const [heading, ...rest] = section.title.split(' · ')
  return (
    <View className='achievement'>
      <Text className='achievement__tag'>{heading}</Text>
      {rest.length > 0 && <Text className='achievement__title'>{rest.join(' · ')}</Text>}
      <Text className='achievement__lead'>{section.lead}</Text>
      {section.points.map((point) => (
        <Text className='achievement__point' key={point}>
          {point}
        </Text>
      ))}
    </View>
  )
}

function Task({ section, index }: { section: PlanSection; index: number }) {
  return (
    <View className='task'>
      <View className='task__head'>
        <Text className='task__number'>{String(index + 1).padStart(2, '0')}</Text>
        <Text className='task__title'>{section.title}</Text>
      </View>
      <Text className='task__lead'>{section.lead}</Text>
      {section.points.map((point) => (
        <Text className='task__point' key={point}>
          {point}
        </Text>
      ))}
    </View>
  )
}

function PlanOverview({ plan }: { plan: Plan }) {
  return (
    <View className='plan'>
      <View className='plan__hero'>
        <Text className='plan__title'>{plan.title}</Text>
        <Text className='plan__subtitle'>{plan.subtitle}</Text>
        <Text className='plan__summary'>{plan.summary}</Text>
      </View>

      <Text className='plan__heading'>“十四五”成绩单</Text>
      {groupBy(plan.figures, (figure) => figure.group).map((group) => (
        <View className='figure-group' key={group.name}>
          <Text className='figure-group__title'>{group.name}</Text>
          <View className='figure-group__tiles'>
            {group.figures.map((figure) => (
              <FigureTile key={figure.key} figure={figure} />
            ))}
          </View>
        </View>
      ))}

      <Text className='plan__heading'>同单位数据对比</Text>
      <Text className='plan__hint'>每组只比较单位相同的数据，条形长度按数值比例绘制。</Text>
      {comparableSeries(plan.figures).map((series) => (
        <BarChart key={series.name} unit={series.name} figures={series.figures} />
      ))}

      <Text className='plan__heading'>五年工作成就</Text>
      {plan.achievements.map((section) => (
        <Achievement key={section.title} section={section} />
      ))}

      <Text className='plan__heading'>“十五五”蓝图 · 主要任务</Text>
      {plan.tasks.map((section, index) => (
        <Task key={section.title} section={section} index={index} />
      ))}

      <View className='quote'>
        <Text className='quote__mark' aria-hidden='true'>
          “
        </Text>
        <Text className='quote__text'>{plan.quote.text}</Text>
        <Text className='quote__cite'>—— {plan.quote.cite}</Text>
      </View>

      <Text className='plan__source'>来源：{plan.source}</Text>
    </View>
  )
}

export default function PlanPage() {
  const { state, reload } = useResource(fetchPlan, [], peekPlan)

  usePullDownReload(reload)

  const shareTitle = '密云区总工会“十四五”成绩单 · “十五五”蓝图'
  useShareAppMessage(() => ({ title: shareTitle, path: routes.plan() }))
  useShareTimeline(() => ({ title: shareTitle }))

  return (
    <PageRoot className='plan-page'>
      <PageState state={state} onRetry={() => void reload()} what='成绩单'>
        {(plan) => <PlanOverview plan={plan} />}
      </PageState>
    </PageRoot>
  )
}
