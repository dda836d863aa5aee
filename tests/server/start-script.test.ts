/** `npm start` rebuilds the H5 app exactly when what the build reads has changed. */
import fs from 'node:fs'
import path from 'node:path'
import { STAMP_FILENAME, isH5BuildCurrent, sourceHash } from '../../scripts/start'
import { makeTempDir, removeTempDirs } from './support/test-app'

function fakeRepo(): string {
  const root = makeTempDir('miyun-repo-')
  fs.mkdirSync(path.join(root, 'src', 'pages'), { recursive: true })
  fs.mkdirSync(path.join(root, 'config'))
  fs.writeFileSync(path.join(root, 'src', 'pages', 'home.tsx'), 'export default 1')
  fs.writeFileSync(path.join(root, 'config', 'index.ts'), 'export default {}')
  fs.writeFileSync(path.join(root, 'package-lock.json'), '{}')
  return root
}

describe('H5 build staleness', () => {
  afterAll(removeTempDirs)

  it('changes the hash when a source changes, is renamed or added, and when the build-time API address changes', () => {
    const root = fakeRepo()
    const original = sourceHash(root, {})
    expect(sourceHash(root, {})).toBe(original)

    fs.writeFileSync(path.join(root, 'src', 'pages', 'home.tsx'), 'export default 2')
    const edited = sourceHash(root, {})
    expect(edited).not.toBe(original)

    fs.renameSync(path.join(root, 'src', 'pages', 'home.tsx'), path.join(root, 'src', 'pages', 'index.tsx'))
    expect(sourceHash(root, {})).not.toBe(edited)

    const beforeAdding = sourceHash(root, {})
    fs.writeFileSync(path.join(root, 'babel.config.js'), 'module.exports = {}')
    expect(sourceHash(root, {})).not.toBe(beforeAdding)

    expect(sourceHash(root, { TARO_APP_API_BASE: 'https://api.example.com' })).not.toBe(sourceHash(root, {}))
  })

  it('ignores files outside what the build reads', () => {
    const root = fakeRepo()
    const before = sourceHash(root, {})
    fs.mkdirSync(path.join(root, 'server'))
    fs.writeFileSync(path.join(root, 'server', 'app.ts'), 'x')
    expect(sourceHash(root, {})).toBe(before)
  })

  it('counts a build as current only with an index.html and the matching stamp', () => {
    const h5Dir = makeTempDir('miyun-h5-')
    expect(isH5BuildCurrent(h5Dir, 'abc')).toBe(false)
    fs.writeFileSync(path.join(h5Dir, 'index.html'), '<html></html>')
    expect(isH5BuildCurrent(h5Dir, 'abc')).toBe(false)
    fs.writeFileSync(path.join(h5Dir, STAMP_FILENAME), 'abc\n')
    expect(isH5BuildCurrent(h5Dir, 'abc')).toBe(true)
    expect(isH5BuildCurrent(h5Dir, 'def')).toBe(false)
  })
})
