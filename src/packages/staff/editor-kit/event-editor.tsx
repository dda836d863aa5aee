/**
 * What the activity and competition editors share around their fields: the loader that reads the record named in
 * the route (none for a new one) and titles the page, the title that turns to 「编辑…」 once a new record is saved,
 * and the line telling what workers will see as the status.
 */
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, type ReactNode } from 'react'
import { notFoundError } from '@/api/client'
import { isContentId } from '@/domain/limits'
import { routeParam } from '@/routes'
import { StaffPage } from '../components/staff-page'
import { RecordLoader } from './record-loader'
import { useStaffResource } from './use-staff-resource'
import './editor-kit.scss'

const setTitle = (title: string) => void Taro.setNavigationBarTitle({ title }).catch(() => undefined)

interface EventLoaderProps<R> {
  /** The page's class: 'activity-edit', 'competition-edit'. */
  className: string
  /** 「活动」, 「竞赛」 */
  what: string
  load: (id: string) => Promise<R>
  onBack: () => void
  children: (record: R | undefined) => ReactNode
}

/** The editor page of an event, for editors: the record the route names, or none for 新建. */
export function EventEditPage<R>({ className, ...loader }: EventLoaderProps<R>) {
  return (
    <StaffPage roles={['editor']} className={className}>
      <EventLoader {...loader} />
    </StaffPage>
  )
}

/** 「未找到该…」 for an id that is not one, or not there. */
function EventLoader<R>({ what, load, onBack, children }: Omit<EventLoaderProps<R>, 'className'>) {
  const id = routeParam(useRouter().params.id)
  const resource = useStaffResource<R | null>(() => {
    if (id === undefined) return Promise.resolve(null)
    if (!isContentId(id)) return Promise.reject(notFoundError(`未找到该${what}`))
    return load(id)
  }, [id, what])

  useEffect(() => {
    setTitle(id === undefined ? `新建${what}` : `编辑${what}`)
  }, [id, what])

  return (
    <RecordLoader resource={resource} what={what} notFound={{ title: `未找到该${what}`, actionText: `返回${what}列表`, onAction: onBack }}>
      {(record) => children(record ?? undefined)}
    </RecordLoader>
  )
}

/** Once a new record is saved, the page edits it: the title says so. */
export function useEditedTitle(created: boolean, what: string): void {
  useEffect(() => {
    if (created) setTitle(`编辑${what}`)
  }, [created, what])
}

interface DatesLike {
  signupStartsAt: string
  signupEndsAt: string
  eventStartsAt: string
  eventEndsAt: string
}

/** What workers will see as the status, from the dates as they stand in the form; nothing while one is missing. */
export function ShownStatus<I extends DatesLike>({ input, statusOf }: { input: I; statusOf: (input: I) => string }) {
  const dates = [input.signupStartsAt, input.signupEndsAt, input.eventStartsAt, input.eventEndsAt]
  if (dates.some((date) => !date || Number.isNaN(Date.parse(date)))) return null
  return (
    <View className='editor-kit__shown-status'>
      <Text>按填写的日期，职工现在看到的状态：{statusOf(input)}</Text>
    </View>
  )
}
