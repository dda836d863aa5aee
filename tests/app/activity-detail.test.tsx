/**
 * 活动详情, against the real API at TEST_NOW (the sample activities are dated from the seed's first start): what the
 * worker reads before signing up, the places left as the server counts them, and the sign-up button by the clock —
 * 我要报名 while open, an honest disabled label otherwise — and a cancelled activity saying so with its reason.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react'
import ActivityDetailPage from '@/packages/activities/detail/index'
import { activityStatus, formatDateRange, formatDateTime } from '@/domain'
import type { Activity, EventAvailability } from '@/domain'
import { routes } from '@/routes'
import { spyNavigation } from './page-helpers'
import { firePageEvent, renderPage } from './support/render-page'
import { goOnline, recordRequests } from './support/network'

async function apiJson<T>(path: string): Promise<T> {
  const response = await fetch(path)
  expect(response.status).toBe(200)
  return (await response.json()) as T
}

const activity = (id: string) => apiJson<Activity>(`/api/activities/${id}`)
const places = (id: string) => apiJson<EventAvailability>(`/api/events/activity/${id}/availability`)

function factValue(label: string): string | undefined {
  return screen.getByText(label).closest('.fact')?.querySelector('.fact__value')?.textContent ?? undefined
}

describe('活动详情', () => {
  it('an activity open for sign-up: its facts, the places left, and 我要报名 opening the form with the event only in the link', async () => {
    const item = await activity('baduanjin-class')
    expect(activityStatus(item, Date.now())).toBe('signup')
    const expected = await places(item.id)
    const { navigateTo, restore } = spyNavigation()
    try {
      renderPage(<ActivityDetailPage />, { id: item.id })
      expect(await screen.findByText(item.title)).toBeInTheDocument()
      expect(screen.getByText('报名中')).toHaveClass('status-badge')
      expect(screen.getAllByText('职工健康讲堂').length).toBeGreaterThan(0)
      expect(factValue('活动时间')).toBe(formatDateRange(item.eventStartsAt, item.eventEndsAt))
      expect(factValue('报名时间')).toBe(formatDateRange(item.signupStartsAt, item.signupEndsAt))
      expect(factValue('地点')).toBe(item.place)
      expect(factValue('名额')).toBe(`${item.capacity}人`)
      expect(factValue('参加对象')).toBe(item.eligibility)
      expect(screen.getByText('报名即确认：名额有余时提交即报名成功')).toBeInTheDocument()

      expect(await screen.findByText(expected.label)).toBeInTheDocument()
      expect(expected.label).toMatch(/^剩余 \d+ 个名额$/)
      expect(screen.getByText(`报名截止：${formatDateTime(item.signupEndsAt)}`)).toBeInTheDocument()

      const button = screen.getByText('我要报名')
      expect(button).not.toHaveAttribute('disabled')
      fireEvent.click(button)
      await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.signupForm('activity', item.id) }))
      expect(routes.signupForm('activity', item.id)).toBe(`/packages/signups/form/index?type=activity&id=${item.id}`)
    } finally {
      restore()
    }
  })

  it('before sign-up opens: 报名未开始 with the opening time, disabled; the review note and the places are shown', async () => {
    const item = await activity('homestay-course')
    expect(activityStatus(item, Date.now())).toBe('upcoming')
    const expected = await places(item.id)
    const { navigateTo, restore } = spyNavigation()
    try {
      renderPage(<ActivityDetailPage />, { id: item.id })
      await screen.findByText(item.title)
      const button = screen.getByText('报名未开始')
      expect(button).toHaveAttribute('disabled')
      expect(screen.getByText(`${formatDateTime(item.signupStartsAt)} 开始报名`)).toBeInTheDocument()
      expect(screen.getByText('报名需审核：提交后由工作人员审核，结果会通知您')).toBeInTheDocument()
      expect(await screen.findByText(expected.label)).toBeInTheDocument()
      fireEvent.click(button)
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(navigateTo).not.toHaveBeenCalled()
      expect(screen.queryByText('我要报名')).not.toBeInTheDocument()
    } finally {
      restore()
    }
  })

  it('after sign-up closed: 报名已截止, disabled, without asking for places', async () => {
    const item = await activity('fitness-lecture')
    expect(activityStatus(item, Date.now())).toBe('ended')
    const urls = recordRequests()
    renderPage(<ActivityDetailPage />, { id: item.id })
    await screen.findByText(item.title)
    expect(screen.getByText('报名已截止')).toHaveAttribute('disabled')
    expect(screen.getByText('已结束')).toHaveClass('status-badge')
    expect(urls.filter((url) => url.includes('/availability'))).toEqual([])
    expect(screen.queryByTestId('signup-places')).not.toBeInTheDocument()
    goOnline()
  })

  it('a 女职工 activity says so before anyone types', async () => {
    const item = await activity('women-class')
    expect(item.womenOnly).toBe(true)
    renderPage(<ActivityDetailPage />, { id: item.id })
    await screen.findByText(item.title)
    expect(screen.getByText('仅限女职工报名')).toBeInTheDocument()
  })

  it('held at a service station: 查看服务站点 opens the station page', async () => {
    const item = await activity('reading-salon')
    expect(item.stationCode).toBeDefined()
    const { navigateTo, restore } = spyNavigation()
    try {
      renderPage(<ActivityDetailPage />, { id: item.id })
      await screen.findByText(item.title)
      fireEvent.click(screen.getByText('查看服务站点 ›'))
      await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.station(item.stationCode!) }))
    } finally {
      restore()
    }
  })

  it('an activity without a station has no station link; its description blocks are shown', async () => {
    const item = await activity('baduanjin-class')
    expect(item.stationCode).toBeUndefined()
    renderPage(<ActivityDetailPage />, { id: item.id })
    await screen.findByText(item.title)
    expect(screen.queryByText('查看服务站点 ›')).not.toBeInTheDocument()
    const firstText = item.blocks.find((block) => block.type === 'paragraph')
    if (firstText && firstText.type === 'paragraph') expect(screen.getByText(firstText.text)).toBeInTheDocument()
  })

  it('a cancelled activity says so with its reason, and the button says 活动已取消', async () => {
    const item = await activity('baduanjin-class')
    // The server's answer as it reads once staff have called the activity off (the page tests' staff cannot).
    const realFetch = window.fetch
    const asked: string[] = []
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input)
      asked.push(url)
      const response = await realFetch(input, init)
      if (!url.includes(`/api/activities/${item.id}`)) return response
      const body = { ...((await response.json()) as Activity), cancelled: { at: '2026-11-23T02:00:00.000Z', reason: '场地检修，改期另行通知' } }
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }
    try {
      renderPage(<ActivityDetailPage />, { id: item.id })
      expect(await screen.findByText('该活动已取消')).toBeInTheDocument()
      expect(screen.getByText('原因：场地检修，改期另行通知')).toBeInTheDocument()
      expect(screen.getByText('已取消')).toHaveClass('status-badge')
      expect(screen.getByText('活动已取消')).toHaveAttribute('disabled')
      expect(screen.queryByText('我要报名')).not.toBeInTheDocument()
      expect(asked.filter((url) => url.includes('/availability'))).toEqual([])
    } finally {
      window.fetch = realFetch
    }
  })

  it('back from the sign-up form, the places are asked again', async () => {
    const item = await activity('baduanjin-class')
    renderPage(<ActivityDetailPage />, { id: item.id })
    await screen.findByTestId('signup-places')
    await firePageEvent('onShow')
    const urls = recordRequests()
    await firePageEvent('onShow')
    await waitFor(() => expect(urls.filter((url) => url.includes(`/api/events/activity/${item.id}/availability`))).toHaveLength(1))
    goOnline()
  })

  it('shares this activity', async () => {
    const item = await activity('baduanjin-class')
    renderPage(<ActivityDetailPage />, { id: item.id })
    await screen.findByText(item.title)
    const [share] = (await firePageEvent('onShareAppMessage')) as Array<{ title: string; path: string }>
    expect(share).toEqual({ title: item.title, path: routes.activityDetail(item.id) })
  })

  it('an unknown id says 未找到该活动 and offers the whole list', async () => {
    renderPage(<ActivityDetailPage />, { id: 'no-such-activity' })
    expect(await screen.findByText('未找到该活动')).toBeInTheDocument()
    expect(screen.queryByText('重试')).not.toBeInTheDocument()
    expect(screen.getByText('查看全部活动')).toBeInTheDocument()
  })
})
