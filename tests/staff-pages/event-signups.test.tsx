/**
 * An event's sign-ups and its 签到屏, as a 经办 uses them against the real API: refusing a sign-up needs a reason and
 * the worker then reads it; 显示号码 shows one full number; the code on the 签到屏 is one the server accepts from the
 * worker. Each test signs workers up for an activity of its own.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import StaffCheckInScreenPage from '@/packages/staff/check-in-screen/index'
import StaffEventSignupsPage from '@/packages/staff/event-signups/index'
import type { MySignup } from '@/domain'
import { maskPhone } from '@/domain'
import { spyNavigation } from '../app/page-helpers'
import { renderPage } from '../app/support/render-page'
import { createdActivity } from './support/activities'
import { errorUnder, typeInto } from './support/editor'
import { logInAs } from './support/staff'
import { signedUpWorker } from './support/workers'

function cardOf(name: string): HTMLElement {
  return screen.getByText(name).closest('.signup-card') as HTMLElement
}

describe('报名名单', () => {
  it('a 经办 refuses a sign-up waiting for review: the reason is required, and the worker reads it', async () => {
    const activity = await createdActivity('审核活动', { reviewRequired: true })
    const { worker, signup } = await signedUpWorker('activity', activity.id, '张审核')
    expect(signup.signup.state).toBe('pending')
    await logInAs('handler')
    spyNavigation()
    renderPage(<StaffEventSignupsPage />, { type: 'activity', id: activity.id })

    await screen.findByText('张审核')
    expect(screen.getByText('待审核 1')).toBeInTheDocument()
    const card = cardOf('张审核')
    fireEvent.click(within(card).getByText('不通过'))
    fireEvent.click(within(card).getByText('确定不通过'))
    expect(errorUnder(`reason-${signup.signup.id}`)).toBe('不通过时请填写原因（报名人会看到）')

    await typeInto(`reason-${signup.signup.id}`, '本期仅限女职工参加')
    fireEvent.click(within(card).getByText('确定不通过'))
    expect(await screen.findByText('已设为未通过，报名人会看到原因')).toBeInTheDocument()
    await waitFor(() => expect(screen.getByText('未通过 1')).toBeInTheDocument())

    const mine = await worker.request<MySignup[]>('GET', '/api/me/signups')
    expect(mine.find((each) => each.id === signup.signup.id)).toMatchObject({ state: 'rejected', reason: '本期仅限女职工参加' })
  })

  it('shows phones masked; 显示号码 shows that one number in full', async () => {
    const activity = await createdActivity('号码活动')
    const { phone } = await signedUpWorker('activity', activity.id, '王号码')
    await signedUpWorker('activity', activity.id, '刘号码')
    await logInAs('handler')
    spyNavigation()
    renderPage(<StaffEventSignupsPage />, { type: 'activity', id: activity.id })

    await screen.findByText('王号码')
    const card = cardOf('王号码')
    expect(within(card).getByText(`手机：${maskPhone(phone)}`)).toBeInTheDocument()
    expect(screen.queryByText(`手机：${phone}`)).not.toBeInTheDocument()
    fireEvent.click(within(card).getByText('显示号码'))
    expect(await within(card).findByText(`手机：${phone}`)).toBeInTheDocument()
    // The other sign-up stays masked.
    expect(within(cardOf('刘号码')).getByText(/手机：139\*{4}\d{4}/)).toBeInTheDocument()
  })
})

describe('签到屏', () => {
  it('shows a 6-digit code and a QR code of the check-in page; the worker checks in with the code and the count moves', async () => {
    // Starting in half an hour (check-in opens an hour before), sign-up open until then.
    const activity = await createdActivity('签到活动', {
      signupStartsAt: '2026-11-20T09:00:00+08:00',
      signupEndsAt: '2026-11-24T10:30:00+08:00',
      eventStartsAt: '2026-11-24T10:30:00+08:00',
      eventEndsAt: '2026-11-24T12:00:00+08:00'
    })
    const { worker, signup } = await signedUpWorker('activity', activity.id, '陈签到')
    await logInAs('handler')
    spyNavigation()
    renderPage(<StaffCheckInScreenPage />, { type: 'activity', id: activity.id })

    expect(await screen.findByText(activity.title)).toBeInTheDocument()
    const code = await screen.findByLabelText('签到码')
    expect(code.textContent).toMatch(/^\d{6}$/)
    expect(screen.getByLabelText('签到人数')).toHaveTextContent('0 / 1')
    const qr = screen.getByRole('img', { name: '签到二维码' })
    expect(qr.getAttribute('data-qr')).toContain(`packages/signups/check-in/index?type=activity&id=${activity.id}&code=${code.textContent}`)
    expect(qr.querySelectorAll('.qr-code__run').length).toBeGreaterThan(20)

    await worker.request('POST', `/api/me/signups/${signup.signup.id}/check-in`, { code: code.textContent })
    // The screen reads again within a few seconds.
    await waitFor(() => expect(screen.getByLabelText('签到人数')).toHaveTextContent('1 / 1'), { timeout: 8000 })
  })
})
