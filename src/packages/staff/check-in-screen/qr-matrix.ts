/**
 * A QR code as the dark runs of each row, for drawing with plain Views (no canvas: the same on H5 and in WeChat, and
 * a new code changes only the runs that differ, so the screen does not flash). The modules come from the `qrcode`
 * package the server's posters use. No Taro import.
 */
import QRCode from 'qrcode'

export interface QrRun {
  row: number
  column: number
  length: number
}

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number
  runs: QrRun[]
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const runs: QrRun[] = []
  for (let row = 0; row < modules.size; row += 1) {
    let start = -1
    for (let column = 0; column <= modules.size; column += 1) {
      const dark = column < modules.size && modules.get(row, column)
      if (dark && start < 0) start = column
      if (!dark && start >= 0) {
        runs.push({ row, column: start, length: column - start })
        start = -1
      }
    }
  }
  return { size: modules.size, runs }
}
