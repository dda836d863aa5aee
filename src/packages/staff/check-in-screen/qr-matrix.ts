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

/**
 * UTF-8 bytes without TextEncoder: the package encodes a string with it, and neither WeChat's JS engine nor jsdom is
 * sure to have one. Handed the bytes as one byte segment, it never needs it.
 */
export function utf8Bytes(text: string): number[] {
  const escaped = encodeURIComponent(text)
  const bytes: number[] = []
  for (let at = 0; at < escaped.length; at += 1) {
    if (escaped[at] === '%') {
      bytes.push(parseInt(escaped.slice(at + 1, at + 3), 16))
      at += 2
    } else {
      bytes.push(escaped.charCodeAt(at))
    }
  }
  return bytes
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create([{ data: new Uint8Array(utf8Bytes(text)), mode: 'byte' }], { errorCorrectionLevel: 'M' })
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
