import {
  admit,
  availabilityLabel,
  cancelDecision,
  checkInDecision,
  maskPhone,
  reviewDecision,
  reviewProblems,
  signupFieldsProblems,
  type SignupEvent
} from '@/domain'

const event: SignupEvent = {
  type: 'activity',
  id: 'a1',
  title: '八段锦',
  place: '职工之家',
  dates: {
    signupStartsAt: '2026-11-20T09:00:00+08:00',
    signupEndsAt: '2026-11-30T18:00:00+08:00',
    eventStartsAt: '2026-12-05T09:00:00+08:00',
    eventEndsAt: '2026-12-05T12:00:00+08:00'
  },
  capacity: 2,
  reviewRequired: false,
  cancelled: false,
  extraFields: []
}
const open = '2026-11-24T10:00:00+08:00'
const places = (taken: number, waitlisted = 0) => ({ capacity: 2, taken, waitlisted })

describe('admit', () => {
  it("opens at the window's first instant and closes after its last", () => {
    expect(admit(event, places(0), '2026-11-20T08:59:59.999+08:00')).toEqual({ refuse: expect.objectContaining({ code: 'SIGNUP_NOT_OPEN' }) })
    expect(admit(event, places(0), '2026-11-20T09:00:00+08:00')).toEqual({ state: 'confirmed' })
    expect(admit(event, places(0), '2026-11-30T18:00:00+08:00')).toEqual({ state: 'confirmed' })
    expect(admit(event, places(0), '2026-11-30T18:00:00.001+08:00')).toEqual({ refuse: expect.objectContaining({ code: 'SIGNUP_CLOSED' }) })
  })
  it('gives the last place, then the waitlist; waits for review where the event asks; no limit without a capacity', () => {
    expect(admit(event, places(1), open)).toEqual({ state: 'confirmed' })
    expect(admit(event, places(2), open)).toEqual({ state: 'waitlisted' })
    expect(admit({ ...event, reviewRequired: true }, places(1), open)).toEqual({ state: 'pending' })
    expect(admit({ ...event, capacity: null }, { capacity: null, taken: 5000, waitlisted: 0 }, open)).toEqual({ state: 'confirmed' })
    expect(admit({ ...event, cancelled: true }, places(0), open)).toEqual({ refuse: expect.objectContaining({ code: 'EVENT_CANCELLED' }) })
  })
})

describe('cancel and check-in', () => {
  it('cancels until the event starts, never a finished sign-up', () => {
    expect(cancelDecision('confirmed', event, '2026-12-05T08:59:59.999+08:00')).toEqual({ ok: true })
    expect(cancelDecision('confirmed', event, '2026-12-05T09:00:00+08:00')).toEqual({ refuse: expect.objectContaining({ code: 'CANCEL_CLOSED' }) })
    for (const state of ['cancelled', 'rejected', 'checked-in'] as const)
      expect(cancelDecision(state, event, open)).toEqual({ refuse: expect.objectContaining({ code: 'NOT_CANCELLABLE' }) })
  })
  it('checks in from an hour before the start to the end, confirmed sign-ups only', () => {
    expect(checkInDecision('confirmed', event, '2026-12-05T07:59:59.999+08:00')).toEqual({ refuse: expect.objectContaining({ code: 'CHECK_IN_CLOSED' }) })
    expect(checkInDecision('confirmed', event, '2026-12-05T08:00:00+08:00')).toEqual({ ok: true })
    expect(checkInDecision('confirmed', event, '2026-12-05T12:00:00+08:00')).toEqual({ ok: true })
    expect(checkInDecision('confirmed', event, '2026-12-05T12:00:00.001+08:00')).toEqual({ refuse: expect.objectContaining({ code: 'CHECK_IN_CLOSED' }) })
    expect(checkInDecision('waitlisted', event, '2026-12-05T09:00:00+08:00')).toEqual({ refuse: expect.objectContaining({ code: 'CHECK_IN_NOT_CONFIRMED' }) })
  })
})

describe('the form and the review', () => {
  it('names each wrong field in Chinese; competitions also ask trade and years', () => {
    expect(signupFieldsProblems({ name: '张三', phone: '138-0013-1234', employer: '密云医院' }, [])).toEqual([])
    expect(signupFieldsProblems({ name: '张三', phone: '1380013123', employer: '密云医院' }, []).map((problem) => problem.field)).toEqual(['phone'])
    const competition = signupFieldsProblems({ name: '张三', phone: '13800131234', employer: '密云医院', years: 61 }, ['trade', 'years'])
    expect(competition.map((problem) => problem.field)).toEqual(['trade', 'years'])
    expect(competition[1].message).toBe('从业年限应为 0–60 的整数')
  })
  it('masks phones and words the places', () => {
    expect(maskPhone('138 0013 1234')).toBe('138****1234')
    expect(maskPhone('123')).toBe('****')
    expect(availabilityLabel(places(0))).toBe('剩余 2 个名额')
    expect(availabilityLabel(places(2, 3))).toBe('名额已满，已有 3 人候补')
    expect(availabilityLabel({ capacity: null, taken: 9, waitlisted: 0 })).toBe('名额不限')
  })
  it('reviews only what waits for review, and a refusal needs a reason', () => {
    expect(reviewDecision('pending', { approve: false })).toEqual({ state: 'rejected' })
    expect(reviewDecision('confirmed', { approve: true })).toEqual({ refuse: expect.objectContaining({ code: 'NOT_PENDING' }) })
    expect(reviewProblems({ approve: false, reason: ' ' }).map((problem) => problem.field)).toEqual(['reason'])
    expect(reviewProblems({ approve: true })).toEqual([])
    expect(reviewProblems({ approve: false, reason: '字'.repeat(101) })[0].message).toBe('原因最多 100 个字')
  })
})
