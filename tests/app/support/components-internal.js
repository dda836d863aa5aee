// What @tarojs/components-react's own components import from '@tarojs/components': only View.
export { default as View } from '@tarojs/components-react/dist/components/view/index.js'
