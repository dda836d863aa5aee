import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { listNews } from '@/api/news'
import { fetchServices } from '@/api/services'
import { getStaffFeatured, listStaffCompetitions, updateFeatured, type FeaturedItemInput } from '@/api/staff/content'
import { LIMITS } from '@/domain/content'
import type { StaffFeatured } from '@/domain/featured-input'
import type { ServiceSlug } from '@/domain/services'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { ChoiceField, FieldFrame, TextField } from '@/components/fields'
import { ImagePicker } from '../components/image-picker'
import { ListField } from '../components/list-field'
import { StaffPage } from '../components/staff-page'
import { ToggleRow } from '../editor-kit/controls'
import { DraftOffer, EditorAlerts, EditorStatus, SaveBar } from '../editor-kit/editor-chrome'
import { RecordLoader } from '../editor-kit/record-loader'
import { useEditor, type Editor } from '../editor-kit/use-editor'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import { MAX_FEATURED, TARGET_KINDS, TARGET_LABELS, emptyRow, formOf, formOfDraft, inputOf, problemsOf, type FeaturedForm, type FeaturedRow } from './form'
import './index.scss'

/** What each kind of target can point at, for the pickers: titles staff recognise, not ids. */
interface TargetChoices {
  news: { id: string; title: string }[]
  competitions: { id: string; title: string }[]
  services: { slug: ServiceSlug; name: string }[]
}

interface Loaded {
  featured: StaffFeatured
  choices: TargetChoices
}

async function loadAll(): Promise<Loaded> {
  const [featured, news, competitions, services] = await Promise.all([
    getStaffFeatured(),
    // Only published articles can be featured; the worker list is exactly those, most recent first.
    listNews({ page: 1 }),
    listStaffCompetitions(),
    fetchServices()
  ])
  return {
    featured,
    choices: {
      news: news.data.items.map(({ id, title }) => ({ id, title })),
      competitions: competitions.map(({ id, title }) => ({ id, title })),
      services: services.data.items.map(({ slug, name }) => ({ slug, name }))
    }
  }
}

const draftKeyOf = () => 'featured'

export default function StaffFeaturedEditPage() {
  return (
    <StaffPage roles={['editor']} className='featured-edit'>
      <FeaturedLoader />
    </StaffPage>
  )
}

function FeaturedLoader() {
  const resource = useStaffResource(loadAll, [])
  return (
    <RecordLoader
      resource={resource}
      what='首页推荐'
      notFound={{ title: '未找到首页推荐', actionText: '返回工作台', onAction: () => void go(routes.staffHome()) }}
    >
      {({ featured, choices }) => <FeaturedEditor initial={featured} choices={choices} />}
    </RecordLoader>
  )
}

function FeaturedEditor({ initial, choices }: { initial: StaffFeatured; choices: TargetChoices }) {
  const editor = useEditor<StaffFeatured, FeaturedForm, FeaturedItemInput[]>({
    initial,
    draftKeyOf,
    formOf,
    formOfDraft,
    inputOf,
    problemsOf,
    send: (items, _record, version) => updateFeatured({ items, version: version ?? initial.version }),
    fetchLatest: () => getStaffFeatured()
  })

  if (editor.offer) return <DraftOffer editor={editor} what='首页推荐' />
  return (
    <View>
      <EditorStatus editor={editor} title='首页推荐' />
      <EditorAlerts editor={editor} />
      <Text className='featured-edit__hint'>
        首页顶部轮播，按这里的顺序显示，最多 {MAX_FEATURED} 项。用「上移」「下移」调整顺序。指向的动态撤下后，该项在首页暂不显示。
      </Text>
      <FeaturedItems editor={editor} choices={choices} />
      <SaveBar editor={editor} note='保存后职工端首页立即更新。' />
    </View>
  )
}

function FeaturedItems({ editor, choices }: { editor: Editor<StaffFeatured, FeaturedForm, FeaturedItemInput[]>; choices: TargetChoices }) {
  const { form, errors } = editor
  const [full, setFull] = useState(false)
  const setItems = (items: FeaturedRow[]) => {
    // The 添加 of the list is refused past the limit here, rather than letting the staffer fill in a ninth item
    // that cannot be saved.
    if (items.length > MAX_FEATURED && items.length > form.items.length) {
      setFull(true)
      return
    }
    setFull(false)
    editor.setForm({ items })
  }
  return (
    <ListField
      label={`推荐内容（${form.items.length}/${MAX_FEATURED}）`}
      name='items'
      items={form.items}
      error={errors.items ?? (full ? `首页推荐最多 ${MAX_FEATURED} 项，请先删除一项再添加` : undefined)}
      blank={emptyRow}
      addLabel='添加一项推荐'
      onChange={setItems}
      renderItem={(row, change, at) => <FeaturedItemFields row={row} at={at} errors={errors} choices={choices} onChange={change} />}
    />
  )
}

interface ItemFieldsProps {
  row: FeaturedRow
  at: number
  errors: Record<string, string>
  choices: TargetChoices
  onChange: (row: FeaturedRow) => void
}

function FeaturedItemFields({ row, at, errors, choices, onChange }: ItemFieldsProps) {
  const field = (name: string) => `items.${at}.${name}`
  const update = (change: Partial<FeaturedRow>) => onChange({ ...row, ...change })
  return (
    <View role='group' aria-label={`推荐第 ${at + 1} 项`} data-featured-title={row.title}>
      <TextField
        label='标题'
        name={field('title')}
        value={row.title}
        max={LIMITS.title}
        error={errors[field('title')]}
        onChange={(title) => update({ title })}
      />
      <TextField
        label='副标题（可不填）'
        name={field('subtitle')}
        value={row.subtitle}
        max={LIMITS.title}
        error={errors[field('subtitle')]}
        onChange={(subtitle) => update({ subtitle })}
      />
      <FieldFrame label='图片（可不选）' name={field('image')} error={errors[field('image')]}>
        <ImagePicker label='图片' src={row.image} onUploaded={(asset) => update({ image: asset.src })} onRemove={() => update({ image: null })} />
      </FieldFrame>
      <ChoiceField
        label='点开后打开'
        name={field('target')}
        value={row.kind}
        options={TARGET_KINDS}
        labels={TARGET_LABELS}
        error={errors[field('target')]}
        onChange={(kind) => update({ kind })}
      />
      {row.kind === 'newsDetail' && (
        <TargetChoice
          label='选择动态'
          name={field('target.id')}
          value={row.newsId}
          options={choices.news.map((news) => [news.id, news.title])}
          missing='这篇动态不在最近发布的列表中'
          error={errors[field('target.id')]}
          onChange={(newsId) => update({ newsId })}
        />
      )}
      {row.kind === 'competitionDetail' && (
        <TargetChoice
          label='选择竞赛'
          name={field('target.id')}
          value={row.competitionId}
          options={choices.competitions.map((competition) => [competition.id, competition.title])}
          missing='这项竞赛已不存在'
          error={errors[field('target.id')]}
          onChange={(competitionId) => update({ competitionId })}
        />
      )}
      {row.kind === 'serviceDetail' && (
        <TargetChoice
          label='选择服务'
          name={field('target.slug')}
          value={row.slug}
          options={choices.services.map((service) => [service.slug, service.name])}
          missing='这项服务已不存在'
          error={errors[field('target.slug')]}
          onChange={(slug) => update({ slug: slug as ServiceSlug })}
        />
      )}
      <FieldFrame label='示例' name={field('sample')} hint={row.sample ? '首页此项带「示例」标记' : undefined}>
        <ToggleRow label='仍为示例数据' checked={row.sample} onChange={(sample) => update({ sample })} />
      </FieldFrame>
      {row.sample && (
        <TextField
          label='示例说明（可不填）'
          name={field('sampleNote')}
          value={row.sampleNote}
          max={LIMITS.sampleNote}
          error={errors[field('sampleNote')]}
          onChange={(sampleNote) => update({ sampleNote })}
        />
      )}
    </View>
  )
}

interface TargetChoiceProps {
  label: string
  name: string
  value: string
  /** [id, title] pairs, in the order shown. */
  options: [string, string][]
  /** What to say of a current target that is not among the options (an older article, say). */
  missing: string
  error?: string
  onChange: (value: string) => void
}

/** A picker of titles; the current target stays choosable even when it is not among the recent ones. */
function TargetChoice({ label, name, value, options, missing, error, onChange }: TargetChoiceProps) {
  const listed = options.some(([id]) => id === value)
  const all: [string, string][] = value && !listed ? [[value, `当前所选（${missing}）`], ...options] : options
  const labels = Object.fromEntries(all)
  return <ChoiceField label={label} name={name} value={value || undefined} options={all.map(([id]) => id)} labels={labels} error={error} onChange={onChange} />
}
