import { View } from '@tarojs/components'
import { useMemo } from 'react'
import { qrMatrix } from './qr-matrix'

/** Quiet zone around the code, in modules: scanners need the white margin. */
const QUIET = 4

const percent = (value: number) => `${value.toFixed(4)}%`

/** A square QR code of `text`, as wide as its container. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const matrix = useMemo(() => qrMatrix(text), [text])
  const side = matrix.size + QUIET * 2
  const unit = 100 / side
  return (
    <View className='qr-code' role='img' aria-label={label} data-qr={text}>
      {matrix.runs.map((run) => (
        <View
          key={`${run.row}:${run.column}`}
          className='qr-code__run'
          style={{
            top: percent((run.row + QUIET) * unit),
            left: percent((run.column + QUIET) * unit),
            // A hair wider and taller than a module, so neighbouring runs never leave a light seam between them.
            width: percent(run.length * unit + 0.05),
            height: percent(unit + 0.05)
          }}
        />
      ))}
    </View>
  )
}
