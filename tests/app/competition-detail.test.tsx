/**
 * 竞赛详情, against the real API: facts, schedule, rules, awards, results, the sign-up button (我要报名 while sign-up is
 * open, an honest disabled label otherwise) with the places left, calling, sharing, and the not-found, error and
 * offline states. Statuses are derived on the tests' clock (TEST_NOW), as the server's.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CompetitionDetailPage from '@/packages/competitions/detail/index'
import { competitionStatus, STATUS_LABELS } from '@/domain'
import { formatDateRange, formatDateTime } from '@/domain/dates'
import type { Competition, CompetitionStatus, CompetitionSummary, EventAvailability, Page } from '@/domain'
import { routes } from '@/routes'
import { firePageEvent, renderPage } from './support/render-page'
import { goOffline, goOnline, serverFailsWith } from './support/network'

async function competition(id: string): Promise<Competition> {
  const response = await fetch(`/api/competitions/${id}`)
  expect(response.status).toBe(200)
  return (await response.json()) as Competition
}

async function allCompetitions(): Promise<Competition[]> {
  const response = await fetch('/api/competitions?page=1')
  const page = (await response.json()) as Page<CompetitionSummary>
  return Promise.all(page.items.map((item) => competition(item.id)))
}

const statusNow = (c: Competition): CompetitionStatus => competitionStatus(c, Date.now())

const BUTTON_LABELS: Record<CompetitionStatus, string> = {
  upcoming: '报名未开始',
  signup: '我要报名',
  ongoing: '报名已截止',
  ended: '报名已截止'
}

async function placesOf(id: string): Promise<EventAvailability> {
  const response = await fetch(`/api/events/competition/${id}/availability`)
  expect(response.status).toBe(200)
  return (await response.json()) as EventAvailability
}

/** The places are asked for after the page shows: wait for their answer, so nothing updates after the test. */
async function placesSettled(): Promise<void> {
  await waitFor(() => expect(screen.queryByText('正在查询名额…')).not.toBeInTheDocument())
}

function factValue(label: string): string | undefined {
  const fact = screen.getByText(label).closest('.fact')
  return fact?.querySelector('.fact__value')?.textContent ?? undefined
}

describe('竞赛详情', () => {
  it('shows the facts, schedule, rules, awards and the results table of a competition with results', async () => {
    const all = await allCompetitions()
    const withResults = all.find((c) => c.results.length > 0)!
    renderPage(<CompetitionDetailPage />, { id: withResults.id })

    expect(await screen.findByText(withResults.title)).toBeInTheDocument()

    await placesSettled()
    expect(screen.getByText(STATUS_LABELS[statusNow(withResults)])).toHaveClass('status-badge')
    expect(screen.getByText(withResults.trade)).toBeInTheDocument()
    expect(screen.getByText('示例')).toBeInTheDocument()
    expect(screen.getByText(`示例说明：${withResults.sampleNote}`)).toBeInTheDocument()

    expect(factValue('报名时间')).toBe(formatDateRange(withResults.signupStartsAt, withResults.signupEndsAt))
    expect(factValue('比赛时间')).toBe(formatDateRange(withResults.eventStartsAt, withResults.eventEndsAt))
    expect(factValue('地点')).toBe(withResults.venue)
    expect(factValue('名额')).toBe(`${withResults.quota}人`)
    expect(factValue('主办')).toBe('密云区总工会')

    for (const item of withResults.schedule) {
      const title = screen.getByText(item.title)
      expect(title.closest('.timeline__item')?.textContent).toContain(formatDateTime(item.at))
    }
    for (const rule of withResults.rules) expect(screen.getByText(rule)).toBeInTheDocument()
    expect(screen.getByText('密云工匠')).toBeInTheDocument()
    expect(screen.getByText('密云能手')).toBeInTheDocument()

    const table = screen.getByRole('table', { name: '比赛成绩' })
    const rows = within(table).getAllByRole('row')
    expect(rows).toHaveLength(withResults.results.length + 1)
    withResults.results.forEach((entry, index) => {
      expect(rows[index + 1].textContent).toContain(entry.rank)
      expect(rows[index + 1].textContent).toContain(entry.name)
    })
    expect(screen.queryByText('成绩将在赛后公布')).not.toBeInTheDocument()
  })

  it('without results says when they come: after the contest, or as published by the union once it ended', async () => {
    const all = (await allCompetitions()).filter((c) => c.results.length === 0)
    expect(all.length).toBeGreaterThan(0)
    for (const item of all) {
      const view = renderPage(<CompetitionDetailPage />, { id: item.id })
      await screen.findByText(item.title)
      await placesSettled()
      const expected = statusNow(item) === 'ended' ? '获奖名单以区总工会公示为准' : '成绩将在赛后公布'
      expect(screen.getByText(expected)).toBeInTheDocument()
      expect(screen.queryByRole('table')).not.toBeInTheDocument()
      view.unmount()
    }
  })

  it('while sign-up is open, 我要报名 opens the sign-up form for this competition, under the places left', async () => {
    const open = (await allCompetitions()).filter((c) => statusNow(c) === 'signup')
    expect(open.length).toBeGreaterThan(0)
    const stack = jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([])
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    try {
      for (const item of open) {
        const places = await placesOf(item.id)
        const view = renderPage(<CompetitionDetailPage />, { id: item.id })
        await screen.findByText(item.title)
        await placesSettled()
        expect(await screen.findByText(places.label)).toBeInTheDocument()
        expect(screen.getByText(`报名截止：${formatDateTime(item.signupEndsAt)}`)).toBeInTheDocument()
        const button = screen.getByText('我要报名')
        expect(button).not.toHaveAttribute('disabled')
        expect(screen.queryByText(/报名即将开放|线上报名功能即将上线/)).not.toBeInTheDocument()
        fireEvent.click(button)
        await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.signupForm('competition', item.id) }))
        view.unmount()
      }
    } finally {
      navigateTo.mockRestore()
      stack.mockRestore()
    }
  })

  it('outside sign-up the button is disabled and says why: 报名未开始 (with the opening time) or 报名已截止', async () => {
    const closed = (await allCompetitions()).filter((c) => statusNow(c) !== 'signup')
    expect(closed.map(statusNow)).toEqual(expect.arrayContaining(['upcoming', 'ended']))
    const navigateTo = jest.spyOn(Taro, 'navigateTo')
    try {
      for (const item of closed) {
        const view = renderPage(<CompetitionDetailPage />, { id: item.id })
        await screen.findByText(item.title)
        await placesSettled()
        const status = statusNow(item)
        const button = screen.getByText(BUTTON_LABELS[status])
        expect(button).toHaveAttribute('disabled')
        expect(button).toHaveClass('taro-btn-disabled')
        expect(screen.queryByText('我要报名')).not.toBeInTheDocument()
        if (status === 'upcoming') {
          expect(screen.getByText(`${formatDateTime(item.signupStartsAt)} 开始报名`)).toBeInTheDocument()
        } else {
          expect(screen.queryByTestId('signup-places')).not.toBeInTheDocument()
        }
        fireEvent.click(button)
        await new Promise((resolve) => setTimeout(resolve, 50))
        expect(navigateTo).not.toHaveBeenCalled()
        view.unmount()
      }
    } finally {
      navigateTo.mockRestore()
    }
  })

  it('tapping the contact calls the hotline', async () => {
    const all = await allCompetitions()
    const item = all.find((c) => c.contact?.phone)!
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
    try {
      renderPage(<CompetitionDetailPage />, { id: item.id })
      await screen.findByText(item.title)
      await placesSettled()
      fireEvent.click(screen.getByText('拨打'))
      expect(call).toHaveBeenCalledWith({ phoneNumber: item.contact!.phone })
    } finally {
      call.mockRestore()
    }
  })

  it('shares this competition', async () => {
    const [item] = await allCompetitions()
    renderPage(<CompetitionDetailPage />, { id: item.id })
    await screen.findByText(item.title)
    await placesSettled()
    const [share] = (await firePageEvent('onShareAppMessage')) as Array<{ title: string; path: string }>
    expect(share).toEqual({ title: item.title, path: routes.competitionDetail(item.id) })
  })

  it('an unknown id says 未找到该竞赛, without a pointless 重试', async () => {
    renderPage(<CompetitionDetailPage />, { id: 'no-such-competition' })
    expect(await screen.findByText('未找到该竞赛')).toBeInTheDocument()
    expect(screen.queryByText('重试')).not.toBeInTheDocument()
    expect(screen.getByText('查看全部竞赛')).toBeInTheDocument()
  })

  it('shows what failed with 重试 when the server fails, and loads once it is back', async () => {
    const [item] = await allCompetitions()
    serverFailsWith(503)
    renderPage(<CompetitionDetailPage />, { id: item.id })
    expect(await screen.findByText('竞赛详情加载失败')).toBeInTheDocument()
    goOnline()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText(item.title)).toBeInTheDocument()
    await placesSettled()
  })

  it('offline after one online visit, shows the kept competition marked as offline content', async () => {
    const [item] = await allCompetitions()
    const first = renderPage(<CompetitionDetailPage />, { id: item.id })
    await screen.findByText(item.title)
    await placesSettled()
    first.unmount()

    goOffline()
    renderPage(<CompetitionDetailPage />, { id: item.id })
    expect(await screen.findByText(item.title)).toBeInTheDocument()
    await placesSettled()
    expect(screen.getByText(/网络不可用，正在显示离线内容/)).toBeInTheDocument()
    await waitFor(() => expect(screen.getByText(BUTTON_LABELS[statusNow(item)])).toBeInTheDocument())
  })
})
