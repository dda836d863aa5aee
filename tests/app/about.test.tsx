import { readFileSync } from 'fs'
import path from 'path'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { readCache, writeCache } from '@/api/cache'
import { readSession, saveSession } from '@/api/staff/session'
import AboutUnionPage from '@/packages/about/union'
import { readDraft, writeDraft } from '@/state/local-draft'
import PrivacyPage from '@/packages/about/privacy'
import { routes } from '@/routes'
import { setElderMode } from '@/state/elder-mode'
import { spyNavigation, spyPhoneCall } from './page-helpers'
import { renderPage } from './support/render-page'

/** The source article with line breaks removed (its extraction broke some sentences across lines). */
const article = readFileSync(path.resolve(__dirname, '../../docs/source/miyun-union-article.txt'), 'utf8').replace(/\s+/g, '')

function paragraphsOf(container: HTMLElement, selector: string): string[] {
  return Array.from(container.querySelectorAll(selector)).map((element) => element.textContent ?? '')
}

describe('关于密云区总工会', () => {
  it('says only what the article says', () => {
    const { container } = renderPage(<AboutUnionPage />)
    const quoted = [
      ...paragraphsOf(container, '.about__paragraph'),
      ...paragraphsOf(container, '.about__first-text'),
      ...paragraphsOf(container, '.about__area-title')
    ]
    expect(quoted.length).toBeGreaterThan(8)
    for (const text of quoted) expect(article).toContain(text.replace(/\s+/g, ''))
    expect(article).toContain(screen.getByText(/职工群众的“娘家”/).textContent!.replace(/^密云区总工会将/, ''))
  })

  it('shows the 十四五 record, the five 第一 and the source', async () => {
    const { navigateTo } = spyNavigation()
    renderPage(<AboutUnionPage />)
    expect(screen.getByText(/开展技能竞赛30场、覆盖20万余人次，建成210余个工会服务阵地，为职工挽回经济损失近3500万元/)).toBeInTheDocument()
    for (const first of ['第一责任', '第一要务', '第一目标', '第一宗旨', '第一动力']) {
      expect(screen.getByText(first)).toBeInTheDocument()
    }
    expect(screen.getByText(/内容来源：《凝心铸魂践初心 赋能奋进启新程/)).toBeInTheDocument()
    fireEvent.click(screen.getByText('查看成绩单与“十五五”蓝图'))
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.plan() }))
  })
})

describe('隐私政策', () => {
  it('says what is collected, what is kept on the phone, and when it takes effect', () => {
    renderPage(<PrivacyPage />)
    expect(screen.getByText(/不收集您的个人信息/)).toHaveTextContent(/浏览.*不需要登录.*不读取您的手机号码和通讯录/)
    // Sign-ups: the notice itself, WeChat's openid only, and what a device identity on H5 means.
    expect(screen.getByText(/只在本小程序内代表您的编号（openid）/)).toHaveTextContent(/不获取您的微信昵称、头像和微信绑定的手机号/)
    expect(screen.getByText(/在本机浏览器中报名，换设备或清除浏览器数据后将看不到/)).toBeInTheDocument()
    expect(screen.getByText('《报名个人信息处理说明》')).toBeInTheDocument()
    // The position 服务阵地 asks for stays on the phone; a QR scan is one count for the station and day.
    expect(screen.getByText(/只有打开“服务阵地”时/)).toHaveTextContent(/在手机上计算您与各服务站点的距离/)
    expect(screen.getByText(/您的位置只在手机上用来计算距离/)).toHaveTextContent(/不会发送到服务器，也不会保存在手机或服务器上/)
    // The map picker in the staff station editor (chooseLocation) sets a station's position, never reads a worker's.
    const picker = screen.getByText(/工会工作人员编辑服务站点时/)
    expect(picker).toHaveTextContent(/“选择位置”在地图上选点，设定站点所在的位置/)
    expect(picker).toHaveTextContent(/只供工会工作人员使用/)
    expect(picker).toHaveTextContent(/关于您（职工）所在的位置，小程序不保存、也不发送任何信息/)
    expect(screen.getByText(/扫描服务站点海报上的二维码/)).toHaveTextContent(/该站点当天的扫码次数加一，不记录是谁扫的码/)
    expect(screen.getByText(/扫描服务站点海报上的二维码/)).toHaveTextContent(/内存中暂存一个由网络地址和站点算出、无法还原的摘要，10分钟后丢弃/)
    expect(screen.getByText(/离线内容/)).toBeInTheDocument()
    expect(screen.getByText(/长辈模式/)).toBeInTheDocument()
    expect(screen.getByText(/以后上线的法律援助申请/)).toHaveTextContent(/征得您的同意/)
    expect(screen.getByText('生效日期：2026年12月2日')).toBeInTheDocument()
  })

  it('clears the kept content and 长辈模式 after the worker confirms; a staffer’s session and unsent draft stay', async () => {
    setElderMode(true)
    writeCache('/api/home', { news: [] })
    Taro.setStorageSync('miyun:api:/api/home', { data: {}, savedAt: 1 }) // left by an older app version
    saveSession({
      token: 't'.repeat(43),
      expiresAt: '2099-01-01T00:00:00.000Z',
      staff: { id: 's1', name: 'zhangsan', displayName: '张三', roles: ['editor'] }
    } as never)
    writeDraft('news:new', { title: '写了一半的动态' })
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    const { container } = renderPage(<PrivacyPage />)

    fireEvent.click(screen.getByText('清除本地缓存'))
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    expect(Taro.getStorageSync('miyun:api:/api/home')).toBeTruthy()

    modal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
    fireEvent.click(screen.getByText('清除本地缓存'))
    await waitFor(() => expect(readCache('/api/home')).toBeUndefined())
    expect(Taro.getStorageSync('miyun:api:/api/home')).toBeFalsy()
    await waitFor(() => expect(container.querySelector('.page-root')).not.toHaveClass('page-root--elder'))
    expect(Taro.getStorageInfoSync().keys.filter((key) => /^miyun:(api|elder)/.test(key))).toEqual([])
    expect(readSession()?.staff.displayName).toBe('张三')
    expect(readDraft('news:new')?.value).toEqual({ title: '写了一半的动态' })
    const [dialog] = modal.mock.calls[1]
    expect(dialog?.content).toMatch(/离线内容和长辈模式设置/)
    expect(dialog?.content).toMatch(/报名和工作人员的登录状态、未提交的报名和未保存的草稿会保留/)
  })

  it('offers the 12351 hotline for privacy questions', () => {
    const makePhoneCall = spyPhoneCall()
    renderPage(<PrivacyPage />)
    fireEvent.click(screen.getByText('拨打 12351'))
    expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '12351' })
  })
})
