import { Text } from '@tarojs/components'
import { openStateText, type OpenState } from '@/domain/station-hours'

/** 营业中 green, 已关门 grey, 暂停开放 with the staff's reason: the same words on the card and the station page. */
export function OpenStateLabel({ open, closedReason }: { open: OpenState; closedReason?: string }) {
  return (
    <Text className={`open-state open-state--${open.status}`} data-status={open.status}>
      {openStateText(open, closedReason)}
    </Text>
  )
}
