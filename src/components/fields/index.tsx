import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

const length = (text: string) => [...text].length

/** Longer than any number a staffer types, short of Taro's own default (140). */
const NUMBER_MAX_LENGTH = 32

interface FieldFrameProps {
  label: string
  /** The dotted field name the server and the validators use, e.g. "blocks.2.text"; marks the field for tests. */
  name: string
  error?: string
  hint?: string
  counter?: { value: string; max: number }
  children: ReactNode
}

/** Label, the control, a character count when there is a limit, and the field's problem in red under it. */
export function FieldFrame({ label, name, error, hint, counter, children }: FieldFrameProps) {
  const count = counter && length(counter.value)
  return (
    <View className={`field${error ? ' field--invalid' : ''}`} data-field={name}>
      <View className='field__head'>
        <Text className='field__label'>{label}</Text>
        {counter && (
          <Text className={`field__counter${count! > counter.max ? ' field__counter--over' : ''}`}>
            {count}/{counter.max}
          </Text>
        )}
      </View>
      {children}
      {hint && !error && <Text className='field__hint'>{hint}</Text>}
      <FieldError error={error} />
    </View>
  )
}

/** A field's problem in red, read out when it appears; nothing without one. */
export function FieldError({ error }: { error?: string }) {
  if (!error) return null
  return (
    <View className='field__error' role='alert'>
      <Text>{error}</Text>
    </View>
  )
}

/** What a field takes from the form it edits: the dotted name, the value, its problem and the change it makes. */
export interface FieldBinding<V> {
  name: string
  value: V
  error?: string
  onChange: (value: V) => void
}

/**
 * Binds fields to one form (or a row of one): `<TextField label='标题' {...field('title')} max={…} />`. The name is
 * the key under `prefix` ('plan' → 'plan.title') unless given, and the problem is the one the validator gave that
 * name.
 */
export function fieldsOf<F extends object>(
  values: F,
  errors: Readonly<Record<string, string | undefined>>,
  update: (change: Partial<F>) => void,
  prefix?: string
) {
  return <K extends keyof F & string>(key: K, name = prefix ? `${prefix}.${key}` : key): FieldBinding<F[K]> => ({
    name,
    value: values[key],
    error: errors[name],
    onChange: (value) => update({ [key]: value } as unknown as Partial<F>)
  })
}

interface TextFieldProps {
  label: string
  name: string
  value: string
  onChange: (value: string) => void
  max?: number
  multiline?: boolean
  placeholder?: string
  error?: string
  hint?: string
  password?: boolean
  type?: 'text' | 'number' | 'digit'
}

/**
 * A text input. The character count shows as the staffer types; going over the limit is allowed while typing (so
 * pasted text is not cut silently) and refused on save with the field named.
 */
export function TextField({ label, name, value, onChange, max, multiline, placeholder, error, hint, password, type = 'text' }: TextFieldProps) {
  const common = {
    className: multiline ? 'field__textarea' : 'field__input',
    value,
    placeholder,
    'aria-label': label,
    // Room to paste over the limit so the count can say by how much; the save refuses it. Without a limit: -1
    // (none), except for number inputs, which Taro's H5 Input cuts to `maxlength` characters, -1 included (it
    // would empty them on every keystroke).
    maxlength: max ? max * 2 : type === 'text' ? -1 : NUMBER_MAX_LENGTH,
    onInput: (event: { detail: { value: string } }) => onChange(event.detail.value)
  }
  return (
    <FieldFrame label={label} name={name} error={error} hint={hint} counter={max ? { value, max } : undefined}>
      {multiline ? <Textarea {...common} autoHeight /> : <Input {...common} password={password} type={type} />}
    </FieldFrame>
  )
}

interface ChoiceFieldProps<T extends string> {
  label: string
  name: string
  /** Empty ('' or undefined) until one is picked. */
  value: T | '' | undefined
  options: readonly T[]
  labels?: Partial<Record<T, string>>
  onChange: (value: T) => void
  error?: string
  placeholder?: string
}

export function ChoiceField<T extends string>({ label, name, value, options, labels, onChange, error, placeholder = '请选择' }: ChoiceFieldProps<T>) {
  const shown = options.map((option) => labels?.[option] ?? option)
  return (
    <FieldFrame label={label} name={name} error={error}>
      <Picker mode='selector' range={shown} value={value ? options.indexOf(value) : 0} onChange={(event) => onChange(options[Number(event.detail.value)])}>
        <View className='field__picker' role='button' aria-label={label}>
          <Text className={value ? '' : 'field__placeholder'}>{value ? (labels?.[value] ?? value) : placeholder}</Text>
          <Text className='field__chevron'>›</Text>
        </View>
      </Picker>
    </FieldFrame>
  )
}
