import type { UserConfigExport } from '@tarojs/cli'

// `npm run dev:h5` serves the app from webpack's dev server; the API and its media stay on the API server
// (`npm run serve`, port 3000 unless API_DEV_TARGET says otherwise), reached through this proxy as same-origin paths.
const apiTarget = process.env.API_DEV_TARGET ?? 'http://localhost:3000'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      proxy: [{ context: ['/api', '/media'], target: apiTarget, changeOrigin: true }]
    }
  }
} satisfies UserConfigExport<'webpack5'>
