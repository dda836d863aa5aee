/**
 * The station editor's photo and map pickers when WeChat says no. Only the Taro API's answer is made up — WeChat's
 * own errno and errMsg for each case; the page, the editor and the server are real. A cancel is the staffer's choice
 * and says nothing; every other failure says what happened and what helps, never a tap that seems to do nothing.
 */
import Taro from '@tarojs/taro'
import { screen, waitFor } from '@testing-library/react'
import StaffStationEditPage from '@/packages/staff/station-edit/index'
import { renderPage } from '../app/support/render-page'
import { control, tap } from './support/editor'
import { logInAs } from './support/staff'

const FAILURES = [
  {
    what: 'the privacy popup refused',
    answer: { errno: 104, errMsg: '%s:fail privacy permission is not authorized' },
    photo: /未同意隐私保护指引，无法选择照片。请再点一次/,
    map: /未同意隐私保护指引，无法打开地图。请再点一次「在地图上选点」/
  },
  {
    what: 'the use not declared in the 用户隐私保护指引',
    answer: { errno: 112, errMsg: '%s:fail api scope is not declared in the privacy agreement' },
    photo: /尚未声明「选中的照片或视频信息」.*联系管理员/,
    map: /尚未声明「选择的位置信息」.*联系管理员/
  },
  {
    what: 'a permission refused earlier',
    answer: { errMsg: '%s:fail auth deny' },
    photo: /右上角「…」→「设置」中允许使用摄像头/,
    map: /右上角「…」→「设置」中允许使用位置信息/
  },
  {
    what: 'the phone not letting WeChat in',
    answer: { errMsg: '%s:fail system permission denied' },
    photo: /手机的「设置」→「微信」中允许/,
    map: /手机的「设置」中允许/
  },
  {
    what: 'anything else',
    answer: { errMsg: '%s:fail internal error' },
    photo: /无法打开相册或相机，请稍后重试/,
    map: /地图打开失败，请稍后重试/
  }
]

const answerOf = (api: string, answer: { errno?: number; errMsg: string }) => ({ ...answer, errMsg: answer.errMsg.replace('%s', api) })

async function openNewStation() {
  renderPage(<StaffStationEditPage />, {})
  await control('name')
}

beforeEach(async () => {
  await logInAs('editor')
})

afterEach(() => {
  jest.restoreAllMocks()
  process.env.TARO_ENV = 'h5'
})

describe('选择照片 when WeChat refuses', () => {
  it.each(FAILURES)('says what to do for $what', async ({ answer, photo }) => {
    jest.spyOn(Taro, 'chooseMedia').mockRejectedValue(answerOf('chooseMedia', answer))
    await openNewStation()
    tap('选择照片')
    expect((await screen.findByRole('alert')).textContent).toMatch(photo)
  })

  it('says nothing when the staffer cancels', async () => {
    const chooseMedia = jest.spyOn(Taro, 'chooseMedia').mockRejectedValue({ errMsg: 'chooseMedia:fail cancel' })
    await openNewStation()
    tap('选择照片')
    await waitFor(() => expect(chooseMedia).toHaveBeenCalled())
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.queryByRole('alert')).toBeNull()
  })
})

describe('在地图上选点 when WeChat refuses', () => {
  beforeEach(() => {
    // The map picker is the WeChat build's; H5 types the coordinates.
    process.env.TARO_ENV = 'weapp'
  })

  it.each(FAILURES)('says what to do for $what', async ({ answer, map }) => {
    jest.spyOn(Taro, 'chooseLocation').mockRejectedValue(answerOf('chooseLocation', answer))
    await openNewStation()
    tap('在地图上选点')
    await waitFor(() => expect(document.querySelector('[data-field="latitude"] .field__error')?.textContent).toMatch(map))
    if (answer.errno === 104) {
      // Consent to the privacy popup has no switch in 设置: WeChat asks again at the next tap.
      expect(document.querySelector('[data-field="latitude"] .field__error')?.textContent).not.toMatch(/设置/)
    }
  })

  it('says nothing when the staffer cancels', async () => {
    const chooseLocation = jest.spyOn(Taro, 'chooseLocation').mockRejectedValue({ errMsg: 'chooseLocation:fail cancel' })
    await openNewStation()
    tap('在地图上选点')
    await waitFor(() => expect(chooseLocation).toHaveBeenCalled())
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(document.querySelector('[data-field="latitude"] .field__error')).toBeNull()
  })
})
