import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import HomePage from '@/pages/home'
import type { HomeData } from '@/domain'
import { routes } from '@/routes'
import bundledHome from '@/content/offline/home.json'
import { apiJson, spyNavigation, spyPhoneCall } from './page-helpers'
import { firePageEvent, renderPage } from './support/render-page'
import { goOffline, recordRequests, serverFailsWith } from './support/network'

const QUICK_SERVICES = ['法律援助', '医疗互助', '夏送清凉', '困难帮扶', '女职工课堂', '单身联谊', '健康讲堂', '服务阵地']

function newsCardTitled(title: string): HTMLElement {
  const card = screen
    .getAllByText(title)
    .map((element) => element.closest<HTMLElement>('.news-card'))
    .find(Boolean)
  if (!card) throw new Error(`首页没有标题为「${title}」的动态`)
  return card
}

async function openHome() {
  const view = renderPage(<HomePage />)
  await screen.findByText('职工服务热线', undefined, { timeout: 5000 })
  return view
}

describe('首页', () => {
  it('shows the latest news, competitions and 十四五 figures the API serves', async () => {
    const home = await apiJson<HomeData>('/api/home')
    await openHome()
    // A title can also be a featured item in the carousel, so each is looked up among all matches.
    for (const news of home.news) expect(newsCardTitled(news.title)).toBeInTheDocument()
    for (const competition of home.competitions) expect(screen.getAllByText(competition.title).length).toBeGreaterThan(0)
    expect(home.competitions.length).toBeGreaterThan(0)
    // The headline figures of the article, as printed there.
    for (const figure of ['30场', '20万余人次', '210余个', '近3500万元']) expect(screen.getByText(figure)).toBeInTheDocument()
    expect(screen.queryByText(/离线内容/)).not.toBeInTheDocument()
  })

  it('offers the eight quick services, each opening its page', async () => {
    const { navigateTo } = spyNavigation()
    await openHome()
    const grid = screen.getByLabelText('便民服务')
    // Each link reads as its badge character followed by the service name.
    const names = within(grid)
      .getAllByRole('link')
      .map((link) => link.textContent?.slice(1))
    expect(names).toEqual(QUICK_SERVICES)

    fireEvent.click(within(grid).getByText('法律援助'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.serviceDetail('legal-aid') }))
    // 女职工课堂 / 单身联谊 / 健康讲堂 open their explainer, which lists their kind's activities (services.test.tsx).
    fireEvent.click(within(grid).getByText('女职工课堂'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.serviceDetail('women-classroom') }))
    fireEvent.click(within(grid).getByText('单身联谊'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.serviceDetail('singles-events') }))
    fireEvent.click(within(grid).getByText('健康讲堂'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.serviceDetail('health-classes') }))
    fireEvent.click(within(grid).getByText('服务阵地'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.stations() }))
  })

  it('calls the 12351 hotline when 拨打 is tapped', async () => {
    const makePhoneCall = spyPhoneCall()
    await openHome()
    expect(screen.getByText('12351')).toBeInTheDocument()
    fireEvent.click(screen.getByText('拨打'))
    expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '12351' })
  })

  it('opens a featured item, a news article and the competition list', async () => {
    const home = await apiJson<HomeData>('/api/home')
    const { navigateTo, switchTab } = spyNavigation()
    await openHome()

    const planItem = home.featured.find((item) => item.target.page === 'plan')!
    fireEvent.click(screen.getAllByText(planItem.title)[0])
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.plan() }))

    fireEvent.click(newsCardTitled(home.news[0].title))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.newsDetail(home.news[0].id) }))

    fireEvent.click(screen.getByText('210余个'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.plan() }))
    navigateTo.mockClear()

    fireEvent.click(screen.getByText('全部竞赛'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.competitions() }))

    fireEvent.click(screen.getByText('更多'))
    await waitFor(() => expect(switchTab).toHaveBeenLastCalledWith({ url: routes.news() }))
  })

  it('reloads on pull-down refresh and stops the spinner', async () => {
    const stop = jest.spyOn(Taro, 'stopPullDownRefresh')
    await openHome()
    const requests = recordRequests()
    await firePageEvent('onPullDownRefresh')
    await waitFor(() => expect(stop).toHaveBeenCalled())
    expect(requests.filter((url) => url.includes('/api/home'))).toHaveLength(1)
    expect(screen.getByText('职工服务热线')).toBeInTheDocument()
  })

  it('says what went wrong when a pull-down refresh fails', async () => {
    const stop = jest.spyOn(Taro, 'stopPullDownRefresh')
    await openHome()
    // A 4xx is the server's real answer: no kept copy stands in for it.
    serverFailsWith(400)
    await firePageEvent('onPullDownRefresh')
    expect(await screen.findByRole('alert')).toHaveTextContent('刷新失败：服务器开小差了，请稍后重试')
    expect(stop).toHaveBeenCalled()
    // What was on screen stays.
    expect(screen.getByText('职工服务热线')).toBeInTheDocument()
  })

  it('shows the last content it loaded, marked offline, when the network is down', async () => {
    const home = await apiJson<HomeData>('/api/home')
    const first = await openHome()
    first.unmount()

    goOffline()
    renderPage(<HomePage />)
    expect(await screen.findByText(/正在显示离线内容/)).toBeInTheDocument()
    expect(newsCardTitled(home.news[0].title)).toBeInTheDocument()
    expect(screen.getByText('12351')).toBeInTheDocument()
  })

  it('shows the content bundled with the app on a very first start with no network', async () => {
    goOffline()
    renderPage(<HomePage />)
    expect(await screen.findByText('网络不可用，正在显示随应用提供的离线内容')).toBeInTheDocument()
    const bundled = bundledHome as HomeData
    expect(bundled.news.length).toBeGreaterThan(0)
    expect(newsCardTitled(bundled.news[0].title)).toBeInTheDocument()
    expect(screen.getByText(bundled.hotline.number)).toBeInTheDocument()
    expect(screen.getAllByText('法律援助').length).toBeGreaterThan(0)
  })

  it('shares 首页 to a friend, not to 朋友圈, where it would open without navigation', async () => {
    await openHome()
    const [message] = (await firePageEvent('onShareAppMessage')) as Array<{ path: string; title: string }>
    expect(message.path).toBe(routes.home())
    expect(message.title).toMatch(/密云工会/)
    await expect(firePageEvent('onShareTimeline')).rejects.toThrow('页面没有注册 onShareTimeline')
  })
})
