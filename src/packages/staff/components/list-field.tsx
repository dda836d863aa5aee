import { Button, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { FieldFrame } from '@/components/fields'
import './list-field.scss'

interface ListFieldProps<T> {
  label: string
  name: string
  items: T[]
  onChange: (items: T[]) => void
  /** A new, empty item for 「添加」. */
  blank: () => T
  addLabel?: string
  error?: string
  /** One item's editor; `at` is its index, for field names like `rules.2`. */
  renderItem: (item: T, update: (item: T) => void, at: number) => ReactNode
}

/** A list staff edit in place: each item with 上移 / 下移 / 删除, and 添加 at the end. */
export function ListField<T>({ label, name, items, onChange, blank, addLabel = '添加一条', error, renderItem }: ListFieldProps<T>) {
  const replace = (at: number, item: T) => onChange(items.map((old, index) => (index === at ? item : old)))
  const move = (from: number, to: number) => {
    const next = [...items]
    const [item] = next.splice(from, 1)
    next.splice(to, 0, item)
    onChange(next)
  }
  return (
    <FieldFrame label={label} name={name} error={error}>
      {items.map((item, at) => (
        <View className='list-field__item' key={at}>
          {renderItem(item, (changed) => replace(at, changed), at)}
          <View className='list-field__tools'>
            <Text className='list-field__index'>第 {at + 1} 条</Text>
            <Button className='list-field__tool' size='mini' disabled={at === 0} onClick={() => move(at, at - 1)}>
              上移
            </Button>
            <Button className='list-field__tool' size='mini' disabled={at === items.length - 1} onClick={() => move(at, at + 1)}>
              下移
            </Button>
            <Button className='list-field__tool list-field__tool--danger' size='mini' onClick={() => onChange(items.filter((_, index) => index !== at))}>
              删除
            </Button>
          </View>
        </View>
      ))}
      <Button className='list-field__add' onClick={() => onChange([...items, blank()])}>
        {addLabel}
      </Button>
    </FieldFrame>
  )
}
