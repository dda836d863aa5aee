import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { cancelActivity, createActivity, getStaffActivity, updateActivity } from '@/api/staff/activities'
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, ACTIVITY_STATUS_LABELS, activityStatus } from '@/domain/activities'
import { activityInputProblems, type ActivityInput, type StaffActivity } from '@/domain/activity-input'
import { LIMITS } from '@/domain/content'
import { formatDateTime } from '@/domain/dates'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { ChoiceField, FieldFrame, TextField, fieldsOf } from '@/components/fields'
import { ImagePicker } from '../components/image-picker'
import { DateTimeField, SampleFields, ToggleRow } from '../editor-kit/controls'
import { DraftOffer, EditorAlerts, EditorStatus, SaveBar, type ExtraAction } from '../editor-kit/editor-chrome'
import { EventEditPage, ShownStatus, useEditedTitle } from '../editor-kit/event-editor'
import { useEditor, type Editor } from '../editor-kit/use-editor'
import { BlocksField } from '../news-edit/block-editor'
import { CancelPanel } from './cancel-panel'
import { DATE_FIELDS, draftOf, formOf, formOfDraft, inputOf, type ActivityForm } from './form'
import './index.scss'

const draftKeyOf = (activity: StaffActivity | undefined) => `activity:${activity?.id ?? 'new'}`

type ActivityEditor = Editor<StaffActivity, ActivityForm, ActivityInput>

export default function StaffActivityEditPage() {
  return (
    <EventEditPage className='activity-edit' what='活动' load={getStaffActivity} onBack={() => void go(routes.staffActivities())}>
      {(activity) => <ActivityEditorView initial={activity} />}
    </EventEditPage>
  )
}

function ActivityEditorView({ initial }: { initial?: StaffActivity }) {
  const editor = useEditor<StaffActivity, ActivityForm, ActivityInput>({
    initial,
    draftKeyOf,
    formOf: (record) => formOf(record, Date.now()),
    formOfDraft,
    draftOf,
    inputOf,
    problemsOf: activityInputProblems,
    send: (input, record, version) => (record && version !== undefined ? updateActivity(record.id, { ...input, version }) : createActivity(input)),
    fetchLatest: (record) => getStaffActivity(record.id)
  })
  const [cancelling, setCancelling] = useState(false)

  useEditedTitle(initial === undefined && editor.record !== undefined, '活动')

  if (editor.offer) return <DraftOffer editor={editor} what='这项活动' />
  const record = editor.record
  const over = record !== undefined && activityStatus(record, Date.now()) === 'ended'
  const actions: ExtraAction[] = record && !record.cancelled && !over ? [{ label: '取消活动', tone: 'danger', onClick: () => setCancelling(true) }] : []

  return (
    <View>
      <EditorStatus editor={editor} title={record ? record.title : '新建活动'} />
      <ActivityStatus input={editor.input} cancelled={record?.cancelled} />
      <EditorAlerts editor={editor} />
      <ActivityFields editor={editor} wasSample={record?.sample ?? false} />
      <SaveBar
        editor={editor}
        note='保存后职工端立即更新。'
        actions={actions}
        panel={
          cancelling && record ? (
            <CancelPanel
              busy={editor.busy}
              onClose={() => setCancelling(false)}
              onConfirm={(reason) => {
                setCancelling(false)
                void editor.run({
                  busyText: '正在取消活动…',
                  perform: async (current, version) => ({
                    record: await cancelActivity(current!.id, { reason, version: version! }),
                    text: '活动已取消：职工端显示「已取消」和原因，已报名的职工会收到通知'
                  })
                })
              }}
            />
          ) : undefined
        }
      />
    </View>
  )
}

/** What workers will see: 已取消 with the reason, or the status from the dates as they stand in the form. */
function ActivityStatus({ input, cancelled }: { input: ActivityInput; cancelled?: StaffActivity['cancelled'] }) {
  if (cancelled) {
    return (
      <View className='editor-kit__shown-status activity-edit__cancelled' role='status'>
        <Text>
          已于 {formatDateTime(cancelled.at)} 取消：{cancelled.reason}
        </Text>
      </View>
    )
  }
  return <ShownStatus input={input} statusOf={(shown) => ACTIVITY_STATUS_LABELS[activityStatus(shown, Date.now())]} />
}

function ActivityFields({ editor, wasSample }: { editor: ActivityEditor; wasSample: boolean }) {
  const { form, errors } = editor
  const update = (change: Partial<ActivityForm>) => editor.setForm((previous) => ({ ...previous, ...change }))
  const field = fieldsOf(form, errors, update)
  const contact = fieldsOf(form.contact, errors, (change) => update({ contact: { ...form.contact, ...change } }), 'contact')

  return (
    <View className='activity-edit__form'>
      <Text className='editor-kit__heading'>基本信息</Text>
      <ChoiceField label='活动类型' {...field('kind')} options={ACTIVITY_KINDS} labels={ACTIVITY_KIND_LABELS} />
      <TextField label='标题' {...field('title')} max={LIMITS.title} />
      <TextField label='简介' {...field('summary')} max={LIMITS.summary} multiline hint='显示在活动列表和详情页顶部' />
      <FieldFrame label='封面（可不选）' name='cover' error={errors.cover}>
        <ImagePicker label='封面' src={form.cover} onUploaded={(asset) => update({ cover: asset.src })} onRemove={() => update({ cover: null })} />
      </FieldFrame>

      <Text className='editor-kit__heading'>时间与地点</Text>
      {DATE_FIELDS.map(([key, label]) => (
        <DateTimeField key={key} label={label} {...field(key)} />
      ))}
      <TextField label='地点' {...field('place')} max={LIMITS.venue} placeholder='如：密云区职工服务中心三层活动室' />
      <TextField
        label='服务站点编号（可不填）'
        {...field('stationCode')}
        max={6}
        placeholder='如：K7M2QX'
        hint='在服务站点举办时填写站点海报上的 6 位编号，职工可从活动页进入站点页'
      />

      <Text className='editor-kit__heading'>报名规则</Text>
      <TextField label='名额' {...field('capacity')} type='number' hint={`1–${LIMITS.capacity} 人；报满后职工可报名候补`} />
      <TextField label='参加对象' {...field('eligibility')} max={LIMITS.eligibility} multiline placeholder='如：在密云区工作的单身职工，年龄 22–40 岁' />
      <ToggleRow label='仅限女职工报名' checked={form.womenOnly} onChange={(womenOnly) => update({ womenOnly })} />
      <ToggleRow label='报名需经办审核' checked={form.reviewRequired} onChange={(reviewRequired) => update({ reviewRequired })} />
      <Text className='activity-edit__explain'>
        {form.reviewRequired ? '职工报名后显示「待审核」，由经办在「报名」中通过或不通过。' : '职工报名后立即「报名成功」，名额满后进入候补。'}
      </Text>

      <Text className='editor-kit__heading'>活动介绍</Text>
      <BlocksField blocks={form.blocks} onChange={(blocks) => update({ blocks })} errors={errors} />

      <Text className='editor-kit__heading'>咨询联系（可不填）</Text>
      <TextField label='联系人或地点' {...contact('name')} max={LIMITS.contactName} placeholder='如：区总工会女职工部' />
      <TextField label='电话（可不填）' {...contact('phone')} max={LIMITS.phone} placeholder='如：12351' />
      <TextField label='服务时间（可不填）' {...contact('hours')} max={LIMITS.hours} />

      <Text className='editor-kit__heading'>示例标记</Text>
      <SampleFields sample={form.sample} sampleNote={form.sampleNote} wasSample={wasSample} errors={errors} onChange={(change) => update(change)} />
    </View>
  )
}
