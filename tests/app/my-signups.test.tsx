/**
 * 我的报名 and the check-in page against the real API, as the worker on this device (the app's own API client signs in
 * silently): states with the reason and the 「有更新」 mark, cancel after a confirm, check-in with the 6 digits from the
 * 签到 screen, and the page a check-in QR code opens.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { agreeToNotice } from '@/api/me'
import { submitSignup } from '@/api/signups'
import { PRIVACY_NOTICE_VERSION, type SignupEventType } from '@/domain'
import CheckInPage from '@/packages/signups/check-in/index'
import MySignupsPage from '@/packages/signups/mine/index'
import { spyNavigation } from './page-helpers'
import { activityStartingSoon, checkInCode, refuse } from './signup-support'
import { renderPage } from './support/render-page'

let serial = 0

/** This device's worker signs up (agreeing first), as the form would. */
async function signUp(type: SignupEventType, id: string) {
  await agreeToNotice(PRIVACY_NOTICE_VERSION)
  serial += 1
  const answer = await submitSignup({
    eventType: type,
    eventId: id,
    name: '王建国',
    phone: '13612345678',
    employer: '密云区某制造企业',
    ...(type === 'competition' ? { trade: '电工', years: 5 } : {}),
    idempotencyKey: `mine-${process.pid}-${serial}-${Date.now()}`,
    remember: false
  })
  return answer.signup
}

async function card(title: string): Promise<HTMLElement> {
  return (await screen.findByText(title, { selector: '.signup-card__title' })).closest('.signup-card') as HTMLElement
}

describe('我的报名', () => {
  beforeEach(() => spyNavigation())

  it('lists every sign-up with its state, time, place and a masked phone; a refusal shows its reason, marked as updated', async () => {
    await signUp('activity', 'women-class')
    const pending = await signUp('activity', 'new-media-course')
    await refuse('activity', 'new-media-course', pending.id, '本期名额优先安排一线职工')

    renderPage(<MySignupsPage />)
    const refused = await card(pending.event.title)
    expect(within(refused).getByText('未通过')).toHaveClass('signup-state')
    expect(within(refused).getByText('原因：本期名额优先安排一线职工')).toBeInTheDocument()
    expect(within(refused).getByText('有更新')).toBeInTheDocument()
    expect(within(refused).getByText(`地点：${pending.event.place}`)).toBeInTheDocument()
    expect(within(refused).getByText(/136\*\*\*\*5678/)).toBeInTheDocument()
    expect(within(refused).queryByText('取消报名')).toBeNull()

    const other = screen.getAllByText(/./, { selector: '.signup-card__title' })
    expect(other).toHaveLength(2)
  })

  it('cancels after the worker confirms, and keeps it when they do not', async () => {
    const signup = await signUp('activity', 'reading-salon')
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    renderPage(<MySignupsPage />)
    const row = await card(signup.event.title)
    // 报名成功 for an event days away: no check-in code box yet (it shows from an hour before the start).
    expect(within(row).getByText('报名成功')).toBeInTheDocument()
    expect(within(row).queryByLabelText('签到码')).toBeNull()
    fireEvent.click(within(row).getByText('取消报名'))
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    expect(within(row).getByText('报名成功')).toBeInTheDocument()

    modal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
    fireEvent.click(within(row).getByText('取消报名'))
    expect(await within(await card(signup.event.title)).findByText('已取消')).toBeInTheDocument()
    expect(String(modal.mock.calls[1]?.[0]?.content)).toMatch(/名额会让给候补的职工/)
  })

  it('checks in with the 6 digits on the venue screen, and says when the digits are wrong', async () => {
    const id = await activityStartingSoon(`页面签到测试${process.pid}`)
    const signup = await signUp('activity', id)
    renderPage(<MySignupsPage />)
    const row = await card(signup.event.title)
    const input = within(row).getByLabelText('签到码').querySelector('input') ?? within(row).getByLabelText('签到码')

    fireEvent.input(input, { target: { value: '12' } })
    fireEvent.click(within(row).getByText('签到'))
    expect(await within(row).findByText('请输入现场屏幕上的 6 位数字签到码')).toBeInTheDocument()

    const { code } = await checkInCode('activity', id)
    const wrong = code === '000000' ? '111111' : '000000'
    fireEvent.input(input, { target: { value: wrong } })
    fireEvent.click(within(row).getByText('签到'))
    expect(await within(row).findByText(/签到码不对或已过期/)).toBeInTheDocument()

    fireEvent.input(input, { target: { value: code } })
    fireEvent.click(within(row).getByText('签到'))
    expect(await within(await card(signup.event.title)).findByText('已签到')).toBeInTheDocument()
  })
})

describe('现场签到（扫码打开）', () => {
  beforeEach(() => spyNavigation())

  it('checks the worker in from the QR code’s link', async () => {
    const id = await activityStartingSoon(`扫码签到测试${process.pid}`)
    await signUp('activity', id)
    const { code, path } = await checkInCode('activity', id)
    expect(path).not.toMatch(/name|phone|13\d{9}/)
    renderPage(<CheckInPage />, { type: 'activity', id, code })
    expect(await screen.findByText('签到成功', { selector: '.check-in__title' })).toBeInTheDocument()
    expect(screen.getByText('已签到')).toBeInTheDocument()
  })

  it('says why not when the worker has no sign-up for that event, or the link is broken', async () => {
    const id = await activityStartingSoon(`未报名签到测试${process.pid}`)
    const { code } = await checkInCode('activity', id)
    const first = renderPage(<CheckInPage />, { type: 'activity', id, code })
    expect(await screen.findByText('您没有报名该活动，无法签到')).toBeInTheDocument()
    first.unmount()
    renderPage(<CheckInPage />, { type: 'activity', id, code: 'abc' })
    expect(await screen.findByText(/这个签到码无法识别/)).toBeInTheDocument()
  })
})
