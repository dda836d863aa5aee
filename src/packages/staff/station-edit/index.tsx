import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { notFoundError } from '@/api/client'
import { createStation, getStaffStation, updateStation, type StaffStation } from '@/api/staff/stations'
import { isContentId } from '@/domain/limits'
import { STATION_LIMITS, stationInputProblems, type StationInput } from '@/domain/station-input'
import { AMENITIES, AMENITY_LABELS, STATION_TYPES, STATION_TYPE_LABELS, type Amenity } from '@/domain/stations'
import { go } from '@/navigation'
import { routeParam, routes } from '@/routes'
import { ChoiceField, FieldFrame, TextField, fieldsOf, type FieldBinding } from '@/components/fields'
import { StaffPage } from '../components/staff-page'
import { OptionChips, SampleFields } from '../editor-kit/controls'
import { DraftOffer, EditorAlerts, EditorStatus, SaveBar } from '../editor-kit/editor-chrome'
import { RecordLoader } from '../editor-kit/record-loader'
import { useEditor, type Editor } from '../editor-kit/use-editor'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import { PosterActions } from '../station-list/poster-actions'
import { stationPoster } from '../station-list/posters'
import { formOf, formOfDraft, inputOf, type StationForm } from './form'
import { HoursField } from './hours-field'
import { LocationField } from './location-field'
import { OpenState } from './open-state'
import { PhotosField } from './photos-field'
import { ScanTable } from './scan-table'
import '../editor-kit/editor-kit.scss'
import './index.scss'

const draftKeyOf = (station: StaffStation | undefined) => `station:${station?.id ?? 'new'}`

type StationEditor = Editor<StaffStation, StationForm, StationInput>

export default function StaffStationEditPage() {
  return (
    <StaffPage roles={['editor']} className='station-edit'>
      <StationLoader />
    </StaffPage>
  )
}

function StationLoader() {
  const id = routeParam(useRouter().params.id)
  const resource = useStaffResource<StaffStation | null>(() => {
    if (id === undefined) return Promise.resolve(null)
    if (!isContentId(id)) return Promise.reject(notFoundError('未找到该服务站点'))
    return getStaffStation(id)
  }, [id])

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id === undefined ? '新建站点' : '编辑站点' }).catch(() => undefined)
  }, [id])

  return (
    <RecordLoader
      resource={resource}
      what='站点'
      notFound={{ title: '未找到该服务站点', actionText: '返回站点列表', onAction: () => void go(routes.staffStations()) }}
    >
      {(station) => <StationEditorView initial={station ?? undefined} />}
    </RecordLoader>
  )
}

function StationEditorView({ initial }: { initial?: StaffStation }) {
  const editor = useEditor<StaffStation, StationForm, StationInput>({
    initial,
    draftKeyOf,
    formOf,
    formOfDraft,
    inputOf,
    problemsOf: stationInputProblems,
    send: (input, record, version) => (record && version !== undefined ? updateStation(record.id, { ...input, version }) : createStation(input)),
    fetchLatest: (record) => getStaffStation(record.id)
  })
  const { record } = editor

  // Once a new station is saved, the page edits it: the title says so.
  const created = initial === undefined && record !== undefined
  useEffect(() => {
    if (created) void Taro.setNavigationBarTitle({ title: '编辑站点' }).catch(() => undefined)
  }, [created])

  if (editor.offer) return <DraftOffer editor={editor} what='这个站点' />
  return (
    <View>
      <EditorStatus editor={editor} title={record ? record.name : '新建站点'} />
      {record && (
        <View className='station-edit__code' role='note'>
          <Text>站点编号 {record.code}</Text>
          {record.closedReason && <Text className='station-edit__closed'>暂停开放</Text>}
        </View>
      )}
      <EditorAlerts editor={editor} />
      <StationFields editor={editor} wasSample={record?.sample ?? false} />
      <SaveBar editor={editor} note={record ? '保存后职工端立即更新。' : '保存后即生成站点编号和二维码，职工端立即可见。'} />

      {record && (
        <View>
          <Text className='editor-kit__heading'>开放状态</Text>
          <OpenState station={record} onChanged={editor.adopt} />

          <Text className='editor-kit__heading'>扫码统计</Text>
          <ScanTable stationId={record.id} />

          <Text className='editor-kit__heading'>打印海报</Text>
          <PosterActions label='打印海报' code={record.code} requestOf={(qr) => stationPoster(record, qr)} />
        </View>
      )}
    </View>
  )
}

function AmenitiesField({ name, value, error, onChange }: FieldBinding<Amenity[]>) {
  const toggle = (amenity: Amenity) => onChange(value.includes(amenity) ? value.filter((item) => item !== amenity) : [...value, amenity])
  return (
    <FieldFrame label='服务设施' name={name} error={error} hint='点选站点提供的设施，可多选'>
      <OptionChips
        label='服务设施'
        className='station-edit__chips'
        optionClass='station-edit__chip'
        options={AMENITIES}
        labels={AMENITY_LABELS}
        multiple
        ariaOf={(label) => label}
        isOn={(amenity) => value.includes(amenity)}
        onTap={toggle}
      />
    </FieldFrame>
  )
}

function StationFields({ editor, wasSample }: { editor: StationEditor; wasSample: boolean }) {
  const { form, errors } = editor
  const update = (change: Partial<StationForm>) => editor.setForm((previous) => ({ ...previous, ...change }))
  const field = fieldsOf(form, errors, update)

  return (
    <View className='station-edit__form'>
      <Text className='editor-kit__heading'>基本信息</Text>
      <TextField label='站点名称' {...field('name')} max={STATION_LIMITS.name} />
      <ChoiceField label='类型' {...field('type')} options={STATION_TYPES} labels={STATION_TYPE_LABELS} />
      <TextField label='所在镇街' {...field('town')} max={STATION_LIMITS.town} placeholder='如：鼓楼街道、溪翁庄镇' />
      <TextField label='地址' {...field('address')} max={STATION_LIMITS.address} />
      <LocationField form={form} errors={errors} update={update} />
      <TextField label='电话（可不填）' {...field('phone')} max={STATION_LIMITS.phone} placeholder='如：010-69041234' />
      <AmenitiesField {...field('amenities')} />

      <Text className='editor-kit__heading'>开放时间</Text>
      <HoursField form={form} errors={errors} update={update} />

      <Text className='editor-kit__heading'>照片与介绍</Text>
      <PhotosField photos={form.photos} errors={errors} onChange={(photos) => update({ photos })} />
      <TextField
        label='夏送清凉（可不填）'
        {...field('summerOffer')}
        max={STATION_LIMITS.summerOffer}
        placeholder='如：免费绿豆汤、防暑药品'
        hint='只在「站点设置」里的夏送清凉期间显示给职工'
      />
      <TextField label='站点介绍（可不填）' {...field('description')} max={STATION_LIMITS.description} multiline placeholder='谁可以使用、怎么进门、注意事项' />

      <Text className='editor-kit__heading'>示例标记</Text>
      <SampleFields
        noteMax={STATION_LIMITS.sampleNote}
        sample={form.sample}
        sampleNote={form.sampleNote}
        wasSample={wasSample}
        errors={errors}
        onChange={(change) => update(change)}
      />
    </View>
  )
}
