import '@testing-library/jest-dom'
import { cleanup } from '@testing-library/react'
import { REAL_TIMERS_BUT_DATE, TEST_NOW } from '../../support/clock'
import { goOnline } from './network'

// The phone's clock reads TEST_NOW, as the API server's does (global-setup.ts). Only Date is replaced: timers,
// and so the network and Testing Library's waiting, run for real.
jest.useFakeTimers({ now: TEST_NOW, doNotFake: [...REAL_TIMERS_BUT_DATE] })

afterEach(() => {
  cleanup()
  goOnline()
  // Each test starts as a fresh install: nothing kept from earlier answers, 长辈模式 off.
  window.localStorage.clear()
})
