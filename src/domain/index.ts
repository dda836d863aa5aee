export * from './types'
export * from './competition-status'
export * from './paging'
export * from './dates'
