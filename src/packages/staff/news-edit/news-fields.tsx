import { Switch, Text, View } from '@tarojs/components'
import { LIMITS } from '@/domain/content'
import { NEWS_CATEGORIES } from '@/domain/news'
import { ChoiceField, FieldFrame, TextField, fieldsOf } from '@/components/fields'
import { ImagePicker } from '../components/image-picker'
import { BlocksField } from './block-editor'
import type { NewsForm } from './form'

interface NewsFieldsProps {
  form: NewsForm
  errors: Record<string, string>
  onChange: (change: Partial<NewsForm>) => void
}

/** An article's fields, each under the name the validators use. */
export function NewsFields({ form, errors, onChange }: NewsFieldsProps) {
  const field = fieldsOf(form, errors, onChange)
  return (
    <View className='news-edit__form'>
      <TextField label='标题' {...field('title')} max={LIMITS.title} />
      <ChoiceField label='栏目' {...field('category')} options={NEWS_CATEGORIES} />
      <TextField label='摘要' {...field('summary')} max={LIMITS.summary} multiline hint='显示在动态列表和首页中，一两句话说清要点' />
      <FieldFrame label='封面（可不选）' name='cover' error={errors.cover}>
        <ImagePicker label='封面' src={form.cover} onUploaded={(asset) => onChange({ cover: asset.src })} onRemove={() => onChange({ cover: null })} />
      </FieldFrame>

      <FieldFrame label='置顶到首页' name='pinned' hint={form.pinned ? '置顶的动态排在列表最前，并出现在首页' : undefined}>
        <SwitchRow label='置顶到首页' text={form.pinned ? '已置顶' : '不置顶'} checked={form.pinned} onChange={(pinned) => onChange({ pinned })} />
      </FieldFrame>

      <FieldFrame label='示例内容' name='sample'>
        <SwitchRow label='示例内容' text={form.sample ? '带「示例」标记' : '正式内容'} checked={form.sample} onChange={(sample) => onChange({ sample })} />
        <Text className='editor-kit__note'>内容中有未经核实的信息（如示例日期、地点）时打开，职工会看到「示例」标记，不会当作正式信息。核实后请关闭。</Text>
      </FieldFrame>
      {form.sample && <TextField label='示例说明（可不填）' {...field('sampleNote')} max={LIMITS.sampleNote} placeholder='如：发布日期为示例' />}

      <BlocksField blocks={form.blocks} errors={errors} onChange={(blocks) => onChange({ blocks })} />
    </View>
  )
}

/** WeChat's own switch in the editor kit's toggle row, saying in words what it is set to. */
function SwitchRow({ label, text, checked, onChange }: { label: string; text: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <View className='editor-kit__toggle'>
      <Text className='editor-kit__toggle-label'>{text}</Text>
      <Switch checked={checked} color='#C8161D' aria-label={label} onChange={(event) => onChange(Boolean(event.detail.value))} />
    </View>
  )
}
