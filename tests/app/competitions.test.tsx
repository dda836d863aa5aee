/**
 * 技能竞赛 list, against the real API: what a worker sees when filtering by status and trade, paging, refreshing,
 * and when the network or the server fails. Expectations are computed from the API's own records with the real
 * current time, so the tests hold on any date.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CompetitionListPage from '@/packages/competitions/list/index'
import { competitionStatus, STATUS_LABELS, TRADES } from '@/domain'
import type { CompetitionStatus, CompetitionSummary, Page, Trade } from '@/domain'
import { routes } from '@/routes'
import { firePageEvent, renderPage } from './support/render-page'
import { goOffline, goOnline, recordRequests, serverFailsWith } from './support/network'

/** Every competition the API holds (the seed has fewer than one page). Fetched without the app's client, so nothing is kept. */
async function allCompetitions(): Promise<CompetitionSummary[]> {
  const response = await fetch('/api/competitions?page=1')
  const page = (await response.json()) as Page<CompetitionSummary>
  expect(page.hasMore).toBe(false)
  return page.items
}

const statusNow = (competition: CompetitionSummary): CompetitionStatus => competitionStatus(competition, Date.now())

function cards(): HTMLElement[] {
  return screen.queryAllByTestId('competition-card')
}

function cardTitles(): string[] {
  return cards().map((card) => card.querySelector('.event-card__title')?.textContent ?? '')
}

function chip(group: '状态' | '工种', label: string): HTMLElement {
  return within(screen.getByRole('group', { name: group })).getByRole('button', { name: label })
}

async function showsCompetitions(expected: CompetitionSummary[]): Promise<void> {
  if (expected.length === 0) {
    expect(await screen.findByText('暂无符合条件的竞赛')).toBeInTheDocument()
    expect(cards()).toHaveLength(0)
    return
  }
  await waitFor(() => expect(cardTitles().sort()).toEqual(expected.map((c) => c.title).sort()))
}

describe('技能竞赛 list', () => {
  it('lists every competition with the status badge derived from its dates, its trade, dates and venue', async () => {
    const all = await allCompetitions()
    renderPage(<CompetitionListPage />)
    await showsCompetitions(all)
    for (const competition of all) {
      const card = cards().find((element) => element.textContent?.includes(competition.title))!
      const status = statusNow(competition)
      expect(within(card).getByText(STATUS_LABELS[status])).toHaveClass('status-badge')
      expect(within(card).getByText(competition.trade)).toBeInTheDocument()
      expect(card.textContent).toContain(`地点：${competition.venue}`)
      expect(card.textContent).toMatch(status === 'upcoming' || status === 'signup' ? /报名时间：\d{4}年/ : /比赛时间：\d{4}年/)
      if (competition.sample) expect(within(card).getByText('示例')).toBeInTheDocument()
    }
  })

  it('tapping 报名中 shows only competitions open for sign-up now, each saying 报名中', async () => {
    const all = await allCompetitions()
    const open = all.filter((c) => statusNow(c) === 'signup')
    // The clock is pinned (tests/support/clock.ts), so the seed has competitions open at it.
    expect(open.length).toBeGreaterThan(0)
    renderPage(<CompetitionListPage />)
    await showsCompetitions(all)

    fireEvent.click(chip('状态', '报名中'))
    await showsCompetitions(open)
    for (const card of cards()) {
      expect(card.querySelector('.status-badge')?.textContent).toBe('报名中')
    }
    expect(chip('状态', '报名中')).toHaveAttribute('aria-pressed', 'true')
    expect(chip('状态', '全部')).toHaveAttribute('aria-pressed', 'false')
  })

  it.each<[string, CompetitionStatus]>([
    ['进行中', 'ongoing'],
    ['已结束', 'ended'],
    ['即将报名', 'upcoming']
  ])('tapping %s shows only those competitions', async (label, status) => {
    const all = await allCompetitions()
    renderPage(<CompetitionListPage />)
    await showsCompetitions(all)
    fireEvent.click(chip('状态', label))
    const expected = all.filter((c) => statusNow(c) === status)
    expect(expected.length).toBeGreaterThan(0)
    await showsCompetitions(expected)
    for (const card of cards()) expect(card.querySelector('.status-badge')?.textContent).toBe(label)
  })

  it('tapping the trade 养蜂 shows the 养蜂 contests only', async () => {
    const all = await allCompetitions()
    renderPage(<CompetitionListPage />)
    await showsCompetitions(all)
    fireEvent.click(chip('工种', '养蜂'))
    await showsCompetitions(all.filter((c) => c.trade === '养蜂'))
    expect(screen.getByText('2025年“工匠杯”养蜂技能大赛')).toBeInTheDocument()
    for (const card of cards()) expect(within(card).getByText('养蜂')).toBeInTheDocument()
  })

  it('offers every trade as a chip', async () => {
    renderPage(<CompetitionListPage />)
    await screen.findAllByTestId('competition-card')
    for (const trade of ['全部', ...TRADES]) expect(chip('工种', trade)).toBeInTheDocument()
  })

  it('opens with the filters given in the link (as the H5 router hands them over, percent-encoded)', async () => {
    const all = await allCompetitions()
    renderPage(<CompetitionListPage />, { trade: encodeURIComponent('餐饮') })
    await showsCompetitions(all.filter((c) => c.trade === '餐饮'))
    expect(chip('工种', '餐饮')).toHaveAttribute('aria-pressed', 'true')
  })

  it('says so when nothing matches, and 清除筛选 brings every competition back', async () => {
    const all = await allCompetitions()
    // A status × trade pair with no competition right now: there are always some (8 records, 24 pairs).
    const pairs = (['signup', 'ongoing', 'ended', 'upcoming'] as CompetitionStatus[]).flatMap((status) =>
      TRADES.map((trade): [CompetitionStatus, Trade] => [status, trade])
    )
    const [status, trade] = pairs.find(([s, t]) => !all.some((c) => statusNow(c) === s && c.trade === t))!
    renderPage(<CompetitionListPage />, { status, trade })
    expect(await screen.findByText('暂无符合条件的竞赛')).toBeInTheDocument()
    expect(cards()).toHaveLength(0)

    fireEvent.click(screen.getByText('清除筛选'))
    await showsCompetitions(all)
    expect(chip('状态', '全部')).toHaveAttribute('aria-pressed', 'true')
    expect(chip('工种', '全部')).toHaveAttribute('aria-pressed', 'true')
  })

  it('tapping a card opens that competition', async () => {
    const all = await allCompetitions()
    // jsdom mounts no Taro router: the page stack is empty (as on a first page) and the move itself is only recorded.
    const stack = jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([])
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    try {
      renderPage(<CompetitionListPage />)
      await showsCompetitions(all)
      fireEvent.click(screen.getByText(all[0].title))
      await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.competitionDetail(all[0].id) }))
    } finally {
      navigateTo.mockRestore()
      stack.mockRestore()
    }
  })

  it('asks for no second page when the first holds everything, and says there is no more', async () => {
    const all = await allCompetitions()
    renderPage(<CompetitionListPage />)
    await showsCompetitions(all)
    const urls = recordRequests()
    await firePageEvent('onReachBottom')
    expect(urls).toEqual([])
    expect(screen.getByText('没有更多了')).toBeInTheDocument()
  })

  it('reaching the bottom appends the next page only, leaving the cards already shown in place', async () => {
    const all = await allCompetitions()
    // The seed has fewer than 20 competitions, so a longer list is simulated: the real first page is passed on
    // saying there is more, and page 2 answers with the real records under new ids.
    const realFetch = window.fetch
    const asked: string[] = []
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input)
      asked.push(url)
      const page = Number(new URL(url, window.location.href).searchParams.get('page') ?? '1')
      const response = await realFetch(url.replace(/page=\d+/, 'page=1'), init)
      const body = (await response.json()) as Page<CompetitionSummary>
      const items = page === 1 ? body.items : body.items.map((c) => ({ ...c, id: `${c.id}-p2`, title: `${c.title}（续）` }))
      const answer: Page<CompetitionSummary> = { ...body, items, page, total: body.total * 2, hasMore: page === 1 }
      return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }
    renderPage(<CompetitionListPage />)
    await showsCompetitions(all)
    const firstCards = cards()

    await firePageEvent('onReachBottom')
    await waitFor(() => expect(cards()).toHaveLength(all.length * 2))
    expect(asked.filter((url) => url.includes('page=2'))).toHaveLength(1)
    expect(asked.filter((url) => url.includes('page=1'))).toHaveLength(1)
    // The first page's cards are the very same elements: appending did not rebuild them.
    firstCards.forEach((card, index) => expect(cards()[index]).toBe(card))
    expect(screen.getByText(`${all[0].title}（续）`)).toBeInTheDocument()

    await firePageEvent('onReachBottom')
    expect(asked.filter((url) => url.includes('page=3'))).toHaveLength(0)
    expect(screen.getByText('没有更多了')).toBeInTheDocument()
    window.fetch = realFetch
  })

  it('pull-down refresh loads the list again and stops the spinner', async () => {
    const all = await allCompetitions()
    const stop = jest.spyOn(Taro, 'stopPullDownRefresh')
    try {
      renderPage(<CompetitionListPage />)
      await showsCompetitions(all)
      const urls = recordRequests()
      await firePageEvent('onPullDownRefresh')
      await waitFor(() => expect(stop).toHaveBeenCalled())
      expect(urls).toHaveLength(1)
      expect(urls[0]).toContain('/api/competitions?page=1')
      expect(cards()).toHaveLength(all.length)
    } finally {
      stop.mockRestore()
    }
  })

  it('shows what failed with 重试 when the server fails, and loads once it is back', async () => {
    const all = await allCompetitions()
    serverFailsWith(503)
    renderPage(<CompetitionListPage />)
    expect(await screen.findByText('竞赛加载失败')).toBeInTheDocument()
    expect(screen.getByText('服务器开小差了，请稍后重试')).toBeInTheDocument()
    goOnline()
    fireEvent.click(screen.getByText('重试'))
    await showsCompetitions(all)
  })

  it('with no network and nothing kept, says the network failed and offers 重试', async () => {
    goOffline()
    renderPage(<CompetitionListPage />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    goOnline()
    fireEvent.click(screen.getByText('重试'))
    expect((await screen.findAllByTestId('competition-card')).length).toBeGreaterThan(0)
  })

  it('offline after one online visit, shows the kept list marked as offline content', async () => {
    const all = await allCompetitions()
    const first = renderPage(<CompetitionListPage />)
    await showsCompetitions(all)
    first.unmount()

    goOffline()
    renderPage(<CompetitionListPage />)
    await showsCompetitions(all)
    expect(screen.getByText(/网络不可用，正在显示离线内容/)).toBeInTheDocument()
  })

  it('a kept list still shows today’s status: the badge is derived again from the dates, not taken from the copy', async () => {
    const all = await allCompetitions()
    const target = all[0]
    const stale: CompetitionStatus = statusNow(target) === 'ended' ? 'signup' : 'ended'
    const realFetch = window.fetch
    // The server (or an old kept copy) claims a status the dates no longer support.
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await realFetch(input, init)
      const body = (await response.json()) as Page<CompetitionSummary>
      const items = body.items.map((c) => (c.id === target.id ? { ...c, status: stale } : c))
      return new Response(JSON.stringify({ ...body, items }), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }
    renderPage(<CompetitionListPage />)
    await showsCompetitions(all)
    const card = cards().find((element) => element.textContent?.includes(target.title))!
    expect(card.querySelector('.status-badge')?.textContent).toBe(STATUS_LABELS[statusNow(target)])
    window.fetch = realFetch
    await act(async () => undefined)
  })
})
