import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

interface ChipProps {
  label: string
  active: boolean
  onClick: () => void
  /** A chip that folds more chips open or closed: it says whether they are shown, with a caret, instead of pressed. */
  expanded?: boolean
}

/** One chip, big enough for a thumb. A tap toggles or picks; `active` is what the chip currently filters by. */
export function Chip({ label, active, onClick, expanded }: ChipProps) {
  const folding = expanded !== undefined
  return (
    <View
      className={`filter-chip${active ? ' filter-chip--active' : ''}`}
      role='button'
      aria-pressed={folding ? undefined : active ? 'true' : 'false'}
      aria-expanded={folding ? (expanded ? 'true' : 'false') : undefined}
      onClick={onClick}
    >
      <Text>{label}</Text>
      {folding && <Text className={`filter-chip__caret${expanded ? ' filter-chip__caret--open' : ''}`} aria-hidden='true' />}
    </View>
  )
}

interface FilterChipsProps<T> {
  /** Names the row (for screen readers too), shown in front of the chips unless `hideTitle`. */
  title: string
  hideTitle?: boolean
  /** Tabs that share the row's width (编辑 / 预览, 草稿 / 已发布 …) rather than chips of their own width that wrap. */
  fill?: boolean
  options?: { value: T; label: string }[]
  isActive?: (value: T) => boolean
  onSelect?: (value: T) => void
  /** Chips after the options (a toggle of its own, a chip that folds a row open). */
  children?: ReactNode
}

/** A row of filter chips: the one way the app lets a worker or a staffer narrow a list or switch a view. */
export function FilterChips<T>({ title, hideTitle, fill, options = [], isActive, onSelect, children }: FilterChipsProps<T>) {
  return (
    <View className={`filter-chips${fill ? ' filter-chips--fill' : ''}`} role='group' aria-label={title}>
      {!hideTitle && <Text className='filter-chips__title'>{title}</Text>}
      <View className='filter-chips__chips'>
        {options.map((option) => (
          <Chip key={option.label} label={option.label} active={isActive?.(option.value) ?? false} onClick={() => onSelect?.(option.value)} />
        ))}
        {children}
      </View>
    </View>
  )
}
