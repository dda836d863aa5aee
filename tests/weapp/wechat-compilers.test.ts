/**
 * The BUILT mini-program (dist/weapp) compiled by WeChat's own WXML and WXSS compilers (wcc, wcsc from the npm
 * package miniprogram-compiler), all files in one run each, as WeChat DevTools does before preview and upload: one
 * rejected rule anywhere stops the whole app there, while the simulator and miniprogram-ci's scan never run wcsc.
 * First the check itself is shown able to fail, on small folders with one deliberate mistake each.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { WEAPP_DIST } from './support/simulator'
import { compileMiniProgram, compileWxml, compileWxss, describeProblem, universalSelectors } from './support/wechat-compilers'

jest.setTimeout(120_000)

function fixture(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'miyun-wechat-compile-'))
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), content)
  }
  return dir
}

const cleanup: string[] = []
afterAll(() => {
  for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true })
})

describe('the compile check can fail', () => {
  it('names the file and the rule wcsc rejects, and flags the `*` selector', () => {
    const dir = fixture({
      'app.wxss': '.page{color:#333}',
      'pages/a/index.wxml': '<view class="x"><text>甲</text></view>',
      'pages/a/index.json': '{"usingComponents":{}}',
      // Legal: an attribute match and a `*` inside a value.
      'pages/a/index.wxss': '.ok{color:red}\n.a[class*="b"]{width:calc(2 * 3px)}\n.x > * {flex:1}\n'
    })
    cleanup.push(dir)
    const wcsc = compileWxss(dir)
    expect(wcsc).toEqual([expect.objectContaining({ compiler: 'wcsc', file: 'pages/a/index.wxss', line: 3, rule: '.x > *' })])
    expect(describeProblem(wcsc[0])).toMatch(/pages\/a\/index\.wxss:3:\d+: error at token `\*` — rule `\.x > \*`/)
    expect(universalSelectors(dir)).toEqual([expect.objectContaining({ file: 'pages/a/index.wxss', rule: '.x > *' })])
    // The WXML is fine.
    expect(compileWxml(dir)).toEqual([])
  })

  it('names the file and the line wcc rejects', () => {
    const dir = fixture({
      'app.wxss': '.page{color:#333}',
      'pages/a/index.wxml': '<view>\n<view><text>未闭合</view>\n</view>'
    })
    cleanup.push(dir)
    expect(compileWxml(dir)).toEqual([expect.objectContaining({ compiler: 'wcc', file: 'pages/a/index.wxml', line: 2 })])
    expect(compileWxss(dir)).toEqual([])
  })
})

describe('dist/weapp as WeChat compiles it', () => {
  it('compiles every WXML with wcc and every WXSS with wcsc, in one run each, with no error and no `*` selector', () => {
    if (!fs.existsSync(path.join(WEAPP_DIST, 'app.json'))) throw new Error('dist/weapp is missing: npm run test:weapp builds it')
    const wxss = (fs.readdirSync(WEAPP_DIST, { recursive: true }) as string[]).filter((name) => name.endsWith('.wxss'))
    expect(wxss.length).toBeGreaterThan(10)
    expect(compileMiniProgram(WEAPP_DIST).map(describeProblem)).toEqual([])
  })
})
