/**
 * The mini-program has no server-drawn first screen (src/first-screen.ts is the H5 one): nothing to take over. Taro
 * builds this file for WeChat in place of first-screen.ts, so none of that code is in the package.
 */
export function takeFirstScreenAnswers(): void {}

export function handOverFirstScreen(): void {}

export function useFirstScreenHandOver(_settled: boolean): void {}
