import { Text, View } from '@tarojs/components'
import type { WorkerLocation } from './use-worker-location'
import './stations.scss'

function Action({ text, onClick }: { text: string; onClick: () => void }) {
  return (
    <View className='location-note__action' role='button' onClick={onClick}>
      <Text>{text}</Text>
    </View>
  )
}

/**
 * Says how the list is ordered and, when the position is missing, what to do about it: a line, not a dialog.
 * `sorted` is false while a position that came late waits for the worker to re-sort the list (onSort).
 */
export function LocationNote({
  location,
  sorted = true,
  onAskAgain,
  onSort
}: {
  location: WorkerLocation
  sorted?: boolean
  onAskAgain: () => void
  onSort?: () => void
}) {
  switch (location.status) {
    case 'located':
      return sorted || !onSort ? (
        <View className='location-note' role='status'>
          <Text>已按离您的距离排列</Text>
        </View>
      ) : (
        <View className='location-note' role='status'>
          <Text className='location-note__text'>已获取您的位置</Text>
          <Action text='按距离排列' onClick={onSort} />
        </View>
      )
    case 'locating':
      return (
        <View className='location-note' role='status'>
          <Text>正在获取您的位置，获取后按距离排列</Text>
        </View>
      )
    case 'unlocatable':
      return (
        <View className='location-note location-note--unavailable' role='status'>
          <Text className='location-note__text'>暂时无法获取位置，请确认手机定位已打开</Text>
          <Action text='重新定位' onClick={onAskAgain} />
        </View>
      )
    case 'denied':
      return (
        <View className='location-note location-note--unavailable' role='status'>
          <Text className='location-note__text'>
            {location.blocked ? '浏览器已禁止定位，请在浏览器设置中允许本网站使用位置' : '未获得位置权限，已按开放状态和所在镇街排列'}
          </Text>
          <Action text='开启定位' onClick={onAskAgain} />
        </View>
      )
  }
}
