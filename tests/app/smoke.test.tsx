import { render, screen, fireEvent } from '@testing-library/react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'

function Sample() {
  const [n, setN] = useState(0)
  useShareAppMessage(() => ({ title: 'x' }))
  return (
    <View>
      <Text>次数 {n}</Text>
      <Button onClick={() => setN(n + 1)}>加一</Button>
    </View>
  )
}

it('renders taro components', async () => {
  render(<Sample />)
  fireEvent.click(screen.getByText('加一'))
  expect(await screen.findByText('次数 1')).toBeInTheDocument()
  Taro.setStorageSync('k', { a: 1 })
  expect(Taro.getStorageSync('k')).toEqual({ a: 1 })
})
