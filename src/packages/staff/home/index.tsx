import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ApiError } from '@/api/client'
import { fetchMe } from '@/api/staff/me'
import { logout } from '@/api/staff/request'
import { ROLE_LABELS, hasRole, type StaffMe, type StaffRole } from '@/domain/accounts'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { StaffPage, toLogin, useStaff } from '../components/staff-page'
import './index.scss'

interface Tile {
  title: string
  hint: string
  url: string
  /** Who sees it (an administrator sees everything). */
  roles: StaffRole[]
}

const TILES: Tile[] = [
  { title: '动态管理', hint: '写动态、发布、定时发布、撤下', url: routes.staffNews(), roles: ['editor'] },
  { title: '竞赛管理', hint: '报名时间、规则、奖项与成绩', url: routes.staffCompetitions(), roles: ['editor'] },
  { title: '活动管理', hint: '女职工课堂、联谊、健康讲堂等活动', url: routes.staffActivities(), roles: ['editor'] },
  { title: '报名与签到', hint: '审核报名、候补、现场签到、导出名单', url: routes.staffEvents(), roles: ['handler'] },
  { title: '服务内容', hint: '法律援助、医疗互助等服务介绍', url: routes.staffServices(), roles: ['editor'] },
  { title: '十四五数据', hint: '十四五成绩与十五五规划', url: routes.staffPlan(), roles: ['editor'] },
  { title: '首页推荐', hint: '首页轮播的推荐内容', url: routes.staffFeatured(), roles: ['editor'] },
  { title: '服务阵地', hint: '站点信息、开放时间、二维码海报', url: routes.staffStations(), roles: ['editor'] },
  { title: '账号管理', hint: '开设账号、分配角色、重置密码', url: routes.staffAccounts(), roles: ['admin'] },
  { title: '操作记录', hint: '谁在什么时候改了什么', url: routes.staffAudit(), roles: ['admin'] }
]

export default function StaffHomePage() {
  return (
    <StaffPage className='staff-home'>
      <Workbench />
    </StaffPage>
  )
}

function Workbench() {
  const stored = useStaff()
  // Roles can change (or the account be disabled) while a session lasts: the server's answer replaces the stored one.
  const [staff, setStaff] = useState<StaffMe>(stored)
  const [leaving, setLeaving] = useState(false)

  useEffect(() => {
    let current = true
    fetchMe()
      .then((me) => {
        if (current) setStaff(me)
      })
      .catch((error: unknown) => {
        if (current && error instanceof ApiError && error.status === 401) toLogin()
        // Otherwise (offline, server down) the stored identity stays on screen; each tool's page says what fails.
      })
    return () => {
      current = false
    }
  }, [])

  async function leave() {
    setLeaving(true)
    await logout()
    void go(routes.me())
  }

  const tiles = TILES.filter((tile) => hasRole(staff.roles, tile.roles))
  const handlerOnly = !hasRole(staff.roles, ['editor'])

  return (
    <View>
      <View className='staff-home__who'>
        <Text className='staff-home__name'>{staff.displayName}</Text>
        <View className='staff-home__roles'>
          {staff.roles.map((role) => (
            <Text key={role} className='staff-home__role'>
              {ROLE_LABELS[role]}
            </Text>
          ))}
        </View>
        <Text className='staff-home__account'>账号：{staff.name}</Text>
      </View>

      {handlerOnly && (
        <View className='staff-home__note' role='note'>
          <Text>办理职工申请的功能将在后续版本中开放，届时会出现在这里。</Text>
        </View>
      )}

      {tiles.length > 0 && (
        <View className='staff-home__tiles'>
          {tiles.map((tile) => (
            <View key={tile.title} className='staff-home__tile' hoverClass='staff-home__tile--pressed' role='link' onClick={() => void go(tile.url)}>
              <Text className='staff-home__tile-title'>{tile.title}</Text>
              <Text className='staff-home__tile-hint'>{tile.hint}</Text>
            </View>
          ))}
        </View>
      )}

      <View className='staff-home__group'>
        <View className='staff-home__row' hoverClass='staff-home__row--pressed' role='link' onClick={() => void go(routes.staffPassword())}>
          <Text className='staff-home__row-title'>修改密码</Text>
          <Text className='staff-home__chevron'>›</Text>
        </View>
      </View>

      <Button className='staff-home__logout' disabled={leaving} onClick={() => void leave()}>
        {leaving ? '正在退出…' : '退出登录'}
      </Button>
    </View>
  )
}
