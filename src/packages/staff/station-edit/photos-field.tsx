/**
 * A station's photos, up to six; the first is the cover on the workers' list. Each is uploaded on its own (a failed
 * one says so under it), and the order is changed with 设为封面 rather than dragging, which a thumb on a long form
 * does badly.
 */
import { Button, Text, View } from '@tarojs/components'
import { FieldFrame } from '@/components/fields'
import { ImagePicker } from '../components/image-picker'
import { MAX_PHOTOS } from './form'

interface PhotosFieldProps {
  photos: string[]
  errors: Record<string, string>
  onChange: (photos: string[]) => void
}

export function PhotosField({ photos, errors, onChange }: PhotosFieldProps) {
  const replace = (at: number, src: string) => onChange(photos.map((old, index) => (index === at ? src : old)))
  const toFront = (at: number) => onChange([photos[at], ...photos.filter((_, index) => index !== at)])
  return (
    <FieldFrame label={`照片（最多 ${MAX_PHOTOS} 张，可不选）`} name='photos' error={errors.photos} hint='第一张是封面，显示在职工端的站点列表里。'>
      {photos.map((src, at) => (
        <View key={`${at}-${src}`} className='station-photos__item' data-field={`photos.${at}`}>
          <Text className='station-photos__index'>{at === 0 ? '封面' : `第 ${at + 1} 张`}</Text>
          <ImagePicker
            label={at === 0 ? '封面' : `第${at + 1}张照片`}
            src={src}
            onUploaded={(asset) => replace(at, asset.src)}
            onRemove={() => onChange(photos.filter((_, index) => index !== at))}
          />
          {at > 0 && (
            <Button className='station-photos__cover' size='mini' onClick={() => toFront(at)}>
              设为封面
            </Button>
          )}
          {errors[`photos.${at}`] && (
            <View className='field__error' role='alert'>
              <Text>{errors[`photos.${at}`]}</Text>
            </View>
          )}
        </View>
      ))}
      {photos.length < MAX_PHOTOS && (
        <View className='station-photos__add'>
          <ImagePicker key={photos.length} label='照片' src={null} onUploaded={(asset) => onChange([...photos, asset.src])} />
        </View>
      )}
    </FieldFrame>
  )
}
