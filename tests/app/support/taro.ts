/**
 * `@tarojs/taro` as the H5 build wires it: the real H5 implementation (@tarojs/taro-h5) with the React
 * hooks (useLoad, useReachBottom, useShareAppMessage, ...) registered by the React framework plugin.
 * The H5 build rewrites `Taro.xxx` calls into named imports of @tarojs/taro-h5; here the named APIs are
 * gathered onto the default object instead. Nothing in it is faked.
 */
import * as React from 'react'
import * as ReactDOM from 'react-dom'
import { hooks } from '@tarojs/shared'
import { createH5NativeComponentConfig } from '@tarojs/plugin-framework-react/dist/runtime'
import * as taroH5 from '@tarojs/taro-h5'

createH5NativeComponentConfig(null, React, ReactDOM)

const { default: taroDefault, ...namedApis } = taroH5 as unknown as { default: Record<string, unknown> } & Record<string, unknown>
const Taro: Record<string, unknown> = Object.assign(taroDefault, namedApis)
if (hooks.isExist('initNativeApi')) hooks.call('initNativeApi', Taro)

module.exports = Taro
module.exports.default = Taro
