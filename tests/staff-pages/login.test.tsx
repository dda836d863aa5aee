/**
 * 工作人员登录 against the real API: what a staffer sees when the password is wrong, when the account is locked after
 * repeated failures, when the network is down, and that a good login keeps the session and opens 工作台.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react'
import StaffLoginPage from '@/packages/staff/login/index'
import { readSession } from '@/api/staff/session'
import { LOGIN_FAILURES_ALLOWED } from '@/domain'
import { routes } from '@/routes'
import { spyNavigation } from '../app/page-helpers'
import { goOffline } from '../app/support/network'
import { renderPage } from '../app/support/render-page'
import { STAFF_ACCOUNTS, STAFF_TEST_PASSWORD } from './support/accounts'
import { anotherDesk, fromAnotherDesk } from './support/desk'
import { logInAs } from './support/staff'

function inputOf(label: '账号' | '密码'): HTMLInputElement {
  return document.querySelector(`[data-field="${label === '账号' ? 'name' : 'password'}"] input`) as HTMLInputElement
}

function type(label: '账号' | '密码', value: string) {
  fireEvent.input(inputOf(label), { target: { value } })
}

function loginButton(): HTMLElement {
  return screen.getByText(/^(登录|正在登录…)$/).closest('.taro-button-core') as HTMLElement
}

async function logIn(name: string, password: string) {
  type('账号', name)
  type('密码', password)
  fireEvent.click(loginButton())
}

describe('工作人员登录', () => {
  it('explains that accounts come from the administrator, with no sign-up', () => {
    spyNavigation()
    renderPage(<StaffLoginPage />)
    expect(screen.getByText(/账号由区总工会管理员统一开设，不提供自行注册/)).toBeInTheDocument()
    expect(inputOf('密码')).toHaveAttribute('type', 'password')
  })

  it('says the account or password is wrong, keeps the account and empties the password', async () => {
    spyNavigation()
    // Failed logins count against the caller's address too: this one comes from its own desk.
    fromAnotherDesk(anotherDesk())
    renderPage(<StaffLoginPage />)
    await logIn(STAFF_ACCOUNTS.editor.name, '不是这个密码-123456')

    expect(await screen.findByRole('alert')).toHaveTextContent('账号或密码不正确')
    expect(inputOf('账号')).toHaveValue(STAFF_ACCOUNTS.editor.name)
    expect(inputOf('密码')).toHaveValue('')
    expect(readSession()).toBeUndefined()
    expect(screen.getByText('登录')).toBeInTheDocument()
  })

  it('asks for the account and password before sending anything', async () => {
    spyNavigation()
    renderPage(<StaffLoginPage />)
    fireEvent.click(loginButton())
    expect(await screen.findByText('请填写账号')).toBeInTheDocument()
    expect(screen.getByText('请填写密码')).toBeInTheDocument()
  })

  it('shows 正在登录… on a disabled button while sending, then keeps the session and opens 工作台', async () => {
    const { redirectTo } = spyNavigation()
    renderPage(<StaffLoginPage />)
    await logIn(STAFF_ACCOUNTS.editor.name, STAFF_TEST_PASSWORD)

    expect(screen.getByText('正在登录…')).toBeInTheDocument()
    expect(loginButton()).toHaveAttribute('disabled')
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: routes.staffHome() }))
    const session = readSession()
    expect(session?.staff.displayName).toBe(STAFF_ACCOUNTS.editor.displayName)
    expect(session?.token).toEqual(expect.any(String))
    // The token travels in a header only, never in a page address.
    expect(JSON.stringify(redirectTo.mock.calls)).not.toContain(session!.token)
  })

  it('goes straight to 工作台 when a session is already on the device', async () => {
    await logInAs('editor')
    const { redirectTo } = spyNavigation()
    renderPage(<StaffLoginPage />)
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: routes.staffHome() }))
    expect(screen.queryByText('登录')).not.toBeInTheDocument()
  })

  it(`locks the account after ${LOGIN_FAILURES_ALLOWED} failures and says until when`, async () => {
    spyNavigation()
    fromAnotherDesk(anotherDesk())
    renderPage(<StaffLoginPage />)
    // A name nobody has: the per-account lock counts it all the same, and no real account is locked out.
    const name = `nobody-${Date.now() % 100000}-${process.pid}`
    for (let attempt = 1; attempt < LOGIN_FAILURES_ALLOWED; attempt++) {
      await logIn(name, `猜一猜-${attempt}-abcdef`)
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('账号或密码不正确'))
      await waitFor(() => expect(screen.getByText('登录')).toBeInTheDocument())
    }
    await logIn(name, '再猜一次-abcdef')
    // The server's clock stands at TEST_NOW (10:00 Beijing time): the lock lasts 15 minutes.
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('登录失败次数过多，请于 10:15 后再试'))
    expect(inputOf('账号')).toHaveValue(name)
  })

  it('says the network failed and keeps what was typed', async () => {
    spyNavigation()
    renderPage(<StaffLoginPage />)
    goOffline()
    await logIn(STAFF_ACCOUNTS.editor.name, STAFF_TEST_PASSWORD)

    expect(await screen.findByRole('alert')).toHaveTextContent('网络连接失败')
    expect(inputOf('账号')).toHaveValue(STAFF_ACCOUNTS.editor.name)
    expect(inputOf('密码')).toHaveValue(STAFF_TEST_PASSWORD)
    expect(readSession()).toBeUndefined()
    expect(screen.getByText('登录')).toBeInTheDocument()
  })
})
