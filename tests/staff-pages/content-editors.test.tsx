/**
 * The service, plan and 首页推荐 editors against the real API, as a staffer uses them: what is saved is what workers
 * read next, problems are named under their field (inside a closed section too), and the featured list keeps the
 * order and the limit staff give it. These three records are edited by this suite only.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import StaffFeaturedEditPage from '@/packages/staff/featured-edit/index'
import StaffPlanEditPage from '@/packages/staff/plan-edit/index'
import StaffServiceEditPage from '@/packages/staff/service-edit/index'
import StaffServiceListPage from '@/packages/staff/service-list/index'
import type { StaffFeatured, HomeData, Plan, Service } from '@/domain'
import { routes } from '@/routes'
import { apiJson, spyNavigation } from '../app/page-helpers'
import { recordRequests } from '../app/support/network'
import { renderPage } from '../app/support/render-page'
import { STAFF_ACCOUNTS } from './support/accounts'
import { control, errorUnder, field, pick, quietPickerWarnings, tap, typeInto, valueOf } from './support/editor'
import { logInAs, otherSession } from './support/staff'

beforeEach(quietPickerWarnings)

function section(title: string): HTMLElement {
  return screen.getByRole('group', { name: title })
}

function sectionHead(title: string): HTMLElement {
  return within(section(title)).getAllByRole('button')[0]
}

describe('服务内容', () => {
  it('lists the seven services with who edited them; a tap opens the editor', async () => {
    await logInAs('editor')
    const { navigateTo } = spyNavigation()
    renderPage(<StaffServiceListPage />)
    await waitFor(() => expect(screen.getAllByRole('link')).toHaveLength(7))
    const row = screen.getByText('法律援助').closest('[role="link"]') as HTMLElement
    expect(within(row).getByText(/修改于/)).toBeInTheDocument()
    fireEvent.click(row)
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.staffServiceEdit('legal-aid') }))
  })

  it('a changed tagline, a new step and a contact are saved and shown on the workers’ service page', async () => {
    await logInAs('editor')
    spyNavigation()
    const before = await apiJson<Service>('/api/services/summer-cooling')
    renderPage(<StaffServiceEditPage />, { slug: 'summer-cooling' })
    expect(await valueOf('name')).toBe(before.name)

    await typeInto('tagline', '高温天气，为一线职工送清凉（页面测试）')
    tap('添加一个步骤')
    await typeInto(`how.${before.how.length}`, '页面测试添加的办理步骤。')
    tap('添加联系方式')
    const at = before.contacts.length
    await typeInto(`contacts.${at}.name`, '区总工会权益保障部')
    await typeInto(`contacts.${at}.phone`, '010-6904 0000')
    tap('保存')

    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    expect(screen.getByText(`${STAFF_ACCOUNTS.editor.displayName} 修改于 2026年11月24日 10:00`)).toBeInTheDocument()
    const after = await apiJson<Service>('/api/services/summer-cooling')
    expect(after.tagline).toBe('高温天气，为一线职工送清凉（页面测试）')
    expect(after.how).toEqual([...before.how, '页面测试添加的办理步骤。'])
    expect(after.contacts[at]).toEqual({ name: '区总工会权益保障部', phone: '010-6904 0000' })
  })

  it('an emptied 「是什么」 line and a bad phone number are named under their fields; nothing is sent', async () => {
    await logInAs('editor')
    spyNavigation()
    renderPage(<StaffServiceEditPage />, { slug: 'health-classes' })
    await control('name')
    const requests = recordRequests()
    await typeInto('what.0', '')
    tap('添加联系方式')
    const contactFields = document.querySelectorAll('[data-field$=".phone"]')
    const phoneField = contactFields[contactFields.length - 1].getAttribute('data-field')!
    const at = phoneField.split('.')[1]
    await typeInto(`contacts.${at}.name`, '健康课堂报名处')
    await typeInto(phoneField, '请打电话')
    tap('保存')

    await waitFor(() => expect(errorUnder('what.0')).toBe('请填写「是什么」第 1 条'))
    expect(errorUnder(phoneField)).toBe('电话只能包含数字、空格和 - ，最多 20 位')
    expect(requests.filter((url) => url.includes('/api/staff/services'))).toEqual([])
  })

  it('a service that does not exist says so', async () => {
    await logInAs('editor')
    spyNavigation()
    renderPage(<StaffServiceEditPage />, { slug: 'no-such-service' })
    expect(await screen.findByText('未找到该服务')).toBeInTheDocument()
  })
})

describe('十四五数据', () => {
  it('opens with its sections closed; a figure changed in 技能竞赛 is what workers see', async () => {
    await logInAs('editor')
    spyNavigation()
    renderPage(<StaffPlanEditPage />)
    const head = await waitFor(() => sectionHead('十四五数据 · 技能竞赛'))
    expect(head).toHaveAttribute('aria-expanded', 'false')
    expect(section('十四五数据 · 技能竞赛')).toHaveTextContent('6 个数字：开展技能竞赛、吸引职工参赛')
    expect(document.querySelector('[data-field="plan.figures.0.display"]')).toBeNull()

    tap(head)
    const figure = within(section('十四五数据 · 技能竞赛')).getByRole('group', { name: '数字：开展技能竞赛' })
    expect(figure).toBeInTheDocument()
    expect(await valueOf('plan.figures.0.display')).toBe('30场')
    expect(await valueOf('plan.figures.0.amount')).toBe('30')
    await typeInto('plan.figures.0.display', '31场')
    await typeInto('plan.figures.0.amount', '31')
    tap('保存')

    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    const plan = await apiJson<Plan>('/api/plan')
    expect(plan.figures[0]).toMatchObject({ key: 'skill-contests', display: '31场', amount: 31, unit: '场' })
  })

  it('a figure left without its number is named, and its closed section opens to show it', async () => {
    await logInAs('editor')
    spyNavigation()
    renderPage(<StaffPlanEditPage />)
    const head = await waitFor(() => sectionHead('十四五数据 · 维权服务'))
    tap(head)
    await typeInto('plan.figures.6.amount', '')
    tap(head)
    expect(head).toHaveAttribute('aria-expanded', 'false')
    const requests = recordRequests()
    tap('保存')

    await waitFor(() => expect(head).toHaveAttribute('aria-expanded', 'true'))
    expect(errorUnder('plan.figures.6.amount')).toBe('数字「为职工挽回经济损失」的数值需为不小于 0 的数')
    expect(section('十四五数据 · 维权服务')).toHaveTextContent('有需要修改的地方')
    expect(requests.filter((url) => url.includes('/api/staff/plan'))).toEqual([])
  })
})

describe('首页推荐', () => {
  async function openFeatured() {
    renderPage(<StaffFeaturedEditPage />)
    await control('items.0.title')
  }

  function itemTitles(): string[] {
    return Array.from(document.querySelectorAll('[data-featured-title]')).map((item) => item.getAttribute('data-featured-title')!)
  }

  it('下移 and 上移 reorder the items; saved, 首页 shows them in the new order', async () => {
    const before = await apiJson<HomeData>('/api/home')
    await logInAs('editor')
    spyNavigation()
    await openFeatured()
    const titles = before.featured.map((item) => item.title)
    expect(itemTitles()).toEqual(titles)

    // The first item goes down one place.
    const first = screen.getByRole('group', { name: '推荐第 1 项' }).closest('.list-field__item') as HTMLElement
    fireEvent.click(within(first).getByText('下移'))
    expect(itemTitles()).toEqual([titles[1], titles[0], ...titles.slice(2)])
    tap('保存')

    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    const after = await apiJson<HomeData>('/api/home')
    expect(after.featured.map((item) => item.title)).toEqual([titles[1], titles[0], ...titles.slice(2)])
  })

  it('an added item that opens a competition, picked by its title, shows on 首页; a target not picked is named', async () => {
    await logInAs('editor')
    spyNavigation()
    await openFeatured()
    const count = itemTitles().length
    tap('添加一项推荐')
    await typeInto(`items.${count}.title`, '养蜂技能大赛回顾')
    await pick(within(field(`items.${count}.target`)).getByRole('button', { name: '点开后打开' }), { 0: '一项竞赛' })
    await waitFor(() => expect(field(`items.${count}.target`)).toHaveTextContent('一项竞赛'))
    tap('保存')
    await waitFor(() => expect(errorUnder(`items.${count}.target.id`)).toBe(`推荐第 ${count + 1} 项请选择要打开的竞赛`))

    await pick(within(field(`items.${count}.target.id`)).getByRole('button', { name: '选择竞赛' }), { 0: '2025年“工匠杯”养蜂技能大赛' })
    await waitFor(() => expect(field(`items.${count}.target.id`)).toHaveTextContent('2025年“工匠杯”养蜂技能大赛'))
    tap('保存')

    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    const home = await apiJson<HomeData>('/api/home')
    expect(home.featured[count]).toMatchObject({ title: '养蜂技能大赛回顾', target: { page: 'competitionDetail', id: 'beekeeping-2025' }, sample: false })
    expect(home.featured[count].id).toMatch(/^featured-/)
  })

  it('no more than 8: 添加 is refused past the limit, with the reason', async () => {
    await logInAs('editor')
    spyNavigation()
    await openFeatured()
    while (itemTitles().length < 8) tap('添加一项推荐')
    tap('添加一项推荐')
    expect(itemTitles()).toHaveLength(8)
    expect(errorUnder('items')).toBe('首页推荐最多 8 项，请先删除一项再添加')
    expect(screen.getByText('推荐内容（8/8）')).toBeInTheDocument()
  })

  it('a colleague’s save in between is a conflict; 载入最新版本 shows their list', async () => {
    await logInAs('editor')
    spyNavigation()
    await openFeatured()
    const zhao = await otherSession('admin')
    const current = await zhao.request<StaffFeatured>('GET', '/api/staff/featured')
    await zhao.request('PUT', '/api/staff/featured', { items: current.items.slice(0, 2), version: current.version })

    await typeInto('items.0.title', '我改的标题')
    tap('保存')
    const card = (await screen.findByText('保存失败：内容已被他人修改')).closest('[role="alert"]') as HTMLElement
    expect(card).toHaveTextContent(`首页推荐已被 ${STAFF_ACCOUNTS.admin.displayName} 于 11月24日 10:00 修改，请刷新后再改`)
    expect(await valueOf('items.0.title')).toBe('我改的标题')

    tap('载入最新版本（放弃我的修改）')
    await waitFor(() => expect(itemTitles()).toEqual(current.items.slice(0, 2).map((item) => item.title)))
  })
})
