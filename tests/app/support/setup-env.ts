// Build-time constants the Taro webpack build defines, defined the same way for jest.
const buildConstants: Record<string, unknown> = {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
  // Same origin, as in the H5 build served by the API.
  API_BASE_URL: ''
}
Object.assign(globalThis, buildConstants)
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
process.env.FRAMEWORK = 'react'

// jsdom has no fetch; this one runs over jsdom's XMLHttpRequest, which makes real HTTP requests.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('whatwg-fetch')
