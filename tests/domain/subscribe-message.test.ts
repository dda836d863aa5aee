import { fitText, subscribeFieldKind, subscribeMessageData, subscribeTime } from '@/domain/subscribe-message'

describe('subscribe message fields fitted to WeChat limits', () => {
  it('keeps a thing of 20 characters and cuts a 21st with 「…」, counting Chinese characters one each', () => {
    const twenty = '密云区职工八段锦健身大讲堂第一期课程报名'
    expect(Array.from(twenty)).toHaveLength(20)
    expect(subscribeMessageData({ thing1: twenty }).thing1.value).toBe(twenty)
    const cut = subscribeMessageData({ thing1: `${twenty}啦` }).thing1.value
    expect(cut).toBe('密云区职工八段锦健身大讲堂第一期课程报…')
    expect(Array.from(cut)).toHaveLength(20)
  })

  it('cuts a phrase to 5 characters', () => {
    expect(subscribeMessageData({ phrase2: '报名成功' }).phrase2.value).toBe('报名成功')
    expect(subscribeMessageData({ phrase2: '报名未通过审核' }).phrase2.value).toBe('报名未通…')
  })

  it('cuts a character_string to 32 without 「…」 (WeChat takes only letters, digits and symbols there)', () => {
    const long = 'A'.repeat(40)
    expect(subscribeMessageData({ character_string3: long }).character_string3.value).toBe('A'.repeat(32))
    expect(subscribeMessageData({ character_string12: 'MY-2026-0001' }).character_string12.value).toBe('MY-2026-0001')
  })

  it('writes a time as YYYY-MM-DD HH:mm on Beijing time, whatever offset the instant came with', () => {
    expect(subscribeMessageData({ time4: '2026-12-01T01:30:00Z' }).time4.value).toBe('2026-12-01 09:30')
    expect(subscribeTime('2026-12-31T23:59:00+08:00')).toBe('2026-12-31 23:59')
    expect(subscribeTime(Date.UTC(2026, 11, 31, 16, 5))).toBe('2027-01-01 00:05')
  })

  it('never fails: a time that is no instant stays as short text, an unknown kind gets the thing limit', () => {
    expect(subscribeTime('下周六上午')).toBe('下周六上午')
    expect(subscribeMessageData({ amount9: '一'.repeat(30) }).amount9.value).toHaveLength(20)
  })

  it('folds line breaks and runs of spaces into one space before counting', () => {
    expect(fitText('  八段锦\n\n 课堂  ', 20)).toBe('八段锦 课堂')
  })

  it('takes the kind from the key', () => {
    expect(subscribeFieldKind('thing1')).toBe('thing')
    expect(subscribeFieldKind('character_string12')).toBe('character_string')
  })
})
