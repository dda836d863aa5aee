// What @tarojs/components-react's own components import from '@tarojs/components': View (refresher, button, picker)
// and ScrollView (the picker's columns).
export { default as View } from '@tarojs/components-react/dist/components/view/index.js'
export { default as ScrollView } from '@tarojs/components-react/dist/components/scroll-view/index.js'
