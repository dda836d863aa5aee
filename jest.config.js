/**
 * Three kinds of jest suites, one command:
 * - node: domain rules and the API (through HTTP with app.inject, on a real database file)
 * - app:  pages rendered with Testing Library in jsdom, Taro mapped to its H5 implementation
 * - weapp/e2e suites run the built app (WeChat's simulator, Chromium) and are their own projects
 */
const shared = {
  transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json']
}

module.exports = {
  testTimeout: 20000,
  projects: [
    {
      ...shared,
      displayName: 'app',
      transform: { '^.+\\.(mjs|[jt]sx?)$': 'babel-jest' },
      moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'json'],
      testEnvironment: 'jsdom',
      // Pages live on the real API's origin (see tests/app/support/global-setup.ts), as the H5 build does.
      testEnvironmentOptions: { url: 'http://127.0.0.1:39261/' },
      globalSetup: '<rootDir>/tests/app/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/app/support/global-teardown.ts',
      testMatch: ['<rootDir>/tests/app/**/*.test.tsx', '<rootDir>/tests/app/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/app/support/setup-env.ts'],
      resolver: '<rootDir>/tests/app/support/resolver.js',
      setupFilesAfterEnv: ['<rootDir>/tests/app/support/setup-after-env.ts'],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/tests/app/support/taro.ts',
        '^@/(.*)$': '<rootDir>/src/$1',
        '\\.(css|scss|sass)$': '<rootDir>/tests/app/support/style.ts',
        '\\.(png|jpe?g|gif|svg)$': '<rootDir>/tests/app/support/file.ts'
      },
      // Taro's packages ship untranspiled ESM; let babel handle them.
      transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|\.pnpm|tslib|style-inject|ics|runes2|nanoid|swiper|dom7|ssr-window|lodash-es|query-string|decode-uri-component|split-on-first|filter-obj)/)']
    },
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/domain/**/*.test.ts', '<rootDir>/tests/server/**/*.test.ts', '<rootDir>/tests/config/**/*.test.ts']
    }
  ]
}
