import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { notFoundError } from '@/api/client'
import { getStaffService, updateService } from '@/api/staff/content'
import { LIMITS } from '@/domain/content'
import { isServiceSlug } from '@/domain/limits'
import { serviceInputProblems, type ServiceInput, type StaffService } from '@/domain/service-input'
import { go } from '@/navigation'
import { routeParam, routes } from '@/routes'
import { TextField, fieldsOf } from '@/components/fields'
import { ListField } from '../components/list-field'
import { StaffPage } from '../components/staff-page'
import { SampleFields } from '../editor-kit/controls'
import { DraftOffer, EditorAlerts, EditorStatus, SaveBar } from '../editor-kit/editor-chrome'
import { RecordLoader } from '../editor-kit/record-loader'
import { useEditor, type Editor } from '../editor-kit/use-editor'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import { emptyContact, emptyFigure, formOf, formOfDraft, inputOf, type ServiceForm } from './form'
import './index.scss'

const draftKeyOf = (service: StaffService | undefined) => `service:${service?.slug ?? 'unknown'}`

/** The three lists of a service page, as workers read them. */
const LISTS = [
  ['what', '是什么', '添加一条「是什么」'],
  ['who', '谁可以用', '添加一条「谁可以用」'],
  ['how', '怎么办', '添加一个步骤']
] as const

export default function StaffServiceEditPage() {
  return (
    <StaffPage roles={['editor']} className='service-edit'>
      <ServiceLoader />
    </StaffPage>
  )
}

function ServiceLoader() {
  const slug = routeParam(useRouter().params.slug)
  const resource = useStaffResource(() => (isServiceSlug(slug) ? getStaffService(slug) : Promise.reject(notFoundError('未找到该服务'))), [slug])
  return (
    <RecordLoader
      resource={resource}
      what='服务'
      notFound={{ title: '未找到该服务', actionText: '返回服务列表', onAction: () => void go(routes.staffServices()) }}
    >
      {(service) => <ServiceEditor initial={service} />}
    </RecordLoader>
  )
}

function ServiceEditor({ initial }: { initial: StaffService }) {
  const editor = useEditor<StaffService, ServiceForm, ServiceInput>({
    initial,
    draftKeyOf,
    formOf,
    formOfDraft,
    inputOf,
    problemsOf: serviceInputProblems,
    // The service always exists; `record` is the loaded one.
    send: (input, record, version) => updateService((record ?? initial).slug, { ...input, version: version ?? initial.version }),
    fetchLatest: (record) => getStaffService(record.slug)
  })

  if (editor.offer) return <DraftOffer editor={editor} what='这项服务' />
  return (
    <View>
      <EditorStatus editor={editor} title={editor.record?.name ?? initial.name} />
      <EditorAlerts editor={editor} />
      <ServiceFields editor={editor} />
      <SaveBar editor={editor} note='保存后职工端的服务页立即更新。' />
    </View>
  )
}

function ServiceFields({ editor }: { editor: Editor<StaffService, ServiceForm, ServiceInput> }) {
  const { form, errors } = editor
  const update = (change: Partial<ServiceForm>) => editor.setForm((previous) => ({ ...previous, ...change }))
  const field = fieldsOf(form, errors, update)
  return (
    <View>
      <Text className='editor-kit__heading'>名称与介绍</Text>
      <TextField label='名称' {...field('name')} max={LIMITS.figureText} />
      <TextField label='一句话介绍' {...field('tagline')} max={LIMITS.title} hint='显示在服务列表中' />

      {LISTS.map(([key, label, addLabel]) => (
        <View key={key}>
          <Text className='editor-kit__heading'>{label}</Text>
          <ListField
            label={`「${label}」`}
            name={key}
            items={form[key]}
            error={errors[key]}
            blank={() => ''}
            addLabel={addLabel}
            onChange={(items) => update({ [key]: items })}
            renderItem={(item, change, at) => (
              <TextField
                label={`第 ${at + 1} 条`}
                name={`${key}.${at}`}
                value={item}
                max={LIMITS.listItem}
                multiline
                error={errors[`${key}.${at}`]}
                onChange={change}
              />
            )}
          />
        </View>
      ))}

      <Text className='editor-kit__heading'>找谁</Text>
      <ListField
        label='联系方式'
        name='contacts'
        items={form.contacts}
        error={errors.contacts}
        blank={emptyContact}
        addLabel='添加联系方式'
        onChange={(contacts) => update({ contacts })}
        renderItem={(contact, change, at) => {
          const part = fieldsOf(contact, errors, (next) => change({ ...contact, ...next }), `contacts.${at}`)
          return (
            <View>
              <TextField label='联系人或地点' {...part('name')} max={LIMITS.contactName} placeholder='如：职工服务热线、所在单位工会' />
              <TextField label='电话（可不填）' {...part('phone')} max={LIMITS.phone} />
              <TextField label='服务时间（可不填）' {...part('hours')} max={LIMITS.hours} placeholder='如：工作日 9:00–17:00' />
            </View>
          )
        }}
      />

      <Text className='editor-kit__heading'>数字</Text>
      <ListField
        label='服务数字'
        name='figures'
        items={form.figures}
        error={errors.figures}
        blank={emptyFigure}
        addLabel='添加一个数字'
        onChange={(figures) => update({ figures })}
        renderItem={(figure, change, at) => {
          const part = fieldsOf(figure, errors, (next) => change({ ...figure, ...next }), `figures.${at}`)
          return (
            <View>
              <TextField label='数值' {...part('value')} max={LIMITS.figureText} placeholder='如：近3500' />
              <TextField label='单位（可不填）' {...part('unit')} max={LIMITS.figureText} placeholder='如：万元' />
              <TextField label='说明' {...part('label')} max={LIMITS.title} placeholder='如：为职工挽回经济损失' />
            </View>
          )
        }}
      />

      <Text className='editor-kit__heading'>示例标记</Text>
      <SampleFields
        sample={form.sample}
        sampleNote={form.sampleNote}
        wasSample={editor.record?.sample ?? false}
        errors={errors}
        onChange={(change) => update(change)}
      />
    </View>
  )
}
