import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { listAccounts } from '@/api/staff/accounts'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { PageState } from '@/components/page-state'
import type { StaffAccount } from '@/domain/accounts'
import { StaffPage, useStaff } from '../components/staff-page'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import { AccountCard } from './account-card'
import { HAND_OVER_HINT, NewAccount } from './new-account'
import '../editor-kit/editor-kit.scss'
import './index.scss'

export default function StaffAccountsPage() {
  return (
    <StaffPage roles={['admin']} className='accounts'>
      <Accounts />
    </StaffPage>
  )
}

function Accounts() {
  const me = useStaff()
  const { state, reload } = useStaffResource(listAccounts, [])
  usePullDownReload(reload)
  /** The list as the server last answered, with each change's answer put in place without a reload. */
  const [accounts, setAccounts] = useState<StaffAccount[]>()
  useEffect(() => {
    if (state.status === 'ready') setAccounts(state.data)
  }, [state])
  const [adding, setAdding] = useState(false)
  const [created, setCreated] = useState<StaffAccount>()

  const replace = (changed: StaffAccount) => setAccounts((previous) => previous?.map((account) => (account.id === changed.id ? changed : account)))

  return (
    <View>
      {created && (
        <View className='accounts__message accounts__message--success' role='status'>
          <Text>
            已开设账号 {created.name}（{created.displayName}）。{HAND_OVER_HINT}
          </Text>
        </View>
      )}
      {adding ? (
        <NewAccount
          onCreated={(account) => {
            setCreated(account)
            setAdding(false)
            setAccounts((previous) => [...(previous ?? []), account])
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button
          className='editor-kit__button editor-kit__button--primary'
          onClick={() => {
            setCreated(undefined)
            setAdding(true)
          }}
        >
          新建账号
        </Button>
      )}
      <PageState state={state} onRetry={() => void reload()} what='账号' isEmpty={(items) => items.length === 0}>
        {() => (
          <View className='accounts__list'>
            {(accounts ?? []).map((account) => (
              <AccountCard key={account.id} account={account} isMe={account.id === me.id} onChanged={replace} />
            ))}
          </View>
        )}
      </PageState>
    </View>
  )
}
