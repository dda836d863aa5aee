import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { clearCachedContent } from '@/api/cache'
import { PageRoot } from '@/components/page-root'
import { callHotline } from '@/navigation'
import { forgetElderMode } from '@/state/elder-mode'
import { HOTLINE_NUMBER as HOTLINE } from '@/domain/hotline'
import './index.scss'

const EFFECTIVE_DATE = '2026年11月24日'

interface Section {
  title: string
  paragraphs: string[]
}

/**
 * What this version actually does with data. When a feature starts collecting anything (sign-up, legal aid
 * applications), this text changes in the same release, as it did for locating nearby stations.
 */
const SECTIONS: Section[] = [
  {
    title: '一、我们收集什么',
    paragraphs: [
      '当前版本的“密云工会”小程序不收集您的个人信息：不需要登录，不读取您的手机号码和通讯录，也不要求您填写任何表单。只有“服务阵地”会请求获取您的位置，位置只在您的手机上使用（见第二条）。',
      '您浏览的工会动态、技能竞赛、服务和成绩单等内容，都是公开信息。小程序读取这些内容时会连接密云区总工会的服务器，请求中不含您的姓名、手机号等身份信息。服务器不保存访问记录，只在出错时记录出错的时间和错误内容，用于排查故障。'
    ]
  },
  {
    title: '二、位置信息（服务阵地）',
    paragraphs: [
      '只有打开“服务阵地”时，小程序才会请求获取您的位置，用于在手机上计算您与各服务站点的距离，把离您最近的站点排在前面。是否允许由您决定；不允许时，站点按开放状态和所在镇街排列，其他功能照常使用。',
      '您的位置只在手机上用来计算距离，不会发送到服务器，也不会保存在手机或服务器上。地图上显示的您所在的位置由微信绘制，小程序不读取。点击“导航”时，小程序把站点的位置交给微信地图（在浏览器中为高德地图）打开。',
      '工会工作人员编辑服务站点时，可以用微信的“选择位置”在地图上选点，设定站点所在的位置。这个功能只供工会工作人员使用，选定的是站点的位置，随站点信息保存并公开显示；职工使用小程序时不会用到它。关于您（职工）所在的位置，小程序不保存、也不发送任何信息。',
      '扫描服务站点海报上的二维码打开站点页面时，服务器只把该站点当天的扫码次数加一，不记录是谁扫的码，也不记录您的位置、手机或微信账号等任何个人信息。为了不把同一部手机10分钟内的重复扫码多计，服务器在内存中暂存一个由网络地址和站点算出、无法还原的摘要，10分钟后丢弃，不写入磁盘，也不写入日志。'
    ]
  },
  {
    title: '三、手机上保存了什么',
    paragraphs: [
      '为了在网络不好时也能阅读，小程序会把最近看过的内容保存在您的手机上（离线内容）。',
      '您打开或关闭“长辈模式”的设置也保存在手机上，下次打开时保持不变。',
      '这些内容只保存在您的手机上，不会上传。您可以随时点击下方“清除本地缓存”把它们全部删除。'
    ]
  },
  {
    title: '四、工会工作人员',
    paragraphs: [
      '“我的”页面中的“工作人员登录”只供密云区总工会的工作人员发布和管理内容使用，职工无需也无法注册。',
      '工作人员登录后，手机上保存一个登录凭证（30分钟不操作或12小时后失效，退出登录即删除）和尚未保存到服务器的编辑内容。服务器保存工作人员的账号名、姓名、角色、加密后的密码，以及每一次内容修改的操作记录（谁、何时、改了什么），用于追溯。',
      '工作人员上传图片时，小程序会请您从相册选择或用相机拍摄一张照片，只上传您选中的这一张；服务器会删除照片中的拍摄地点、设备型号等附加信息，只保存缩小后的图片。'
    ]
  },
  {
    title: '五、拨打12351热线',
    paragraphs: [
      '点击“拨打”时，小程序只是把号码12351交给手机自带的拨号功能，是否拨出由您确认。通话由电信运营商提供，小程序不会记录通话。'
    ]
  },
  {
    title: '六、以后的功能',
    paragraphs: [
      '以后上线的报名、法律援助申请等功能，在收集任何信息之前都会先告诉您收集什么、用来做什么，并征得您的同意。届时本隐私政策会同步更新。'
    ]
  },
  {
    title: '七、联系我们',
    paragraphs: ['如对本隐私政策或个人信息保护有任何疑问，请联系密云区总工会，或拨打12351职工服务热线。']
  }
]

export default function PrivacyPage() {
  const clearLocalData = async () => {
    const { confirm } = await Taro.showModal({
      title: '清除本地缓存',
      content: '将删除保存在手机上的离线内容和长辈模式设置。工作人员的登录状态和未保存的草稿会保留。确定清除吗？',
      confirmText: '清除',
      cancelText: '取消'
    })
    if (!confirm) return
    // Only what the dialog names: a staffer on this phone stays logged in and keeps unsent work.
    clearCachedContent()
    forgetElderMode()
    void Taro.showToast({ title: '已清除本地缓存', icon: 'success' })
  }

  return (
    <PageRoot className='privacy'>
      <View className='privacy__header'>
        <Text className='privacy__title'>“密云工会”小程序隐私政策</Text>
        <Text className='privacy__date'>生效日期：{EFFECTIVE_DATE}</Text>
        <Text className='privacy__lead'>
          “密云工会”小程序由密云区总工会提供。我们用简单的话说明这个小程序怎样对待您的信息。
        </Text>
      </View>

      {SECTIONS.map((section) => (
        <View key={section.title} className='privacy__section'>
          <Text className='privacy__section-title'>{section.title}</Text>
          {section.paragraphs.map((paragraph) => (
            <Text key={paragraph} className='privacy__paragraph'>
              {paragraph}
            </Text>
          ))}
        </View>
      ))}

      <View className='privacy__actions'>
        <Button className='privacy__clear' onClick={() => void clearLocalData()}>
          清除本地缓存
        </Button>
        <Button className='privacy__call' onClick={() => callHotline(HOTLINE)}>
          拨打 12351
        </Button>
      </View>
    </PageRoot>
  )
}
