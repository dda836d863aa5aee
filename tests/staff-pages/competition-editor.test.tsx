/**
 * 竞赛与活动 and the competition editor against the real API, as a staffer uses them: changing facts and publishing
 * results that workers then see, being told about dates in the wrong order before anything is sent, marking a sample
 * record as real, and keeping what was typed when a colleague saved first, the network failed or the session ended.
 * Each test works on a competition of its own (other suites share the server).
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import StaffCompetitionEditPage from '@/packages/staff/competition-edit/index'
import StaffCompetitionListPage from '@/packages/staff/competition-list/index'
import { readSession } from '@/api/staff/session'
import type { CompetitionInput, StaffCompetition, StaffCompetitionSummary, Competition } from '@/domain'
import { routes } from '@/routes'
import { apiJson, spyNavigation } from '../app/page-helpers'
import { goOffline, goOnline, recordRequests } from '../app/support/network'
import { renderPage } from '../app/support/render-page'
import { STAFF_ACCOUNTS } from './support/accounts'
import { control, draftWritten, errorUnder, field, pick, quietPickerWarnings, tap, typeInto, uniqueTitle, valueOf } from './support/editor'
import { logInAs, otherSession } from './support/staff'

/** A competition in sign-up at the tests' clock (2026-11-24 10:00), marked as sample data. */
function sampleInput(title: string): CompetitionInput {
  return {
    title,
    trade: '电工',
    summary: '页面测试用的竞赛。',
    cover: null,
    signupStartsAt: '2026-11-20T09:00:00+08:00',
    signupEndsAt: '2026-11-30T17:00:00+08:00',
    eventStartsAt: '2026-12-10T09:00:00+08:00',
    eventEndsAt: '2026-12-10T17:00:00+08:00',
    venue: '密云区 · 示例场地',
    organizer: '密云区总工会',
    quota: 50,
    schedule: [{ at: '2026-12-10T09:00:00+08:00', title: '决赛' }],
    rules: ['按现场评分'],
    awards: [],
    results: [],
    contact: { name: '职工服务热线', phone: '12351' },
    sample: true,
    sampleNote: '日期与场地为示例'
  }
}

/** Made by 王编辑 at another computer, so the test has a record nobody else touches. */
async function createdCompetition(what: string): Promise<StaffCompetition> {
  const wang = await otherSession('editor')
  return wang.request<StaffCompetition>('POST', '/api/staff/competitions', sampleInput(uniqueTitle(what)))
}

async function openEditor(id?: string) {
  const view = renderPage(<StaffCompetitionEditPage />, id ? { id } : {})
  await control('title')
  return view
}

const workerCompetition = (id: string) => apiJson<Competition>(`/api/competitions/${id}`)

beforeEach(quietPickerWarnings)

describe('竞赛与活动', () => {
  it('lists every competition with its status from the dates, the 示例 mark and who edited it last', async () => {
    const competition = await createdCompetition('列表竞赛')
    await logInAs('editor')
    const { navigateTo } = spyNavigation()
    renderPage(<StaffCompetitionListPage />)

    const row = (await screen.findByText(competition.title)).closest('[role="link"]') as HTMLElement
    expect(within(row).getByText('报名中')).toBeInTheDocument()
    expect(within(row).getByText('示例')).toBeInTheDocument()
    expect(within(row).getByText(`${STAFF_ACCOUNTS.editor.displayName} 修改于 2026年11月24日 10:00`)).toBeInTheDocument()
    // A 2025 contest from the article, long over.
    const past = screen.getByText('2025年“工匠杯”养蜂技能大赛').closest('[role="link"]') as HTMLElement
    expect(within(past).getByText('已结束')).toBeInTheDocument()

    fireEvent.click(row)
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.staffCompetitionEdit(competition.id) }))
  })

  it('新建竞赛 opens an empty editor; filled in and saved, workers see the new competition', async () => {
    await logInAs('editor')
    const { navigateTo } = spyNavigation()
    const list = renderPage(<StaffCompetitionListPage />)
    tap(await screen.findByText('新建竞赛'))
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.staffCompetitionEdit() }))
    list.unmount()

    await openEditor()
    expect(screen.getByText('新建 · 尚未保存')).toBeInTheDocument()
    // Sign-up from tomorrow, in Beijing time.
    expect(screen.getByRole('button', { name: '报名开始的日期' })).toHaveTextContent('2026-11-25')
    expect(screen.getByRole('button', { name: '报名开始的时间' })).toHaveTextContent('09:00')

    const title = uniqueTitle('页面新建竞赛')
    await typeInto('title', title)
    fireEvent.click(within(field('trade')).getByRole('button', { name: '工种' }))
    fireEvent.click(await screen.findByText('确定'))
    await typeInto('summary', '页面新建的竞赛简介。')
    await typeInto('venue', '密云区职工服务中心')
    tap('保存')

    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    expect(screen.getByText(`${STAFF_ACCOUNTS.editor.displayName} 修改于 2026年11月24日 10:00`)).toBeInTheDocument()
    const all = await (await otherSession('editor')).request<StaffCompetitionSummary[]>('GET', '/api/staff/competitions')
    const created = all.find((item) => item.title === title)!
    const seen = await workerCompetition(created.id)
    expect(seen).toMatchObject({
      title,
      trade: '养蜂',
      venue: '密云区职工服务中心',
      status: 'upcoming',
      sample: false
    })
    expect(Date.parse(seen.signupStartsAt)).toBe(Date.parse('2026-11-25T09:00:00+08:00'))
    expect(seen.quota).toBeUndefined()
  })
})

describe('编辑竞赛', () => {
  it('a new venue and published results (with 密云工匠 added from the quick choices) reach workers at once', async () => {
    const competition = await createdCompetition('公布成绩')
    await logInAs('editor')
    spyNavigation()
    await openEditor(competition.id)
    expect(await valueOf('venue')).toBe('密云区 · 示例场地')

    await typeInto('venue', '密云区职工之家二层')
    tap('＋密云工匠')
    expect(await valueOf('awards.0.title')).toBe('密云工匠')
    tap('添加一条成绩')
    await typeInto('results.0.rank', '一等奖')
    await typeInto('results.0.name', '张师傅')
    await typeInto('results.0.unit', '密云区供电公司')
    await typeInto('results.0.award', '密云工匠')
    tap('添加一条成绩')
    await typeInto('results.1.rank', '二等奖')
    await typeInto('results.1.name', '李师傅')
    tap('保存')

    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    expect(screen.queryByText('有未保存的修改（已暂存在本机）')).not.toBeInTheDocument()
    const seen = await workerCompetition(competition.id)
    expect(seen.venue).toBe('密云区职工之家二层')
    expect(seen.results).toEqual([
      { rank: '一等奖', name: '张师傅', unit: '密云区供电公司', award: '密云工匠' },
      { rank: '二等奖', name: '李师傅' }
    ])
    expect(seen.awards.map((award) => award.title)).toEqual(['密云工匠'])
  })

  it('dates in the wrong order are refused under the field, and nothing is sent', async () => {
    const competition = await createdCompetition('日期顺序')
    await logInAs('editor')
    spyNavigation()
    await openEditor(competition.id)
    const requests = recordRequests()

    // 报名截止 moved a year back, before 报名开始.
    const endDate = screen.getByRole('button', { name: '报名截止的日期' })
    await pick(endDate, { 0: '2025年' })
    await waitFor(() => expect(endDate).toHaveTextContent('2025-11-30'))
    tap('保存')

    await waitFor(() => expect(errorUnder('signupEndsAt')).toBe('报名截止时间不能早于报名开始时间'))
    expect(screen.getByRole('alert', { name: '需要修改的地方' })).toHaveTextContent('报名截止时间不能早于报名开始时间')
    expect(screen.getByText('有 1 处需要修改，请查看标红的项目')).toBeInTheDocument()
    expect(requests.filter((url) => url.includes('/api/staff/competitions'))).toEqual([])

    // Put right, the message goes at once.
    await pick(endDate, { 0: '2026年' })
    await waitFor(() => expect(errorUnder('signupEndsAt')).toBeNull())
  })

  it('a quota that is not a whole number is named under 名额; left empty it means 不限', async () => {
    const competition = await createdCompetition('名额')
    await logInAs('editor')
    spyNavigation()
    await openEditor(competition.id)
    expect(await valueOf('quota')).toBe('50')

    await typeInto('quota', '0')
    tap('保存')
    await waitFor(() => expect(errorUnder('quota')).toBe('名额需为 1–100000 的整数，不限名额请留空'))

    await typeInto('quota', '')
    tap('保存')
    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    expect((await workerCompetition(competition.id)).quota).toBeUndefined()
  })

  it('unticking 仍为示例数据 marks the record as real facts: workers no longer see it as sample', async () => {
    const competition = await createdCompetition('示例换真')
    expect((await workerCompetition(competition.id)).sample).toBe(true)
    await logInAs('editor')
    spyNavigation()
    await openEditor(competition.id)

    const toggle = screen.getByRole('switch', { name: '仍为示例数据' })
    expect(toggle).toHaveAttribute('aria-checked', 'true')
    expect(await valueOf('sampleNote')).toBe('日期与场地为示例')
    tap(toggle)
    expect(toggle).toHaveAttribute('aria-checked', 'false')
    expect(screen.getByText(/已取消勾选：保存后即表示这条记录已由真实信息替换/)).toBeInTheDocument()
    tap('保存')

    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    const seen = await workerCompetition(competition.id)
    expect(seen.sample).toBe(false)
    expect(seen.sampleNote).toBeUndefined()
  })
})

describe('编辑竞赛 when things go wrong', () => {
  it('a colleague’s save in between is a conflict naming who and when; the input stays until 载入最新版本', async () => {
    const competition = await createdCompetition('冲突')
    await logInAs('editor')
    spyNavigation()
    await openEditor(competition.id)

    // 赵管理, at another computer, saves first.
    const zhao = await otherSession('admin')
    await zhao.request('PUT', `/api/staff/competitions/${competition.id}`, {
      ...sampleInput(competition.title),
      venue: '管理员改的场地',
      version: competition.version
    })

    await typeInto('venue', '我改的场地')
    tap('保存')
    const card = (await screen.findByText('保存失败：内容已被他人修改')).closest('[role="alert"]') as HTMLElement
    expect(card).toHaveTextContent(`该竞赛已被 ${STAFF_ACCOUNTS.admin.displayName} 于 11月24日 10:00 修改，请刷新后再改`)
    expect(card).toHaveTextContent(`最新版本：${STAFF_ACCOUNTS.admin.displayName} 修改于 2026年11月24日 10:00`)
    expect(await valueOf('venue')).toBe('我改的场地')
    expect((await workerCompetition(competition.id)).venue).toBe('管理员改的场地')

    tap('载入最新版本（放弃我的修改）')
    await waitFor(async () => expect(await valueOf('venue')).toBe('管理员改的场地'))
    expect(screen.queryByText('保存失败：内容已被他人修改')).not.toBeInTheDocument()

    // Against the version just loaded, a save goes through.
    await typeInto('venue', '载入后再改的场地')
    tap('保存')
    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    expect((await workerCompetition(competition.id)).venue).toBe('载入后再改的场地')
  })

  it('a save that fails on the network keeps the input, and reopening offers the kept draft', async () => {
    const competition = await createdCompetition('断网')
    await logInAs('editor')
    spyNavigation()
    const first = await openEditor(competition.id)
    await typeInto('venue', '断网时填写的场地')
    goOffline()
    tap('保存')

    expect(await screen.findByText(/^未保存：网络连接失败/)).toBeInTheDocument()
    expect(await valueOf('venue')).toBe('断网时填写的场地')
    expect(screen.getByText('有未保存的修改（已暂存在本机）')).toBeInTheDocument()
    await draftWritten(`competition:${competition.id}`)
    first.unmount()
    goOnline()

    await openEditorWithOffer(competition.id)
    tap(screen.getByText('恢复未保存的内容（保存于 2026年11月24日 10:00）'))
    expect(await valueOf('venue')).toBe('断网时填写的场地')
    tap('保存')
    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    expect((await workerCompetition(competition.id)).venue).toBe('断网时填写的场地')
  })

  it('a session that ended says so with a way to log in again, and keeps the input', async () => {
    const competition = await createdCompetition('掉线')
    await logInAs('editor')
    const { navigateTo } = spyNavigation()
    await openEditor(competition.id)
    await typeInto('venue', '掉线前填写的场地')
    await fetch('/api/staff/session', { method: 'DELETE', headers: { Authorization: `Bearer ${readSession()!.token}` } })

    tap('保存')
    expect(await screen.findByText(/已填写的内容保存在本机，重新登录后可继续/)).toBeInTheDocument()
    expect(await valueOf('venue')).toBe('掉线前填写的场地')
    tap('重新登录')
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.staffLogin() }))
  })

  it('loading that fails says so, and 重试 loads the competition', async () => {
    const competition = await createdCompetition('加载失败')
    await logInAs('editor')
    spyNavigation()
    goOffline()
    renderPage(<StaffCompetitionEditPage />, { id: competition.id })
    expect(await screen.findByText('竞赛加载失败')).toBeInTheDocument()
    goOnline()
    tap('重试')
    expect(await valueOf('title')).toBe(competition.title)
  })

  it('a competition that does not exist says so', async () => {
    await logInAs('editor')
    spyNavigation()
    renderPage(<StaffCompetitionEditPage />, { id: 'no-such-competition' })
    expect(await screen.findByText('未找到该竞赛')).toBeInTheDocument()
  })

  it('a 经办 without the editor role is told the page needs it', async () => {
    await logInAs('handler')
    spyNavigation()
    renderPage(<StaffCompetitionListPage />)
    expect(screen.getByText('没有权限：此页面需要编辑角色')).toBeInTheDocument()
  })
})

async function openEditorWithOffer(id: string) {
  renderPage(<StaffCompetitionEditPage />, { id })
  await screen.findByText('这项竞赛有未保存到服务器的内容')
}
