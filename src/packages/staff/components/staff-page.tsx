import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import { PageRoot } from '@/components/page-root'
import { ROLE_LABELS, hasRole, type StaffMe, type StaffRole } from '@/domain/accounts'
import { readSession } from '@/api/staff/session'
import { routes } from '@/routes'
import './staff-page.scss'

const StaffContext = createContext<StaffMe | undefined>(undefined)

/** The logged-in staffer, inside a StaffPage. */
export function useStaff(): StaffMe {
  const staff = useContext(StaffContext)
  if (!staff) throw new Error('useStaff() outside StaffPage')
  return staff
}

/** Sends the staffer to the login page, coming back here afterwards is not attempted: pages reload their data. */
export function toLogin(): void {
  void Taro.redirectTo({ url: routes.staffLogin() })
}

/**
 * Every staff page but login: without a session on this device it goes to the login page; without the role it says
 * which role is needed. The server checks again on every request — this only spares a staffer a useless screen.
 */
export function StaffPage({ roles = [], className, children }: { roles?: StaffRole[]; className?: string; children: ReactNode }) {
  const [staff] = useState(() => readSession()?.staff)
  useEffect(() => {
    if (!staff) toLogin()
  }, [staff])

  if (!staff) {
    return (
      <PageRoot className='staff-page'>
        <View className='staff-page__notice' role='alert'>
          <Text>请先登录工作人员账号</Text>
          <Button className='staff-page__notice-button' onClick={toLogin}>
            去登录
          </Button>
        </View>
      </PageRoot>
    )
  }
  if (roles.length > 0 && !hasRole(staff.roles, roles)) {
    return (
      <PageRoot className='staff-page'>
        <View className='staff-page__notice' role='alert'>
          <Text>没有权限：此页面需要{roles.map((role) => ROLE_LABELS[role]).join('或')}角色</Text>
        </View>
      </PageRoot>
    )
  }
  return (
    <StaffContext.Provider value={staff}>
      <PageRoot className={`staff-page${className ? ` ${className}` : ''}`}>{children}</PageRoot>
    </StaffContext.Provider>
  )
}
