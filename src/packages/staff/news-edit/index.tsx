import { Button, Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ApiError, notFoundError } from '@/api/client'
import { createNews, getStaffNews, publishNews, unpublishNews, updateNews } from '@/api/staff/news'
import { beijing, beijingDate, formatDateTime } from '@/domain/dates'
import { isContentId } from '@/domain/limits'
import { newsInputProblems, publishTimeProblem, shownNewsStatus, type NewsInput, type ShownNewsStatus, type StaffNewsArticle } from '@/domain/news-input'
import { FilterChips } from '@/components/filter-chips'
import { go } from '@/navigation'
import { routeParam, routes } from '@/routes'
import { FieldFrame } from '@/components/fields'
import { StaffPage } from '../components/staff-page'
import { DraftOffer, EditorAlerts, EditorStatus, SaveBar, type ExtraAction, type StatusBadge } from '../editor-kit/editor-chrome'
import { RecordLoader } from '../editor-kit/record-loader'
import { useEditor, type EditorAction } from '../editor-kit/use-editor'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import { instantOf, paddedTime, partsOf, type DateTimeParts } from '../editor-kit/beijing-time'
import { draftOf, formOf, formOfDraft, inputOf, type NewsForm } from './form'
import { NewsFields } from './news-fields'
import { NewsPreview } from './preview'
import './index.scss'

const draftKeyOf = (article: StaffNewsArticle | undefined) => `news:${article?.id ?? 'new'}`

export default function StaffNewsEditPage() {
  return (
    <StaffPage roles={['editor']} className='news-edit'>
      <NewsLoader />
    </StaffPage>
  )
}

/** Loads the article (none for a new one), then hands it to the editor, which owns the form from then on. */
function NewsLoader() {
  const id = routeParam(useRouter().params.id)
  const resource = useStaffResource<StaffNewsArticle | null>(() => {
    if (id === undefined) return Promise.resolve(null)
    if (!isContentId(id)) return Promise.reject(notFoundError('未找到该动态'))
    return getStaffNews(id)
  }, [id])

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id === undefined ? '写动态' : '编辑动态' }).catch(() => undefined)
  }, [id])

  return (
    <RecordLoader resource={resource} what='动态' notFound={{ title: '未找到该动态', actionText: '返回动态管理', onAction: () => void go(routes.staffNews()) }}>
      {(article) => <NewsEditor initial={article ?? undefined} />}
    </RecordLoader>
  )
}

function clock(): string {
  return beijing(new Date().toISOString()).format('HH:mm')
}

function savedText(saved: StaffNewsArticle): string {
  return saved.status === 'published' && Date.parse(saved.publishedAt) <= Date.now()
    ? `已保存（${clock()}），职工端已同步更新`
    : `已保存${saved.status === 'draft' ? '草稿' : ''}（${clock()}）`
}

const BADGE_TONES: Record<ShownNewsStatus, StatusBadge['tone']> = {
  draft: 'neutral',
  published: 'success',
  scheduled: 'info',
  withdrawn: 'warning'
}

/** Publishing and withdrawing change a saved article: one never saved has nothing to change. */
function saved(article: StaffNewsArticle | undefined, version: number | undefined): { id: string; version: number } {
  if (!article || version === undefined) throw new ApiError('invalid', '该动态还没有保存过')
  return { id: article.id, version }
}

const publishNow: EditorAction<StaffNewsArticle> = {
  busyText: '正在发布…',
  savesFirst: true,
  perform: async (article, version) => {
    const { id, version: at } = saved(article, version)
    return { record: await publishNews(id, { version: at }), text: '已发布，职工现在就能看到' }
  }
}

const withdraw: EditorAction<StaffNewsArticle> = {
  busyText: '正在撤下…',
  perform: async (article, version) => {
    const { id, version: at } = saved(article, version)
    return { record: await unpublishNews(id, { version: at }), text: '已撤下，职工端不再显示这篇动态' }
  }
}

function NewsEditor({ initial }: { initial?: StaffNewsArticle }) {
  const editor = useEditor<StaffNewsArticle, NewsForm, NewsInput>({
    initial,
    draftKeyOf,
    formOf,
    formOfDraft,
    draftOf,
    inputOf,
    problemsOf: newsInputProblems,
    send: (input, article, version) => (article && version !== undefined ? updateNews(article.id, { ...input, version }) : createNews(input)),
    fetchLatest: (article) => getStaffNews(article.id),
    savedText,
    unchangedText: '没有需要保存的修改'
  })
  const [preview, setPreview] = useState(false)
  const [schedule, setSchedule] = useState<DateTimeParts>()

  if (editor.offer) return <DraftOffer editor={editor} what='这篇动态' />

  const { record: article, form } = editor
  const status = article ? shownNewsStatus(article, Date.now()) : undefined
  const live = status?.status === 'published'
  const scheduled = status?.status === 'scheduled'

  const actions: ExtraAction[] = []
  if (!live) {
    actions.push({
      label: scheduled ? '立即发布' : article?.status === 'withdrawn' ? '重新发布' : '发布',
      tone: 'primary',
      onClick: () => void editor.run(publishNow)
    })
    actions.push({
      label: scheduled ? '更改定时' : '定时发布',
      // Tomorrow 09:00, the usual time a scheduled notice goes out, unless a time is set already.
      onClick: () => setSchedule(scheduled && article ? partsOf(article.publishedAt) : { date: beijingDate(Date.now(), 1), time: '09:00' })
    })
  }
  if ((live || scheduled) && form.pinned) {
    actions.push({
      label: '取消置顶',
      onClick: () => {
        const next = { ...form, pinned: false }
        editor.setForm(next)
        void editor.save(next)
      }
    })
  }
  if (live || scheduled) {
    actions.push({
      label: '撤下',
      tone: 'danger',
      confirm: {
        text: scheduled ? '撤下后将取消定时发布，职工看不到这篇动态。确定撤下？' : '撤下后职工端将不再显示这篇动态。确定撤下？',
        label: '确定撤下'
      },
      onClick: () => void editor.run(withdraw)
    })
  }

  return (
    <View className='news-edit__body'>
      <EditorStatus editor={editor} badge={status && { label: status.label, tone: BADGE_TONES[status.status] }} newText='新动态 · 尚未保存' />
      <EditorAlerts editor={editor} />

      <View className='news-edit__modes'>
        <FilterChips
          title='编辑或预览'
          hideTitle
          fill
          options={[
            { value: false, label: '编辑' },
            { value: true, label: '预览' }
          ]}
          isActive={(previewing) => previewing === preview}
          onSelect={setPreview}
        />
      </View>

      {preview ? (
        <NewsPreview input={editor.input} publishedAt={article && article.status !== 'draft' ? article.publishedAt : undefined} />
      ) : (
        <NewsFields form={form} errors={editor.errors} onChange={(change) => editor.setForm((previous) => ({ ...previous, ...change }))} />
      )}

      <SaveBar
        editor={editor}
        label={live ? '保存修改' : article?.status === 'draft' || !article ? '保存草稿' : '保存'}
        note={live ? '已发布的动态，保存后职工端立即更新。' : undefined}
        actions={actions}
        panel={
          schedule && (
            <SchedulePanel
              schedule={schedule}
              busy={editor.busy}
              onChange={setSchedule}
              onCancel={() => setSchedule(undefined)}
              onConfirm={(at) =>
                void editor.run({
                  busyText: '正在设置定时发布…',
                  savesFirst: true,
                  perform: async (current, version) => {
                    const { id, version: base } = saved(current, version)
                    const published = await publishNews(id, { version: base, at })
                    setSchedule(undefined)
                    return { record: published, text: `已定时发布：将于 ${formatDateTime(at)} 对职工可见` }
                  }
                })
              }
            />
          )
        }
      />
    </View>
  )
}

interface SchedulePanelProps {
  schedule: DateTimeParts
  busy: boolean
  onChange: (schedule: DateTimeParts) => void
  onCancel: () => void
  /** With the chosen instant, once it is one the server takes. */
  onConfirm: (at: string) => void
}

/** The day and time of a scheduled publication, in Beijing time whatever the phone is set to. */
function SchedulePanel({ schedule, busy, onChange, onCancel, onConfirm }: SchedulePanelProps) {
  const [problem, setProblem] = useState<string>()
  function confirm() {
    const at = instantOf(schedule)
    const found = publishTimeProblem(at) ?? (Date.parse(at) <= Date.now() ? '定时发布的时间需晚于现在' : undefined)
    setProblem(found)
    if (!found) onConfirm(at)
  }
  return (
    <View className='editor-kit__card'>
      <FieldFrame label='定时发布（北京时间）' name='at' error={problem}>
        <View className='editor-kit__datetime'>
          <Picker
            className='editor-kit__datetime-part'
            mode='date'
            value={schedule.date}
            start={beijingDate(Date.now())}
            onChange={(event) => onChange({ ...schedule, date: String(event.detail.value) })}
          >
            <View className='editor-kit__picker' role='button' aria-label='发布日期'>
              <Text>{schedule.date}</Text>
            </View>
          </Picker>
          <Picker
            className='editor-kit__datetime-part'
            mode='time'
            value={schedule.time}
            onChange={(event) => onChange({ ...schedule, time: paddedTime(String(event.detail.value)) })}
          >
            <View className='editor-kit__picker' role='button' aria-label='发布时间'>
              <Text>{schedule.time}</Text>
            </View>
          </Picker>
        </View>
      </FieldFrame>
      <Button className='editor-kit__button editor-kit__button--primary' disabled={busy} onClick={confirm}>
        确认定时发布
      </Button>
      <Button className='editor-kit__button' disabled={busy} onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}
