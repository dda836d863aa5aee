/**
 * Draws the four tab-bar icons (WeChat wants local PNG files, ≤ 40 KB, 81×81 recommended) from simple shapes,
 * so they stay crisp and tiny without an image editor. Run: npx tsx scripts/make-tab-icons.ts
 */
import { writeFileSync } from 'fs'
import path from 'path'
import { deflateSync } from 'zlib'

const SIZE = 81
type Shape = (x: number, y: number) => number // signed distance in px, negative inside

const box =
  (cx: number, cy: number, hw: number, hh: number, r = 0): Shape =>
  (x, y) => {
    const dx = Math.abs(x - cx) - hw + r
    const dy = Math.abs(y - cy) - hh + r
    return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r
  }
const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r
const ring =
  (shape: Shape, width: number): Shape =>
  (x, y) =>
    Math.abs(shape(x, y)) - width / 2
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)))
const subtract =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    Math.max(a(x, y), -b(x, y))
const halfPlane =
  (nx: number, ny: number, c: number): Shape =>
  (x, y) =>
    nx * x + ny * y - c
const intersect =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.max(...shapes.map((s) => s(x, y)))

const roof = (): Shape => {
  // Isosceles triangle apex (40.5, 12), base y = 38 from x = 10 to 71, drawn as a stroke.
  const n = 1 / Math.hypot(26, 30.5)
  const left = halfPlane(-26 * n, -30.5 * n, -(26 * 40.5 + 30.5 * 12) * n)
  const right = halfPlane(26 * n, -30.5 * n, (26 * 40.5 - 30.5 * 12) * n)
  const tri = intersect(left, right, halfPlane(0, 1, 38))
  return ring(tri, 6)
}

const icons: Record<string, Shape> = {
  home: union(subtract(roof(), box(40.5, 44, 22, 6)), ring(box(40.5, 52, 20, 17, 3), 6), box(40.5, 60, 6, 9)),
  news: union(ring(box(40.5, 40.5, 24, 30, 5), 6), box(40.5, 26, 14, 3), box(40.5, 38, 14, 3), box(36, 50, 9.5, 3)),
  services: union(box(25, 25, 11, 11, 4), box(56, 25, 11, 11, 4), box(25, 56, 11, 11, 4), ring(box(56, 56, 11, 11, 4), 6)),
  me: union(ring(circle(40.5, 28, 13), 6), intersect(ring(circle(40.5, 74, 28), 6), halfPlane(0, 1, 70)))
}

function png(shape: Shape, [r, g, b]: [number, number, number]): Buffer {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0
    for (let x = 0; x < SIZE; x++) {
      const d = shape(x + 0.5, y + 0.5)
      const alpha = Math.max(0, Math.min(1, 0.5 - d)) // one pixel of anti-aliasing
      const o = y * (SIZE * 4 + 1) + 1 + x * 4
      raw[o] = r
      raw[o + 1] = g
      raw[o + 2] = b
      raw[o + 3] = Math.round(alpha * 255)
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer) => {
    let c = 0xffffffff
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([length, body, sum])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header[8] = 8
  header[9] = 6
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

const outDir = path.resolve(__dirname, '../src/assets/tab')
for (const [name, shape] of Object.entries(icons)) {
  writeFileSync(path.join(outDir, `${name}.png`), png(shape, [107, 100, 97]))
  writeFileSync(path.join(outDir, `${name}-active.png`), png(shape, [200, 22, 29]))
}
console.log(`tab icons written to ${outDir}`)
