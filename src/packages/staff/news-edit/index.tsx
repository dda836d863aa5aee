import { Button, Picker, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { ApiError, notFoundError, type Loaded } from '../../../api/client'
import { createNews, getStaffNews, publishNews, unpublishNews, updateNews } from '../../../api/staff/news'
import { useResource } from '../../../api/use-resource'
import { NotFound } from '../../../components/not-found'
import { PageState } from '../../../components/page-state'
import { LIMITS, lastEditedLine } from '../../../domain/content'
import { beijing, formatDateTime } from '../../../domain/dates'
import { isContentId } from '../../../domain/limits'
import { NEWS_CATEGORIES } from '../../../domain/news'
import {
  newsInputProblems,
  publishTimeProblem,
  shownNewsStatus,
  type StaffNewsArticle
} from '../../../domain/news-input'
import type { FieldProblem } from '../../../domain/validation'
import { go } from '../../../navigation'
import { routeParam, routes } from '../../../routes'
import { ChoiceField, FieldFrame, TextField } from '../components/fields'
import { ImagePicker } from '../components/image-picker'
import { clearDraft, useKeepDraft, useKeptDraftOffer } from '../components/local-draft'
import { problemMap, saveFailureOf, type SaveFailure } from '../components/save-errors'
import { StaffPage, toLogin } from '../components/staff-page'
import { BlocksField } from './block-editor'
import {
  defaultSchedule,
  draftOf,
  emptyForm,
  formOf,
  formOfDraft,
  inputOf,
  paddedTime,
  scheduledInstant,
  todayInBeijing,
  type DraftForm,
  type NewsForm,
  type ScheduleChoice
} from './form'
import { NewsPreview } from './preview'
import './index.scss'

const draftKey = (id: string | undefined) => `news:${id ?? 'new'}`

export default function StaffNewsEditPage() {
  return (
    <StaffPage roles={['editor']} className='news-edit'>
      <EditorLoader />
    </StaffPage>
  )
}

/** Loads the article (none for a new one), then hands it to the editor, which owns the form from then on. */
function EditorLoader() {
  const id = routeParam(useRouter().params.id)
  const { state, reload } = useResource<StaffNewsArticle | null>(() => {
    if (id === undefined) return Promise.resolve<Loaded<null>>({ data: null, offline: false, source: 'network' })
    if (!isContentId(id)) return Promise.reject(notFoundError('未找到该动态'))
    return getStaffNews(id).then((data) => ({ data, offline: false, source: 'network' }))
  }, [id])

  const ended = state.status === 'error' && state.error.status === 401
  useEffect(() => {
    if (ended) toLogin()
  }, [ended])

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id === undefined ? '写动态' : '编辑动态' }).catch(() => undefined)
  }, [id])

  if (state.status === 'error' && state.error.notFound) {
    return <NotFound title='未找到该动态' hint='它可能已被删除，或链接有误。' actionText='返回动态管理' onAction={() => void go(routes.staffNews())} />
  }
  return (
    <PageState state={state} onRetry={() => void reload()} what='动态'>
      {(article) => <NewsEditor initial={article ?? undefined} />}
    </PageState>
  )
}

type Action = 'save' | 'publish' | 'schedule' | 'unpublish' | 'reload'
type Notice = { tone: 'success' | 'error'; text: string }

const BUSY_LABELS: Record<Action, string> = {
  save: '正在保存…',
  publish: '正在发布…',
  schedule: '正在设置定时发布…',
  unpublish: '正在撤下…',
  reload: '正在载入最新版本…'
}

function clock(): string {
  return beijing(new Date().toISOString()).format('HH:mm')
}

function NewsEditor({ initial }: { initial?: StaffNewsArticle }) {
  /** The server's copy of what is being edited; undefined until a new article is first saved. */
  const [article, setArticle] = useState(initial)
  /** The version the next change is made against: the server refuses it (409) if someone saved in between. */
  const [baseVersion, setBaseVersion] = useState(initial?.version)
  const [form, setForm] = useState<NewsForm>(() => (initial ? formOf(initial) : emptyForm()))
  /** The input the server has, to tell whether there is anything unsaved. */
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(inputOf(initial ? formOf(initial) : emptyForm())))

  const key = draftKey(article?.id)
  const { offer, dismiss } = useKeptDraftOffer<DraftForm>(draftKey(initial?.id))

  const input = useMemo(() => inputOf(form), [form])
  const dirty = JSON.stringify(input) !== savedJson
  // Kept on the device until the server confirms a save; not while a kept draft waits for 恢复 / 放弃, which
  // would overwrite it before the staffer has chosen.
  useKeepDraft(key, useMemo(() => draftOf(form), [form]), dirty && !offer, baseVersion)
  // Typed and then undone back to what the server has: a copy kept in between is nothing to offer next time.
  useEffect(() => {
    if (!dirty && !offer) clearDraft(key)
  }, [dirty, offer, key])

  /** Problems shown under the fields. Once a save was refused, they follow the form as the staffer fixes it. */
  const [problems, setProblems] = useState<FieldProblem[]>([])
  const [recheck, setRecheck] = useState(false)
  const shownProblems = recheck ? newsInputProblems(input) : problems
  const errors = problemMap(shownProblems)

  const [busy, setBusy] = useState<Action>()
  const [notice, setNotice] = useState<Notice>()
  const [conflict, setConflict] = useState<Extract<SaveFailure, { kind: 'conflict' }>>()
  const [sessionLost, setSessionLost] = useState<string>()
  const [preview, setPreview] = useState(false)
  const [schedule, setSchedule] = useState<ScheduleChoice>()
  const [scheduleProblem, setScheduleProblem] = useState<string>()
  const [confirmWithdraw, setConfirmWithdraw] = useState(false)

  const update = (change: Partial<NewsForm>) => setForm((previous) => ({ ...previous, ...change }))

  function applyServer(saved: StaffNewsArticle) {
    setArticle(saved)
    setBaseVersion(saved.version)
  }

  /** Sends the form (create or update) and, once the server has it, drops the copy kept on the device. */
  async function persist(current: NewsForm): Promise<StaffNewsArticle> {
    const sent = inputOf(current)
    const saved =
      article && baseVersion !== undefined
        ? await updateNews(article.id, { ...sent, version: baseVersion })
        : await createNews(sent)
    clearDraft(draftKey(article?.id))
    applyServer(saved)
    setSavedJson(JSON.stringify(sent))
    return saved
  }

  function showFailure(error: unknown) {
    const failure = saveFailureOf(error)
    switch (failure.kind) {
      case 'refused':
        // Withdrawing what is not published: the server's sentence says it all.
        setNotice({ tone: 'error', text: failure.message })
        break
      case 'fields':
        setProblems(failure.problems)
        setRecheck(false)
        setNotice({ tone: 'error', text: `${failure.message}（共 ${failure.problems.length} 处需要修改）` })
        break
      case 'conflict':
        setConflict(failure)
        setNotice({ tone: 'error', text: '未保存：该动态已被他人修改，请查看页面顶部的说明' })
        break
      case 'session':
        setSessionLost(failure.message)
        setNotice({ tone: 'error', text: '未保存：登录已失效，请重新登录' })
        break
      default:
        setNotice({ tone: 'error', text: `未保存：${failure.message}` })
    }
  }

  /** Checks the form as the server will, then runs one change; whatever fails, the form stays as typed. */
  async function run(action: Action, current: NewsForm, work: () => Promise<string>) {
    if (busy) return
    if (action === 'save' || action === 'publish' || action === 'schedule') {
      const found = newsInputProblems(inputOf(current))
      if (found.length > 0) {
        setProblems(found)
        setRecheck(true)
        setNotice({ tone: 'error', text: `有 ${found.length} 处需要修改，请查看标红的项目` })
        return
      }
    }
    setBusy(action)
    setNotice(undefined)
    setConflict(undefined)
    setSessionLost(undefined)
    try {
      const done = await work()
      setProblems([])
      setRecheck(false)
      setNotice({ tone: 'success', text: done })
    } catch (error) {
      showFailure(error)
    } finally {
      setBusy(undefined)
    }
  }

  const save = (current = form) =>
    run('save', current, async () => {
      // Nothing changed: a save would only add a version and an audit record.
      if (article && JSON.stringify(inputOf(current)) === savedJson) return '没有需要保存的修改'
      const saved = await persist(current)
      return saved.status === 'published' && Date.parse(saved.publishedAt) <= Date.now()
        ? `已保存（${clock()}），职工端已同步更新`
        : `已保存${saved.status === 'draft' ? '草稿' : ''}（${clock()}）`
    })

  /** Publishing needs the server to have the text first: an unsaved form is saved, then published. */
  async function savedBeforePublishing(): Promise<{ id: string; version: number }> {
    if (article && baseVersion !== undefined && !dirty) return { id: article.id, version: baseVersion }
    const saved = await persist(form)
    return { id: saved.id, version: saved.version }
  }

  const publishNow = () =>
    run('publish', form, async () => {
      const { id, version } = await savedBeforePublishing()
      applyServer(await publishNews(id, { version }))
      return '已发布，职工现在就能看到'
    })

  function publishLater() {
    if (!schedule) return
    const at = scheduledInstant(schedule)
    const problem = publishTimeProblem(at) ?? (Date.parse(at) <= Date.now() ? '定时发布的时间需晚于现在' : undefined)
    setScheduleProblem(problem)
    if (problem) return
    void run('schedule', form, async () => {
      const { id, version } = await savedBeforePublishing()
      applyServer(await publishNews(id, { version, at }))
      setSchedule(undefined)
      return `已定时发布：将于 ${formatDateTime(at)} 对职工可见`
    })
  }

  function unpin() {
    const next = { ...form, pinned: false }
    setForm(next)
    void save(next)
  }

  const withdraw = () =>
    run('unpublish', form, async () => {
      setConfirmWithdraw(false)
      if (!article || baseVersion === undefined) throw new ApiError('invalid', '该动态还没有保存过')
      applyServer(await unpublishNews(article.id, { version: baseVersion }))
      return '已撤下，职工端不再显示这篇动态'
    })

  /** After a conflict: the server's version replaces the form, and the staffer's unsent text is dropped. */
  async function loadServerVersion() {
    if (!article || busy) return
    setBusy('reload')
    try {
      const current = await getStaffNews(article.id)
      applyServer(current)
      const next = formOf(current)
      setForm(next)
      setSavedJson(JSON.stringify(inputOf(next)))
      clearDraft(draftKey(current.id))
      setConflict(undefined)
      setProblems([])
      setRecheck(false)
      setNotice({ tone: 'success', text: `已载入最新版本（${lastEditedLine(current)}）` })
    } catch (error) {
      showFailure(error)
    } finally {
      setBusy(undefined)
    }
  }

  if (offer) {
    return (
      <View className='news-edit__offer' role='alert'>
        <Text className='news-edit__offer-title'>这篇动态有未保存到服务器的内容</Text>
        <Text className='news-edit__offer-text'>上次编辑时填写的内容保存在本机，可以恢复后继续编辑。</Text>
        <Button
          className='news-edit__button news-edit__button--primary'
          onClick={() => {
            setForm(formOfDraft(offer.value))
            // The draft was started from this version: if the article changed since, saving it says so (409).
            if (offer.baseVersion !== undefined) setBaseVersion(offer.baseVersion)
            dismiss()
          }}
        >
          恢复未保存的内容（保存于 {formatDateTime(new Date(offer.savedAt).toISOString())}）
        </Button>
        <Button
          className='news-edit__button'
          onClick={() => {
            clearDraft(draftKey(initial?.id))
            dismiss()
          }}
        >
          放弃
        </Button>
      </View>
    )
  }

  const status = article ? shownNewsStatus(article, Date.now()) : undefined
  const live = status?.status === 'published'
  const scheduled = status?.status === 'scheduled'
  const locked = busy !== undefined

  return (
    <View className='news-edit__body'>
      <View className='news-edit__status' role='status'>
        <Text className={`news-edit__status-label news-edit__status-label--${status?.status ?? 'new'}`}>
          {status ? status.label : '新动态 · 尚未保存'}
        </Text>
        {article && <Text className='news-edit__status-line'>{lastEditedLine(article)}</Text>}
        {dirty && <Text className='news-edit__status-line news-edit__status-line--dirty'>有未保存的修改（已暂存在本机）</Text>}
      </View>

      {conflict && (
        <View className='news-edit__alert' role='alert'>
          <Text className='news-edit__alert-title'>保存失败：内容已被他人修改</Text>
          <Text className='news-edit__alert-text'>{conflict.message}</Text>
          {conflict.current && (
            <Text className='news-edit__alert-text'>
              最新版本：{lastEditedLine(conflict.current)}。你填写的内容仍在本页，并已暂存在本机。
            </Text>
          )}
          <Button className='news-edit__button news-edit__button--primary' disabled={locked} onClick={() => void loadServerVersion()}>
            载入最新版本（放弃我的修改）
          </Button>
          <Button className='news-edit__button' onClick={() => setConflict(undefined)}>
            继续编辑
          </Button>
        </View>
      )}

      {sessionLost && (
        <View className='news-edit__alert' role='alert'>
          <Text className='news-edit__alert-text'>{sessionLost}</Text>
          <Button className='news-edit__button news-edit__button--primary' onClick={() => void go(routes.staffLogin())}>
            重新登录
          </Button>
        </View>
      )}

      {shownProblems.length > 0 && (
        <View className='news-edit__problems' role='alert' aria-label='需要修改的地方'>
          <Text className='news-edit__problems-title'>还有 {shownProblems.length} 处需要修改：</Text>
          {shownProblems.map((problem, index) => (
            <Text key={`${problem.field}-${index}`} className='news-edit__problem'>
              · {problem.message}
            </Text>
          ))}
        </View>
      )}

      <View className='news-edit__modes' role='group' aria-label='编辑或预览'>
        <View
          className={`news-edit__mode${preview ? '' : ' news-edit__mode--active'}`}
          role='button'
          aria-pressed={preview ? 'false' : 'true'}
          onClick={() => setPreview(false)}
        >
          <Text>编辑</Text>
        </View>
        <View
          className={`news-edit__mode${preview ? ' news-edit__mode--active' : ''}`}
          role='button'
          aria-pressed={preview ? 'true' : 'false'}
          onClick={() => setPreview(true)}
        >
          <Text>预览</Text>
        </View>
      </View>

      {preview ? (
        <NewsPreview input={input} publishedAt={article && article.status !== 'draft' ? article.publishedAt : undefined} />
      ) : (
        <View className='news-edit__form'>
          <TextField label='标题' name='title' value={form.title} max={LIMITS.title} error={errors.title} onChange={(title) => update({ title })} />
          <ChoiceField
            label='栏目'
            name='category'
            value={form.category || undefined}
            options={NEWS_CATEGORIES}
            error={errors.category}
            onChange={(category) => update({ category })}
          />
          <TextField
            label='摘要'
            name='summary'
            value={form.summary}
            max={LIMITS.summary}
            multiline
            hint='显示在动态列表和首页中，一两句话说清要点'
            error={errors.summary}
            onChange={(summary) => update({ summary })}
          />
          <FieldFrame label='封面（可不选）' name='cover' error={errors.cover}>
            <ImagePicker
              label='封面'
              src={form.cover}
              onUploaded={(asset) => update({ cover: asset.src })}
              onRemove={() => update({ cover: null })}
            />
          </FieldFrame>

          <FieldFrame label='置顶到首页' name='pinned' hint={form.pinned ? '置顶的动态排在列表最前，并出现在首页' : undefined}>
            <View className='news-edit__switch-row'>
              <Text className='news-edit__switch-text'>{form.pinned ? '已置顶' : '不置顶'}</Text>
              <Switch
                className='news-edit__switch'
                checked={form.pinned}
                color='#C8161D'
                aria-label='置顶到首页'
                onChange={(event) => update({ pinned: Boolean(event.detail.value) })}
              />
            </View>
          </FieldFrame>

          <FieldFrame label='示例内容' name='sample'>
            <View className='news-edit__switch-row'>
              <Text className='news-edit__switch-text'>{form.sample ? '带「示例」标记' : '正式内容'}</Text>
              <Switch
                className='news-edit__switch'
                checked={form.sample}
                color='#C8161D'
                aria-label='示例内容'
                onChange={(event) => update({ sample: Boolean(event.detail.value) })}
              />
            </View>
            <Text className='news-edit__note'>
              内容中有未经核实的信息（如示例日期、地点）时打开，职工会看到「示例」标记，不会当作正式信息。核实后请关闭。
            </Text>
          </FieldFrame>
          {form.sample && (
            <TextField
              label='示例说明（可不填）'
              name='sampleNote'
              value={form.sampleNote}
              max={LIMITS.sampleNote}
              placeholder='如：发布日期为示例'
              error={errors.sampleNote}
              onChange={(sampleNote) => update({ sampleNote })}
            />
          )}

          <BlocksField blocks={form.blocks} errors={errors} onChange={(blocks) => update({ blocks })} />
        </View>
      )}

      <View className='news-edit__actions'>
        {notice && (
          <View className={`news-edit__notice news-edit__notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
            <Text>{notice.text}</Text>
          </View>
        )}
        {busy && (
          <View className='news-edit__notice' role='status'>
            <Text>{BUSY_LABELS[busy]}</Text>
          </View>
        )}

        {schedule ? (
          <View className='news-edit__schedule' data-field='at'>
            <Text className='news-edit__schedule-title'>定时发布（北京时间）</Text>
            <View className='news-edit__schedule-row'>
              <Picker
                mode='date'
                value={schedule.date}
                start={todayInBeijing(Date.now())}
                onChange={(event) => setSchedule({ ...schedule, date: String(event.detail.value) })}
              >
                <View className='news-edit__picker' role='button' aria-label='发布日期'>
                  <Text>{schedule.date}</Text>
                </View>
              </Picker>
              <Picker
                mode='time'
                value={schedule.time}
                onChange={(event) => setSchedule({ ...schedule, time: paddedTime(String(event.detail.value)) })}
              >
                <View className='news-edit__picker' role='button' aria-label='发布时间'>
                  <Text>{schedule.time}</Text>
                </View>
              </Picker>
            </View>
            {scheduleProblem && (
              <View className='news-edit__schedule-problem' role='alert'>
                <Text>{scheduleProblem}</Text>
              </View>
            )}
            <Button className='news-edit__button news-edit__button--primary' disabled={locked} onClick={publishLater}>
              确认定时发布
            </Button>
            <Button className='news-edit__button' disabled={locked} onClick={() => setSchedule(undefined)}>
              取消
            </Button>
          </View>
        ) : confirmWithdraw ? (
          <View className='news-edit__confirm' role='alert'>
            <Text className='news-edit__confirm-text'>
              {scheduled ? '撤下后将取消定时发布，职工看不到这篇动态。确定撤下？' : '撤下后职工端将不再显示这篇动态。确定撤下？'}
            </Text>
            <Button className='news-edit__button news-edit__button--danger' disabled={locked} onClick={() => void withdraw()}>
              确定撤下
            </Button>
            <Button className='news-edit__button' onClick={() => setConfirmWithdraw(false)}>
              取消
            </Button>
          </View>
        ) : (
          <View className='news-edit__buttons'>
            <Button className='news-edit__button news-edit__button--primary' disabled={locked} onClick={() => void save()}>
              {live ? '保存修改' : article?.status === 'draft' || !article ? '保存草稿' : '保存'}
            </Button>
            {live && <Text className='news-edit__note'>已发布的动态，保存后职工端立即更新。</Text>}
            {!live && (
              <Button className='news-edit__button news-edit__button--primary' disabled={locked} onClick={() => void publishNow()}>
                {scheduled ? '立即发布' : article?.status === 'withdrawn' ? '重新发布' : '发布'}
              </Button>
            )}
            {!live && (
              <Button
                className='news-edit__button'
                disabled={locked}
                onClick={() => {
                  setScheduleProblem(undefined)
                  setSchedule(scheduled && article ? scheduleOf(article.publishedAt) : defaultSchedule(Date.now()))
                }}
              >
                {scheduled ? '更改定时' : '定时发布'}
              </Button>
            )}
            {(live || scheduled) && form.pinned && (
              <Button className='news-edit__button' disabled={locked} onClick={() => unpin()}>
                取消置顶
              </Button>
            )}
            {(live || scheduled) && (
              <Button className='news-edit__button news-edit__button--danger' disabled={locked} onClick={() => setConfirmWithdraw(true)}>
                撤下
              </Button>
            )}
          </View>
        )}
      </View>
    </View>
  )
}

function scheduleOf(publishedAt: string): ScheduleChoice {
  const at = beijing(publishedAt)
  return { date: at.format('YYYY-MM-DD'), time: at.format('HH:mm') }
}
