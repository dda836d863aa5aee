/**
 * Image uploads for article bodies and covers: POST /media with the image in the multipart field `file`.
 * The answer's `src` is what a block or cover stores. The files are public at once (server/core/http/web-app.ts):
 * nobody can guess the id, and an image is meant to be seen once its article is published.
 */
import type { FastifyRequest } from 'fastify'
import { randomBytes } from 'node:crypto'
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { beijing, MAX_UPLOAD_BYTES, type MediaAsset } from '@/domain'
import { imageTooLarge, processImage, type ProcessedImage } from './images'
import type { MediaStorage } from '../core/media-storage'
import { requireStaff, staffOf } from '../core/auth/plugin'
import { HttpError } from '../core/errors'
import { NoQuery } from '../core/schemas/params'
import { EditErrorSchema } from '../core/versioned/schema'
import { MediaAssetSchema } from './schema'

export const UPLOAD_FIELD = 'file'

/** The upload's bytes; a 413 when they passed the limit (busboy stops keeping bytes at limits.fileSize and marks the stream truncated). */
async function readUpload(file: MultipartFile): Promise<Buffer> {
  const chunks: Buffer[] = []
  let bytes = 0
  for await (const chunk of file.file) {
    bytes += (chunk as Buffer).length
    chunks.push(chunk as Buffer)
  }
  if (file.file.truncated || bytes > MAX_UPLOAD_BYTES) throw imageTooLarge()
  return Buffer.concat(chunks, bytes)
}

/**
 * A body that is not well-formed multipart (no boundary, cut off by a dropped connection mid-upload) is the
 * client's problem, said as such: the parser's own errors carry no status and would otherwise become a 500.
 */
async function receiveUpload(request: FastifyRequest): Promise<Buffer> {
  try {
    const file = await request.file()
    if (!file) throw new HttpError(400, 'NO_FILE', '请选择要上传的图片')
    if (file.fieldname !== UPLOAD_FIELD) {
      file.file.resume()
      throw new HttpError(400, 'NO_FILE', `请把图片放在表单字段 ${UPLOAD_FIELD} 中上传`)
    }
    return await readUpload(file)
  } catch (error) {
    if (error instanceof HttpError) throw error
    const status = (error as { statusCode?: number }).statusCode
    if (status !== undefined && status >= 400 && status < 500) throw error
    throw new HttpError(400, 'BAD_MULTIPART', '上传内容不完整，请重新上传')
  }
}

/** e.g. 20261124-9f86d081884c: unique, URL-safe, and the path of imageVariant()'s pattern. */
function newMediaId(now: Date): string {
  return `${beijing(now.toISOString()).format('YYYYMMDD')}-${randomBytes(6).toString('hex')}`
}

/** Writes every variant; if one fails, the ones already written go too. */
async function storeVariants(storage: MediaStorage, id: string, image: ProcessedImage, originalBytes: number): Promise<{ keys: string[]; asset: MediaAsset }> {
  const keys: string[] = []
  try {
    const variants: MediaAsset['variants'] = []
    for (const variant of image.variants) {
      const key = `uploads/${id}/${variant.width}.${variant.ext}`
      await storage.put(key, variant.data, variant.contentType)
      keys.push(key)
      variants.push({ width: variant.width, height: variant.height, bytes: variant.data.length, src: storage.publicPath(key) })
    }
    const widest = variants[variants.length - 1]
    return { keys, asset: { id, src: widest.src, width: image.width, height: image.height, originalBytes, variants } }
  } catch (error) {
    await Promise.allSettled(keys.map((key) => storage.delete(key)))
    throw error
  }
}

export const staffMediaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(fastifyMultipart, {
    // Our own 413 with a message a staffer can act on, decided on `truncated` once the stream ends.
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 11, fieldNameSize: 100, headerPairs: 20 }
  })

  app.post(
    '/media',
    {
      // onRequest: no upload is read for a caller without a session.
      onRequest: requireStaff('editor'),
      schema: { querystring: NoQuery, response: { 201: MediaAssetSchema, '4xx': EditErrorSchema, '5xx': EditErrorSchema } }
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new HttpError(415, 'NOT_MULTIPART', `请以 multipart/form-data 表单上传图片，字段名为 ${UPLOAD_FIELD}`)
      }
      const original = await receiveUpload(request)
      const image = await processImage(original)

      const now = app.now()
      const { keys, asset } = await storeVariants(app.mediaStorage, newMediaId(now), image, original.length)
      try {
        await app.repositories.media.record(asset, staffOf(request).staff, now)
      } catch (error) {
        // No row, no audit record: the files would be orphans nobody can find.
        await Promise.allSettled(keys.map((key) => app.mediaStorage.delete(key)))
        throw error
      }
      return reply.code(201).send(asset)
    }
  )
}
