/**
 * 服务 tab and service detail, against the real API: the seven services, the entries and hotline, what a service
 * page says and whom to call, and the offline, bundled, error and not-found states.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ServicesPage from '@/pages/services/index'
import ServiceDetailPage from '@/packages/services/detail/index'
import { ACTIVITY_KIND_LABELS } from '@/domain'
import type { ActivityKind, ActivitySummary, Page, Service, ServiceSlug, ServiceSummary } from '@/domain'
import { routes } from '@/routes'
import { spyNavigation } from './page-helpers'
import { firePageEvent, renderPage } from './support/render-page'
import { goOffline, goOnline, serverFailsWith } from './support/network'

const SEVEN = ['法律援助', '医疗互助', '夏送清凉', '困难职工帮扶', '女职工流动课堂', '单身职工联谊', '职工健康讲堂']
const BADGES = ['法', '医', '凉', '帮', '女', '谊', '健']

async function services(): Promise<ServiceSummary[]> {
  const response = await fetch('/api/services')
  return ((await response.json()) as { items: ServiceSummary[] }).items
}

async function service(slug: string): Promise<Service> {
  const response = await fetch(`/api/services/${slug}`)
  return (await response.json()) as Service
}

function serviceCards(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('.service-card'))
}

/** A big number is drawn from two pieces of text (value, unit); a worker reads them as one. */
function figureReading(text: string): HTMLElement | undefined {
  return Array.from(document.querySelectorAll<HTMLElement>('.figure__number')).find((element) => element.textContent === text)
}

describe('服务 tab', () => {
  it('lists the seven services, each with its one-character badge and tagline', async () => {
    const items = await services()
    renderPage(<ServicesPage />)
    await waitFor(() => expect(serviceCards()).toHaveLength(7))
    expect(serviceCards().map((card) => card.querySelector('.service-card__name')?.textContent)).toEqual(SEVEN)
    expect(serviceCards().map((card) => card.querySelector('.service-badge')?.textContent)).toEqual(BADGES)
    items.forEach((item, index) => expect(within(serviceCards()[index]).getByText(item.tagline)).toBeInTheDocument())
    expect(screen.queryByText(/离线内容/)).not.toBeInTheDocument()
  })

  it('tapping 法律援助 opens its page', async () => {
    const { navigateTo, restore } = spyNavigation()
    try {
      renderPage(<ServicesPage />)
      fireEvent.click(await screen.findByText('法律援助'))
      await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.serviceDetail('legal-aid') }))
    } finally {
      restore()
    }
  })

  it.each([
    ['技能竞赛', routes.competitions()],
    ['十四五成绩单 · 十五五蓝图', routes.plan()],
    ['服务阵地', routes.stations()]
  ])('the entry %s opens its page', async (title, url) => {
    const { navigateTo, restore } = spyNavigation()
    try {
      renderPage(<ServicesPage />)
      fireEvent.click(screen.getByText(title))
      await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url }))
    } finally {
      restore()
    }
  })

  it('shows the 12351 hotline and 拨打 calls it', async () => {
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
    try {
      renderPage(<ServicesPage />)
      expect(screen.getByText('12351')).toBeInTheDocument()
      fireEvent.click(screen.getByText('拨打'))
      expect(call).toHaveBeenCalledWith({ phoneNumber: '12351' })
    } finally {
      call.mockRestore()
    }
  })

  it('on a very first start with no network, shows the services shipped with the app, marked offline', async () => {
    goOffline()
    renderPage(<ServicesPage />)
    await waitFor(() => expect(serviceCards()).toHaveLength(7))
    expect(serviceCards().map((card) => card.querySelector('.service-card__name')?.textContent)).toEqual(SEVEN)
    expect(screen.getByText('网络不可用，正在显示随应用提供的离线内容')).toBeInTheDocument()
  })

  it('when the server fails, still shows services marked offline; 刷新 once it is back shows fresh ones', async () => {
    serverFailsWith(503)
    renderPage(<ServicesPage />)
    await waitFor(() => expect(serviceCards()).toHaveLength(7))
    expect(screen.getByText(/网络不可用/)).toBeInTheDocument()
    goOnline()
    fireEvent.click(screen.getByText('刷新'))
    await waitFor(() => expect(screen.queryByText(/网络不可用/)).not.toBeInTheDocument())
    expect(serviceCards()).toHaveLength(7)
  })

  it('offline after one online visit, shows the kept list with its saving time', async () => {
    const first = renderPage(<ServicesPage />)
    await waitFor(() => expect(serviceCards()).toHaveLength(7))
    first.unmount()
    goOffline()
    renderPage(<ServicesPage />)
    // The kept list shows at once; once asking for a newer one has failed, it is marked as offline content.
    expect(serviceCards()).toHaveLength(7)
    expect(await screen.findByText(/网络不可用，正在显示离线内容（保存于/)).toBeInTheDocument()
  })
})

describe('服务详情', () => {
  it('法律援助 shows what it is, who can use it, how, whom to call, and the article’s figures', async () => {
    const legalAid = await service('legal-aid')
    renderPage(<ServiceDetailPage />, { slug: 'legal-aid' })
    expect(await screen.findByText('法律援助')).toBeInTheDocument()
    for (const title of ['是什么', '谁可以用', '怎么办', '找谁']) expect(screen.getByText(title)).toBeInTheDocument()
    expect(screen.getByText(/“七方联动”劳动争议调解机制/)).toBeInTheDocument()
    expect(screen.getAllByText(/“一函两书”/).length).toBeGreaterThan(0)
    for (const reading of ['近3500万元', '超5000人次', '近万件', '130家', '101名']) {
      expect(figureReading(reading)).toBeDefined()
    }
    for (const step of legalAid.how) expect(screen.getByText(step)).toBeInTheDocument()
    expect(screen.getByText('示例')).toBeInTheDocument()
    expect(screen.getByText(`示例说明：${legalAid.sampleNote}`)).toBeInTheDocument()
  })

  it('找谁: a number is tap-to-call (12351); a contact without a number is shown without a call button', async () => {
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
    try {
      renderPage(<ServiceDetailPage />, { slug: 'legal-aid' })
      const hotline = (await screen.findByText('12351')).closest('.contact') as HTMLElement
      fireEvent.click(within(hotline).getByText('拨打'))
      expect(call).toHaveBeenCalledWith({ phoneNumber: '12351' })
      const ownUnion = screen.getByText('所在单位工会').closest('.contact') as HTMLElement
      expect(within(ownUnion).queryByText('拨打')).not.toBeInTheDocument()
      expect(screen.getAllByText('拨打')).toHaveLength(1)
    } finally {
      call.mockRestore()
    }
  })

  it('职工健康讲堂 tells of 八段锦 and 太极拳, and shows no figures it does not have', async () => {
    renderPage(<ServiceDetailPage />, { slug: 'health-classes' })
    expect(await screen.findByText('职工健康讲堂')).toBeInTheDocument()
    expect(screen.getByText(/八段锦、太极拳/, { selector: '.service-section__paragraph' })).toBeInTheDocument()
    expect(document.querySelector('.figures')).toBeNull()
  })

  it('shares the service', async () => {
    renderPage(<ServiceDetailPage />, { slug: 'legal-aid' })
    await screen.findByText('法律援助')
    const [share] = (await firePageEvent('onShareAppMessage')) as Array<{ path: string }>
    expect(share.path).toBe(routes.serviceDetail('legal-aid'))
  })

  it('an unknown service says 未找到该服务, without 重试', async () => {
    renderPage(<ServiceDetailPage />, { slug: 'no-such-service' })
    expect(await screen.findByText('未找到该服务')).toBeInTheDocument()
    expect(screen.queryByText('重试')).not.toBeInTheDocument()
  })

  it('shows what failed with 重试 when the server fails, and loads once it is back', async () => {
    serverFailsWith(503)
    renderPage(<ServiceDetailPage />, { slug: 'summer-cooling' })
    expect(await screen.findByText('服务加载失败')).toBeInTheDocument()
    expect(screen.getByText('服务器开小差了，请稍后重试')).toBeInTheDocument()
    goOnline()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('夏送清凉')).toBeInTheDocument()
  })

  it('offline after one online visit, shows the kept page marked as offline content', async () => {
    const first = renderPage(<ServiceDetailPage />, { slug: 'legal-aid' })
    await screen.findByText('法律援助')
    first.unmount()
    goOffline()
    renderPage(<ServiceDetailPage />, { slug: 'legal-aid' })
    expect(await screen.findByText('法律援助')).toBeInTheDocument()
    expect(await screen.findByText(/网络不可用，正在显示离线内容/)).toBeInTheDocument()
    expect(figureReading('近3500万元')).toBeDefined()
  })
})

describe("女职工课堂 / 单身联谊 / 健康讲堂: the explainer, then the kind's activities", () => {
  it.each<[ServiceSlug, ActivityKind]>([
    ['women-classroom', 'women-class'],
    ['singles-events', 'singles'],
    ['health-classes', 'health']
  ])('%s keeps its explainer and lists its activities, coming first, with the way into the whole list', async (slug, kind) => {
    const explainer = await service(slug)
    const response = await fetch(`/api/activities?kind=${kind}&page=1`)
    const activities = ((await response.json()) as Page<ActivitySummary>).items
    expect(activities.length).toBeGreaterThan(0)
    const { navigateTo, restore } = spyNavigation()
    try {
      renderPage(<ServiceDetailPage />, { slug })
      expect(await screen.findByText(explainer.name)).toBeInTheDocument()
      expect(screen.getByText('是什么')).toBeInTheDocument()
      expect(screen.getByText('近期活动')).toBeInTheDocument()
      const shown = activities.slice(0, 3)
      await waitFor(() =>
        expect(screen.queryAllByTestId('activity-card').map((card) => card.querySelector('.event-card__title')?.textContent)).toEqual(
          shown.map((activity) => activity.title)
        )
      )
      fireEvent.click(screen.getByText(shown[0].title))
      await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.activityDetail(shown[0].id) }))
      fireEvent.click(screen.getByText(`查看全部${ACTIVITY_KIND_LABELS[kind]}活动`))
      await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.activities({ kind }) }))
    } finally {
      restore()
    }
  })

  it('a service without activities (法律援助) has no activity section', async () => {
    const explainer = await service('legal-aid')
    renderPage(<ServiceDetailPage />, { slug: 'legal-aid' })
    expect(await screen.findByText(explainer.name)).toBeInTheDocument()
    expect(screen.queryByText('近期活动')).not.toBeInTheDocument()
  })
})
