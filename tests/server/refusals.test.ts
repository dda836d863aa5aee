/**
 * Every refusal says what was wrong, in Chinese, with our own code and (where there is one) the field: bad JSON, a
 * body that is not an object, a 403 from the file server, malformed HTTP, a client that stalls its body. Fastify's
 * own codes (FST_ERR_…) never reach a client. And the log keeps the error level for failures: a client leaving
 * mid-download and a designed 503 are not errors, a real 500 still is.
 */
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import type { App } from '@server/app'
import { ERROR_LEVEL, WARN_LEVEL, logCollector } from './support/log'
import { staffSession, useEditorApp } from './support/staff'
import { buildTestApp, makeTempDir, removeTempDirs } from './support/test-app'

function expectOurRefusal(response: { statusCode: number; json(): any }, status: number, code: string) {
  expect(response.statusCode).toBe(status)
  const { error } = response.json()
  expect(error.code).toBe(code)
  expect(error.code).not.toMatch(/^FST_/)
  expect(error.message).toMatch(/[\u4e00-\u9fff]/)
  return error as { code: string; message: string; field?: string }
}

afterAll(() => removeTempDirs())

describe('refusals in our words', () => {
  const desk = useEditorApp()

  const json = (payload: string, headers: Record<string, string> = {}) =>
    desk.app.inject({ method: 'POST', url: '/api/staff/session', headers: { 'content-type': 'application/json', ...headers }, payload })

  it('malformed JSON is INVALID_JSON on the body', async () => {
    for (const payload of ['{bad', '{"name":', '[1,]', "{'name':'x'}", '\u0000']) {
      const error = expectOurRefusal(await json(payload), 400, 'INVALID_JSON')
      expect(error).toEqual({ code: 'INVALID_JSON', message: '请求内容不是有效的 JSON', field: 'body' })
    }
    expect(expectOurRefusal(await json(''), 400, 'INVALID_JSON').message).toBe('请求内容为空：内容类型为 JSON 时应带一个 JSON 对象')
  })

  it('a __proto__ or constructor.prototype key is named, not called broken JSON', async () => {
    for (const payload of ['{"__proto__":{"admin":true}}', '{"name":"a","constructor":{"prototype":{"x":1}}}']) {
      const error = expectOurRefusal(await json(payload), 400, 'INVALID_JSON')
      expect(error.message).toBe('请求内容不能含有 __proto__ 或 constructor.prototype 字段')
      expect(error.field).toBe('body')
    }
  })

  it('a body that is not an object says so and names the body', async () => {
    for (const payload of ['[1]', '"x"', 'null', '42', 'true']) {
      expect(expectOurRefusal(await json(payload), 400, 'INVALID_BODY')).toEqual({
        code: 'INVALID_BODY',
        message: '请求内容应为 JSON 对象',
        field: 'body'
      })
    }
    const text = await desk.app.inject({ method: 'POST', url: '/api/staff/session', headers: { 'content-type': 'text/plain' }, payload: 'name=a' })
    expect(expectOurRefusal(text, 400, 'INVALID_BODY').field).toBe('body')
  })

  it('a nested schema error names the whole path of the field', async () => {
    const response = await desk.app.inject({
      method: 'POST',
      url: '/api/staff/news',
      headers: desk.editor.headers,
      payload: {
        title: 't',
        category: '通知公告',
        summary: 's',
        cover: null,
        pinned: false,
        blocks: [{ type: 'paragraph', text: { html: '<b>' } }],
        sample: false,
        sampleNote: null
      }
    })
    const error = expectOurRefusal(response, 400, 'INVALID_PARAMETER')
    expect(error.message).toMatch(/^参数 blocks 无效：/)
    expect(error.field).toMatch(/^blocks\.0/)
  })

  it('an unsupported content type, an oversized body and a wrong content length get our codes', async () => {
    const xml = await desk.app.inject({ method: 'POST', url: '/api/staff/session', headers: { 'content-type': 'application/xml' }, payload: '<a/>' })
    expectOurRefusal(xml, 415, 'UNSUPPORTED_MEDIA_TYPE')
    const huge = await json(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), password: 'y' }))
    expectOurRefusal(huge, 413, 'BODY_TOO_LARGE')
  })

  it('a 403 from the file server is FORBIDDEN in Chinese, not BAD_REQUEST 「请求无效」', async () => {
    const response = await desk.app.inject({ url: '/media/..%2f..%2fpackage.json' })
    expect(expectOurRefusal(response, 403, 'FORBIDDEN')).toEqual({ code: 'FORBIDDEN', message: '没有权限访问该内容' })
  })

  it('a staffer without the role gets FORBIDDEN naming the role', async () => {
    const response = await desk.app.inject({ url: '/api/staff/accounts', headers: desk.editor.headers })
    expect(expectOurRefusal(response, 403, 'FORBIDDEN').message).toBe('没有权限：此操作需要管理员角色')
  })
})

/** Raw bytes to a listening app; resolves with everything the server wrote before it closed the connection. */
function rawExchange(port: number, send: (socket: net.Socket) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => send(socket))
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')))
  })
}

function bodyOf(answer: string): any {
  return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))
}

describe('on the wire', () => {
  let app: App
  let port: number
  const log = logCollector()

  beforeAll(async () => {
    app = buildTestApp({ env: { REQUEST_TIMEOUT: '1', LOG_LEVEL: 'info' }, logStream: log.stream })
    await app.listen({ port: 0, host: '127.0.0.1' })
    port = (app.server.address() as net.AddressInfo).port
  })
  afterAll(() => app.close())

  it("malformed HTTP gets a Chinese 400 in our shape, not Fastify's English default", async () => {
    const answer = await rawExchange(port, (socket) => socket.write('GET /api/news HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'))
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    expect(bodyOf(answer)).toEqual({ error: { code: 'BAD_REQUEST', message: '请求格式无效' } })
    const declared = Number(/content-length: (\d+)/i.exec(answer)?.[1])
    expect(declared).toBe(Buffer.byteLength(answer.slice(answer.indexOf('\r\n\r\n') + 4)))
  })

  it('an oversized header is a 431 in Chinese', async () => {
    const answer = await rawExchange(port, (socket) => socket.write(`GET /api/news HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`))
    expect(answer).toMatch(/^HTTP\/1\.1 431 /)
    expect(bodyOf(answer).error.code).toBe('HEADERS_TOO_LARGE')
  })

  it('a client that stalls its body is answered 408 and disconnected (REQUEST_TIMEOUT)', async () => {
    const answer = await rawExchange(port, (socket) =>
      socket.write('POST /api/staff/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"name":')
    )
    expect(answer).toMatch(/^HTTP\/1\.1 408 /)
    expect(bodyOf(answer)).toEqual({ error: { code: 'REQUEST_TIMEOUT', message: '请求超时，请重试' } })
  })

  it('the server still answers others meanwhile', async () => {
    const stalled = net.connect(port, '127.0.0.1', () => stalled.write('POST /api/staff/session HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{'))
    stalled.on('error', () => undefined)
    const response = await fetch(`http://127.0.0.1:${port}/api/health`)
    expect(response.status).toBe(200)
    stalled.destroy()
  })
})

describe('what the log calls an error', () => {
  it('a client leaving mid-download is not an error; a designed 503 is a warning', async () => {
    const log = logCollector()
    const h5Dir = makeTempDir('miyun-h5-')
    fs.writeFileSync(path.join(h5Dir, 'index.html'), '<html></html>')
    fs.mkdirSync(path.join(h5Dir, 'js'))
    // Large and compressible: the download is still going through @fastify/compress when the client leaves.
    fs.writeFileSync(path.join(h5Dir, 'js', 'app.js'), 'var x = 1;\n'.repeat(3_000_000))
    const app = buildTestApp({ h5Dir, env: { LOG_LEVEL: 'info' }, logStream: log.stream, posterFontPaths: [] })
    try {
      await app.listen({ port: 0, host: '127.0.0.1' })
      const { port } = app.server.address() as net.AddressInfo
      for (let attempt = 0; attempt < 3; attempt++) {
        await new Promise<void>((resolve) => {
          const request = http.get({ port, host: '127.0.0.1', path: '/js/app.js', headers: { 'accept-encoding': 'gzip' } }, (response) => {
            response.once('data', () => request.destroy())
            response.on('error', () => undefined)
          })
          request.on('error', () => undefined)
          request.on('close', () => resolve())
        })
      }
      const editor = await staffSession(app, ['editor'])
      const station = (await app.inject({ url: '/api/staff/stations', headers: editor.headers })).json()[0]
      const poster = await app.inject({ url: `/api/staff/stations/${station.id}/poster.pdf`, headers: editor.headers })
      expect(poster.statusCode).toBe(503)
      // Wait for the positive signal: the broken pipes noticed and logged (at info), then nothing logged as an error.
      await log.logged((line) => line.msg === '客户端在接收回应途中断开')
      expect(log.lines.filter((line) => line.level >= ERROR_LEVEL)).toEqual([])
      expect(log.lines.some((line) => line.level === WARN_LEVEL && /字体/.test(line.msg))).toBe(true)
    } finally {
      await app.close()
    }
  })
})
