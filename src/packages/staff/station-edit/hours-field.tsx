/**
 * Opening hours as staff set them: a row per weekday with up to three intervals (a lunch break, an evening shift),
 * quick actions for the usual patterns (each undoable: 全天开放 or 休息 one tap away from a day's hours gone), and the
 * rule for statutory holidays. Times are picked, never typed, so an interval is always two real clock times, in
 * 5-minute steps; 「次日」 says when one runs past midnight.
 *
 * Taps are on Views, never on Text: Taro 4.2 throws in WeChat when a Text loses its last handler (NervJS/taro#19453).
 */
import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { WEEKDAY_LABELS } from '@/domain/dates'
import { STATION_LIMITS } from '@/domain/station-input'
import type { OpeningInterval } from '@/domain/stations'
import { FieldError, FieldFrame, TextField, fieldsOf } from '@/components/fields'
import { OptionChips } from '../editor-kit/controls'
import { HOLIDAY_RULES, HOLIDAY_RULE_LABELS, MAX_INTERVALS_PER_DAY, USUAL_INTERVAL, WHOLE_DAY, isOvernight, type StationForm } from './form'

interface HoursFieldProps {
  form: StationForm
  errors: Record<string, string>
  update: (change: Partial<StationForm>) => void
}

interface TimeButtonProps {
  label: string
  value: string
  onChange: (value: string) => void
  /** 「次日」 before a close time past midnight. */
  nextDay?: boolean
}

const pad = (value: number) => String(value).padStart(2, '0')
const HOURS = Array.from({ length: 24 }, (_, hour) => pad(hour))
/** Stations open on the hour, the half or the quarter; 60 rows of minutes is a long scroll for nothing. */
const MINUTE_STEP = 5
const STEPPED_MINUTES = Array.from({ length: 60 / MINUTE_STEP }, (_, step) => pad(step * MINUTE_STEP))

/** The minutes offered: the steps, and a saved time's own minute (08:07) among them, so it is kept, not rounded. */
function minutesFor(value: string): string[] {
  const minute = value.slice(3, 5)
  if (!/^\d{2}$/.test(minute) || STEPPED_MINUTES.includes(minute)) return STEPPED_MINUTES
  return [...STEPPED_MINUTES, minute].sort()
}

function TimeButton({ label, value, onChange, nextDay }: TimeButtonProps) {
  // The picker knows 00:00–23:55; 24:00 (until midnight) is shown as picked and offered from 00:00.
  const shown = value === '24:00' ? '00:00' : value
  const minutes = minutesFor(shown)
  const at = [Math.max(HOURS.indexOf(shown.slice(0, 2)), 0), Math.max(minutes.indexOf(shown.slice(3, 5)), 0)]
  return (
    <Picker
      className='station-hours__picker'
      mode='multiSelector'
      range={[HOURS, minutes]}
      value={at}
      onChange={(event) => {
        const [hour, minute] = event.detail.value as number[]
        onChange(`${HOURS[hour] ?? HOURS[0]}:${minutes[minute] ?? minutes[0]}`)
      }}
    >
      <View className='station-hours__time' role='button' aria-label={label}>
        {nextDay && <Text className='station-hours__next-day'>次日</Text>}
        <Text>{value}</Text>
      </View>
    </Picker>
  )
}

interface IntervalsProps {
  /** The field name prefix the validator uses, e.g. "hours.week.5". */
  name: string
  /** Spoken name of the day, for the picker labels: 「周六」. */
  dayLabel: string
  intervals: OpeningInterval[]
  errors: Record<string, string>
  onChange: (intervals: OpeningInterval[]) => void
}

/** One day's intervals, each with its own problem under it. */
function Intervals({ name, dayLabel, intervals, errors, onChange }: IntervalsProps) {
  const replace = (at: number, interval: OpeningInterval) => onChange(intervals.map((old, index) => (index === at ? interval : old)))
  return (
    <View className='station-hours__intervals'>
      {intervals.length === 0 && <Text className='station-hours__closed'>不开放</Text>}
      {intervals.map((interval, at) => {
        const field = `${name}.${at}`
        const error = errors[field] ?? errors[`${field}.open`] ?? errors[`${field}.close`]
        const whole = interval.open === WHOLE_DAY.open && interval.close === WHOLE_DAY.close
        return (
          <View key={at} className={`station-hours__interval${error ? ' station-hours__interval--invalid' : ''}`} data-field={field}>
            <View className='station-hours__interval-row'>
              <TimeButton label={`${dayLabel}第${at + 1}段开始`} value={interval.open} onChange={(open) => replace(at, { ...interval, open })} />
              <Text className='station-hours__dash'>–</Text>
              <TimeButton
                label={`${dayLabel}第${at + 1}段结束`}
                value={interval.close}
                nextDay={isOvernight(interval)}
                onChange={(close) => replace(at, { ...interval, close })}
              />
              <View
                className='station-hours__remove'
                role='button'
                aria-label={`删除${dayLabel}第${at + 1}段`}
                onClick={() => onChange(intervals.filter((_, index) => index !== at))}
              >
                <Text>删除</Text>
              </View>
            </View>
            {whole && <Text className='station-hours__whole'>全天开放</Text>}
            <FieldError error={error} />
          </View>
        )
      })}
    </View>
  )
}

function Chip({ label, onTap, disabled, aria }: { label: string; onTap: () => void; disabled?: boolean; aria?: string }) {
  return (
    <View
      className={`editor-kit__chip${disabled ? ' editor-kit__chip--disabled' : ''}`}
      hoverClass={disabled ? 'none' : 'editor-kit__chip--pressed'}
      role='button'
      aria-label={aria ?? label}
      aria-disabled={disabled ? 'true' : 'false'}
      onClick={() => {
        if (!disabled) onTap()
      }}
    >
      <Text>{label}</Text>
    </View>
  )
}

/** The week before a quick action replaced some of it: offered back while the week is still as the action left it. */
interface Replaced {
  text: string
  /** The day whose card shows the 撤销; -1 for the week's tools. */
  day: number
  before: OpeningInterval[][]
  after: OpeningInterval[][]
}

function UndoNote({ replaced, onUndo }: { replaced: Replaced; onUndo: () => void }) {
  return (
    <View className='station-hours__undo' role='status'>
      <Text className='station-hours__undo-text'>{replaced.text}</Text>
      <View className='station-hours__undo-button' hoverClass='editor-kit__chip--pressed' role='button' onClick={onUndo}>
        <Text>撤销</Text>
      </View>
    </View>
  )
}

const sameWeek = (a: OpeningInterval[][], b: OpeningInterval[][]) => JSON.stringify(a) === JSON.stringify(b)

export function HoursField({ form, errors, update }: HoursFieldProps) {
  const [replaced, setReplaced] = useState<Replaced>()
  const setDay = (day: number, intervals: OpeningInterval[]) => update({ week: form.week.map((old, index) => (index === day ? intervals : old)) })
  /** A quick action: the week it leaves, with the way back. */
  const replaceWeek = (week: OpeningInterval[][], text: string, day: number) => {
    if (sameWeek(week, form.week)) return
    setReplaced({ text, day, before: form.week, after: week })
    update({ week })
  }
  const replaceDay = (day: number, intervals: OpeningInterval[], text: string) =>
    replaceWeek(
      form.week.map((old, index) => (index === day ? intervals : old)),
      text,
      day
    )
  const sameAsMonday = () =>
    replaceWeek(
      form.week.map((old, index) => (index >= 1 && index <= 4 ? form.week[0].map((interval) => ({ ...interval })) : old)),
      '周二至周五已改为与周一相同',
      -1
    )
  // Any other change since (a time picked, a day changed by hand) and the undo would throw it away: it is gone.
  const undo = replaced && sameWeek(replaced.after, form.week) ? replaced : undefined
  const undoNote = (day: number) =>
    undo?.day === day ? (
      <UndoNote
        replaced={undo}
        onUndo={() => {
          update({ week: undo.before })
          setReplaced(undefined)
        }}
      />
    ) : null

  return (
    <View className='station-hours'>
      <FieldFrame
        label='每周开放时间'
        name='hours.week'
        error={errors['hours.week'] ?? errors.hours}
        hint='北京时间。结束时间早于开始时间表示开到次日，如 09:00–次日01:00。'
      >
        <View className='station-hours__tools'>
          <Chip label='工作日同周一' aria='周二至周五同周一' onTap={sameAsMonday} />
        </View>
        {undoNote(-1)}
        {WEEKDAY_LABELS.map((label, day) => {
          const intervals = form.week[day] ?? []
          const name = `hours.week.${day}`
          const error = errors[name]
          return (
            <View key={label} className={`station-hours__day${error ? ' station-hours__day--invalid' : ''}`} role='group' aria-label={label} data-field={name}>
              <View className='station-hours__day-head'>
                <Text className='station-hours__day-label'>{label}</Text>
                <View className='station-hours__day-tools'>
                  <Chip label='全天开放' aria={`${label}全天开放`} onTap={() => replaceDay(day, [{ ...WHOLE_DAY }], `${label}已改为全天开放`)} />
                  <Chip label='休息' aria={`${label}休息`} onTap={() => replaceDay(day, [], `${label}已改为休息`)} />
                  <Chip
                    label='＋时段'
                    aria={`${label}添加时段`}
                    disabled={intervals.length >= MAX_INTERVALS_PER_DAY}
                    onTap={() => setDay(day, [...intervals, { ...USUAL_INTERVAL }])}
                  />
                </View>
              </View>
              <Intervals name={name} dayLabel={label} intervals={intervals} errors={errors} onChange={(next) => setDay(day, next)} />
              {undoNote(day)}
              <FieldError error={error} />
            </View>
          )
        })}
      </FieldFrame>

      <FieldFrame
        label='法定节假日'
        name='hours.holiday'
        error={errors['hours.holiday']}
        hint='调休上班的日子按周一的时间开放。节假日日期在「站点设置」中维护。'
      >
        <OptionChips
          label='法定节假日'
          className='station-hours__rules'
          optionClass='station-hours__rule'
          options={HOLIDAY_RULES}
          labels={HOLIDAY_RULE_LABELS}
          ariaOf={(label) => `节假日${label}`}
          isOn={(rule) => form.holidayRule === rule}
          onTap={(rule) =>
            update({
              holidayRule: rule,
              // 自定义时段 with nothing in it would be the same as 休息: it starts from a usual day.
              ...(rule === 'custom' && form.holiday.length === 0 ? { holiday: [{ ...USUAL_INTERVAL }] } : {})
            })
          }
        />
        {form.holidayRule === 'custom' && (
          <View className='station-hours__day'>
            <View className='station-hours__day-head'>
              <Text className='station-hours__day-label'>节假日</Text>
              <View className='station-hours__day-tools'>
                <Chip
                  label='＋时段'
                  aria='节假日添加时段'
                  disabled={form.holiday.length >= MAX_INTERVALS_PER_DAY}
                  onTap={() => update({ holiday: [...form.holiday, { ...USUAL_INTERVAL }] })}
                />
              </View>
            </View>
            <Intervals name='hours.holiday' dayLabel='节假日' intervals={form.holiday} errors={errors} onChange={(holiday) => update({ holiday })} />
          </View>
        )}
      </FieldFrame>

      <TextField
        label='开放时间说明（可不填）'
        {...fieldsOf(form, errors, update)('hoursNote', 'hours.note')}
        max={STATION_LIMITS.hoursNote}
        placeholder='如：雨雪天气延长开放'
      />
    </View>
  )
}
