/**
 * 账号管理 and 操作记录 against the real API, as the union's administrator uses them: opening an account whose
 * holder can then log in, changing roles, 停用 / 启用, resetting a password, the server's refusals shown as it words
 * them, and the audit log naming who changed what. Each test works on accounts of its own; the shared 赵管理 account
 * is never changed.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import StaffAccountsPage from '@/packages/staff/accounts/index'
import StaffAuditPage from '@/packages/staff/audit/index'
import type { CompetitionInput, LoginResponse, StaffAccount, StaffCompetition } from '@/domain'
import { spyNavigation } from '../app/page-helpers'
import { goOnline, recordRequests } from '../app/support/network'
import { renderPage } from '../app/support/render-page'
import { STAFF_ACCOUNTS } from './support/accounts'
import { anotherDesk, fromAnotherDesk } from './support/desk'
import { errorUnder, tap, typeInto } from './support/editor'
import { logInAs, otherSession } from './support/staff'

let serial = 0
/** A login name no other test uses. */
function uniqueName(): string {
  serial += 1
  return `yemian${process.pid % 1000}-${serial}`
}

const FIRST_PASSWORD = '山谷清泉-初始口令-2026'
const NEW_PASSWORD = '白河湾畔-重设口令-2026'

/**
 * Logs in over HTTP as the account's holder would, at a desk of their own: the refused logins these tests expect
 * must not count against the address every other suite logs in from (the server's clock stands still, so they
 * would never lapse). The answer's status, and the session when it worked.
 */
async function logInOverHttp(name: string, password: string): Promise<{ status: number; body: LoginResponse | undefined }> {
  fromAnotherDesk(anotherDesk())
  try {
    const response = await fetch('/api/staff/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, password })
    })
    return { status: response.status, body: response.ok ? ((await response.json()) as LoginResponse) : undefined }
  } finally {
    goOnline()
  }
}

/** An account 赵管理 opened at another computer. */
async function openedAccount(displayName: string): Promise<StaffAccount> {
  const zhao = await otherSession('admin')
  return zhao.request<StaffAccount>('POST', '/api/staff/accounts', { name: uniqueName(), displayName, roles: ['editor'], password: FIRST_PASSWORD })
}

function card(account: { name: string; displayName: string }): HTMLElement {
  return screen.getByRole('group', { name: `${account.displayName}（${account.name}）` })
}

async function openAccounts() {
  renderPage(<StaffAccountsPage />)
  await screen.findByRole('group', { name: `${STAFF_ACCOUNTS.admin.displayName}（${STAFF_ACCOUNTS.admin.name}）` })
}

describe('账号管理', () => {
  it('lists every account with its roles, and marks the administrator’s own', async () => {
    await logInAs('admin')
    spyNavigation()
    await openAccounts()
    const mine = card(STAFF_ACCOUNTS.admin)
    expect(within(mine).getByText('管理员')).toBeInTheDocument()
    expect(within(mine).getByText('当前登录')).toBeInTheDocument()
    const wang = card(STAFF_ACCOUNTS.editor)
    expect(within(wang).getByText('编辑')).toBeInTheDocument()
    expect(within(wang).queryByText('当前登录')).not.toBeInTheDocument()
  })

  it('新建账号 opens an account with the roles ticked; its holder can log in with the initial password', async () => {
    await logInAs('admin')
    spyNavigation()
    await openAccounts()
    tap('新建账号')
    const name = uniqueName()
    await typeInto('name', name)
    await typeInto('displayName', '页面新同事')
    // 编辑 is ticked to start with; 经办 is added.
    expect(screen.getByRole('checkbox', { name: '编辑' })).toHaveAttribute('aria-checked', 'true')
    tap(screen.getByRole('checkbox', { name: '经办' }))
    expect(screen.getByText(/请当面把初始密码交给本人/)).toBeInTheDocument()
    await typeInto('password', FIRST_PASSWORD)
    tap('开设账号')

    expect(await screen.findByText(new RegExp(`^已开设账号 ${name}（页面新同事）。请当面把初始密码交给本人`))).toBeInTheDocument()
    const created = card({ name, displayName: '页面新同事' })
    expect(within(created).getByText('编辑')).toBeInTheDocument()
    expect(within(created).getByText('经办')).toBeInTheDocument()
    expect(within(created).getByText(/尚未登录/)).toBeInTheDocument()

    const login = await logInOverHttp(name, FIRST_PASSWORD)
    expect(login.status).toBe(200)
    expect(login.body?.staff).toMatchObject({ name, displayName: '页面新同事', roles: ['editor', 'handler'] })
  })

  it('a short password and a malformed name are named before anything is sent; a name in use is named by the server', async () => {
    await logInAs('admin')
    spyNavigation()
    await openAccounts()
    tap('新建账号')
    const requests = recordRequests()
    await typeInto('name', 'A B')
    await typeInto('displayName', '页面同事')
    await typeInto('password', '太短的密码')
    tap('开设账号')
    await waitFor(() => expect(errorUnder('password')).toBe('密码至少 12 个字符'))
    expect(errorUnder('name')).toBe('账号需为 2–32 个字符：汉字、小写字母、数字或 _ . -')
    expect(requests.filter((url) => url.includes('/api/staff/accounts'))).toEqual([])

    await typeInto('name', STAFF_ACCOUNTS.editor.name)
    await typeInto('password', FIRST_PASSWORD)
    tap('开设账号')
    await waitFor(() => expect(errorUnder('name')).toBe(`账号「${STAFF_ACCOUNTS.editor.name}」已被使用，请换一个`))
  })

  it('修改角色 changes the roles the server holds', async () => {
    const account = await openedAccount('改角色的同事')
    await logInAs('admin')
    spyNavigation()
    await openAccounts()
    const mine = card(account)
    tap(within(mine).getByText('修改角色'))
    tap(within(mine).getByRole('checkbox', { name: '经办' }))
    tap(within(mine).getByRole('checkbox', { name: '编辑' }))
    tap(within(mine).getByText('保存角色'))

    expect(await within(mine).findByText('已修改角色：经办')).toBeInTheDocument()
    expect(within(mine).queryByText('编辑')).not.toBeInTheDocument()
    const login = await logInOverHttp(account.name, FIRST_PASSWORD)
    expect(login.body?.staff.roles).toEqual(['handler'])
  })

  it('停用 ends the account: marked 已停用 and its holder can no longer log in; 启用 lets them back', async () => {
    const account = await openedAccount('停用的同事')
    await logInAs('admin')
    spyNavigation()
    await openAccounts()
    const mine = card(account)
    tap(within(mine).getByText('停用'))
    expect(within(mine).getByText(/停用后该账号立即退出登录，且不能再登录/)).toBeInTheDocument()
    tap(within(mine).getByText('确定停用'))

    expect(await within(mine).findByText('已停用：该账号已退出登录，不能再登录')).toBeInTheDocument()
    expect(within(mine).getByText('已停用')).toBeInTheDocument()
    expect((await logInOverHttp(account.name, FIRST_PASSWORD)).status).toBe(401)

    tap(within(mine).getByText('启用'))
    tap(within(mine).getByText('确定启用'))
    expect(await within(mine).findByText('已启用：该账号可以重新登录')).toBeInTheDocument()
    expect(within(mine).queryByText('已停用')).not.toBeInTheDocument()
    expect((await logInOverHttp(account.name, FIRST_PASSWORD)).status).toBe(200)
  })

  it('重置密码 sets a new password: the old one no longer works, the new one does', async () => {
    const account = await openedAccount('忘了密码的同事')
    await logInAs('admin')
    spyNavigation()
    await openAccounts()
    const mine = card(account)
    tap(within(mine).getByText('重置密码'))
    await typeInto('password', '短')
    tap(within(mine).getByText('确认重置'))
    await waitFor(() => expect(within(mine).getByText('密码至少 12 个字符')).toBeInTheDocument())

    await typeInto('password', NEW_PASSWORD)
    tap(within(mine).getByText('确认重置'))
    expect(await within(mine).findByText(/^已重置密码，该账号已在各处退出登录。请当面把新密码交给本人/)).toBeInTheDocument()
    expect((await logInOverHttp(account.name, FIRST_PASSWORD)).status).toBe(401)
    expect((await logInOverHttp(account.name, NEW_PASSWORD)).status).toBe(200)
  })

  it('the server’s refusal to disable the last administrator is shown as it says it', async () => {
    const zhao = await otherSession('admin')
    // Were there another enabled administrator, the server would rightly disable 赵管理, whom every suite shares.
    const admins = (await zhao.request<StaffAccount[]>('GET', '/api/staff/accounts')).filter((each) => each.roles.includes('admin') && !each.disabled)
    expect(admins.map((each) => each.name)).toEqual([STAFF_ACCOUNTS.admin.name])

    await logInAs('admin')
    spyNavigation()
    await openAccounts()
    const mine = card(STAFF_ACCOUNTS.admin)
    tap(within(mine).getByText('停用'))
    expect(within(mine).getByText(/这是你自己的账号，你也会被退出/)).toBeInTheDocument()
    tap(within(mine).getByText('确定停用'))
    expect(await within(mine).findByText('这是最后一个启用的管理员账号，不能停用：请先让另一个账号成为管理员')).toBeInTheDocument()
    expect(within(mine).queryByText('已停用')).not.toBeInTheDocument()
  })

  it('an editor opening 账号管理 or 操作记录 is told the pages need the administrator role', async () => {
    await logInAs('editor')
    spyNavigation()
    const accounts = renderPage(<StaffAccountsPage />)
    expect(screen.getByText('没有权限：此页面需要管理员角色')).toBeInTheDocument()
    accounts.unmount()
    renderPage(<StaffAuditPage />)
    expect(screen.getByText('没有权限：此页面需要管理员角色')).toBeInTheDocument()
  })
})

describe('操作记录', () => {
  function entryRows(): HTMLElement[] {
    return Array.from(document.querySelectorAll<HTMLElement>('[data-audit-id]'))
  }

  it('lists the changes just made, newest first, with who and when; a tap shows what changed', async () => {
    const account = await openedAccount('审计里的同事')
    const zhao = await otherSession('admin')
    await zhao.request('PATCH', `/api/staff/accounts/${account.id}`, { displayName: '审计里改名的同事' })
    await logInAs('admin')
    spyNavigation()
    renderPage(<StaffAuditPage />)
    fireEvent.click(within(await screen.findByRole('group', { name: '类别' })).getByText('账号'))

    const renamed = (await screen.findByText(`修改账号 ${account.name}（审计里改名的同事）（改了姓名）`)).closest('[data-audit-id]') as HTMLElement
    const created = screen.getByText(`新建账号 ${account.name}（审计里的同事）`).closest('[data-audit-id]') as HTMLElement
    const rows = entryRows()
    expect(rows.indexOf(renamed)).toBeLessThan(rows.indexOf(created))
    expect(within(renamed).getByText(STAFF_ACCOUNTS.admin.displayName)).toBeInTheDocument()
    expect(within(renamed).getByText('2026年11月24日 10:00')).toBeInTheDocument()
    expect(within(renamed).getByText('账号')).toBeInTheDocument()

    tap(within(renamed).getByText('查看改动'))
    const change = renamed.querySelector('[data-change-key="displayName"]') as HTMLElement
    expect(within(change).getByText('姓名')).toBeInTheDocument()
    expect(within(change).getByText('改前："审计里的同事"')).toBeInTheDocument()
    expect(within(change).getByText('改后："审计里改名的同事"')).toBeInTheDocument()
    // Only what changed is shown.
    expect(renamed.querySelector('[data-change-key="roles"]')).toBeNull()
    tap(within(renamed).getByText('收起改动'))
    expect(renamed.querySelector('[data-change-key]')).toBeNull()
  })

  it('shows 20 a page, 加载更多 adds the next; the 竞赛 filter shows 王编辑’s changes, long values cut short', async () => {
    // Twenty-one saves of one competition by 王编辑: more than a page of 竞赛 records, whatever else runs.
    const wang = await otherSession('editor')
    const input: CompetitionInput = {
      title: `审计分页竞赛${process.pid % 1000}`,
      trade: '叉车',
      summary: '操作记录测试用的竞赛。',
      cover: null,
      signupStartsAt: '2026-12-01T09:00:00+08:00',
      signupEndsAt: '2026-12-10T17:00:00+08:00',
      eventStartsAt: '2026-12-20T09:00:00+08:00',
      eventEndsAt: '2026-12-20T17:00:00+08:00',
      venue: '密云区',
      organizer: '密云区总工会',
      quota: null,
      schedule: [],
      rules: [],
      awards: [],
      results: [],
      contact: null,
      sample: false,
      sampleNote: null
    }
    let competition = await wang.request<StaffCompetition>('POST', '/api/staff/competitions', input)
    const longRule = '规则'.repeat(100)
    for (let round = 1; round <= 21; round += 1) {
      competition = await wang.request<StaffCompetition>('PUT', `/api/staff/competitions/${competition.id}`, {
        ...input,
        venue: `密云区第 ${round} 次`,
        rules: round === 21 ? [longRule] : [],
        version: competition.version
      })
    }

    await logInAs('admin')
    spyNavigation()
    renderPage(<StaffAuditPage />)
    fireEvent.click(within(await screen.findByRole('group', { name: '类别' })).getByText('竞赛'))
    await waitFor(() => expect(entryRows()).toHaveLength(20))
    expect(entryRows().every((row) => within(row).queryByText('竞赛') !== null)).toBe(true)

    const newest = entryRows()[0]
    expect(within(newest).getByText(STAFF_ACCOUNTS.editor.displayName)).toBeInTheDocument()
    tap(within(newest).getByText('查看改动'))
    expect(within(newest.querySelector('[data-change-key="venue"]') as HTMLElement).getByText('改后："密云区第 21 次"')).toBeInTheDocument()
    const rules = newest.querySelector('[data-change-key="rules"]') as HTMLElement
    const after = within(rules).getByText(/^改后：/).textContent!
    expect(after.endsWith('…')).toBe(true)
    expect([...after].length).toBeLessThan(100)

    tap('加载更多')
    await waitFor(() => expect(entryRows().length).toBeGreaterThan(20))
  })
})
