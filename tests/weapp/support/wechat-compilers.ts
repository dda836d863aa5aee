/**
 * WeChat's own compilers (the npm package miniprogram-compiler: wcc for WXML, wcsc for WXSS, Linux/macOS binaries)
 * run over a built mini-program the way WeChat DevTools runs them before preview, real-device debugging and upload:
 * every .wxml in one wcc run and every .wxss in one wcsc run. One rule wcsc rejects stops the whole app, so a
 * problem is reported with its file, position and the rule it sits in.
 *
 * Also a check wcsc does not need but we want explicit: no universal selector (`*`) in any built WXSS rule.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postcss, { type Node as CssNode, type Rule } from 'postcss'

export interface CompileProblem {
  /** Which compiler found it. */
  compiler: 'wcc' | 'wcsc' | 'universal-selector'
  /** Path inside the compiled folder, `/`-separated. */
  file: string
  line?: number
  column?: number
  /** The compiler's own words. */
  message: string
  /** The CSS rule (selector or at-rule) around the position, for WXSS. */
  rule?: string
}

const PACKAGE_DIR = path.dirname(require.resolve('miniprogram-compiler/package.json'))

function walk(dir: string, root = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(full, root)
    return [path.relative(root, full).split(path.sep).join('/')]
  })
}

/**
 * The packaged binary, or an executable copy of it. The package's own wrappers (wxmlToJs, src/wcsc.js) chmod the
 * binary inside node_modules to 0777 before each run (its wcsc ships without the execute bit); node_modules is not
 * ours to change, so the arguments are theirs but a copy gets the bit instead. Their wcsc wrapper also returns,
 * rather than throws, its error.
 */
function compilerBinary(name: 'wcc' | 'wcsc'): string {
  const platformDir = process.platform === 'darwin' ? 'mac' : process.platform === 'linux' ? 'linux' : undefined
  if (!platformDir) throw new Error(`miniprogram-compiler ships no ${name} binary runnable on ${process.platform} here`)
  const packaged = path.join(PACKAGE_DIR, 'bin', platformDir, name)
  try {
    fs.accessSync(packaged, fs.constants.X_OK)
    return packaged
  } catch {
    const copyDir = path.join(os.tmpdir(), `miniprogram-compiler-${process.getuid?.() ?? 'user'}`)
    const copy = path.join(copyDir, `${name}-${fs.statSync(packaged).size}`)
    if (!fs.existsSync(copy)) {
      fs.mkdirSync(copyDir, { recursive: true })
      const partial = `${copy}.${process.pid}`
      fs.copyFileSync(packaged, partial)
      fs.chmodSync(partial, 0o755)
      fs.renameSync(partial, copy)
    }
    return copy
  }
}

/** The innermost rule or at-rule of `css` that holds line:column (1-based, as wcsc reports). */
function ruleAt(css: string, file: string, line: number, column: number): string | undefined {
  let root: postcss.Root
  try {
    root = postcss.parse(css, { from: file })
  } catch {
    const text = css.split('\n')[line - 1] ?? ''
    return text.slice(Math.max(0, column - 40), column + 40).trim() || undefined
  }
  const contains = (node: CssNode) => {
    const { start, end } = node.source ?? {}
    if (!start || !end) return false
    const after = line > start.line || (line === start.line && column >= start.column)
    const before = line < end.line || (line === end.line && column <= end.column)
    return after && before
  }
  let found: string | undefined
  root.walk((node) => {
    if (!contains(node)) return
    if (node.type === 'rule') found = node.selector
    else if (node.type === 'atrule') found = `@${node.name} ${node.params}`.trim()
  })
  return found
}

/**
 * wcsc over every .wxss of `dir` in one run, with the arguments the package's `src/wcsc.js` passes
 * (`-db -pc <component count> <component wxss first> <other wxss>`): a .wxss beside a .json is a component's.
 */
export function compileWxss(dir: string): CompileProblem[] {
  const stems = walk(dir)
    .filter((file) => file.endsWith('.wxss'))
    .map((file) => file.slice(0, -'.wxss'.length))
    .sort()
  const components = stems.filter((stem) => fs.existsSync(path.join(dir, `${stem}.json`)))
  const others = stems.filter((stem) => !components.includes(stem))
  const args = ['-db', '-pc', String(components.length), ...[...components, ...others].map((stem) => `${stem}.wxss`)]
  const run = spawnSync(compilerBinary('wcsc'), args, { cwd: dir, maxBuffer: 256 * 1024 * 1024 })
  if (run.error) throw run.error
  const stderr = run.stderr.toString()
  const problems: CompileProblem[] = []
  for (const raw of stderr.split('\n')) {
    const match = /^(?:ERR: )?(.+?\.wxss)\((\d+):(\d+)\): (.*)$/.exec(raw.trim())
    if (!match) continue
    const [, file, line, column, message] = match
    const css = fs.existsSync(path.join(dir, file)) ? fs.readFileSync(path.join(dir, file), 'utf8') : ''
    problems.push({
      compiler: 'wcsc',
      file,
      line: Number(line),
      column: Number(column),
      message,
      rule: ruleAt(css, file, Number(line), Number(column))
    })
  }
  if (run.status !== 0 && problems.length === 0) {
    problems.push({ compiler: 'wcsc', file: '(all .wxss)', message: `wcsc exited ${run.status}: ${stderr.trim() || '(no message)'}` })
  }
  return problems
}

/**
 * wcc over every .wxml and .wxs of `dir` in one run, with the arguments the package's `src/wcc.js` (behind its
 * `wxmlToJs`) passes: `-d -cc "<count> <page> <n> <tag…> …" <wxml…> <wxs…> -gn $gwx`, a page's custom components
 * being its .json's usingComponents.
 */
export function compileWxml(dir: string): CompileProblem[] {
  const files = walk(dir).sort()
  const wxml = files.filter((file) => file.endsWith('.wxml'))
  const wxs = files.filter((file) => file.endsWith('.wxs'))
  const componentArgs: (string | number)[] = []
  let count = 0
  for (const file of wxml) {
    const json = path.join(dir, file.replace(/\.wxml$/, '.json'))
    const using = fs.existsSync(json) ? (JSON.parse(fs.readFileSync(json, 'utf8')).usingComponents as Record<string, string> | undefined) : undefined
    if (!using) continue
    componentArgs.push(file, Object.keys(using).length, ...Object.keys(using))
    count += 1
  }
  const args = ['-d', '-cc', [count, ...componentArgs].join(' '), ...wxml, ...wxs, '-gn', '$gwx']
  const run = spawnSync(compilerBinary('wcc'), args, { cwd: dir, maxBuffer: 256 * 1024 * 1024 })
  if (run.error) throw run.error
  return run.status === 0 ? [] : wccProblems(run.stderr.toString())
}

function wccProblems(output: string): CompileProblem[] {
  const problems: CompileProblem[] = []
  for (const raw of output.split('\n')) {
    const match = /(\S+?\.wxml):(\d+):(\d+): (.*)$/.exec(raw.trim())
    if (match) problems.push({ compiler: 'wcc', file: match[1], line: Number(match[2]), column: Number(match[3]), message: match[4] })
  }
  if (problems.length === 0) problems.push({ compiler: 'wcc', file: '(all .wxml)', message: output.trim() || 'wcc failed without a message' })
  return problems
}

/** Every WXSS rule whose selector holds `*` (WXSS has no universal selector; attribute matches like [a*=b] are fine). */
export function universalSelectors(dir: string): CompileProblem[] {
  const problems: CompileProblem[] = []
  for (const file of walk(dir).filter((name) => name.endsWith('.wxss'))) {
    let root: postcss.Root
    try {
      root = postcss.parse(fs.readFileSync(path.join(dir, file), 'utf8'), { from: file })
    } catch (error) {
      problems.push({ compiler: 'universal-selector', file, message: `不能解析：${(error as Error).message}` })
      continue
    }
    root.walkRules((rule: Rule) => {
      const bare = rule.selector.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '').replace(/\[[^\]]*\]/g, '')
      if (!bare.includes('*')) return
      problems.push({
        compiler: 'universal-selector',
        file,
        line: rule.source?.start?.line,
        column: rule.source?.start?.column,
        message: 'universal selector `*` (WXSS has none)',
        rule: rule.selector
      })
    })
  }
  return problems
}

/** Everything WeChat DevTools' compile step would refuse in `dir`, plus any `*` selector. */
export function compileMiniProgram(dir: string): CompileProblem[] {
  return [...compileWxml(dir), ...compileWxss(dir), ...universalSelectors(dir)]
}

export function describeProblem(problem: CompileProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column}`
  return `${problem.compiler} ${where}: ${problem.message}${problem.rule ? ` — rule \`${problem.rule}\`` : ''}`
}
