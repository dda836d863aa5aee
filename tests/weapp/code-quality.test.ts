/**
 * miniprogram-ci's code-quality scan (the one WeChat DevTools runs before an upload), offline, on dist/weapp.
 * Fails when any package — the main package or a subpackage — is over WeChat's 1.5 MB warning line, or when lazy
 * code loading is off. Its full report (compression, unused files, main-package code only subpackages use) is
 * printed for the reader; those items are advice, not failures.
 */
import fs from 'node:fs'
import path from 'node:path'
import { checkCodeQuality, type CodeQualityItem } from './support/code-quality'
import { WEAPP_DIST } from './support/simulator'

const WARNING_LINE_BYTES = 1.5 * 1024 * 1024

describe('miniprogram-ci code quality of dist/weapp', () => {
  let results: CodeQualityItem[]

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEAPP_DIST, 'app.json'))) throw new Error('dist/weapp is missing: npm run test:weapp builds it')
    results = await checkCodeQuality(WEAPP_DIST)
    const report = results
      .map((item) => {
        const detail = item.detail === undefined ? '' : `\n      ${JSON.stringify(item.detail)}`
        return `  ${item.success ? '✓' : '✗'} ${item.name}${detail}`
      })
      .join('\n')
    console.log(`miniprogram-ci checkCodeQuality (dist/weapp):\n${report}`)
  }, 120_000)

  const check = (name: string) => {
    const item = results.find((result) => result.name === name)
    if (!item) throw new Error(`checkCodeQuality returned no ${name} item: ${results.map((result) => result.name).join(', ')}`)
    return item
  }

  it('keeps every package under the 1.5 MB warning line', () => {
    const sizeCheck = check('PACKAGE_SIZE_LIMIT')
    const sizes = sizeCheck.detail as Record<string, number>
    const subpackageRoots = (JSON.parse(fs.readFileSync(path.join(WEAPP_DIST, 'app.json'), 'utf8')).subPackages as { root: string }[]).map((pkg) =>
      pkg.root.replace(/\/?$/, '/')
    )
    // The scan saw the main package and every subpackage app.json declares...
    expect(Object.keys(sizes).sort()).toEqual(['__APP__', ...subpackageRoots].sort())
    // ...and none is over the line (checked here from its figures, and by its own verdict).
    const over = Object.entries(sizes).filter(([, bytes]) => bytes > WARNING_LINE_BYTES)
    expect(over).toEqual([])
    expect(sizeCheck.success).toBe(true)
  })

  it('finds lazy code loading on (app.json lazyCodeLoading, which the issue requires)', () => {
    expect(check('LAZYCODE_LOADING_OPEN').success).toBe(true)
  })
})
