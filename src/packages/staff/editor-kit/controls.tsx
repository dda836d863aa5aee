/**
 * Controls the content editors share beyond the staff kit's text and choice fields: a toggle row, the sample-data
 * switch, a Beijing-time date + time field, and a collapsible section for long forms.
 *
 * Taps are on Views, never on Text: Taro 4.2 throws in WeChat when a Text loses its last handler (NervJS/taro#19453).
 */
import { Button, Picker, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { LIMITS } from '@/domain/content'
import { beijingDate } from '@/domain/dates'
import { FieldFrame, TextField } from '@/components/fields'
import { paddedTime, type DateTimeParts } from './beijing-time'
import './editor-kit.scss'

interface ToggleRowProps {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  /** 'switch' for an on/off setting, 'checkbox' for one of several choices. */
  role?: 'switch' | 'checkbox'
  disabled?: boolean
}

/**
 * The whole row is the tap target (a thumb finds it), drawn with Views so it looks and behaves the same on H5 and in
 * WeChat.
 */
export function ToggleRow({ label, checked, onChange, role = 'switch', disabled }: ToggleRowProps) {
  return (
    <View
      className={`editor-kit__toggle${checked ? ' editor-kit__toggle--on' : ''}${disabled ? ' editor-kit__toggle--disabled' : ''}`}
      role={role}
      aria-checked={checked ? 'true' : 'false'}
      aria-disabled={disabled ? 'true' : 'false'}
      aria-label={label}
      onClick={() => {
        if (!disabled) onChange(!checked)
      }}
    >
      <Text className='editor-kit__toggle-label'>{label}</Text>
      {role === 'switch' ? (
        <View className='editor-kit__switch'>
          <View className='editor-kit__switch-knob' />
        </View>
      ) : (
        <View className='editor-kit__checkbox'>
          <Text>{checked ? '✓' : ''}</Text>
        </View>
      )}
    </View>
  )
}

interface SampleFieldsProps {
  sample: boolean
  sampleNote: string
  /** Whether the record as loaded is sample data: unticking then means it has been replaced by real facts. */
  wasSample: boolean
  onChange: (change: { sample?: boolean; sampleNote?: string }) => void
  errors: Record<string, string>
  /** The note's limit where a record's validator has its own. */
  noteMax?: number
}

/** 「仍为示例数据」 and its note. Unticking it is how staff say the record now holds real, checked facts. */
export function SampleFields({ sample, sampleNote, wasSample, onChange, errors, noteMax = LIMITS.sampleNote }: SampleFieldsProps) {
  const hint = sample
    ? '职工会看到「示例」标记和下面的示例说明，不会把它当作正式信息。日期、地点等换成核实过的真实信息后，请取消勾选。'
    : wasSample
      ? '已取消勾选：保存后即表示这条记录已由真实信息替换，职工端不再显示「示例」标记和示例说明。请确认各项都已核实。'
      : '正式信息，职工端不显示「示例」标记。'
  return (
    <View>
      <FieldFrame label='示例数据' name='sample' hint={hint} error={errors.sample}>
        <ToggleRow label='仍为示例数据' checked={sample} onChange={(next) => onChange({ sample: next })} />
      </FieldFrame>
      {sample && (
        <TextField
          label='示例说明（可不填）'
          name='sampleNote'
          value={sampleNote}
          max={noteMax}
          placeholder='如：日期与场地为示例，以通知为准'
          error={errors.sampleNote}
          onChange={(note) => onChange({ sampleNote: note })}
        />
      )}
    </View>
  )
}

interface DateTimeFieldProps {
  label: string
  name: string
  value: DateTimeParts
  onChange: (value: DateTimeParts) => void
  error?: string
  hint?: string
}

/** A day and a time, both in Beijing time (the hint says so: a staffer abroad or on a misset phone is not misled). */
export function DateTimeField({ label, name, value, onChange, error, hint = '北京时间' }: DateTimeFieldProps) {
  return (
    <FieldFrame label={label} name={name} error={error} hint={hint}>
      <View className='editor-kit__datetime'>
        <Picker
          className='editor-kit__datetime-part'
          mode='date'
          value={value.date || beijingDate(Date.now())}
          onChange={(event) => onChange({ ...value, date: String(event.detail.value) })}
        >
          <View className='editor-kit__picker' role='button' aria-label={`${label}的日期`}>
            <Text className={value.date ? '' : 'editor-kit__placeholder'}>{value.date || '选择日期'}</Text>
          </View>
        </Picker>
        <Picker
          className='editor-kit__datetime-part'
          mode='time'
          value={value.time || '09:00'}
          onChange={(event) => onChange({ ...value, time: paddedTime(String(event.detail.value)) })}
        >
          <View className='editor-kit__picker' role='button' aria-label={`${label}的时间`}>
            <Text className={value.time ? '' : 'editor-kit__placeholder'}>{value.time || '选择时间'}</Text>
          </View>
        </Picker>
      </View>
    </FieldFrame>
  )
}

interface CollapsibleProps {
  title: string
  /** A line under the title while closed, e.g. how many figures are inside. */
  summary?: string
  open: boolean
  onToggle: () => void
  /** Holds a field with a problem: shown open whatever was tapped, so no problem hides in a closed section. */
  hasErrors?: boolean
  children: ReactNode
}

export function Collapsible({ title, summary, open, onToggle, hasErrors, children }: CollapsibleProps) {
  const shown = open || Boolean(hasErrors)
  return (
    <View className={`editor-kit__section${hasErrors ? ' editor-kit__section--invalid' : ''}`} role='group' aria-label={title}>
      <View className='editor-kit__section-head' role='button' aria-expanded={shown ? 'true' : 'false'} onClick={onToggle}>
        <View className='editor-kit__section-titles'>
          <Text className='editor-kit__section-title'>{title}</Text>
          {summary && <Text className='editor-kit__section-summary'>{hasErrors ? '有需要修改的地方' : summary}</Text>}
        </View>
        <Text className='editor-kit__section-chevron'>{shown ? '收起' : '展开'}</Text>
      </View>
      {shown && <View className='editor-kit__section-body'>{children}</View>}
    </View>
  )
}

interface OptionChipsProps<T extends string> {
  /** The group's spoken name. */
  label: string
  /** The group's class; each option has `optionClass`, and `optionClass--on` while chosen. */
  className: string
  optionClass: string
  options: readonly T[]
  labels: Record<T, string>
  isOn: (option: T) => boolean
  onTap: (option: T) => void
  /** Checkboxes, several chosen at once (a chosen one shows ✓), instead of radios. */
  multiple?: boolean
  /** An option's spoken name from its label, where the label alone would not say enough. */
  ariaOf?: (label: string) => string
}

/** A row of tappable options, one or several chosen, each a View (see the note at the top). */
export function OptionChips<T extends string>({ label, className, optionClass, options, labels, isOn, onTap, multiple, ariaOf }: OptionChipsProps<T>) {
  return (
    <View className={className} role={multiple ? 'group' : 'radiogroup'} aria-label={label}>
      {options.map((option) => {
        const on = isOn(option)
        return (
          <View
            key={option}
            className={`${optionClass}${on ? ` ${optionClass}--on` : ''}`}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={on ? 'true' : 'false'}
            aria-label={ariaOf?.(labels[option])}
            onClick={() => onTap(option)}
          >
            <Text>{multiple && on ? `✓ ${labels[option]}` : labels[option]}</Text>
          </View>
        )
      })}
    </View>
  )
}

interface ReasonPromptProps {
  /** 「取消原因」, 「暂停原因」 */
  label: string
  max: number
  multiline?: boolean
  placeholder: string
  hint: string
  reason: string
  problem?: string
  /** A new reason typed: the parent keeps it and clears the problem shown. */
  onReason: (reason: string) => void
  busy: boolean
  confirmText: string
  onConfirm: () => void
  cancelText: string
  onCancel: () => void
}

/** The reason workers will read, then the danger button that sends it and the one that steps back. */
export function ReasonPrompt(props: ReasonPromptProps) {
  const { label, max, multiline, placeholder, hint, reason, problem, onReason, busy, confirmText, onConfirm, cancelText, onCancel } = props
  return (
    <>
      <TextField
        label={label}
        name='reason'
        value={reason}
        max={max}
        multiline={multiline}
        placeholder={placeholder}
        hint={hint}
        error={problem}
        onChange={onReason}
      />
      <Button className='editor-kit__button editor-kit__button--danger' disabled={busy} onClick={onConfirm}>
        {confirmText}
      </Button>
      <Button className='editor-kit__button' disabled={busy} onClick={onCancel}>
        {cancelText}
      </Button>
    </>
  )
}
