/**
 * The one navigation helper on a page WeChat opened from 朋友圈 (单页模式, scene 1154): no page can be opened there,
 * and the worker is told how to get into the whole app instead of a network error that is not one. Only the Taro
 * API's answers are made up: the entry WeChat reports and the failure its navigateTo gives in that mode.
 */
import Taro from '@tarojs/taro'
import { go } from '@/navigation'
import { routes } from '@/routes'

function inWeChat(scene: number) {
  process.env.TARO_ENV = 'weapp'
  jest.spyOn(Taro, 'getEnterOptionsSync').mockReturnValue({ scene, path: 'pages/home/index', query: {} } as never)
  const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockRejectedValue({ errMsg: 'navigateTo:fail not supported in single page mode' })
  const switchTab = jest.spyOn(Taro, 'switchTab').mockRejectedValue({ errMsg: 'switchTab:fail not supported in single page mode' })
  return { toast, navigateTo, switchTab }
}

afterEach(() => {
  jest.restoreAllMocks()
  process.env.TARO_ENV = 'h5'
})

describe('opening a page from 朋友圈’s 单页模式', () => {
  it('tells the worker to use 前往小程序, not that the network failed', async () => {
    const { toast, navigateTo } = inWeChat(1154)
    await go(routes.newsDetail('n1'))
    expect(navigateTo).not.toHaveBeenCalled()
    expect(toast).toHaveBeenCalledTimes(1)
    expect(toast.mock.calls[0][0]).toMatchObject({ title: '请点击下方「前往小程序」使用完整功能', icon: 'none' })
  })

  it('says the same for a tab', async () => {
    const { toast, switchTab } = inWeChat(1154)
    await go(routes.news())
    expect(switchTab).not.toHaveBeenCalled()
    expect(toast.mock.calls[0][0]).toMatchObject({ title: '请点击下方「前往小程序」使用完整功能' })
  })

  it('still says the network failed when a page cannot be opened in the whole app', async () => {
    const { toast, navigateTo } = inWeChat(1001)
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([] as never)
    await go(routes.newsDetail('n1'))
    expect(navigateTo).toHaveBeenCalledTimes(1)
    expect(toast.mock.calls[0][0]).toMatchObject({ title: '页面打开失败，请检查网络后重试' })
  })
})
