import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { LIMITS } from '@/domain/content'
import type { Block } from '@/domain/news'
import { BLOCK_LABELS } from '@/domain/news-input'
import { FieldFrame, TextField } from '@/components/fields'
import { ImagePicker } from '../components/image-picker'
import { emptyBlock, keyed, type KeyedBlock } from './form'

const ADDABLE: Block['type'][] = ['paragraph', 'heading', 'image', 'quote']

interface BlocksFieldProps {
  blocks: KeyedBlock[]
  onChange: (blocks: KeyedBlock[]) => void
  /** field → message, with fields named as the validators name them ("blocks.2.text"). */
  errors: Record<string, string>
}

/**
 * The article body as blocks: each with its own editor and 上移 / 下移 / 删除, and buttons to add the four kinds.
 * The last deletion can be undone: a long paragraph is one mistaken tap away from gone otherwise.
 */
export function BlocksField({ blocks, onChange, errors }: BlocksFieldProps) {
  const [removed, setRemoved] = useState<{ at: number; item: KeyedBlock }>()

  const replace = (at: number, block: Block) => onChange(blocks.map((item, index) => (index === at ? { ...item, block } : item)))
  const move = (from: number, to: number) => {
    const next = [...blocks]
    const [item] = next.splice(from, 1)
    next.splice(to, 0, item)
    setRemoved(undefined)
    onChange(next)
  }
  const remove = (at: number) => {
    setRemoved({ at, item: blocks[at] })
    onChange(blocks.filter((_, index) => index !== at))
  }
  const undo = () => {
    if (!removed) return
    const next = [...blocks]
    next.splice(Math.min(removed.at, next.length), 0, removed.item)
    setRemoved(undefined)
    onChange(next)
  }
  const add = (type: Block['type']) => {
    setRemoved(undefined)
    onChange([...blocks, keyed(emptyBlock(type))])
  }

  return (
    <FieldFrame label='正文' name='blocks' error={errors.blocks}>
      {blocks.length === 0 && (
        <View className='blocks__empty'>
          <Text>正文还是空的，请用下面的按钮添加段落、小标题、图片或引用。</Text>
        </View>
      )}
      {blocks.map((item, at) => (
        <View
          key={item.key}
          className='blocks__item'
          role='group'
          aria-label={`第 ${at + 1} 块（${BLOCK_LABELS[item.block.type]}）`}
          data-field={`blocks.${at}`}
        >
          <Text className='blocks__index'>
            第 {at + 1} 块 · {BLOCK_LABELS[item.block.type]}
          </Text>
          <BlockEditor block={item.block} at={at} errors={errors} onChange={(block) => replace(at, block)} />
          <View className='blocks__tools'>
            <Button className='blocks__tool' size='mini' disabled={at === 0} onClick={() => move(at, at - 1)}>
              上移
            </Button>
            <Button className='blocks__tool' size='mini' disabled={at === blocks.length - 1} onClick={() => move(at, at + 1)}>
              下移
            </Button>
            <Button className='blocks__tool blocks__tool--danger' size='mini' onClick={() => remove(at)}>
              删除
            </Button>
          </View>
        </View>
      ))}
      {removed && (
        <View className='blocks__undo' role='status'>
          <Text className='blocks__undo-text'>
            已删除第 {removed.at + 1} 块（{BLOCK_LABELS[removed.item.block.type]}）
          </Text>
          <Button className='blocks__tool' size='mini' onClick={undo}>
            撤销
          </Button>
        </View>
      )}
      <View className='blocks__add'>
        {ADDABLE.map((type) => (
          <Button key={type} className='blocks__add-button' onClick={() => add(type)}>
            ＋{BLOCK_LABELS[type]}
          </Button>
        ))}
      </View>
    </FieldFrame>
  )
}

interface BlockEditorProps {
  block: Block
  at: number
  errors: Record<string, string>
  onChange: (block: Block) => void
}

type TextPart = { key: 'text' | 'cite' | 'caption'; label: string; max: number; multiline?: boolean; placeholder?: string }

/** The text inputs of each kind of block, in order; an image has its picker above them. */
const TEXT_PARTS: Record<Block['type'], TextPart[]> = {
  heading: [{ key: 'text', label: '小标题', max: LIMITS.heading }],
  paragraph: [{ key: 'text', label: '段落', max: LIMITS.paragraph, multiline: true }],
  quote: [
    { key: 'text', label: '引用内容', max: LIMITS.quote, multiline: true },
    { key: 'cite', label: '出处（可不填）', max: LIMITS.cite, placeholder: '如：习近平总书记' }
  ],
  image: [{ key: 'caption', label: '图片说明（可不填）', max: LIMITS.caption, placeholder: '显示在图片下方' }]
}

function BlockEditor({ block, at, errors, onChange }: BlockEditorProps) {
  const field = (name: string) => `blocks.${at}.${name}`
  const texts = block as Partial<Record<TextPart['key'], string>>
  // A block of a kind this version does not know (a draft kept by a newer one) has nothing to edit here.
  if (!(block.type in TEXT_PARTS)) return null
  return (
    <>
      {block.type === 'image' && (
        <FieldFrame label='图片' name={field('src')} error={errors[field('src')]}>
          <ImagePicker label='图片' src={block.src || null} onUploaded={(asset) => onChange({ ...block, src: asset.src })} />
        </FieldFrame>
      )}
      {TEXT_PARTS[block.type].map(({ key, ...part }) => (
        <TextField
          key={key}
          {...part}
          name={field(key)}
          value={texts[key] ?? ''}
          error={errors[field(key)]}
          onChange={(text) => onChange({ ...block, [key]: text })}
        />
      ))}
    </>
  )
}
