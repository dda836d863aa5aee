/**
 * The domain: one module per domain, plus the shared content pieces (content.ts), the one validation engine
 * (validation.ts) and the one date module (dates.ts). No Taro, React, API-client or server import anywhere here.
 *
 * A domain is `<domain>.ts`, what workers read (types and the rules the worker pages run), and `<domain>-input.ts`,
 * what staff send and the validators over it (stations add hours, geo and codes). They are kept apart because
 * webpack ships one copy of a module with every export any page uses: with the validators beside the worker types,
 * the staff rules rode in the worker's first load (measured: H5 +6 KB gzipped, WeChat main package +19 KB).
 *
 * The server imports the domain only through this barrel, so the files behind it can move freely. The app imports
 * the module it needs by path, for the same reason as the split.
 */
export * from './content'
export * from './validation'
export * from './dates'
export * from './paging'
export * from './limits'
export * from './media'
export * from './hotline'
export * from './news'
export * from './news-input'
export * from './competitions'
export * from './competition-input'
export * from './activities'
export * from './activity-input'
export * from './signup-events'
export * from './signups'
export * from './services'
export * from './service-input'
export * from './plan'
export * from './plan-input'
export * from './home'
export * from './featured-input'
export * from './accounts'
export * from './audit'
export * from './stations'
export * from './station-hours'
export * from './station-geo'
export * from './station-codes'
export * from './station-input'
export * from './privacy'
export * from './workers'
export * from './subscribe-message'
export * from './app-shell'
export * from './elder-mode'
