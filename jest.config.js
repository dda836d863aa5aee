/**
 * Three kinds of jest suites, one command:
 * - node: domain rules and the API (through HTTP with app.inject, on a real database file)
 * - app:  pages rendered with Testing Library in jsdom, Taro mapped to its H5 implementation
 * - weapp: the built mini-program in WeChat's simulator; e2e: the H5 build in Chromium (both need the builds)
 */
const Module = require('module')
const net = require('net')
const os = require('os')
const path = require('path')

/**
 * The page tests' real API listens on a free port picked here, once per jest run, so that two runs on one machine do
 * not collide; jsdom pages live on its origin (tests/app/support/page-environment.js reads the port from the
 * environment, keeping it out of the config, on which jest keys its transform cache).
 */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

// The import aliases (`@/…` → src, `@server/…` → server), read from tsconfig.json's `paths` so they are written once.
const aliasDirs = Object.entries(require('./tsconfig.json').compilerOptions.paths).map(([pattern, [target]]) => ({
  prefix: pattern.replace(/\*$/, ''),
  dir: path.resolve(__dirname, target.replace(/\*$/, ''))
}))
const aliases = Object.fromEntries(aliasDirs.map(({ prefix, dir }) => [`^${prefix.replace(/[/.]/g, '\\$&')}(.*)$`, `${dir}/$1`]))

// moduleNameMapper serves test files only. globalSetup/globalTeardown (the page tests' API server) are required by
// Node in this process, so the same aliases are taught to Node's resolver here.
const resolveFilename = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  const alias = aliasDirs.find(({ prefix }) => request.startsWith(prefix))
  return resolveFilename.call(this, alias ? path.join(alias.dir, request.slice(alias.prefix.length)) : request, ...rest)
}

const shared = {
  transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json'],
  moduleNameMapper: aliases
}

module.exports = async () => {
  const pageTestPort = process.env.MIYUN_PAGE_TEST_PORT || String(await freePort())
  // Read by tests/app/support/global-setup.ts; jest's workers inherit it.
  process.env.MIYUN_PAGE_TEST_PORT = pageTestPort
  // The staff pages get their own server: publishing and editing there must not change what the worker page tests,
  // running at the same time, read.
  const staffPageTestPort = process.env.MIYUN_STAFF_PAGE_TEST_PORT || String(await freePort())
  process.env.MIYUN_STAFF_PAGE_TEST_PORT = staffPageTestPort
  const appProject = {
    ...shared,
    displayName: 'app',
    transform: { '^.+\\.(mjs|[jt]sx?)$': 'babel-jest' },
    moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'json'],
    // jsdom on the real API's origin (see tests/app/support/global-setup.ts), as the H5 build is.
    testEnvironment: '<rootDir>/tests/app/support/page-environment.js',
    testEnvironmentOptions: { apiPortVariable: 'MIYUN_PAGE_TEST_PORT' },
    globalSetup: '<rootDir>/tests/app/support/global-setup.ts',
    globalTeardown: '<rootDir>/tests/app/support/global-teardown.ts',
    testMatch: ['<rootDir>/tests/app/**/*.test.tsx', '<rootDir>/tests/app/**/*.test.ts'],
    setupFiles: ['<rootDir>/tests/app/support/setup-env.ts'],
    resolver: '<rootDir>/tests/app/support/resolver.js',
    setupFilesAfterEnv: ['<rootDir>/tests/app/support/setup-after-env.ts'],
    moduleNameMapper: {
      '^@tarojs/taro$': '<rootDir>/tests/app/support/taro.ts',
      // Before the aliases: the first pattern that matches wins, and `@/styles/x.scss` is a stylesheet.
      '\\.(css|scss|sass)$': '<rootDir>/tests/app/support/style.ts',
      '\\.(png|jpe?g|gif|svg)$': '<rootDir>/tests/app/support/file.ts',
      ...aliases
    },
    // Taro's packages ship untranspiled ESM; let babel handle them.
    transformIgnorePatterns: [
      '/node_modules/(?!(@tarojs|@stencil|\\.pnpm|tslib|style-inject|ics|runes2|nanoid|swiper|dom7|ssr-window|lodash-es|query-string|decode-uri-component|split-on-first|filter-obj)/)'
    ]
  }
  return {
    testTimeout: 20000,
    // jest's default is one worker fewer than the cores: on the 2-core machines we test and run CI on, that is ONE
    // worker, and every file waits in line while a core idles. The main process only hands out files and holds the
    // page tests' two API servers, so a worker per core is what keeps both cores busy (`--runInBand` still wins where
    // a step passes it: weapp and e2e).
    maxWorkers: Math.max(2, os.availableParallelism()),
    projects: [
      appProject,
      {
        // The staff pages (src/packages/staff) in jsdom against their own real API with staff accounts in it.
        ...appProject,
        displayName: 'staff-pages',
        testEnvironmentOptions: { apiPortVariable: 'MIYUN_STAFF_PAGE_TEST_PORT' },
        globalSetup: '<rootDir>/tests/staff-pages/support/global-setup.ts',
        globalTeardown: '<rootDir>/tests/staff-pages/support/global-teardown.ts',
        testMatch: ['<rootDir>/tests/staff-pages/**/*.test.tsx', '<rootDir>/tests/staff-pages/**/*.test.ts']
      },
      {
        ...shared,
        displayName: 'node',
        testEnvironment: 'node',
        testMatch: ['<rootDir>/tests/domain/**/*.test.ts', '<rootDir>/tests/server/**/*.test.ts', '<rootDir>/tests/config/**/*.test.ts']
      },
      {
        // The BUILT mini-program (dist/weapp) rendered by WeChat's component framework (miniprogram-simulate) against
        // the real API, and miniprogram-ci's offline code-quality check. Needs `npm run test:weapp` (builds first).
        ...shared,
        displayName: 'weapp',
        testEnvironment: 'node',
        testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
        // The build's own JS is run as WeChat runs it, untransformed.
        transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/']
      },
      {
        // The H5 build served by the real API server, driven in Debian's Chromium with playwright-core.
        ...shared,
        displayName: 'e2e',
        testEnvironment: 'node',
        testMatch: ['<rootDir>/tests/e2e/**/*.test.ts']
      }
    ]
  }
}
