import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import path from 'path'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'
import { resolveApiBaseUrl } from './api-base-url'
import { RELEASE_MODE, describeRefusal, readOfflineContent, releaseProblems } from './release-guard'

/**
 * `taro build --type h5 --mode parts` (npm run size:parts): the production H5 build with source maps, into
 * dist/h5-parts, so that the first load's bytes can be traced to the code they come from. Never served or shipped.
 */
export const PARTS_MODE = 'parts'

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const platform = process.env.TARO_ENV ?? 'h5'
  if (mode === RELEASE_MODE) {
    // Before anything is built or dist/ is touched: a refused release leaves the last build as it was.
    const problems = releaseProblems({ platform, apiBase: process.env.TARO_APP_API_BASE, offlineContent: readOfflineContent() })
    if (problems.length > 0) {
      console.error(describeRefusal(problems))
      process.exit(1)
    }
  }
  const apiBaseUrl = resolveApiBaseUrl(platform, process.env.TARO_APP_API_BASE)
  if (platform !== 'h5' && mode !== RELEASE_MODE) {
    console.warn(`⚠ 这是开发版小程序包（接口地址 ${apiBaseUrl}），供开发者工具和测试使用，不能上传发布。` + '要上传的包请用 npm run build:weapp:release 构建。')
  }

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'miyun-union',
    date: '2026-11-24',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2
    },
    sourceRoot: 'src',
    outputRoot: mode === PARTS_MODE ? `dist/${platform}-parts` : `dist/${platform}`,
    plugins: [],
    defineConstants: {
      API_BASE_URL: JSON.stringify(apiBaseUrl)
    },
    copy: {
      // The mini-program's sitemap (app.config.ts sitemapLocation); the H5 build has no use for it.
      patterns: platform === 'h5' ? [] : [{ from: 'src/sitemap.json', to: `dist/${platform}/sitemap.json` }],
      options: {}
    },
    // H5 renders with Preact (preact/compat, Taro's `preact` option; babel.config.js too): the worker's first load is
    // 87.8 KB gz instead of 122.2 with React DOM (npm run size, npm run size:parts), which a worker on metered data
    // pays on every cold scan. The app takes over no sooner cold, and ~85 ms later on a second visit (npm run
    // bench:h5, medians of 9): weigh both again before changing it. The mini-program stays on React: Taro's Preact
    // build is 87 KB smaller there but does not pass the simulator suite (tests/weapp) yet.
    framework: platform === 'h5' ? 'preact' : 'react',
    compiler: 'webpack5',
    cache: {
      enable: false
    },
    // Taro's mini-program default escapes every non-ASCII character (ascii_only): each Chinese character becomes a
    // 6-byte \uXXXX instead of 3 bytes of UTF-8. WeChat reads package files as UTF-8, and the API server sends the H5
    // build's JS as `application/javascript; charset=utf-8`, so the text can stay as it is.
    terser: {
      enable: true,
      config: { output: { ascii_only: false } }
    },
    mini: {
      // Shared components' styles are order-independent (each is scoped by its own class).
      miniCssExtractPluginOption: { ignoreOrder: true },
      // Imported images are files in the package, never inlined as base64: a map marker's iconPath must be a path
      // (WeChat does not take data URLs there).
      imageUrlLoaderOption: { limit: 1 },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      }
    },
    h5: {
      // React implementations of Taro's components (@tarojs/components-react, the same the page tests render, here
      // through preact/compat) instead of the Stencil web components: less code on the worker's first load.
      useHtmlComponents: true,
      // Only for `--mode parts`: maps without a sourceMappingURL comment, and none for CSS (css-loader would put
      // them inside the JS), so the scripts are the production ones.
      ...(mode === PARTS_MODE ? { enableSourceMap: true, sourceMapType: 'hidden-source-map' as const, cssLoaderOption: { sourceMap: false } } : {}),
      // Images are files, not base64 inside the first JS the worker downloads (PNG does not gzip).
      imageUrlLoaderOption: { limit: 1 },
      publicPath: '/',
      staticDirectory: 'static',
      router: {
        mode: 'browser'
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css'
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // Taro scales the page with the screen up to a 40 px root (2× a phone's): on a staffer's desk monitor every
        // word would be twice a phone's size. 24 px lets large phones grow a little and keeps a desk readable.
        pxtransform: { enable: true, config: { maxRootSize: 24 } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // webpack's generic 244 KiB warning is replaced by our own budget: `npm run size` (≤ 120 KB gz first load).
        chain.performance.hints(false)
        // The app supports browsers with fetch and AbortController (WeChat's browser, Chrome-based Android
        // WebViews, iOS Safari 12.2+), so Taro's polyfills for them, and its unused JSONP client, are left out.
        chain.resolve.alias
          .set('whatwg-fetch$', path.resolve(__dirname, 'h5-shims/empty.js'))
          .set('abortcontroller-polyfill/dist/abortcontroller-polyfill-only$', path.resolve(__dirname, 'h5-shims/empty.js'))
          .set('jsonp-retry$', path.resolve(__dirname, 'h5-shims/no-jsonp.js'))
      }
    }
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
