export default async function globalTeardown(): Promise<void> {
  await globalThis.__MIYUN_STAFF_PAGE_TEST_API__?.close()
}
