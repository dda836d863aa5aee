// Replaces Taro H5's fetch and AbortController polyfills (see config/index.ts): every browser the app supports
// has both, and the polyfills cost every worker ~14 KB gzipped on the first page.
export {}
