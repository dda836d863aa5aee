import { parseQ, parseScene, stationCodeFromBytes, stationEntryFromParams, stationQrUrl } from '@/domain/station-codes'
import { isStationCode } from '@/domain/stations'

const fromScan = (code: string, channel: 'wxacode' | 'wechat-link') => ({ kind: 'code', code, channel })
const invalid = (raw: string) => ({ kind: 'invalid', raw })

describe('a 小程序码 scene', () => {
  it('reads a code WeChat passed as it is, or percent-encoded', () => {
    expect(parseScene('ABC234')).toEqual(fromScan('ABC234', 'wxacode'))
    expect(parseScene('%41%42%43%32%33%34')).toEqual(fromScan('ABC234', 'wxacode'))
    expect(parseScene('ABC2%334')).toEqual(fromScan('ABC234', 'wxacode'))
  })

  it('accepts a lower-cased code and gives it back in capitals', () => {
    expect(parseScene('abc234')).toEqual(fromScan('ABC234', 'wxacode'))
    expect(parseScene('%61bc234')).toEqual(fromScan('ABC234', 'wxacode'))
  })

  it('has no entry when there is no scene', () => {
    expect(parseScene(undefined)).toEqual({ kind: 'none' })
    expect(parseScene('')).toEqual({ kind: 'none' })
  })

  it('decodes only once: a scene encoded twice is refused, not decoded again', () => {
    expect(parseScene('%2541BC234')).toEqual(invalid('%2541BC234'))
    expect(parseScene(encodeURIComponent(encodeURIComponent('ABC234=')))).toEqual(invalid(encodeURIComponent(encodeURIComponent('ABC234='))))
  })

  it('refuses malformed percent sequences', () => {
    expect(parseScene('%E4%B8')).toEqual(invalid('%E4%B8'))
    expect(parseScene('ABC%zz')).toEqual(invalid('ABC%zz'))
    expect(parseScene('ABC234%')).toEqual(invalid('ABC234%'))
  })

  it('refuses more than 32 characters, and characters WeChat does not allow', () => {
    expect(parseScene('A'.repeat(33))).toEqual(invalid('A'.repeat(33)))
    expect(parseScene(`ABC234${'~'.repeat(27)}`)).toEqual(invalid(`ABC234${'~'.repeat(27)}`))
    expect(parseScene('ABC 234')).toEqual(invalid('ABC 234'))
    expect(parseScene('ABC23中')).toEqual(invalid('ABC23中'))
    expect(parseScene('%E4%B8%AD')).toEqual(invalid('%E4%B8%AD'))
    expect(parseScene('<b>')).toEqual(invalid('<b>'))
  })

  it('refuses a well-formed scene that is not a station code', () => {
    expect(parseScene('id=ABC234')).toEqual(invalid('id=ABC234'))
    expect(parseScene('ABC2345')).toEqual(invalid('ABC2345'))
    expect(parseScene('ABC23')).toEqual(invalid('ABC23'))
    // 0, O, 1, I and L are left out of the alphabet: a code never contains them.
    expect(parseScene('ABC0O1')).toEqual(invalid('ABC0O1'))
    expect(parseScene('abcdel')).toEqual(invalid('abcdel'))
  })
})

describe('an ordinary QR link opened in WeChat (q)', () => {
  const encoded = encodeURIComponent('https://gh.miyun-union.cn/s/ABC234')

  it('reads the code from the encoded URL, and from a raw one', () => {
    expect(encoded.startsWith('https%3A%2F%2F')).toBe(true)
    expect(parseQ(encoded)).toEqual(fromScan('ABC234', 'wechat-link'))
    expect(parseQ('https://gh.miyun-union.cn/s/ABC234')).toEqual(fromScan('ABC234', 'wechat-link'))
  })

  it('tolerates a trailing slash, a query string, another host and a lower-cased code', () => {
    expect(parseQ(encodeURIComponent('https://gh.miyun-union.cn/s/ABC234/'))).toEqual(fromScan('ABC234', 'wechat-link'))
    expect(parseQ(encodeURIComponent('https://gh.miyun-union.cn/s/ABC234?from=poster&v=2'))).toEqual(fromScan('ABC234', 'wechat-link'))
    expect(parseQ('https://gh.miyun-union.cn/s/ABC234/?from=poster')).toEqual(fromScan('ABC234', 'wechat-link'))
    expect(parseQ(encodeURIComponent('http://staging.example.com:8080/s/abc234'))).toEqual(fromScan('ABC234', 'wechat-link'))
  })

  it('has no entry when there is no q', () => {
    expect(parseQ(undefined)).toEqual({ kind: 'none' })
    expect(parseQ('')).toEqual({ kind: 'none' })
  })

  it('refuses a path other than /s/<code>', () => {
    for (const url of [
      'https://gh.miyun-union.cn/news/ABC234',
      'https://gh.miyun-union.cn/x/s/ABC234',
      'https://gh.miyun-union.cn/s/ABC234/more',
      'https://gh.miyun-union.cn/s/',
      'https://gh.miyun-union.cn/',
      'https://gh.miyun-union.cn',
      'https://gh.miyun-union.cn/s/ABCDEL'
    ]) {
      expect(parseQ(encodeURIComponent(url))).toEqual(invalid(encodeURIComponent(url)))
    }
  })

  it('refuses what is not a web address', () => {
    expect(parseQ('ABC234')).toEqual(invalid('ABC234'))
    expect(parseQ(encodeURIComponent('javascript:alert(1)//s/ABC234'))).toEqual(invalid(encodeURIComponent('javascript:alert(1)//s/ABC234')))
    expect(parseQ('ftp://gh.miyun-union.cn/s/ABC234')).toEqual(invalid('ftp://gh.miyun-union.cn/s/ABC234'))
  })

  it('decodes only once, and refuses malformed percent sequences', () => {
    const twice = encodeURIComponent(encoded)
    expect(parseQ(twice)).toEqual(invalid(twice))
    expect(parseQ('https%3A%2F%2Fgh.miyun-union.cn%2Fs%2FABC%E4')).toEqual(invalid('https%3A%2F%2Fgh.miyun-union.cn%2Fs%2FABC%E4'))
    expect(parseQ('https://gh.miyun-union.cn/s/ABC%32%33%34')).toEqual(invalid('https://gh.miyun-union.cn/s/ABC%32%33%34'))
  })
})

describe('the station page entry', () => {
  it('takes an internal link code first, without a scan channel', () => {
    expect(stationEntryFromParams({ code: 'ABC234' })).toEqual({ kind: 'code', code: 'ABC234' })
    expect(stationEntryFromParams({ code: 'ABC234', scene: 'XYZ789' })).toEqual({ kind: 'code', code: 'ABC234' })
    expect(stationEntryFromParams({ code: 'nope' })).toEqual(invalid('nope'))
  })

  it('then a 小程序码 scene, then a QR link', () => {
    expect(stationEntryFromParams({ scene: 'XYZ789', q: encodeURIComponent('https://a.cn/s/ABC234') })).toEqual(fromScan('XYZ789', 'wxacode'))
    expect(stationEntryFromParams({ q: encodeURIComponent('https://a.cn/s/ABC234'), $taroTimestamp: '1' })).toEqual(fromScan('ABC234', 'wechat-link'))
    expect(stationEntryFromParams({ scene: '%ZZ' })).toEqual(invalid('%ZZ'))
  })

  it('has no entry when the page is opened without any', () => {
    expect(stationEntryFromParams({})).toEqual({ kind: 'none' })
    expect(stationEntryFromParams({ code: '', scene: '', q: undefined })).toEqual({ kind: 'none' })
  })
})

describe('the URL a poster carries', () => {
  it('is the public address, /s/ and the code', () => {
    expect(stationQrUrl('https://gh.miyun-union.cn', 'ABC234')).toBe('https://gh.miyun-union.cn/s/ABC234')
    expect(stationQrUrl('https://gh.miyun-union.cn/', 'ABC234')).toBe('https://gh.miyun-union.cn/s/ABC234')
    expect(stationQrUrl('https://example.cn/union//', 'ABC234')).toBe('https://example.cn/union/s/ABC234')
  })

  it('is read back by the page when WeChat hands it over as q', () => {
    const url = stationQrUrl('https://gh.miyun-union.cn/', 'K7M9QX')
    expect(stationEntryFromParams({ q: encodeURIComponent(url) })).toEqual(fromScan('K7M9QX', 'wechat-link'))
    expect(stationEntryFromParams({ q: url })).toEqual(fromScan('K7M9QX', 'wechat-link'))
  })
})

describe('new station codes from random bytes', () => {
  it('maps bytes onto the alphabet and skips the bytes that would bias it', () => {
    expect(stationCodeFromBytes(Uint8Array.from([0, 1, 2, 3, 4, 5]))).toBe('234567')
    // 248–255 skipped; 31 wraps to the first letter, 247 to the last.
    expect(stationCodeFromBytes(Uint8Array.from([248, 255, 0, 30, 31, 247, 62, 100, 9]))).toBe('2Z2Z29')
  })

  it('asks for more when the bytes run out', () => {
    expect(stationCodeFromBytes(Uint8Array.from([0, 1, 2, 3, 4]))).toBeUndefined()
    expect(stationCodeFromBytes(Uint8Array.from([248, 249, 250, 251, 252, 253, 254, 255, 0]))).toBeUndefined()
    expect(stationCodeFromBytes(new Uint8Array(0))).toBeUndefined()
  })

  it('gives every letter the same chance', () => {
    const firstLetters = new Map<string, number>()
    for (let byte = 0; byte < 256; byte++) {
      const code = stationCodeFromBytes(Uint8Array.from([byte, 0, 0, 0, 0, 0]))
      const key = code === undefined ? 'none' : code[0]
      firstLetters.set(key, (firstLetters.get(key) ?? 0) + 1)
      if (code !== undefined) expect(isStationCode(code)).toBe(true)
    }
    expect(firstLetters.size).toBe(32)
    expect([...firstLetters.values()].every((count) => count === 8)).toBe(true)
  })
})
