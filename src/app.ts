import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { applyElderMode } from './state/elder-mode'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    applyElderMode()
  })
  return children
}

export default App
