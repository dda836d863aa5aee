import { Button, Picker, Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { getStationSettings, updateStationSettings } from '../../../api/staff/stations'
import { STATION_LIMITS, stationSettingsProblems, type StaffStationSettings, type StationSettings } from '../../../domain/station-input'
import { FieldFrame, TextField } from '../components/fields'
import { StaffPage } from '../components/staff-page'
import { beijingDayFromNow } from '../editor-kit/beijing-time'
import { ToggleRow } from '../editor-kit/controls'
import { DraftOffer, EditorAlerts, EditorStatus, SaveBar } from '../editor-kit/editor-chrome'
import { RecordLoader } from '../editor-kit/record-loader'
import { useEditor, type Editor } from '../editor-kit/use-editor'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import { go } from '../../../navigation'
import { routes } from '../../../routes'
import { HOLIDAY_KINDS, HOLIDAY_KIND_LABELS, formOf, formOfDraft, inputOf, nextHoliday, type SettingsForm } from './form'
import '../editor-kit/editor-kit.scss'
import './index.scss'

type SettingsEditor = Editor<StaffStationSettings, SettingsForm, StationSettings>

export default function StaffStationSettingsPage() {
  return (
    <StaffPage roles={['editor']} className='station-settings'>
      <SettingsLoader />
    </StaffPage>
  )
}

function SettingsLoader() {
  const resource = useStaffResource(getStationSettings, [])
  return (
    <RecordLoader
      resource={resource}
      what='站点设置'
      notFound={{ title: '未找到站点设置', actionText: '返回站点列表', onAction: () => void go(routes.staffStations()) }}
    >
      {(settings) => <SettingsEditorView initial={settings} />}
    </RecordLoader>
  )
}

function SettingsEditorView({ initial }: { initial: StaffStationSettings }) {
  const today = beijingDayFromNow(Date.now(), 0)
  const editor = useEditor<StaffStationSettings, SettingsForm, StationSettings>({
    initial,
    draftKeyOf: () => 'station-settings',
    formOf: useCallback((record: StaffStationSettings | undefined) => formOf(record, today), [today]),
    formOfDraft,
    inputOf,
    problemsOf: stationSettingsProblems,
    send: (input, _record, version) => updateStationSettings({ ...input, version: version ?? initial.version }),
    fetchLatest: () => getStationSettings()
  })

  if (editor.offer) return <DraftOffer editor={editor} what='站点设置' />
  return (
    <View>
      <EditorStatus editor={editor} title='站点设置' />
      <EditorAlerts editor={editor} />
      <SettingsFields editor={editor} today={today} />
      <SaveBar editor={editor} note='保存后所有站点的开放状态立即按新的日期计算。' />
    </View>
  )
}

function DateButton({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <Picker mode='date' value={value} onChange={(event) => onChange(String(event.detail.value))}>
      <View className='editor-kit__picker' role='button' aria-label={label}>
        <Text className={value ? '' : 'editor-kit__placeholder'}>{value || '选择日期'}</Text>
      </View>
    </Picker>
  )
}

function SettingsFields({ editor, today }: { editor: SettingsEditor; today: string }) {
  const { form, errors } = editor
  const update = (change: Partial<SettingsForm>) => editor.setForm((previous) => ({ ...previous, ...change }))
  const holidays = form.holidays
  const replace = (at: number, change: Partial<SettingsForm['holidays'][number]>) =>
    update({ holidays: holidays.map((row, index) => (index === at ? { ...row, ...change } : row)) })

  return (
    <View>
      <Text className='station-settings__heading'>节假日</Text>
      <Text className='station-settings__explain'>
        法定节假日按各站点设置的「法定节假日」时间开放；调休上班的日子按周一的时间开放。请按国务院办公厅每年公布的安排填写。
      </Text>
      <FieldFrame label='节假日与调休' name='holidays' error={errors.holidays}>
        {holidays.length === 0 && <Text className='station-settings__empty'>还没有日期</Text>}
        {holidays.map((row, at) => (
          <View key={at} className='station-settings__holiday' role='group' aria-label={`第 ${at + 1} 天`}>
            <FieldFrame label='日期' name={`holidays.${at}.date`} error={errors[`holidays.${at}.date`] ?? errors[`holidays.${at}`]}>
              <DateButton label={`第 ${at + 1} 天的日期`} value={row.date} onChange={(date) => replace(at, { date })} />
            </FieldFrame>
            <FieldFrame label='类型' name={`holidays.${at}.kind`} error={errors[`holidays.${at}.kind`]}>
              <View className='station-settings__kinds' role='radiogroup' aria-label={`第 ${at + 1} 天的类型`}>
                {HOLIDAY_KINDS.map((kind) => (
                  <View
                    key={kind}
                    className={`station-settings__kind${row.kind === kind ? ' station-settings__kind--on' : ''}`}
                    role='radio'
                    aria-checked={row.kind === kind ? 'true' : 'false'}
                    onClick={() => replace(at, { kind })}
                  >
                    <Text>{HOLIDAY_KIND_LABELS[kind]}</Text>
                  </View>
                ))}
              </View>
            </FieldFrame>
            <TextField
              label='名称'
              name={`holidays.${at}.name`}
              value={row.name}
              max={STATION_LIMITS.holidayName}
              placeholder={row.kind === 'holiday' ? '如：国庆节' : '如：国庆节调休上班'}
              error={errors[`holidays.${at}.name`]}
              onChange={(name) => replace(at, { name })}
            />
            <Button
              className='station-settings__remove'
              size='mini'
              onClick={() => update({ holidays: holidays.filter((_, index) => index !== at) })}
            >
              删除这一天
            </Button>
          </View>
        ))}
        <Button className='station-settings__add' onClick={() => update({ holidays: [...holidays, nextHoliday(holidays, today)] })}>
          {holidays.length === 0 ? '添加一天' : '添加一天（接着上一天）'}
        </Button>
      </FieldFrame>

      <Text className='station-settings__heading'>夏送清凉</Text>
      <Text className='station-settings__explain'>活动期间，各站点填写的「夏送清凉」内容会显示在职工端的站点页上。</Text>
      <FieldFrame label='活动时段' name='summerCampaign' error={errors.summerCampaign}>
        <ToggleRow label='设置夏送清凉时段' checked={form.summerOn} onChange={(summerOn) => update({ summerOn })} />
      </FieldFrame>
      {form.summerOn && (
        <View>
          <FieldFrame label='开始日期' name='summerCampaign.startsOn' error={errors['summerCampaign.startsOn']} hint='含当天，北京时间'>
            <DateButton label='夏送清凉开始日期' value={form.summerStartsOn} onChange={(summerStartsOn) => update({ summerStartsOn })} />
          </FieldFrame>
          <FieldFrame label='结束日期' name='summerCampaign.endsOn' error={errors['summerCampaign.endsOn']} hint='含当天，北京时间'>
            <DateButton label='夏送清凉结束日期' value={form.summerEndsOn} onChange={(summerEndsOn) => update({ summerEndsOn })} />
          </FieldFrame>
          <FieldFrame
            label='示例数据'
            name='summerCampaign.sample'
            error={errors['summerCampaign.sample']}
            hint={form.summerSample ? '职工会看到「示例」标记。按正式通知填好日期后请取消勾选。' : '正式日期，职工端不显示「示例」标记。'}
          >
            <ToggleRow label='仍为示例数据' checked={form.summerSample} onChange={(summerSample) => update({ summerSample })} />
          </FieldFrame>
        </View>
      )}
    </View>
  )
}
