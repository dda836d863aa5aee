/**
 * 《报名个人信息处理说明》: the notice a worker reads and agrees to (unticked) before the first personal field is sent.
 * Changing what it says means a new PRIVACY_NOTICE_VERSION: every worker is then asked again before the next form
 * (the server refuses personal data with 403 CONSENT_REQUIRED until they agree to the current version). No Taro import.
 */

/** The notice's current version. Raise it whenever a section below changes in substance. */
export const PRIVACY_NOTICE_VERSION = 1

export const PRIVACY_NOTICE_TITLE = '报名个人信息处理说明'

export interface PrivacyNoticeSection {
  /** Stable key the pages can anchor to. */
  key: 'collected' | 'purpose' | 'recipients' | 'retention' | 'withdraw'
  heading: string
  paragraphs: string[]
}

export const PRIVACY_NOTICE_SECTIONS: readonly PrivacyNoticeSection[] = [
  {
    key: 'collected',
    heading: '收集哪些信息',
    paragraphs: [
      '报名所需：姓名、手机号、工作单位。',
      '技能竞赛另需：工种、从业年限。',
      '不收集身份证号、住址、微信手机号等其他信息；浏览内容无需登录，也不收集任何信息。'
    ]
  },
  {
    key: 'purpose',
    heading: '用来做什么',
    paragraphs: ['组织活动与赛事、联系报名人、现场签到。不用于其他目的，不向第三方提供。']
  },
  {
    key: 'recipients',
    heading: '谁能看到',
    paragraphs: ['密云区总工会经办人员。名单中手机号默认遮挡（如 138****1234），查看完整号码会留痕。']
  },
  {
    key: 'retention',
    heading: '保存多久',
    paragraphs: ['报名信息在活动结束后 1 年删除（期限可由工会配置）。加密保存，传输全程加密。']
  },
  {
    key: 'withdraw',
    heading: '如何撤回',
    paragraphs: ['在「我的」中删除预填信息、取消报名；或拨打职工服务热线 12351 联系我们。']
  }
]

/** The 403 a route that takes personal data answers while the worker has not agreed to the current notice. */
export const CONSENT_REQUIRED_MESSAGE = `请先阅读并同意《${PRIVACY_NOTICE_TITLE}》`
