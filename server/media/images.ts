/**
 * Uploaded images → the files workers download.
 *
 * A phone photo is 3–5 MB at 4032×3024; a phone shows it at most 375 CSS px wide (750 device px). So each upload is
 * turned into the widths of IMAGE_VARIANT_WIDTHS and the original is not kept: workers on mobile data load the
 * 375 or 750 file (imageVariant() in src/domain/staff.ts picks one), and what the phone recorded about where and
 * with what the photo was taken (EXIF with GPS, camera serials, XMP) never leaves the server, because sharp writes
 * no metadata unless asked to (withMetadata/keepExif are never called here).
 *
 * The type is decided by the bytes, never by the file name or the declared content type: a renamed text file or a
 * GIF is refused before any decoder sees more than its header.
 */
import sharp, { type Metadata, type Sharp } from 'sharp'
import { IMAGE_VARIANT_WIDTHS } from '@/domain'
import { HttpError } from '../core/errors'

export const UNSUPPORTED_IMAGE_MESSAGE = '只支持 JPEG、PNG、WebP 图片'
export const IMAGE_TOO_LARGE_MESSAGE = '图片超过 10 MB，请压缩后再上传'

/**
 * 64 million pixels: a 48 MP phone photo (8064×6048) fits; a few hundred bytes of PNG or JPEG header claiming
 * 100 000 × 100 000 pixels (40 GB decoded) does not, and is refused from its header before decoding starts.
 */
export const MAX_INPUT_PIXELS = 64_000_000
/** Longer than any photo or long poster a phone makes; a 1 × 60 000 strip would make variants less than a pixel high. */
export const MAX_INPUT_SIDE = 20_000

export const JPEG_QUALITY = 80

export type ImageKind = 'jpeg' | 'png' | 'webp'

export interface ImageVariant {
  width: number
  height: number
  ext: 'jpg' | 'png'
  contentType: 'image/jpeg' | 'image/png'
  data: Buffer
}

export interface ProcessedImage {
  /** What the bytes are, whatever they were called. */
  kind: ImageKind
  /** Upright (after EXIF orientation), as uploaded. */
  width: number
  height: number
  /** Narrowest first. */
  variants: ImageVariant[]
}

export function unsupportedImage(): HttpError {
  return new HttpError(415, 'UNSUPPORTED_IMAGE', UNSUPPORTED_IMAGE_MESSAGE)
}

export function imageTooLarge(): HttpError {
  return new HttpError(413, 'IMAGE_TOO_LARGE', IMAGE_TOO_LARGE_MESSAGE)
}

/** The container by its signature bytes. */
export function sniffImageKind(bytes: Buffer): ImageKind | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp'
  return undefined
}

/** The widths to write: the standard ones below the image's own width, and the image's width when it is smaller than the largest. */
export function variantWidths(width: number): number[] {
  const widest = IMAGE_VARIANT_WIDTHS[IMAGE_VARIANT_WIDTHS.length - 1]
  const widths: number[] = IMAGE_VARIANT_WIDTHS.filter((candidate) => candidate < width)
  // Never upscale: a 500 px image gets 375 and 500, a 300 px one only 300.
  widths.push(Math.min(width, widest))
  return [...new Set(widths)].sort((a, b) => a - b)
}

/** Width and height as shown, i.e. after EXIF orientation (5–8 turn the picture by 90°). */
function uprightSize(metadata: Metadata): { width: number; height: number } {
  const { width = 0, height = 0, orientation = 1 } = metadata
  return orientation >= 5 ? { width: height, height: width } : { width, height }
}

function decoder(input: Buffer): Sharp {
  // limitInputPixels again here, as a second guard behind the header check; failOn 'truncated' refuses a cut-off
  // upload instead of publishing a half-grey photo, while tolerating the minor warnings many phone JPEGs trigger.
  return sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' })
}

/** Whether transparency is actually used (many PNG exports carry an alpha channel that is opaque everywhere). */
async function usesTransparency(input: Buffer, metadata: Metadata): Promise<boolean> {
  if (!metadata.hasAlpha) return false
  const stats = await decoder(input).stats()
  return !stats.isOpaque
}

async function readHeader(input: Buffer): Promise<{ kind: ImageKind; metadata: Metadata }> {
  const sniffed = sniffImageKind(input)
  if (!sniffed) throw unsupportedImage()
  let metadata: Metadata
  try {
    // The header only, nothing decoded: the pixel limit is applied below with its own answer, not as 「not an image」.
    metadata = await sharp(input, { limitInputPixels: false }).metadata()
  } catch {
    throw unsupportedImage()
  }
  // The decoder must agree with the signature: a PNG signature in front of something else is not a PNG.
  if (metadata.format !== sniffed) throw unsupportedImage()
  return { kind: sniffed, metadata }
}

export class ImageDimensionsError extends HttpError {
  constructor() {
    super(422, 'IMAGE_DIMENSIONS', `图片尺寸过大（最多 ${MAX_INPUT_PIXELS / 1_000_000} 百万像素、边长不超过 ${MAX_INPUT_SIDE} 像素），请缩小后再上传`)
  }
}

/**
 * Checks the bytes are a JPEG, PNG or WebP of sane dimensions, and writes the variants: upright, without metadata,
 * JPEG (mozjpeg) — or PNG when the image has transparency a JPEG would lose.
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  const { kind, metadata } = await readHeader(input)
  const { width, height } = uprightSize(metadata)
  if (width < 1 || height < 1) throw unsupportedImage()
  if (width * height > MAX_INPUT_PIXELS || Math.max(width, height) > MAX_INPUT_SIDE) throw new ImageDimensionsError()

  try {
    const transparent = await usesTransparency(input, metadata)
    // rotate() with no angle turns the pixels upright by the EXIF orientation; the tag itself is not written out.
    const upright = decoder(input).rotate()
    const variants = await Promise.all(
      variantWidths(width).map(async (variantWidth): Promise<ImageVariant> => {
        const resized = upright.clone().resize({ width: variantWidth, withoutEnlargement: true })
        const encoded = transparent
          ? resized.png({ compressionLevel: 9, adaptiveFiltering: true })
          : // An alpha channel that is opaque everywhere is dropped; white shows if a pixel was not quite opaque.
            resized.flatten({ background: '#ffffff' }).jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
        const { data, info } = await encoded.toBuffer({ resolveWithObject: true })
        return transparent
          ? { width: info.width, height: info.height, ext: 'png', contentType: 'image/png', data }
          : { width: info.width, height: info.height, ext: 'jpg', contentType: 'image/jpeg', data }
      })
    )
    return { kind, width, height, variants }
  } catch (error) {
    if (error instanceof HttpError) throw error
    // The header was fine but the pixels are not (cut off, corrupt): nothing a worker could be shown.
    throw new HttpError(422, 'BROKEN_IMAGE', '图片文件已损坏或不完整，无法读取，请换一张图片')
  }
}
