/**
 * One staff account (编辑 and 经办) in the worker page tests' server (created by global-setup.ts), used through the real
 * staff routes: to make an event whose check-in is open at TEST_NOW and to read its 签到 screen's code.
 */
export const PAGE_TEST_STAFF = { name: 'yemian', displayName: '页面测试', password: '密云工会-职工页面测试-2026' }
