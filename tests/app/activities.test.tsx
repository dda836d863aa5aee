/**
 * 职工活动 list, against the real API at TEST_NOW (the sample activities are dated from the seed's first start): the
 * order a worker reads (coming first, then what is over), the 可报名 filter, kinds, links, empty states.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ActivityListPage from '@/packages/activities/list/index'
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, ACTIVITY_STATUS_LABELS, activityStatus, instantOf, isOpenForSignup } from '@/domain'
import type { ActivityKind, ActivitySummary, Page } from '@/domain'
import { routes } from '@/routes'
import { firePageEvent, renderPage } from './support/render-page'
import { goOnline, recordRequests, serverFailsWith } from './support/network'

async function allActivities(): Promise<ActivitySummary[]> {
  const response = await fetch('/api/activities?page=1')
  const page = (await response.json()) as Page<ActivitySummary>
  expect(page.hasMore).toBe(false)
  return page.items
}

const openNow = (activity: ActivitySummary) => isOpenForSignup({ ...activity, status: activityStatus(activity, Date.now()) })
const isOver = (activity: ActivitySummary) => activity.cancelled !== undefined || instantOf(activity.eventEndsAt) < Date.now()

function cards(): HTMLElement[] {
  return screen.queryAllByTestId('activity-card')
}

function cardTitles(): string[] {
  return cards().map((card) => card.querySelector('.event-card__title')?.textContent ?? '')
}

function chip(group: '报名' | '类型', label: string): HTMLElement {
  return within(screen.getByRole('group', { name: group })).getByRole('button', { name: label })
}

async function showsInOrder(expected: ActivitySummary[]): Promise<void> {
  await waitFor(() => expect(cardTitles()).toEqual(expected.map((activity) => activity.title)))
}

describe('职工活动 list', () => {
  it('lists the coming activities first, the soonest first, then those that are over; each card says its status, kind, time and place', async () => {
    const all = await allActivities()
    const coming = all.filter((activity) => !isOver(activity))
    expect(coming.length).toBeGreaterThan(0)
    expect(all.filter(isOver).length).toBeGreaterThan(0)
    // The order a worker reads: every coming one before any that is over, the coming ones by start time.
    expect(all.slice(0, coming.length)).toEqual(coming)
    const starts = coming.map((activity) => instantOf(activity.eventStartsAt))
    expect(starts).toEqual([...starts].sort((a, b) => a - b))

    renderPage(<ActivityListPage />)
    await showsInOrder(all)
    for (const activity of all) {
      const card = cards().find((element) => element.textContent?.includes(activity.title))!
      expect(card.querySelector('.status-badge')?.textContent).toBe(
        activity.cancelled ? '已取消' : ACTIVITY_STATUS_LABELS[activityStatus(activity, Date.now())]
      )
      expect(within(card).getByText(ACTIVITY_KIND_LABELS[activity.kind])).toBeInTheDocument()
      expect(card.textContent).toContain(`地点：${activity.place}`)
      expect(card.textContent).toMatch(/时间：\d{4}年/)
      if (activity.sample) expect(within(card).getByText('示例')).toBeInTheDocument()
    }
  })

  it('可报名 shows only what can be signed up for now, each saying 报名中, in the same order', async () => {
    const all = await allActivities()
    const open = all.filter(openNow)
    expect(open.length).toBeGreaterThan(0)
    expect(open.length).toBeLessThan(all.length)
    renderPage(<ActivityListPage />)
    await showsInOrder(all)

    const urls = recordRequests()
    fireEvent.click(chip('报名', '可报名'))
    await showsInOrder(open)
    expect(urls.some((url) => url.includes('open=1'))).toBe(true)
    for (const card of cards()) expect(card.querySelector('.status-badge')?.textContent).toBe('报名中')
    expect(chip('报名', '可报名')).toHaveAttribute('aria-pressed', 'true')
    expect(chip('报名', '全部')).toHaveAttribute('aria-pressed', 'false')
  })

  it('offers every kind as a chip; 职工健康讲堂 shows the health classes only', async () => {
    const all = await allActivities()
    renderPage(<ActivityListPage />)
    await showsInOrder(all)
    for (const kind of ACTIVITY_KINDS) expect(chip('类型', ACTIVITY_KIND_LABELS[kind])).toBeInTheDocument()
    fireEvent.click(chip('类型', '职工健康讲堂'))
    const health = all.filter((activity) => activity.kind === 'health')
    expect(health.length).toBeGreaterThan(1)
    await showsInOrder(health)
    expect(screen.getByText('职工健康讲堂：八段锦养生功法')).toBeInTheDocument()
  })

  it.each<ActivityKind>(['women-class', 'singles', 'health'])('opens on the kind the link names (%s), as 首页 services link it', async (kind) => {
    const all = await allActivities()
    renderPage(<ActivityListPage />, { kind })
    await showsInOrder(all.filter((activity) => activity.kind === kind))
    expect(chip('类型', ACTIVITY_KIND_LABELS[kind])).toHaveAttribute('aria-pressed', 'true')
  })

  it('says so when nothing matches, and 清除筛选 brings every activity back', async () => {
    const all = await allActivities()
    const missing = ACTIVITY_KINDS.find((kind) => !all.some((activity) => activity.kind === kind))!
    expect(missing).toBeDefined()
    renderPage(<ActivityListPage />, { kind: missing, open: '1' })
    expect(await screen.findByText('暂无可报名的活动，可看看全部活动')).toBeInTheDocument()
    expect(cards()).toHaveLength(0)
    fireEvent.click(screen.getByText('清除筛选'))
    await showsInOrder(all)
    expect(chip('类型', '全部')).toHaveAttribute('aria-pressed', 'true')
    expect(chip('报名', '全部')).toHaveAttribute('aria-pressed', 'true')
  })

  it('tapping a card opens that activity', async () => {
    const all = await allActivities()
    const stack = jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([])
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' })
    try {
      renderPage(<ActivityListPage />)
      await showsInOrder(all)
      fireEvent.click(screen.getByText(all[0].title))
      await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.activityDetail(all[0].id) }))
    } finally {
      navigateTo.mockRestore()
      stack.mockRestore()
    }
  })

  it('pull-down refresh loads the list again; reaching the bottom of a single page asks for nothing more', async () => {
    const all = await allActivities()
    const stop = jest.spyOn(Taro, 'stopPullDownRefresh')
    try {
      renderPage(<ActivityListPage />)
      await showsInOrder(all)
      const urls = recordRequests()
      await firePageEvent('onReachBottom')
      expect(urls).toEqual([])
      expect(screen.getByText('没有更多了')).toBeInTheDocument()
      await firePageEvent('onPullDownRefresh')
      await waitFor(() => expect(stop).toHaveBeenCalled())
      expect(urls).toHaveLength(1)
      expect(urls[0]).toContain('/api/activities?page=1')
    } finally {
      stop.mockRestore()
    }
  })

  it('shows what failed with 重试 when the server fails, and loads once it is back', async () => {
    const all = await allActivities()
    serverFailsWith(503)
    renderPage(<ActivityListPage />)
    expect(await screen.findByText('活动加载失败')).toBeInTheDocument()
    goOnline()
    fireEvent.click(screen.getByText('重试'))
    await showsInOrder(all)
  })
})
