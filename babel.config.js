// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        // H5 renders with Preact, the mini-program with React (see framework in config/index.ts).
        framework: process.env.TARO_ENV === 'h5' ? 'preact' : 'react',
        ts: true,
        compiler: 'webpack5'
      }
    ]
  ]
}
