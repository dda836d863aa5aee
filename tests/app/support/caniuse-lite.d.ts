// caniuse-lite ships no types; the part tests/app/browser-floor.test.ts reads.
declare module 'caniuse-lite' {
  export const features: Record<string, unknown>
  export function feature(packed: unknown): { stats: Record<string, Record<string, string>> }
}
