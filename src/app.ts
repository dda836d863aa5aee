import type { PropsWithChildren } from 'react'
import { takeFirstScreenAnswers } from './first-screen'
import './app.scss'

// H5: the answers a first screen drawn by the server came with are the pages' first answers (src/first-screen.ts).
if (process.env.TARO_ENV === 'h5') takeFirstScreenAnswers()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
