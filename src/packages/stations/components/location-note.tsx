import { Text, View } from '@tarojs/components'
import type { WorkerLocation } from './use-worker-location'
import './stations.scss'

/** Says how the list is ordered and, when the position is missing, offers to allow it: a line, not a dialog. */
export function LocationNote({ location, onAskAgain }: { location: WorkerLocation; onAskAgain: () => void }) {
  if (location.status === 'located') {
    return (
      <View className='location-note' role='status'>
        <Text>已按离您的距离排列</Text>
      </View>
    )
  }
  if (location.status === 'locating') {
    return (
      <View className='location-note' role='status'>
        <Text>正在获取您的位置，获取后按距离排列</Text>
      </View>
    )
  }
  return (
    <View className='location-note location-note--unavailable' role='status'>
      <Text className='location-note__text'>未获得位置权限，已按开放状态和所在镇街排列</Text>
      <View className='location-note__action' role='button' onClick={onAskAgain}>
        <Text>开启定位</Text>
      </View>
    </View>
  )
}
