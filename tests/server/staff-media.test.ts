/**
 * Image uploads through HTTP with real images made by sharp here: the type is decided by the bytes, sizes are
 * capped while streaming, variants are written upright, without EXIF/GPS, never upscaled, and served publicly at
 * the returned paths with a year of caching.
 */
import fs from 'node:fs'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import sharp from 'sharp'
import { MAX_UPLOAD_BYTES, imageVariant, type MediaAsset } from '@/domain'
import type { App } from '@server/app'
import { auditEntryFromRow } from '@server/core/audit'
import { multipartBody, type FilePart } from './support/multipart'
import { staffSession, type TestStaffer } from './support/staff'
import { buildTestApp, makeTempDir, removeTempDirs } from './support/test-app'

const RED = { r: 220, g: 30, b: 30 }
const BLUE = { r: 30, g: 60, b: 220 }

const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Zhang Photographer</dc:creator>' +
  '</rdf:Description></rdf:RDF></x:xmpmeta>'

/** A one-colour image encoded as `format` (4 channels when the colour has alpha). */
function solid(width: number, height: number, background: sharp.Color, format: 'png' | 'jpeg' | 'webp' | 'gif' | 'tiff'): Promise<Buffer> {
  const channels = typeof background === 'object' && 'alpha' in background ? 4 : 3
  return sharp({ create: { width, height, channels, background } })[format]().toBuffer()
}

/**
 * A 4000×3000 camera JPEG lying on its side, as phones store portrait photos: EXIF orientation 6 (turn 90° clockwise
 * to show it), a camera make and model, where it was taken (GPS), an XMP author and a Display P3 colour profile. The stored top half is red, the bottom blue,
 * so shown upright it is blue on the left and red on the right.
 */
async function phonePhoto(): Promise<Buffer> {
  const bottom = await solid(4000, 1500, BLUE, 'png')
  return sharp({ create: { width: 4000, height: 3000, channels: 3, background: RED } })
    .composite([{ input: bottom, top: 1500, left: 0 }])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'MiyunPhone', Model: 'Test Camera 7', Software: 'CameraApp 1.0' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 22/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 50/1 0/1' }
    })
    .withXmp(XMP)
    .withIccProfile('p3')
    .withMetadata({ orientation: 6 })
    .toBuffer()
}

/** Tag numbers of the first IFD of an EXIF block as sharp returns it ("Exif\0\0" + TIFF). */
function exifIfd0Tags(exif: Buffer): number[] {
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') + 6)
  const little = tiff.toString('latin1', 0, 2) === 'II'
  const u16 = (offset: number) => (little ? tiff.readUInt16LE(offset) : tiff.readUInt16BE(offset))
  const u32 = (offset: number) => (little ? tiff.readUInt32LE(offset) : tiff.readUInt32BE(offset))
  const ifd = u32(4)
  return Array.from({ length: u16(ifd) }, (_, index) => u16(ifd + 2 + index * 12))
}
const GPS_IFD_TAG = 0x8825
const ORIENTATION_TAG = 0x0112

/** The colour of one pixel of an encoded image. */
async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).extract({ left: x, top: y, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true })
  return Array.from(data.subarray(0, info.channels))
}

const near = (actual: number[], expected: { r: number; g: number; b: number }) =>
  Math.abs(actual[0] - expected.r) < 30 && Math.abs(actual[1] - expected.g) < 30 && Math.abs(actual[2] - expected.b) < 30

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A valid PNG header claiming 100 000 × 100 000 pixels (30 GB decoded) in under a hundred bytes: a decompression bomb. */
function pngBomb(): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(100_000, 0)
  header.writeUInt32BE(100_000, 4)
  header.writeUInt8(8, 8) // bit depth
  header.writeUInt8(2, 9) // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1000))),
    pngChunk('IEND', Buffer.alloc(0))
  ])
}

describe('POST /api/staff/media', () => {
  let app: App
  let dataDir: string
  let editor: TestStaffer

  beforeAll(async () => {
    dataDir = makeTempDir('miyun-media-')
    app = buildTestApp({ dataDir })
    await app.ready()
    editor = await staffSession(app, ['editor'], { displayName: '王编辑' })
  })

  afterAll(async () => {
    await app?.close()
    removeTempDirs()
  })

  const uploadsDir = () => path.join(dataDir, 'media', 'uploads')
  const uploadedIds = () => (fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()) : [])

  async function upload(part: Partial<FilePart> & { data: Buffer }, headers: Record<string, string> = editor.headers) {
    const body = multipartBody([{ filename: 'photo.jpg', contentType: 'image/jpeg', ...part }])
    const response = await app.inject({ method: 'POST', url: '/api/staff/media', headers: { ...headers, ...body.headers }, payload: body.payload })
    return { response, status: response.statusCode, body: response.json() }
  }

  async function served(src: string) {
    const response = await app.inject({ url: src })
    return { response, bytes: response.rawPayload }
  }

  describe('a portrait phone photo of 4000×3000 stored on its side, with EXIF and GPS', () => {
    let original: Buffer
    let asset: MediaAsset

    beforeAll(async () => {
      original = await phonePhoto()
      const input = await sharp(original).metadata()
      // The test image carries what the server must remove.
      expect(input).toMatchObject({ width: 4000, height: 3000, orientation: 6 })
      expect(exifIfd0Tags(input.exif!)).toEqual(expect.arrayContaining([GPS_IFD_TAG, ORIENTATION_TAG]))
      expect(original.includes('MiyunPhone')).toBe(true)
      expect(input.xmp).toBeDefined()
      expect(input.icc).toBeDefined()

      const answer = await upload({ data: original, filename: 'IMG_0001.JPG' })
      expect(answer.status).toBe(201)
      asset = answer.body
    })

    it('answers with the upright size, the original bytes and a 375 and a 750 variant', () => {
      expect(asset.id).toMatch(/^[a-z0-9-]+$/)
      expect(asset).toMatchObject({ width: 3000, height: 4000, originalBytes: original.length })
      expect(asset.variants.map((variant) => [variant.width, variant.height])).toEqual([
        [375, 500],
        [750, 1000]
      ])
      expect(asset.src).toBe(`/media/uploads/${asset.id}/750.jpg`)
      expect(asset.variants.map((variant) => variant.src)).toEqual([`/media/uploads/${asset.id}/375.jpg`, asset.src])
      // What the app asks for finds these files.
      expect(imageVariant(asset.src, 160)).toBe(asset.variants[0].src)
      expect(imageVariant(asset.src, 375)).toBe(asset.src)
      expect(asset.variants[0].bytes).toBeLessThan(asset.variants[1].bytes)
      expect(asset.variants[1].bytes).toBeLessThan(original.length / 5)
    })

    it('serves each variant at its src: a JPEG of that size, cached for a year, locked down like /media', async () => {
      for (const variant of asset.variants) {
        const { response, bytes } = await served(variant.src)
        expect(response.statusCode).toBe(200)
        expect(response.headers['content-type']).toBe('image/jpeg')
        expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
        expect(response.headers['x-content-type-options']).toBe('nosniff')
        expect(response.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/)
        expect(bytes.length).toBe(variant.bytes)
        expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: variant.width, height: variant.height })
      }
    })

    it('strips EXIF with the GPS position and the camera, XMP, the colour profile and every other metadata block', async () => {
      for (const variant of asset.variants) {
        const { bytes } = await served(variant.src)
        const metadata = await sharp(bytes).metadata()
        expect(metadata.exif).toBeUndefined()
        expect(metadata.xmp).toBeUndefined()
        expect(metadata.iptc).toBeUndefined()
        expect(metadata.icc).toBeUndefined()
        expect(metadata.orientation).toBeUndefined()
        expect(bytes.includes('Exif\0\0')).toBe(false)
        expect(bytes.includes('MiyunPhone')).toBe(false)
        expect(bytes.includes('GPS')).toBe(false)
        expect(bytes.includes('Zhang Photographer')).toBe(false)
      }
    })

    it('turns the pixels upright by the EXIF orientation: blue on the left, red on the right', async () => {
      const { bytes } = await served(asset.src)
      expect(near(await pixel(bytes, 100, 500), BLUE)).toBe(true)
      expect(near(await pixel(bytes, 650, 500), RED)).toBe(true)
    })

    it('keeps no copy of the original, records the upload and writes an audit record', async () => {
      expect(fs.readdirSync(path.join(uploadsDir(), asset.id)).sort()).toEqual(['375.jpg', '750.jpg'])
      const row = await app.db.selectFrom('media').selectAll().where('id', '=', asset.id).executeTakeFirstOrThrow()
      expect(row).toMatchObject({ src: asset.src, width: 3000, height: 4000, original_bytes: original.length, created_by: editor.staff.id })
      expect(JSON.parse(row.variants)).toEqual(asset.variants)

      const audit = await app.db.selectFrom('audit_log').selectAll().where('entity', '=', 'media').where('entity_id', '=', asset.id).execute()
      expect(audit.map(auditEntryFromRow)).toEqual([
        expect.objectContaining({ action: 'upload', staffName: '王编辑', before: null, after: asset, summary: expect.stringMatching(/^上传图片（3000×4000，/) })
      ])
    })
  })

  it('keeps a PNG with transparency as PNG, transparency intact', async () => {
    // Opaque green on the left, fully transparent on the right.
    const png = await sharp({ create: { width: 600, height: 400, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([
        {
          input: await solid(300, 400, { r: 0, g: 128, b: 0, alpha: 1 }, 'png'),
          left: 0,
          top: 0
        }
      ])
      .png()
      .toBuffer()
    const { status, body } = await upload({ data: png, filename: 'logo.png', contentType: 'image/png' })
    expect(status).toBe(201)
    expect(body.variants.map((variant: MediaAsset['variants'][number]) => [variant.width, variant.height, variant.src.split('/').pop()])).toEqual([
      [375, 250, '375.png'],
      [600, 400, '600.png']
    ])
    const { response, bytes } = await served(body.src)
    expect(response.headers['content-type']).toBe('image/png')
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'png', hasAlpha: true })
    expect((await pixel(bytes, 50, 200))[3]).toBe(255)
    expect((await pixel(bytes, 550, 200))[3]).toBe(0)
  })

  it('turns an opaque PNG into JPEG variants', async () => {
    const png = await solid(1200, 800, { r: 250, g: 200, b: 0, alpha: 1 }, 'png')
    const { status, body } = await upload({ data: png, filename: 'poster.png', contentType: 'image/png' })
    expect(status).toBe(201)
    expect(body.src).toBe(`/media/uploads/${body.id}/750.jpg`)
    expect((await served(body.src)).response.headers['content-type']).toBe('image/jpeg')
  })

  it('takes a WebP and never upscales: 500 px wide gives 375 and 500', async () => {
    const webp = await solid(500, 300, BLUE, 'webp')
    const { status, body } = await upload({ data: webp, filename: 'photo.webp', contentType: 'image/webp' })
    expect(status).toBe(201)
    expect(body.variants.map((variant: MediaAsset['variants'][number]) => [variant.width, variant.height])).toEqual([
      [375, 225],
      [500, 300]
    ])
    expect(body.src).toBe(`/media/uploads/${body.id}/500.jpg`)
    expect(imageVariant(body.src, 160)).toBe(`/media/uploads/${body.id}/375.jpg`)
    expect(imageVariant(body.src, 375)).toBe(body.src)
    for (const variant of body.variants) expect((await served(variant.src)).response.statusCode).toBe(200)
  })

  it('keeps a small image at its own size, as its only file', async () => {
    const small = await solid(300, 200, RED, 'jpeg')
    const { body } = await upload({ data: small })
    expect(body.variants.map((variant: MediaAsset['variants'][number]) => variant.width)).toEqual([300])
    expect(body.src).toBe(`/media/uploads/${body.id}/300.jpg`)
    expect(imageVariant(body.src, 160)).toBe(body.src)
  })

  it('decides the type by the bytes: a JPEG called .gif and declared image/gif is a JPEG', async () => {
    const jpeg = await solid(800, 600, RED, 'jpeg')
    const { status, body } = await upload({ data: jpeg, filename: 'animation.gif', contentType: 'image/gif' })
    expect(status).toBe(201)
    expect(body.src).toMatch(/\/750\.jpg$/)
  })

  describe('refuses', () => {
    const refusedWithoutTrace = async (
      answer: { status: number; body: { error: { code: string; message: string } } },
      status: number,
      code: string,
      message: string
    ) => {
      expect(answer.status).toBe(status)
      expect(answer.body.error).toEqual({ code, message })
    }

    it.each([
      ['a text file named .jpg', () => Promise.resolve(Buffer.from('这不是图片，只是一段文字。\n'.repeat(20))), 'notes.jpg', 'image/jpeg'],
      ['a GIF', () => solid(40, 40, RED, 'gif'), 'photo.png', 'image/png'],
      [
        'an SVG (it can hold script)',
        () => Promise.resolve(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')),
        'icon.png',
        'image/png'
      ],
      ['a TIFF', () => solid(40, 40, RED, 'tiff'), 'scan.jpg', 'image/jpeg'],
      [
        'a PNG signature in front of something else',
        () => Promise.resolve(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not a png at all')])),
        'fake.png',
        'image/png'
      ]
    ])('%s with 415 「只支持 JPEG、PNG、WebP 图片」', async (_case, make, filename, contentType) => {
      const before = uploadedIds().length
      await refusedWithoutTrace(await upload({ data: await make(), filename, contentType }), 415, 'UNSUPPORTED_IMAGE', '只支持 JPEG、PNG、WebP 图片')
      expect(uploadedIds()).toHaveLength(before)
    })

    it('a file of 10 MB + 1 byte with 413, whatever it holds', async () => {
      const jpeg = await solid(100, 100, RED, 'jpeg')
      const padded = Buffer.concat([jpeg, Buffer.alloc(MAX_UPLOAD_BYTES + 1 - jpeg.length)])
      const before = uploadedIds().length
      await refusedWithoutTrace(await upload({ data: padded }), 413, 'IMAGE_TOO_LARGE', '图片超过 10 MB，请压缩后再上传')
      expect(uploadedIds()).toHaveLength(before)
    })

    it('but takes one of exactly 10 MB', async () => {
      const jpeg = await solid(100, 100, RED, 'jpeg')
      // Bytes after the JPEG's end marker are ignored by decoders (cameras append thumbnails and vendor data there).
      const { status } = await upload({ data: Buffer.concat([jpeg, Buffer.alloc(MAX_UPLOAD_BYTES - jpeg.length)]) })
      expect(status).toBe(201)
    })

    it('a decompression bomb (a tiny PNG claiming 100 000 × 100 000 pixels) from its header', async () => {
      const { status, body } = await upload({ data: pngBomb(), filename: 'bomb.png', contentType: 'image/png' })
      // IMAGE_DIMENSIONS is the refusal made from the header's size, before any pixel is decoded (a decoder running
      // out of its pixel budget would answer BROKEN_IMAGE).
      expect(status).toBe(422)
      expect(body.error.code).toBe('IMAGE_DIMENSIONS')
      expect(body.error.message).toMatch(/^图片尺寸过大/)
    })

    it('a cut-off JPEG with 422', async () => {
      const whole = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: RED, noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
        .jpeg()
        .toBuffer()
      const { status, body } = await upload({ data: whole.subarray(0, Math.floor(whole.length / 2)) })
      expect(status).toBe(422)
      expect(body.error).toEqual({ code: 'BROKEN_IMAGE', message: '图片文件已损坏或不完整，无法读取，请换一张图片' })
    })

    it('an anonymous caller with 401, and a 经办 with 403, before reading the upload', async () => {
      const jpeg = await solid(100, 100, RED, 'jpeg')
      const before = uploadedIds().length
      const anonymous = await upload({ data: jpeg }, {})
      expect(anonymous.status).toBe(401)
      expect(anonymous.body.error.message).toMatch(/登录/)
      const handler = await staffSession(app, ['handler'])
      expect((await upload({ data: jpeg }, handler.headers)).status).toBe(403)
      expect(uploadedIds()).toHaveLength(before)
    })

    it('a body that is not a multipart form, or a file in another field', async () => {
      const json = await app.inject({ method: 'POST', url: '/api/staff/media', headers: editor.headers, payload: { file: 'abc' } })
      expect(json.statusCode).toBe(415)
      expect(json.json().error.code).toBe('NOT_MULTIPART')
      const jpeg = await solid(100, 100, RED, 'jpeg')
      const elsewhere = await upload({ data: jpeg, field: 'image' })
      expect(elsewhere.status).toBe(400)
      expect(elsewhere.body.error.message).toBe('请把图片放在表单字段 file 中上传')
    })
  })

  describe('serving uploads', () => {
    it('answers 404 for an upload that does not exist and for paths out of the uploads folder', async () => {
      fs.mkdirSync(uploadsDir(), { recursive: true })
      for (const url of [
        '/media/uploads/20261124-000000000000/750.jpg',
        '/media/uploads/..%2F..%2Fmiyun.sqlite',
        '/media/uploads/%2e%2e/%2e%2e/miyun.sqlite',
        '/media/uploads/../miyun.sqlite'
      ]) {
        const response = await app.inject({ url })
        expect(response.statusCode).toBe(404)
        expect(response.body).not.toContain('SQLite')
      }
    })

    it('answers HEAD with the headers and no body', async () => {
      const jpeg = await solid(400, 300, RED, 'jpeg')
      const { body } = await upload({ data: jpeg })
      const head = await app.inject({ method: 'HEAD', url: body.src })
      expect(head.statusCode).toBe(200)
      expect(head.headers['content-type']).toBe('image/jpeg')
      expect(head.rawPayload.length).toBe(0)
    })
  })
})
