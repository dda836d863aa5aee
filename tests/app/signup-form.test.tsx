/**
 * The sign-up form against the real API: the rules shown under the fields before anything is sent, the notice's
 * unticked agreement, the draft kept on the device after a failed send and offered again, places and the waitlist,
 * and a competition's extra fields. Each test is a fresh device (a new H5 identity).
 */
import { screen, waitFor } from '@testing-library/react'
import SignupFormPage from '@/packages/signups/form/index'
import { readDraft } from '@/state/local-draft'
import type { CompetitionSummary, Page } from '@/domain'
import { CONSENT_MISSING, draftKey } from '@/packages/signups/form/use-signup-form'
import { errorUnder, field, tap, typeInto, valueOf } from '../staff-pages/support/editor'
import { renderPage } from './support/render-page'
import { goOffline, goOnline } from './support/network'
import { availability, fillEvent } from './signup-support'
import { spyNavigation } from './page-helpers'

const OPEN_ACTIVITY = 'baduanjin-class'

async function fillIn(values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) await typeInto(name, value)
}

const valid = { name: '张秀兰', phone: '13912345678', employer: '密云区职工服务中心' }

async function openForm(type: string, id: string) {
  renderPage(<SignupFormPage />, { type, id })
  await screen.findByText('提交报名')
}

function agree(): void {
  tap(screen.getByRole('checkbox', { name: /我已阅读并同意/ }))
}

describe('报名表单', () => {
  beforeEach(() => spyNavigation())

  it('shows the event, its places and the rules under the fields before sending anything', async () => {
    const places = await availability('activity', OPEN_ACTIVITY)
    await openForm('activity', OPEN_ACTIVITY)
    expect(screen.getByText('八段锦', { exact: false })).toBeInTheDocument()
    expect(await screen.findByText(places.label)).toBeInTheDocument()

    await fillIn({ name: '张', phone: '1234', employer: '' })
    agree()
    tap('提交报名')
    expect(await screen.findByText('请按红字提示修改后再提交')).toBeInTheDocument()
    expect(errorUnder('phone')).toBe('手机号应为 11 位数字，以 1 开头')
    expect(errorUnder('name')).toMatch(/姓名/)
    expect(errorUnder('employer')).toMatch(/工作单位/)
    // Nothing was sent: the places are what they were.
    expect((await availability('activity', OPEN_ACTIVITY)).taken).toBe(places.taken)
  })

  it('asks for the agreement before the first personal field is sent, then signs up', async () => {
    await openForm('activity', OPEN_ACTIVITY)
    expect(screen.getByText('《报名个人信息处理说明》')).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: /我已阅读并同意/ })).toHaveAttribute('aria-checked', 'false')
    await fillIn(valid)
    tap('提交报名')
    expect(await screen.findByText(CONSENT_MISSING)).toBeInTheDocument()

    agree()
    tap('提交报名')
    expect(await screen.findByText('报名成功', { selector: '.signup-result__title' })).toBeInTheDocument()
    expect(screen.getByText('查看我的报名')).toBeInTheDocument()
    expect(readDraft(draftKey({ type: 'activity', id: OPEN_ACTIVITY }))).toBeUndefined()
  })

  it('keeps everything typed on the device when the send fails, and offers it again', async () => {
    const first = renderPage(<SignupFormPage />, { type: 'activity', id: 'women-class' })
    await screen.findByText('提交报名')
    await fillIn(valid)
    agree()
    goOffline()
    tap('提交报名')
    expect(await screen.findByText(/已填写的内容保存在本机/)).toBeInTheDocument()
    const kept = readDraft<{ fields: typeof valid; idempotencyKey: string }>(draftKey({ type: 'activity', id: 'women-class' }))
    expect(kept?.value.fields).toMatchObject(valid)
    first.unmount()

    goOnline()
    await openForm('activity', 'women-class')
    tap(await screen.findByText('继续上次的填写'))
    expect(await valueOf('phone')).toBe(valid.phone)
    expect(await valueOf('name')).toBe(valid.name)
    agree()
    tap('提交报名')
    expect(await screen.findByText('报名成功', { selector: '.signup-result__title' })).toBeInTheDocument()
  })

  it('says when the places are gone and puts the worker on the waitlist with their position', async () => {
    await fillEvent('activity', 'yoga-class')
    await openForm('activity', 'yoga-class')
    expect(await screen.findByText(/名额已满/)).toBeInTheDocument()
    await fillIn(valid)
    agree()
    tap('提交报名')
    expect(await screen.findByText(/名额已满，您是候补第 \d+ 位/)).toBeInTheDocument()
    expect(screen.getByText(/候补第 \d+ 位/, { selector: '.signup-state' })).toBeInTheDocument()
  })

  it('asks a competition for the trade and the years in it', async () => {
    const open = (await (await fetch('/api/competitions?status=signup&page=1')).json()) as Page<CompetitionSummary>
    const competition = open.items[0]!
    await openForm('competition', competition.id)
    expect(field('trade')).toBeInTheDocument()
    expect(await valueOf('trade')).toBe(competition.trade)
    await fillIn({ ...valid, years: '七' })
    agree()
    tap('提交报名')
    await waitFor(() => expect(errorUnder('years')).toMatch(/从业年限/))
  })

  it('says a link that names nothing is not found', async () => {
    renderPage(<SignupFormPage />, { type: 'party', id: 'x' })
    expect(await screen.findByText('未找到该报名项目')).toBeInTheDocument()
  })
})
