import { Button, Input, Picker, Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { getStationSettings, updateStationSettings } from '@/api/staff/stations'
import { beijingDate } from '@/domain/dates'
import { STATION_LIMITS, stationSettingsProblems, type StaffStationSettings, type StationSettings } from '@/domain/station-input'
import { FieldError, FieldFrame, TextField, fieldsOf } from '@/components/fields'
import { StaffPage } from '../components/staff-page'
import { OptionChips, ToggleRow } from '../editor-kit/controls'
import { DraftOffer, EditorAlerts, EditorStatus, SaveBar } from '../editor-kit/editor-chrome'
import { RecordLoader } from '../editor-kit/record-loader'
import { hasErrorsUnder, useEditor, type Editor } from '../editor-kit/use-editor'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import { go } from '@/navigation'
import { routes } from '@/routes'
import {
  HOLIDAY_KINDS,
  HOLIDAY_KIND_LABELS,
  addHolidayRun,
  byDate,
  formOf,
  formOfDraft,
  inputOf,
  nextHoliday,
  pastCount,
  weekdayLabel,
  type HolidayRun,
  type SettingsForm
} from './form'
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
  const today = beijingDate(Date.now())
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

type Holiday = SettingsForm['holidays'][number]

interface HolidayRowProps {
  row: Holiday
  at: number
  past: boolean
  errors: Record<string, string>
  onChange: (change: Partial<Holiday>) => void
  onRemove: () => void
}

/** One date on one line: the date (with its weekday), 放假 or 调休上班, the name, 删除; its problems under it. */
function HolidayRow({ row, at, past, errors, onChange, onRemove }: HolidayRowProps) {
  const field = `holidays.${at}`
  const label = `节假日第 ${at + 1} 项`
  const problems = [errors[field], errors[`${field}.date`], errors[`${field}.kind`], errors[`${field}.name`]].filter(Boolean)
  return (
    <View
      className={`holiday-row${past ? ' holiday-row--past' : ''}${problems.length > 0 ? ' holiday-row--invalid' : ''}`}
      role='group'
      aria-label={label}
      data-field={field}
    >
      <View className='holiday-row__line'>
        <Picker mode='date' value={row.date} onChange={(event) => onChange({ date: String(event.detail.value) })}>
          <View className='holiday-row__date' role='button' aria-label={`${label}的日期`}>
            <Text>{row.date}</Text>
            <Text className='holiday-row__weekday'>{weekdayLabel(row.date)}</Text>
          </View>
        </Picker>
        <OptionChips
          label={`${label}的类型`}
          className='holiday-row__kinds'
          optionClass='holiday-row__kind'
          options={HOLIDAY_KINDS}
          labels={HOLIDAY_KIND_LABELS}
          isOn={(kind) => row.kind === kind}
          onTap={(kind) => onChange({ kind })}
        />
        {/* Name and 删除 go under the date together when the line is too short (长辈模式). */}
        <View className='holiday-row__end'>
          <View className='holiday-row__name' data-field={`${field}.name`}>
            <Input
              className='holiday-row__input'
              value={row.name}
              placeholder={row.kind === 'holiday' ? '名称，如国庆节' : '如国庆节调休'}
              maxlength={STATION_LIMITS.holidayName * 2}
              aria-label={`${label}的名称`}
              onInput={(event) => onChange({ name: event.detail.value })}
            />
          </View>
          <View className='holiday-row__remove' role='button' aria-label={`删除${label}`} onClick={onRemove}>
            <Text>删除</Text>
          </View>
        </View>
      </View>
      <FieldError error={problems.join('；')} />
    </View>
  )
}

const NO_RUN: HolidayRun = { startsOn: '', days: '', name: '' }

interface RunPanelProps {
  holidays: Holiday[]
  today: string
  onAdd: (holidays: Holiday[], outcome: string) => void
  onClose: () => void
}

/** 「添加连续几天」: 国庆节 10月1日 起 7 天 in one go. What was typed stays until it is added. */
function RunPanel({ holidays, today, onAdd, onClose }: RunPanelProps) {
  const [run, setRun] = useState<HolidayRun>({ ...NO_RUN, startsOn: today })
  const [errors, setErrors] = useState<Partial<Record<keyof HolidayRun, string>>>({})
  const change = (next: Partial<HolidayRun>) => setRun((previous) => ({ ...previous, ...next }))
  const field = fieldsOf(run, errors, change, 'run')

  const add = () => {
    const result = addHolidayRun(holidays, run, { today, names: STATION_LIMITS.holidayName, rows: STATION_LIMITS.holidays })
    if (!result.ok) {
      setErrors(result.errors)
      return
    }
    setErrors({})
    const { added, skipped } = result
    const first = added[0]?.date
    const last = added[added.length - 1]?.date
    const what = added.length === 0 ? '没有添加新的日期' : `已添加${run.name.trim()} ${first}${last !== first ? ` 至 ${last}` : ''}，共 ${added.length} 天`
    onAdd(result.holidays, skipped.length > 0 ? `${what}；${skipped.join('、')} 已在列表中，未重复添加` : what)
  }

  return (
    <View className='holiday-run' role='group' aria-label='添加连续几天'>
      <FieldFrame label='第一天' name='run.startsOn' error={errors.startsOn}>
        <DateButton label='连续放假的第一天' value={run.startsOn} onChange={(startsOn) => change({ startsOn })} />
      </FieldFrame>
      <TextField label='天数' {...field('days')} error={errors.days} type='number' placeholder='如：7' />
      <TextField label='名称' {...field('name')} error={errors.name} max={STATION_LIMITS.holidayName} placeholder='如：国庆节' />
      <Text className='station-settings__explain'>每一天都按「放假」添加；调休上班的日子请另用「添加一天」添加。</Text>
      <Button className='editor-kit__button editor-kit__button--primary' onClick={add}>
        添加这几天
      </Button>
      <Button className='editor-kit__button' onClick={onClose}>
        取消
      </Button>
    </View>
  )
}

function HolidaysField({ editor, today }: { editor: SettingsEditor; today: string }) {
  const { form, errors } = editor
  const holidays = form.holidays
  const setHolidays = (next: Holiday[]) => editor.setForm((previous) => ({ ...previous, holidays: byDate(next) }))
  const [foldOpen, setFoldOpen] = useState(false)
  const [runOpen, setRunOpen] = useState(false)
  const [outcome, setOutcome] = useState<string>()
  const [cleared, setCleared] = useState<{ rows: Holiday[]; left: Holiday[] }>()

  const past = pastCount(holidays, today)
  // A refused row is never hidden in the fold.
  const pastInvalid = Array.from({ length: past }, (_, at) => hasErrorsUnder(errors, `holidays.${at}`)).some(Boolean)
  const showPast = foldOpen || pastInvalid

  const change = (at: number, next: Partial<Holiday>) => {
    if (next.date !== undefined && next.date < today) setFoldOpen(true)
    setCleared(undefined)
    setHolidays(holidays.map((row, index) => (index === at ? { ...row, ...next } : row)))
  }
  const remove = (at: number) => {
    setCleared(undefined)
    setHolidays(holidays.filter((_, index) => index !== at))
  }
  const clearPast = () => {
    const left = holidays.slice(past)
    setCleared({ rows: holidays.slice(0, past), left })
    setOutcome(undefined)
    setHolidays(left)
  }
  // Only while nothing else changed the calendar since: an undo must not throw away what was done after it.
  const canUndoClear = cleared !== undefined && JSON.stringify(cleared.left) === JSON.stringify(holidays)
  const undoClear = () => {
    if (!cleared) return
    setHolidays([...cleared.rows, ...holidays])
    setCleared(undefined)
  }
  const rowOf = (row: Holiday, at: number) => (
    <HolidayRow key={at} row={row} at={at} past={at < past} errors={errors} onChange={(next) => change(at, next)} onRemove={() => remove(at)} />
  )

  return (
    <FieldFrame label='节假日与调休' name='holidays' error={errors.holidays}>
      {holidays.length === 0 && <Text className='station-settings__empty'>还没有日期</Text>}
      {past > 0 && (
        <View className='holiday-past'>
          <View className='holiday-past__head'>
            <View className='holiday-past__toggle' role='button' aria-expanded={showPast ? 'true' : 'false'} onClick={() => setFoldOpen(!showPast)}>
              <Text>
                已过去的日期（{past}）{showPast ? '▾' : '▸'}
              </Text>
            </View>
            <View className='holiday-past__clear' role='button' onClick={clearPast}>
              <Text>清除已过去的日期</Text>
            </View>
          </View>
          {showPast && holidays.slice(0, past).map((row, at) => rowOf(row, at))}
        </View>
      )}
      {canUndoClear && (
        <View className='station-settings__note' role='status'>
          <Text className='station-settings__note-text'>已清除 {cleared!.rows.length} 个已过去的日期，保存后生效</Text>
          <View className='station-settings__undo' role='button' onClick={undoClear}>
            <Text>撤销</Text>
          </View>
        </View>
      )}
      {holidays.slice(past).map((row, index) => rowOf(row, past + index))}
      {outcome && (
        <View className='station-settings__note' role='status'>
          <Text className='station-settings__note-text'>{outcome}</Text>
        </View>
      )}
      {runOpen ? (
        <RunPanel
          holidays={holidays}
          today={today}
          onAdd={(next, text) => {
            setCleared(undefined)
            setHolidays(next)
            setOutcome(text)
            setRunOpen(false)
          }}
          onClose={() => setRunOpen(false)}
        />
      ) : (
        <View>
          <Button
            className='station-settings__add'
            onClick={() => {
              setCleared(undefined)
              setOutcome(undefined)
              setHolidays([...holidays, nextHoliday(holidays, today)])
            }}
          >
            {holidays.length === 0 ? '添加一天' : '添加一天（接着上一天）'}
          </Button>
          <Button
            className='station-settings__add'
            onClick={() => {
              setOutcome(undefined)
              setRunOpen(true)
            }}
          >
            添加连续几天
          </Button>
        </View>
      )}
    </FieldFrame>
  )
}

function SettingsFields({ editor, today }: { editor: SettingsEditor; today: string }) {
  const { form, errors } = editor
  const update = (change: Partial<SettingsForm>) => editor.setForm((previous) => ({ ...previous, ...change }))

  return (
    <View>
      <Text className='editor-kit__heading'>节假日</Text>
      <Text className='station-settings__explain'>
        法定节假日按各站点设置的「法定节假日」时间开放；调休上班的日子按周一的时间开放。请按国务院办公厅每年公布的安排填写。
      </Text>
      <HolidaysField editor={editor} today={today} />

      <Text className='editor-kit__heading'>夏送清凉</Text>
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
