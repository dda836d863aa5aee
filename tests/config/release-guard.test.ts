import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { apiBaseProblem, readOfflineContent, releaseProblems, sampleRecords } from '../../config/release-guard'

const REAL_CONTENT = {
  'home.json': { news: [{ id: 'n1', title: '区总工会召开全委会', sample: false }], hotline: { number: '12351' } },
  'services.json': { items: [{ slug: 'legal-aid', title: '法律援助' }] }
}

describe('the release guard: the API address', () => {
  it.each([
    ['https://api.miyun-union.cn', undefined],
    ['https://api.miyun-union.cn/', undefined],
    ['https://api.miyun-union.cn:8443/union', undefined]
  ])('accepts %s', (value, expected) => {
    expect(apiBaseProblem(value)).toBe(expected)
  })

  it.each([
    [undefined, /未设置 TARO_APP_API_BASE.*npm run build:weapp:release/],
    ['  ', /未设置 TARO_APP_API_BASE/],
    ['http://api.miyun-union.cn', /必须以 https:\/\/ 开头.*http:\/\/api\.miyun-union\.cn/],
    ['https://localhost:3000', /不能是 localhost 或 IP 地址/],
    ['https://app.localhost', /不能是 localhost 或 IP 地址/],
    ['https://127.0.0.1', /不能是 localhost 或 IP 地址/],
    ['https://10.1.2.3:8443', /不能是 localhost 或 IP 地址/],
    ['https://[::1]', /不能是 localhost 或 IP 地址/],
    ['https://intranet', /不是公网域名/],
    ['api.miyun-union.cn', /不是完整的网址/]
  ])('refuses %s, saying why', (value, message) => {
    expect(apiBaseProblem(value)).toMatch(message)
  })
})

describe('the release guard: the bundled offline content', () => {
  it('names the sample records and says to snapshot a server holding real content', () => {
    const offline = {
      'home.json': {
        news: [
          { id: 'a', title: '职工技能大赛开赛', sample: true },
          { id: 'b', title: '正式新闻', sample: false }
        ]
      },
      'services.json': { items: [{ title: '夏送清凉', sample: true, steps: [{ text: '示例步骤', sample: true }] }] }
    }
    expect(sampleRecords(offline)).toEqual([
      { file: 'home.json', label: '职工技能大赛开赛' },
      { file: 'services.json', label: '夏送清凉' },
      { file: 'services.json', label: '（无标题）' }
    ])
    const [problem] = releaseProblems({ platform: 'weapp', apiBase: 'https://api.miyun-union.cn', offlineContent: offline })
    expect(problem).toContain('3 条示例数据')
    expect(problem).toContain('home.json「职工技能大赛开赛」')
    expect(problem).toContain('npm run snapshot -- --from')
  })

  it('lets a release through with an https domain and real content, and asks no address of the H5 build', () => {
    expect(releaseProblems({ platform: 'weapp', apiBase: 'https://api.miyun-union.cn', offlineContent: REAL_CONTENT })).toEqual([])
    expect(releaseProblems({ platform: 'h5', apiBase: undefined, offlineContent: REAL_CONTENT })).toEqual([])
  })

  it('reports both problems at once, and a missing bundle', () => {
    expect(releaseProblems({ platform: 'weapp', apiBase: 'http://localhost:3000', offlineContent: {} })).toEqual([
      expect.stringContaining('https://'),
      expect.stringContaining('找不到随包离线内容')
    ])
  })

  it('reads today’s bundle as the sample data it is (so a release build refuses it today)', () => {
    expect(sampleRecords(readOfflineContent()).length).toBeGreaterThan(0)
  })
})

describe('npm run build:weapp:release', () => {
  it('refuses without TARO_APP_API_BASE, in Chinese, before building anything', () => {
    const root = path.resolve(__dirname, '../..')
    const appJson = path.join(root, 'dist/weapp/app.json')
    const before = fs.existsSync(appJson) ? fs.statSync(appJson).mtimeMs : undefined
    const env = { ...process.env }
    delete env.TARO_APP_API_BASE
    const run = spawnSync('npm', ['run', '--silent', 'build:weapp:release'], { cwd: root, env, encoding: 'utf8', timeout: 120_000 })
    expect(run.status).not.toBe(0)
    expect(run.stderr).toContain('发布构建已拒绝')
    expect(run.stderr).toContain('未设置 TARO_APP_API_BASE')
    expect(run.stderr).toContain('示例数据')
    // The last build is left as it was.
    expect(fs.existsSync(appJson) ? fs.statSync(appJson).mtimeMs : undefined).toBe(before)
  }, 120_000)
})
