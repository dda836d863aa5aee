/** Where the page tests' real API listens (a free port picked by jest.config.js); jsdom pages share its origin. */
export function pageTestPort(): number {
  const port = Number(process.env.MIYUN_PAGE_TEST_PORT)
  if (!Number.isInteger(port) || port <= 0) throw new Error('MIYUN_PAGE_TEST_PORT is not set: run the page tests through jest.config.js')
  return port
}
