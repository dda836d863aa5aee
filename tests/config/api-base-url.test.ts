import { LOCAL_API_BASE_URL, resolveApiBaseUrl } from '../../config/api-base-url'

describe('API address fixed at build time', () => {
  it('lets the H5 build call the origin that served it', () => {
    expect(resolveApiBaseUrl('h5', undefined)).toBe('')
  })
  it('points an unconfigured WeChat build at the local server for DevTools', () => {
    expect(resolveApiBaseUrl('weapp', '')).toBe(LOCAL_API_BASE_URL)
  })
  it('uses the configured address without a trailing slash', () => {
    expect(resolveApiBaseUrl('weapp', 'https://api.miyun-union.example/ ')).toBe('https://api.miyun-union.example')
  })
  it('refuses an address that is not a full URL, naming the setting', () => {
    expect(() => resolveApiBaseUrl('weapp', 'api.example.com')).toThrow(/TARO_APP_API_BASE/)
  })
})
