/**
 * Runs the server: configuration → app (database opened, migrated, seeded on first start) → listen.
 * `npm run serve` runs this directly; `npm start` builds the H5 app first when needed (scripts/start.ts).
 */
import os from 'node:os'
import { buildApp, type App } from './app'
import { ConfigError, loadConfig, type Config } from './core/config'

function lanAddress(): string | undefined {
  for (const addresses of Object.values(os.networkInterfaces())) {
    const lan = addresses?.find((address) => address.family === 'IPv4' && !address.internal)
    if (lan) return lan.address
  }
  return undefined
}

function stopOnSignals(app: App): void {
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    app.log.info(`收到 ${signal}，正在停止`)
    // Finish the requests in flight, then close the database (an onClose hook of the app).
    app.close().then(
      () => process.exit(0),
      (error) => {
        console.error('停止时出错：', error)
        process.exit(1)
      }
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

export async function startServer(config: Config = loadConfig()): Promise<App> {
  const app = buildApp(config)
  stopOnSignals(app)
  await app.listen({ port: config.port, host: config.host })

  console.log(`密云工会已启动：http://localhost:${config.port}`)
  const lan = config.host === '0.0.0.0' ? lanAddress() : undefined
  if (lan) console.log(`局域网内的手机可打开：http://${lan}:${config.port}`)
  return app
}

if (require.main === module) {
  startServer().catch((error) => {
    console.error(error instanceof ConfigError ? error.message : error)
    process.exit(1)
  })
}
