import { Text, View } from '@tarojs/components'
import { createCompetition, getStaffCompetition, updateCompetition } from '@/api/staff/content'
import { competitionInputProblems, type CompetitionInput, type StaffCompetition } from '@/domain/competition-input'
import { STATUS_LABELS, TRADES, competitionStatus, type AwardTier } from '@/domain/competitions'
import { LIMITS } from '@/domain/content'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { ChoiceField, FieldFrame, TextField, fieldsOf } from '@/components/fields'
import { ImagePicker } from '../components/image-picker'
import { ListField } from '../components/list-field'
import { NO_DATE } from '../editor-kit/beijing-time'
import { DateTimeField, SampleFields } from '../editor-kit/controls'
import { DraftOffer, EditorAlerts, EditorStatus, SaveBar } from '../editor-kit/editor-chrome'
import { EventEditPage, ShownStatus, useEditedTitle } from '../editor-kit/event-editor'
import { useEditor, type Editor } from '../editor-kit/use-editor'
import { AWARD_PRESETS, DATE_FIELDS, emptyResult, formOf, formOfDraft, inputOf, type CompetitionForm } from './form'
import './index.scss'

const draftKeyOf = (competition: StaffCompetition | undefined) => `competition:${competition?.id ?? 'new'}`

export default function StaffCompetitionEditPage() {
  return (
    <EventEditPage className='competition-edit' what='竞赛' load={getStaffCompetition} onBack={() => void go(routes.staffCompetitions())}>
      {(competition) => <CompetitionEditor initial={competition} />}
    </EventEditPage>
  )
}

function CompetitionEditor({ initial }: { initial?: StaffCompetition }) {
  const editor = useEditor<StaffCompetition, CompetitionForm, CompetitionInput>({
    initial,
    draftKeyOf,
    formOf: (record) => formOf(record, Date.now()),
    formOfDraft,
    inputOf,
    problemsOf: competitionInputProblems,
    send: (input, record, version) => (record && version !== undefined ? updateCompetition(record.id, { ...input, version }) : createCompetition(input)),
    fetchLatest: (record) => getStaffCompetition(record.id)
  })

  useEditedTitle(initial === undefined && editor.record !== undefined, '竞赛')

  if (editor.offer) return <DraftOffer editor={editor} what='这项竞赛' />
  return (
    <View>
      <EditorStatus editor={editor} title={editor.record ? editor.record.title : '新建竞赛'} />
      <ShownStatus input={editor.input} statusOf={(input) => STATUS_LABELS[competitionStatus(input, Date.now())]} />
      <EditorAlerts editor={editor} />
      <CompetitionFields editor={editor} wasSample={editor.record?.sample ?? false} />
      <SaveBar editor={editor} note='保存后职工端立即更新。' />
    </View>
  )
}

function CompetitionFields({ editor, wasSample }: { editor: Editor<StaffCompetition, CompetitionForm, CompetitionInput>; wasSample: boolean }) {
  const { form, errors } = editor
  const update = (change: Partial<CompetitionForm>) => editor.setForm((previous) => ({ ...previous, ...change }))
  const addAward = (preset: AwardTier) => update({ awards: [...form.awards, { ...preset }] })
  const field = fieldsOf(form, errors, update)
  const contact = fieldsOf(form.contact, errors, (change) => update({ contact: { ...form.contact, ...change } }), 'contact')

  return (
    <View className='competition-edit__form'>
      <Text className='editor-kit__heading'>基本信息</Text>
      <TextField label='标题' {...field('title')} max={LIMITS.title} />
      <ChoiceField label='工种' {...field('trade')} options={TRADES} />
      <TextField label='简介' {...field('summary')} max={LIMITS.summary} multiline hint='显示在竞赛列表和详情页顶部' />
      <FieldFrame label='封面（可不选）' name='cover' error={errors.cover}>
        <ImagePicker label='封面' src={form.cover} onUploaded={(asset) => update({ cover: asset.src })} onRemove={() => update({ cover: null })} />
      </FieldFrame>

      <Text className='editor-kit__heading'>时间与地点</Text>
      {DATE_FIELDS.map(([key, label]) => (
        <DateTimeField key={key} label={label} {...field(key)} />
      ))}
      <TextField label='地点' {...field('venue')} max={LIMITS.venue} />
      <TextField label='主办单位' {...field('organizer')} max={LIMITS.organizer} />
      <TextField label='名额' {...field('quota')} type='number' placeholder='不限' hint='留空表示不限名额' />

      <Text className='editor-kit__heading'>日程、规则与奖项</Text>
      <ListField
        label='日程'
        name='schedule'
        items={form.schedule}
        error={errors.schedule}
        blank={() => ({ at: NO_DATE, title: '' })}
        addLabel='添加一项日程'
        onChange={(schedule) => update({ schedule })}
        renderItem={(row, change, at) => {
          const part = fieldsOf(row, errors, (next) => change({ ...row, ...next }), `schedule.${at}`)
          return (
            <View>
              <DateTimeField label='时间' {...part('at')} />
              <TextField label='内容' {...part('title')} max={LIMITS.resultField} placeholder='如：报名截止、决赛' />
            </View>
          )
        }}
      />
      <ListField
        label='比赛规则'
        name='rules'
        items={form.rules}
        error={errors.rules}
        blank={() => ''}
        addLabel='添加一条规则'
        onChange={(rules) => update({ rules })}
        renderItem={(rule, change, at) => (
          <TextField
            label={`规则 ${at + 1}`}
            name={`rules.${at}`}
            value={rule}
            max={LIMITS.listItem}
            multiline
            error={errors[`rules.${at}`]}
            onChange={change}
          />
        )}
      />
      <View className='editor-kit__chips' role='group' aria-label='快速添加奖项'>
        {AWARD_PRESETS.map((preset) => (
          <View key={preset.title} className='editor-kit__chip' hoverClass='editor-kit__chip--pressed' role='button' onClick={() => addAward(preset)}>
            <Text>＋{preset.title}</Text>
          </View>
        ))}
      </View>
      <ListField
        label='奖项设置'
        name='awards'
        items={form.awards}
        error={errors.awards}
        blank={() => ({ title: '', description: '' })}
        addLabel='添加其他奖项'
        onChange={(awards) => update({ awards })}
        renderItem={(award, change, at) => {
          const part = fieldsOf(award, errors, (next) => change({ ...award, ...next }), `awards.${at}`)
          return (
            <View>
              <TextField label='名称' {...part('title')} max={LIMITS.resultField} />
              <TextField label='说明' {...part('description')} max={LIMITS.listItem} multiline />
            </View>
          )
        }}
      />

      <Text className='editor-kit__heading'>公布成绩</Text>
      <Text className='competition-edit__explain'>填写获奖名单后保存，职工即可在竞赛详情的「比赛成绩」中看到。比赛结束前请留空。</Text>
      <ListField
        label='比赛成绩'
        name='results'
        items={form.results}
        error={errors.results}
        blank={emptyResult}
        addLabel='添加一条成绩'
        onChange={(results) => update({ results })}
        renderItem={(row, change, at) => {
          const part = fieldsOf(row, errors, (next) => change({ ...row, ...next }), `results.${at}`)
          return (
            <View>
              <TextField label='名次' {...part('rank')} max={LIMITS.resultField} placeholder='如：一等奖、第一名' />
              <TextField label='姓名' {...part('name')} max={LIMITS.resultField} />
              <TextField label='单位（可不填）' {...part('unit')} max={LIMITS.organizer} />
              <TextField label='称号（可不填）' {...part('award')} max={LIMITS.resultField} placeholder='如：密云工匠、密云能手' />
            </View>
          )
        }}
      />

      <Text className='editor-kit__heading'>咨询联系（可不填）</Text>
      <TextField label='联系人或地点' {...contact('name')} max={LIMITS.contactName} placeholder='如：职工服务热线' />
      <TextField label='电话（可不填）' {...contact('phone')} max={LIMITS.phone} placeholder='如：12351' />
      <TextField label='服务时间（可不填）' {...contact('hours')} max={LIMITS.hours} />

      <Text className='editor-kit__heading'>示例标记</Text>
      <SampleFields sample={form.sample} sampleNote={form.sampleNote} wasSample={wasSample} errors={errors} onChange={(change) => update(change)} />
    </View>
  )
}
