/**
 * Where the station is, in GCJ-02 (what WeChat's maps and every Chinese map service use). In WeChat the staffer picks
 * the spot on WeChat's own map; on H5 (at a desk) the two numbers are typed, copied from 高德地图's coordinate picker,
 * and kept as typed so a refused value can be corrected in place.
 */
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { FieldFrame, TextField, fieldsOf } from '@/components/fields'
import { wechatFailureOf, type WechatFailure } from '../components/wechat-failure'
import { coordinateOf, coordinateText, type StationForm } from './form'

interface LocationFieldProps {
  form: StationForm
  errors: Record<string, string>
  update: (change: Partial<StationForm>) => void
}

export function LocationField(props: LocationFieldProps) {
  return process.env.TARO_ENV === 'weapp' ? <MapPick {...props} /> : <TypedCoordinates {...props} />
}

/**
 * Text inputs, not number inputs: a number input discards what it cannot parse (「40,376」, 高德's 「116.84,40.37」
 * pasted whole) and would show the staffer an empty field next to the message instead of what they typed.
 */
function TypedCoordinates({ form, errors, update }: LocationFieldProps) {
  const field = fieldsOf(form, errors, update)
  return (
    <View className='station-location'>
      <TextField label='纬度' {...field('latitude')} placeholder='如：40.376' hint='可在高德地图拾取坐标（GCJ-02）' />
      <TextField label='经度' {...field('longitude')} placeholder='如：116.843' hint='高德地图坐标拾取器给出的是「经度,纬度」，请分开填写' />
    </View>
  )
}

/** What the staffer reads when WeChat's map picker does not open; a cancel says nothing. */
const MAP_FAILURES: Record<Exclude<WechatFailure, 'cancel'>, string> = {
  'privacy-refused': '未同意隐私保护指引，无法打开地图。请再点一次「在地图上选点」，在弹出的提示中点「同意」。',
  'privacy-undeclared': '小程序的用户隐私保护指引尚未声明「选择的位置信息」，暂时无法在地图上选点。请联系管理员在小程序后台补充后再试。',
  'permission-refused': '没有使用位置信息的权限：请在右上角「…」→「设置」中允许使用位置信息后重试。',
  'system-refused': '手机设置不允许微信使用位置信息：请在手机的「设置」中允许后重试。',
  other: '地图打开失败，请稍后重试。'
}

function MapPick({ form, errors, update }: LocationFieldProps) {
  const [failure, setFailure] = useState<string>()
  const latitude = coordinateOf(form.latitude)
  const longitude = coordinateOf(form.longitude)
  const placed = Number.isFinite(latitude) && Number.isFinite(longitude)

  async function choose() {
    setFailure(undefined)
    try {
      const picked = await Taro.chooseLocation(placed ? { latitude, longitude } : {})
      update({
        latitude: coordinateText(picked.latitude),
        longitude: coordinateText(picked.longitude),
        // The address the map gives is a starting point; one the staffer wrote is never replaced.
        ...(form.address.trim() ? {} : { address: picked.address || picked.name || '' })
      })
    } catch (error) {
      const failure = wechatFailureOf(error)
      if (failure !== 'cancel') setFailure(MAP_FAILURES[failure])
    }
  }

  return (
    <FieldFrame label='位置' name='latitude' error={errors.latitude ?? errors.longitude ?? failure} hint='在地图上点选站点的位置；职工按它计算距离和导航。'>
      <View className='station-location__picked'>
        <Text>{placed ? `纬度 ${form.latitude}，经度 ${form.longitude}` : '尚未选择位置'}</Text>
      </View>
      <Button className='station-location__button' onClick={() => void choose()}>
        在地图上选点
      </Button>
    </FieldFrame>
  )
}
