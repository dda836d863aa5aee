/**
 * What a package uploaded to WeChat must not be: one that calls an address phones cannot reach (WeChat allows only
 * https on a registered, ICP-filed domain — never localhost or an IP), or one whose content for a first start without
 * network (src/content/offline/) is still the sample data. `npm run build:weapp:release` (Taro's `--mode release`)
 * refuses to build while any of these holds; the development and test builds do not ask.
 */
import fs from 'node:fs'
import path from 'node:path'

export const RELEASE_MODE = 'release'
export const OFFLINE_CONTENT_DIR = path.resolve(__dirname, '../src/content/offline')

export interface ReleaseCheckInput {
  /** Taro's platform (`weapp`, `h5`): the H5 build calls the origin that served it and needs no address. */
  platform: string
  /** TARO_APP_API_BASE as set for the build. */
  apiBase: string | undefined
  /** The bundled offline files, by file name, parsed. */
  offlineContent: Record<string, unknown>
}

const EXAMPLE = 'TARO_APP_API_BASE=https://api.example.cn npm run build:weapp:release'

/** Why the API address cannot go into a released package, or undefined when it can. */
export function apiBaseProblem(apiBase: string | undefined): string | undefined {
  const value = (apiBase ?? '').trim()
  if (!value) {
    return `未设置 TARO_APP_API_BASE（小程序调用的接口地址）。发布包必须调用已备案、并已在小程序后台「服务器域名」登记的 https 域名，例如：${EXAMPLE}`
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `TARO_APP_API_BASE 不是完整的网址：${value}。请写成 https://api.example.cn 的形式。`
  }
  if (url.protocol !== 'https:') {
    return `TARO_APP_API_BASE 必须以 https:// 开头（手机上的微信只允许 https 请求），收到：${value}`
  }
  const host = url.hostname.toLowerCase()
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[')
  if (host === 'localhost' || host.endsWith('.localhost') || isIp) {
    return `TARO_APP_API_BASE 不能是 localhost 或 IP 地址（微信只允许已备案的域名），收到：${value}`
  }
  if (!host.includes('.')) {
    return `TARO_APP_API_BASE 不是公网域名（缺少顶级域名），收到：${value}`
  }
  return undefined
}

interface SampleRecord {
  file: string
  label: string
}

/** Every record marked `sample: true` in the bundled content, named by its title (or name, label). */
export function sampleRecords(offlineContent: Record<string, unknown>): SampleRecord[] {
  const found: SampleRecord[] = []
  const visit = (file: string, value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(file, item)
      return
    }
    if (!value || typeof value !== 'object') return
    const record = value as Record<string, unknown>
    if (record.sample === true) {
      const label = [record.title, record.name, record.label].find((candidate) => typeof candidate === 'string')
      found.push({ file, label: typeof label === 'string' ? label : '（无标题）' })
    }
    for (const child of Object.values(record)) visit(file, child)
  }
  for (const [file, content] of Object.entries(offlineContent)) visit(file, content)
  return found
}

/** Everything that keeps this build from being the package to upload, each in words saying what to do. */
export function releaseProblems({ platform, apiBase, offlineContent }: ReleaseCheckInput): string[] {
  const problems: string[] = []
  if (platform !== 'h5') {
    const problem = apiBaseProblem(apiBase)
    if (problem) problems.push(problem)
  }
  const samples = sampleRecords(offlineContent)
  if (samples.length > 0) {
    const named = samples
      .slice(0, 5)
      .map((sample) => `${sample.file}「${sample.label}」`)
      .join('、')
    problems.push(
      `随包离线内容（src/content/offline/）仍有 ${samples.length} 条示例数据（sample: true），如 ${named}${samples.length > 5 ? ' 等' : ''}。` +
        '职工第一次无网络打开时会看到它们。请先在正式服务器上把示例内容换成真实内容，' +
        '再运行 npm run snapshot -- --from https://api.example.cn（该服务器的地址）重新生成离线内容，然后重新构建。'
    )
  }
  if (Object.keys(offlineContent).length === 0) {
    problems.push('找不到随包离线内容（src/content/offline/*.json）。请运行 npm run snapshot -- --from <正式服务器地址> 生成。')
  }
  return problems
}

export function readOfflineContent(dir = OFFLINE_CONTENT_DIR): Record<string, unknown> {
  if (!fs.existsSync(dir)) return {}
  const content: Record<string, unknown> = {}
  for (const name of fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()) {
    content[name] = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))
  }
  return content
}

export function describeRefusal(problems: string[]): string {
  return ['✗ 发布构建已拒绝：这个包不能上传到微信。', ...problems.map((problem, index) => `  ${index + 1}. ${problem}`)].join('\n')
}
