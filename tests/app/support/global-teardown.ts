import { rmSync } from 'fs'

export default async function globalTeardown(): Promise<void> {
  const api = globalThis.__MIYUN_PAGE_TEST_API__
  if (!api) return
  await new Promise<void>((resolve) => {
    if (api.child.exitCode !== null) return resolve()
    api.child.once('exit', () => resolve())
    api.child.kill('SIGTERM')
    setTimeout(() => api.child.kill('SIGKILL'), 5000).unref()
  })
  rmSync(api.dataDir, { recursive: true, force: true })
}
