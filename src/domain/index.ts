/**
 * The domain: one module per domain, plus the shared content pieces, the one validation engine and the one date
 * module. The server imports the domain only through this barrel, so the files behind it can move freely. The app
 * imports the module it needs by path: its main package must not pull every domain in for one type.
 */
export * from './content'
export * from './validation'
export * from './dates'
export * from './paging'
export * from './limits'
export * from './media'
export * from './hotline'
export * from './news'
export * from './competitions'
export * from './services'
export * from './plan'
export * from './home'
export * from './accounts'
export * from './audit'
export * from './stations'
export * from './station-hours'
export * from './station-geo'
export * from './station-codes'
export * from './station-input'
