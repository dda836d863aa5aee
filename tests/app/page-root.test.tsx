/**
 * A page that throws while rendering: the worker reads that the page failed and has a way back, not a blank screen
 * and not the error's own (English) text or stack.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { View } from '@tarojs/components'
import { PageRoot } from '@/components/page-root'
import { routes } from '@/routes'
import { spyNavigation } from './page-helpers'
import { renderPage } from './support/render-page'

function Broken(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'title')")
}

/** A page that works until the worker taps, then renders something that throws. */
function BreaksOnTap() {
  const [broken, setBroken] = useState(false)
  return (
    <View role='button' onClick={() => setBroken(true)}>
      展开
      {broken && <Broken />}
    </View>
  )
}

beforeEach(() => {
  // React reports the caught error in the console, as it should for developers; the test reads the page.
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
})

describe('a page that throws while rendering', () => {
  it('says the page failed, in Chinese, without the error text or a stack', () => {
    spyNavigation()
    const view = renderPage(
      <PageRoot>
        <Broken />
      </PageRoot>
    )
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('页面出错了')
    expect(alert).toHaveTextContent('这个页面的内容没能显示出来')
    expect(view.container).not.toHaveTextContent(/Cannot read|TypeError|reading|at /)
    // The page keeps its root: 长辈模式 and the page background still apply.
    expect(view.container.querySelector('.page-root')).not.toBeNull()
  })

  it('回到首页 opens 首页', async () => {
    const { switchTab } = spyNavigation()
    renderPage(
      <PageRoot>
        <Broken />
      </PageRoot>
    )
    fireEvent.click(screen.getByText('回到首页'))
    await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: routes.home() }))
  })

  it('返回 goes back a page, or to 首页 when there is none to go back to', async () => {
    const { switchTab } = spyNavigation()
    const back = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' })
    const first = renderPage(
      <PageRoot>
        <Broken />
      </PageRoot>
    )
    fireEvent.click(screen.getByText('返回'))
    await waitFor(() => expect(back).toHaveBeenCalled())
    expect(switchTab).not.toHaveBeenCalled()
    first.unmount()

    back.mockRejectedValue({ errMsg: 'navigateBack:fail cannot navigate back at first page.' })
    renderPage(
      <PageRoot>
        <Broken />
      </PageRoot>
    )
    fireEvent.click(screen.getByText('返回'))
    await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: routes.home() }))
  })

  it('a page that breaks after a tap shows the same, instead of going blank', () => {
    spyNavigation()
    renderPage(
      <PageRoot>
        <BreaksOnTap />
      </PageRoot>
    )
    fireEvent.click(screen.getByText('展开'))
    expect(screen.getByRole('alert')).toHaveTextContent('页面出错了')
    expect(screen.getByText('回到首页')).toBeInTheDocument()
  })
})
