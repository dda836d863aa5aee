import Taro from '@tarojs/taro'
import { ApiError, get } from '@/api/client'
import type { Page, NewsSummary, HomeData } from '@/domain'
import { goOffline, goOnline, recordRequests, serverFailsWith } from './support/network'

describe('the one request client, against the real API', () => {
  it('returns fresh content and keeps a copy on the device', async () => {
    const loaded = await get<Page<NewsSummary>>('/api/news', { query: { page: 1 } })
    expect(loaded.offline).toBe(false)
    expect(loaded.source).toBe('network')
    expect(loaded.data.items).toHaveLength(20)
  })

  it('asks again with the kept ETag and reuses the copy on 304', async () => {
    const first = await get<HomeData>('/api/home')
    const headersSent: Array<Record<string, string>> = []
    const spy = jest.spyOn(Taro, 'request')
    spy.mockImplementation(((options: Taro.request.Option) => {
      headersSent.push({ ...(options.header as Record<string, string>) })
      spy.mockRestore()
      return Taro.request(options)
    }) as typeof Taro.request)
    const second = await get<HomeData>('/api/home')
    expect(headersSent[0]['If-None-Match']).toMatch(/.+/)
    expect(second.offline).toBe(false)
    expect(second.data).toEqual(first.data)
  })

  it('shows the kept copy, marked offline, when the network is down', async () => {
    const online = await get<Page<NewsSummary>>('/api/news', { query: { category: '关爱暖心' } })
    goOffline()
    const offline = await get<Page<NewsSummary>>('/api/news', { query: { category: '关爱暖心' } })
    expect(offline.offline).toBe(true)
    expect(offline.source).toBe('cache')
    expect(offline.savedAt).toEqual(expect.any(Number))
    expect(offline.data).toEqual(online.data)
  })

  it('falls back to the kept copy when the server fails (5xx)', async () => {
    await get('/api/plan')
    serverFailsWith(503)
    const loaded = await get('/api/plan')
    expect(loaded.offline).toBe(true)
  })

  it('uses bundled content on a first start without network, and rejects when there is none', async () => {
    goOffline()
    const bundled = { items: [] }
    await expect(get('/api/services', { bundled: () => bundled })).resolves.toEqual({ data: bundled, offline: true, source: 'bundled' })
    await expect(get('/api/services')).rejects.toMatchObject({ kind: 'network', message: '网络连接失败，请检查网络后重试' })
  })

  it('says the network failed when the shipped content cannot be fetched either (H5 fetches it only then)', async () => {
    goOffline()
    const chunkFailed = () => Promise.reject(new Error('Loading chunk 37 failed.'))
    await expect(get('/api/services', { bundled: chunkFailed })).rejects.toMatchObject({ kind: 'network', message: '网络连接失败，请检查网络后重试' })
    const bundled = { items: [] }
    await expect(get('/api/services', { bundled: () => Promise.resolve(bundled) })).resolves.toEqual({ data: bundled, offline: true, source: 'bundled' })
  })

  it('rejects a 404 with the server’s message instead of showing stale content', async () => {
    const error = (await get('/api/news/no-such-article').catch((e: unknown) => e)) as ApiError
    expect(error).toBeInstanceOf(ApiError)
    expect(error.notFound).toBe(true)
    expect(error.message).toMatch(/未找到/)
  })

  it('rejects a 400 naming the bad parameter', async () => {
    const error = (await get('/api/news', { query: { page: 'abc' } }).catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(400)
    expect(error.message).toMatch(/page/)
  })

  it('sends the query it was given, encoded', async () => {
    const urls = recordRequests()
    await get('/api/news', { query: { q: '工匠 学院', page: 1 } })
    goOnline()
    expect(urls[0]).toContain('q=%E5%B7%A5%E5%8C%A0%20%E5%AD%A6%E9%99%A2')
  })
})
