import { View } from '@tarojs/components'
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@/domain/accounts'
import { FieldFrame } from '@/components/fields'
import { ToggleRow } from '../editor-kit/controls'

const ROLES_HINT = '编辑：发布和管理动态、竞赛、服务等内容；经办：办理职工的申请；管理员：账号和操作记录，并可做编辑的一切。'

interface RolesFieldProps {
  name: string
  value: StaffRole[]
  onChange: (roles: StaffRole[]) => void
  error?: string
}

/** The three roles as checkboxes, kept in the order of STAFF_ROLES. */
export function RolesField({ name, value, onChange, error }: RolesFieldProps) {
  const toggle = (role: StaffRole, on: boolean) => onChange(STAFF_ROLES.filter((each) => (each === role ? on : value.includes(each))))
  return (
    <FieldFrame label='角色' name={name} error={error} hint={ROLES_HINT}>
      <View className='accounts__roles' role='group' aria-label='角色'>
        {STAFF_ROLES.map((role) => (
          <ToggleRow key={role} role='checkbox' label={ROLE_LABELS[role]} checked={value.includes(role)} onChange={(on) => toggle(role, on)} />
        ))}
      </View>
    </FieldFrame>
  )
}
