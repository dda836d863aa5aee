/**
 * Transitional: this module was split into one module per domain (see index.ts). It re-exports the barrel so the
 * server and the tests keep compiling until they import `src/domain` itself; nothing new imports it, and it goes
 * once nothing does.
 */
export * from './index'
