/**
 * miniprogram-ci's checkCodeQuality (the scan WeChat DevTools runs before an upload), offline.
 *
 * It runs in a child Node process: the scan leaves a file watcher (chokidar) open that nothing outside can close,
 * which would keep jest (or a script) alive. The child prints the result as JSON and exits.
 * A Project needs an appid and a private key path; the scan reads neither ('touristappid', a throwaway file).
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface CodeQualityItem {
  name: string
  success: boolean
  text: string
  docURL?: string
  detail?: unknown
}

const MARKER = '@@miniprogram-ci-result@@'

const CHILD = `
const ci = require('miniprogram-ci')
const [projectPath, privateKeyPath] = process.argv.slice(1)
const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath, privateKeyPath })
ci.checkCodeQuality(project).then(
  (result) => { process.stdout.write('${MARKER}' + JSON.stringify(result) + '\\n', () => process.exit(0)) },
  (error) => { console.error(error && error.stack || error); process.exit(1) }
)
`

export async function checkCodeQuality(projectPath: string, timeoutMs = 120_000): Promise<CodeQualityItem[]> {
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'miyun-ci-key-'))
  const privateKeyPath = path.join(keyDir, 'unused.key')
  fs.writeFileSync(privateKeyPath, 'checkCodeQuality does not read the private key\n')
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['-e', CHILD, projectPath, privateKeyPath],
        { cwd: path.resolve(__dirname, '../../..'), timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
        (error, out, err) => (error ? reject(new Error(`miniprogram-ci checkCodeQuality failed: ${error.message}\n${err}`)) : resolve(out))
      )
    })
    const line = stdout.split('\n').find((candidate) => candidate.startsWith(MARKER))
    if (!line) throw new Error(`miniprogram-ci printed no result:\n${stdout}`)
    return JSON.parse(line.slice(MARKER.length)) as CodeQualityItem[]
  } finally {
    fs.rmSync(keyDir, { recursive: true, force: true })
  }
}
