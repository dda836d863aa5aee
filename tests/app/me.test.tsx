import { fireEvent, screen, waitFor } from '@testing-library/react'
import MePage from '@/pages/me'
import { routes } from '@/routes'
import { spyNavigation, spyPhoneCall } from './page-helpers'
import { renderPage } from './support/render-page'

function pageRoot(): HTMLElement {
  return document.querySelector('.page-root') as HTMLElement
}

/** The switch's checkbox, once Taro's web component has drawn it. */
async function elderSwitch(): Promise<HTMLInputElement> {
  let input: HTMLInputElement | null = null
  await waitFor(() => {
    input = screen.getByLabelText('长辈模式').querySelector('input')
    expect(input).not.toBeNull()
  })
  return input!
}

describe('我的', () => {
  it('introduces the union', () => {
    renderPage(<MePage />)
    expect(screen.getByText('密云区总工会')).toBeInTheDocument()
    expect(screen.getByText('持续当好职工群众的“娘家”、产业发展的“助推器”')).toBeInTheDocument()
  })

  it('turns 长辈模式 on and remembers it across restarts', async () => {
    const first = renderPage(<MePage />)
    expect(screen.getByText('放大全部文字，方便阅读')).toBeInTheDocument()
    expect(pageRoot()).not.toHaveClass('page-root--elder')

    fireEvent.click(await elderSwitch())
    await waitFor(() => expect(pageRoot()).toHaveClass('page-root--elder'))
    first.unmount()

    // A restart: a new page reads the setting back from storage.
    renderPage(<MePage />)
    expect(pageRoot()).toHaveClass('page-root--elder')
    expect(await elderSwitch()).toBeChecked()

    fireEvent.click(await elderSwitch())
    await waitFor(() => expect(pageRoot()).not.toHaveClass('page-root--elder'))
  })

  it('links to 关于, 隐私政策 and the 12351 hotline, and shows the version', async () => {
    const { navigateTo } = spyNavigation()
    const makePhoneCall = spyPhoneCall()
    renderPage(<MePage />)

    fireEvent.click(screen.getByText('关于密云区总工会'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.aboutUnion() }))
    fireEvent.click(screen.getByText('隐私政策'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.privacy() }))
    fireEvent.click(screen.getByText('12351 职工服务热线'))
    expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '12351' })
    expect(screen.getByText(/^\d+\.\d+\.\d+$/)).toBeInTheDocument()
  })

  it('opens 工作人员登录 for union staff', async () => {
    const { navigateTo } = spyNavigation()
    renderPage(<MePage />)
    fireEvent.click(screen.getByText('工作人员登录'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.staffLogin() }))
  })
})
