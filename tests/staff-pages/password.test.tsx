/**
 * 修改密码 against the real API. The password that is changed belongs to an account made for this test (through the
 * administrator's API), so the sessions of the shared test accounts other suites use are not ended by it.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react'
import StaffPasswordPage from '@/packages/staff/password/index'
import { login } from '@/api/staff/request'
import { recordRequests } from '../app/support/network'
import { spyNavigation } from '../app/page-helpers'
import { renderPage } from '../app/support/render-page'
import { anotherDesk, fromAnotherDesk } from './support/desk'
import { logInAs, otherSession } from './support/staff'

const FIRST_PASSWORD = '初始密码-密云工会-页面测试'
const NEW_PASSWORD = '新的密码-密云工会-页面测试-2027'

function input(name: string): HTMLInputElement {
  return document.querySelector(`[data-field="${name}"] input`) as HTMLInputElement
}

function fill(values: { currentPassword?: string; newPassword?: string; repeatPassword?: string }) {
  for (const [name, value] of Object.entries(values)) fireEvent.input(input(name), { target: { value } })
}

function errorUnder(name: string): string | null {
  return document.querySelector(`[data-field="${name}"] .field__error`)?.textContent ?? null
}

async function newAccount(): Promise<string> {
  const admin = await otherSession('admin')
  const name = `mima${process.pid % 10000}${Date.now() % 100000}`
  await admin.request('POST', '/api/staff/accounts', { name, displayName: '改密码测试', roles: ['editor'], password: FIRST_PASSWORD })
  return name
}

describe('修改密码', () => {
  it('checks the new password on the phone before sending', async () => {
    await logInAs('handler')
    spyNavigation()
    renderPage(<StaffPasswordPage />)
    const requests = recordRequests()

    fill({ currentPassword: '随便什么', newPassword: '太短了', repeatPassword: '太短了' })
    fireEvent.click(screen.getByText('修改密码'))
    await waitFor(() => expect(errorUnder('newPassword')).toBe('密码至少 12 个字符'))

    fill({ newPassword: '足够长的新密码-但两次不一样', repeatPassword: '足够长的新密码-但两次不一样了' })
    fireEvent.click(screen.getByText('修改密码'))
    await waitFor(() => expect(errorUnder('repeatPassword')).toBe('两次输入的新密码不一致'))
    expect(requests).toEqual([])
  })

  it('shows the server’s refusal of a common password under the field', async () => {
    await logInAs('handler')
    spyNavigation()
    renderPage(<StaffPasswordPage />)
    fill({ currentPassword: '不会被检查到这一步', newPassword: 'password1234', repeatPassword: 'password1234' })
    fireEvent.click(screen.getByText('修改密码'))
    await waitFor(() => expect(errorUnder('newPassword')).toBe('这个密码太常见，很容易被猜到，请换一个'))
  })

  it('says when the current password is wrong', async () => {
    await logInAs('handler')
    spyNavigation()
    // A wrong current password counts as a failed login for the address: this one comes from its own desk.
    fromAnotherDesk(anotherDesk())
    renderPage(<StaffPasswordPage />)
    fill({ currentPassword: '这不是当前密码-123', newPassword: NEW_PASSWORD, repeatPassword: NEW_PASSWORD })
    fireEvent.click(screen.getByText('修改密码'))
    await waitFor(() => expect(errorUnder('currentPassword')).toBe('当前密码不正确'))
  })

  it('changes the password: the new one logs in, the old one no longer does', async () => {
    const name = await newAccount()
    await login({ name, password: FIRST_PASSWORD })
    spyNavigation()
    renderPage(<StaffPasswordPage />)
    fill({ currentPassword: FIRST_PASSWORD, newPassword: NEW_PASSWORD, repeatPassword: NEW_PASSWORD })
    fireEvent.click(screen.getByText('修改密码'))

    expect(await screen.findByText(/密码已修改/)).toBeInTheDocument()
    expect(input('currentPassword')).toHaveValue('')
    const logInWith = (password: string) =>
      fetch('/api/staff/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password }) })
    expect((await logInWith(NEW_PASSWORD)).status).toBe(200)
    // A refused login counts against the address: from its own desk.
    fromAnotherDesk(anotherDesk())
    expect((await logInWith(FIRST_PASSWORD)).status).toBe(401)
  })
})
