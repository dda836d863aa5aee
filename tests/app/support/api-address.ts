/** Where the page tests' real API listens; jsdom pages are served from the same origin. */
export const PAGE_TEST_API_PORT = 39261
export const PAGE_TEST_ORIGIN = `http://127.0.0.1:${PAGE_TEST_API_PORT}`
