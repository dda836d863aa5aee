/**
 * 十四五 成绩单 · 十五五 蓝图, against the real API: the article's figures as big numbers and bars, the tasks, and
 * the bundled and kept copies when the network is down.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import PlanPage from '@/packages/plan/overview/index'
import type { Plan } from '@/domain'
import { routes } from '@/routes'
import { firePageEvent, renderPage } from './support/render-page'
import { goOffline, goOnline, serverFailsWith } from './support/network'

/** Figures a worker must read exactly as the article prints them. */
const ARTICLE_FIGURES = ['30场', '20万余人次', '210余个', '近3500万元', '48个']
const TASKS = ['强化思想引领，凝聚奋进力量', '服务发展大局，彰显工会组织作为', '深化维权服务，提升职工幸福指数', '深化改革创新，夯实发展根基']

async function plan(): Promise<Plan> {
  const response = await fetch('/api/plan')
  return (await response.json()) as Plan
}

function tileDisplays(): string[] {
  return screen.getAllByTestId('plan-figure').map((tile) => tile.querySelector('.figure-tile__display')?.textContent ?? '')
}

async function showsThePlan(): Promise<void> {
  await waitFor(() => expect(screen.getAllByTestId('plan-figure').length).toBeGreaterThan(0))
  for (const figure of ARTICLE_FIGURES) expect(tileDisplays()).toContain(figure)
  for (const task of TASKS) expect(screen.getByText(task)).toBeInTheDocument()
}

describe('十四五 成绩单 · 十五五 蓝图', () => {
  it('shows the article’s figures as big numbers, grouped, with their labels', async () => {
    const data = await plan()
    renderPage(<PlanPage />)
    await showsThePlan()
    expect(screen.getByText(data.title)).toBeInTheDocument()
    expect(screen.getByText(data.summary)).toBeInTheDocument()
    expect(tileDisplays()).toEqual(data.figures.map((figure) => figure.display))
    for (const group of new Set(data.figures.map((figure) => figure.group))) {
      const section = screen.getByText(group, { selector: '.figure-group__title' }).closest('.figure-group') as HTMLElement
      const expected = data.figures.filter((figure) => figure.group === group).map((figure) => figure.display)
      expect(
        within(section)
          .getAllByTestId('plan-figure')
          .map((tile) => tile.querySelector('.figure-tile__display')?.textContent)
      ).toEqual(expected)
    }
  })

  it('draws bars only between figures of the same unit, proportional to their amounts, each labelled with the article’s wording', async () => {
    const data = await plan()
    renderPage(<PlanPage />)
    await showsThePlan()
    const charts = screen.getAllByRole('figure')
    expect(charts.length).toBeGreaterThan(0)
    const drawn = new Set<string>()
    for (const chart of charts) {
      const values = within(chart)
        .getAllByTestId('plan-bar')
        .map((bar) => bar.closest('.bar-chart__row')?.querySelector('.bar-chart__value')?.textContent ?? '')
      const figures = values.map((display) => data.figures.find((figure) => figure.display === display)!)
      expect(figures.every(Boolean)).toBe(true)
      expect(new Set(figures.map((figure) => figure.unit)).size).toBe(1)
      expect(figures.length).toBeGreaterThanOrEqual(2)
      const max = Math.max(...figures.map((figure) => figure.amount))
      within(chart)
        .getAllByTestId('plan-bar')
        .forEach((bar, index) => {
          const expected = Math.max((figures[index].amount / max) * 100, 2)
          expect(parseFloat(bar.style.width)).toBeCloseTo(expected, 0)
        })
      values.forEach((value) => drawn.add(value))
    }
    // The money figures are compared with each other: 近3500万元 against 6300余万元 and 近880万元.
    for (const money of ['近3500万元', '6300余万元', '近880万元']) expect(drawn.has(money)).toBe(true)
    const moneyChart = charts.find((chart) => chart.textContent?.includes('近3500万元'))!
    expect(moneyChart.textContent).not.toMatch(/人次/)
  })

  it('shows the four achievement sections, the four 十五五 tasks numbered, the quote and the source', async () => {
    const data = await plan()
    renderPage(<PlanPage />)
    await showsThePlan()
    for (const tag of ['凝心铸魂', '赋能成长', '关爱暖心', '强基固本']) expect(screen.getByText(tag)).toBeInTheDocument()
    const tasks = Array.from(document.querySelectorAll<HTMLElement>('.task'))
    expect(tasks.map((task) => task.querySelector('.task__number')?.textContent)).toEqual(['01', '02', '03', '04'])
    expect(tasks.map((task) => task.querySelector('.task__title')?.textContent)).toEqual(TASKS)
    expect(screen.getByText(data.quote.text)).toBeInTheDocument()
    expect(screen.getByText(`—— ${data.quote.cite}`)).toBeInTheDocument()
    expect(screen.getByText(`来源：${data.source}`)).toBeInTheDocument()
  })

  it('can be shared, opening this page', async () => {
    renderPage(<PlanPage />)
    await showsThePlan()
    const [share] = (await firePageEvent('onShareAppMessage')) as Array<{ path: string; title: string }>
    expect(share.path).toBe(routes.plan())
    expect(share.title).toContain('十四五')
  })

  it('on a very first start with no network, shows the plan shipped with the app — the same figures — marked offline', async () => {
    const data = await plan()
    goOffline()
    renderPage(<PlanPage />)
    await showsThePlan()
    expect(tileDisplays()).toEqual(data.figures.map((figure) => figure.display))
    expect(screen.getByText('网络不可用，正在显示随应用提供的离线内容')).toBeInTheDocument()
  })

  it('when the server fails, still shows the plan marked offline; 刷新 once it is back clears the notice', async () => {
    serverFailsWith(503)
    renderPage(<PlanPage />)
    await showsThePlan()
    expect(screen.getByText(/网络不可用/)).toBeInTheDocument()
    goOnline()
    fireEvent.click(screen.getByText('刷新'))
    await waitFor(() => expect(screen.queryByText(/网络不可用/)).not.toBeInTheDocument())
    for (const figure of ARTICLE_FIGURES) expect(tileDisplays()).toContain(figure)
  })

  it('offline after one online visit, shows the kept copy with its saving time', async () => {
    const first = renderPage(<PlanPage />)
    await showsThePlan()
    first.unmount()
    goOffline()
    renderPage(<PlanPage />)
    await showsThePlan()
    expect(await screen.findByText(/网络不可用，正在显示离线内容（保存于/)).toBeInTheDocument()
  })
})
