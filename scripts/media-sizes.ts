/**
 * `npx tsx scripts/media-sizes.ts [photo.jpg]`: what an upload costs and saves. Bytes of the original next to the
 * 750 and 375 px files workers download, and the time the server spends making them.
 *
 * Without an argument it measures a synthetic phone photo: 4032×3024 (12 MP, the common phone sensor), content
 * built to compress like a photograph (a sky-to-ground gradient, blotches and texture at several scales, sensor
 * grain), saved as phones save it (JPEG quality 92, 4:2:0) with EXIF. Give a real photo to measure that instead.
 *
 * Two timings: processImage() alone (the sharp work: header check, orientation, two resizes, mozjpeg), and the whole
 * upload through HTTP (app.inject: multipart parsing, processing, writing the files, the database row and its audit
 * record). Each is run several times after a warm-up; the median and the slowest are printed. Nothing is asserted:
 * machines differ.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { buildApp } from '@server/app'
import { loadConfig } from '@server/core/config'
import { processImage } from '@server/media/images'
import { multipartBody } from '../tests/server/support/multipart'
import { staffSession } from '../tests/server/support/staff'

const WIDTH = 4032
const HEIGHT = 3024
const RUNS = Number(process.env.MEDIA_SIZES_RUNS ?? 7)

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same picture. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Random values on a coarse grid, smoothly enlarged to full size: blotches of about WIDTH / cells pixels. */
async function octave(cells: number, seed: number): Promise<Buffer> {
  const next = random(seed)
  const width = cells
  const height = Math.max(2, Math.round((cells * HEIGHT) / WIDTH))
  const grid = Buffer.alloc(width * height * 3)
  for (let i = 0; i < grid.length; i++) grid[i] = Math.floor(next() * 256)
  return sharp(grid, { raw: { width, height, channels: 3 } })
    .resize(WIDTH, HEIGHT, { kernel: 'cubic', fit: 'fill' })
    .raw()
    .toBuffer()
}

export async function syntheticPhoto(): Promise<Buffer> {
  const octaves = await Promise.all([octave(8, 1), octave(40, 2), octave(200, 3), octave(1000, 4)])
  const weights = [0.4, 0.3, 0.2, 0.2]
  const grain = random(5)
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3)
  for (let y = 0; y < HEIGHT; y++) {
    // Sky (light blue) at the top shading to ground (green-brown) at the bottom.
    const t = y / HEIGHT
    const base = [150 - 70 * t, 180 - 60 * t, 220 - 150 * t]
    for (let x = 0; x < WIDTH; x++) {
      const i = (y * WIDTH + x) * 3
      for (let c = 0; c < 3; c++) {
        let texture = 0
        for (let o = 0; o < octaves.length; o++) texture += weights[o] * (octaves[o][i + c] - 128)
        // Textures matter more on the ground than in the sky, as in a landscape photo.
        const value = base[c] + texture * (0.6 + 0.9 * t) + (grain() - 0.5) * 18
        pixels[i + c] = value < 0 ? 0 : value > 255 ? 255 : value
      }
    }
  }
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 92, chromaSubsampling: '4:2:0' })
    .withExif({ IFD0: { Make: 'MiyunPhone', Model: 'Benchmark' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 22/1 30/1' } })
    .toBuffer()
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`
const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(2)} MB`

async function timed(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  await work()
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint()
    await work()
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return times
}

async function main() {
  const given = process.argv[2]
  const original = given ? fs.readFileSync(given) : await syntheticPhoto()
  const metadata = await sharp(original).metadata()
  console.log(`原图：${given ?? `合成手机照片 ${WIDTH}×${HEIGHT}（JPEG 质量 92，4:2:0）`}`)
  console.log(`  ${metadata.width}×${metadata.height}，${mb(original.length)}（${original.length} 字节）`)

  const image = await processImage(original)
  for (const variant of image.variants) {
    const share = ((variant.data.length / original.length) * 100).toFixed(1)
    console.log(
      `  ${variant.width} 宽：${variant.width}×${variant.height} ${variant.ext}，${kb(variant.data.length)}（${variant.data.length} 字节，原图的 ${share}%）`
    )
  }

  const processing = await timed(RUNS, () => processImage(original))
  console.log(`处理（processImage，${RUNS} 次）：中位 ${median(processing).toFixed(0)} ms，最慢 ${Math.max(...processing).toFixed(0)} ms`)

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'miyun-media-sizes-'))
  const app = buildApp(loadConfig({ DATA_DIR: dataDir, H5_DIR: path.join(dataDir, 'no-h5'), LOG_LEVEL: 'error' }))
  try {
    await app.ready()
    const editor = await staffSession(app, ['editor'])
    const body = multipartBody([{ filename: 'IMG_0001.JPG', contentType: 'image/jpeg', data: original }])
    const uploads = await timed(RUNS, async () => {
      const response = await app.inject({ method: 'POST', url: '/api/staff/media', headers: { ...editor.headers, ...body.headers }, payload: body.payload })
      if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`)
    })
    console.log(`整个上传（HTTP，${RUNS} 次）：中位 ${median(uploads).toFixed(0)} ms，最慢 ${Math.max(...uploads).toFixed(0)} ms`)
  } finally {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  console.log(
    `机器：${os.cpus().length} 核 ${os.cpus()[0]?.model ?? ''}，Node ${process.version}，sharp ${sharp.versions.sharp}（libvips ${sharp.versions.vips}）`
  )
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
