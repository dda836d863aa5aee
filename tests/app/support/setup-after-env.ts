import '@testing-library/jest-dom'
import { cleanup } from '@testing-library/react'
import { goOnline } from './network'

afterEach(() => {
  cleanup()
  goOnline()
  // Each test starts as a fresh install: nothing kept from earlier answers, 长辈模式 off.
  window.localStorage.clear()
})
