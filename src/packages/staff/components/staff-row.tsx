import { Button, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { SampleTag } from '@/components/sample-tag'
import './staff-row.scss'

/** A button on a row beside opening the record (「报名」 on an event): its own tap, not the row's. */
export interface RowAction {
  label: string
  onClick: () => void
}

/** A record's state on its row; the tone picks the colour. */
export interface RowTag {
  label: string
  tone: 'neutral' | 'success' | 'info' | 'warning'
}

interface StaffRowProps {
  title: string
  /** A mark in front of the title (置顶). */
  mark?: string
  tags?: RowTag[]
  sample?: { sampleNote?: string }
  /** Lines under the title and tags: dates, 「王编辑 修改于 …」 … */
  lines: ReactNode[]
  onClick: () => void
  ariaLabel?: string
  /** The record's id for tests and analytics: { 'data-news-id': id }. */
  data: Record<`data-${string}`, string>
  actions?: RowAction[]
}

/** One record in a staff list, opening its editor. Every staff list draws its rows with this. */
export function StaffRow({ title, mark, tags = [], sample, lines, onClick, ariaLabel, data, actions = [] }: StaffRowProps) {
  return (
    <View className='staff-row' hoverClass='staff-row--pressed' role='link' aria-label={ariaLabel} onClick={onClick} {...data}>
      <View className='staff-row__title-line'>
        {mark && <Text className='staff-row__mark'>{mark}</Text>}
        <Text className='staff-row__title'>{title}</Text>
      </View>
      {(tags.length > 0 || sample) && (
        <View className='staff-row__meta'>
          {tags.map((tag) => (
            <Text key={tag.label} className={`staff-row__tag staff-row__tag--${tag.tone}`}>
              {tag.label}
            </Text>
          ))}
          {sample && <SampleTag note={sample.sampleNote} />}
        </View>
      )}
      {lines.map((line, index) => (
        <Text key={index} className='staff-row__line'>
          {line}
        </Text>
      ))}
      {actions.length > 0 && (
        <View className='staff-row__actions'>
          {actions.map((action) => (
            <Button
              key={action.label}
              className='staff-row__action'
              size='mini'
              onClick={(event) => {
                event.stopPropagation()
                action.onClick()
              }}
            >
              {action.label}
            </Button>
          ))}
        </View>
      )}
    </View>
  )
}
