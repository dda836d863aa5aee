/**
 * Images: what staff may upload, what an upload becomes, and which paths content may point at. Uploaded images are
 * stored in several widths (server/media/images.ts) so a phone never downloads more than it draws. No Taro import:
 * the server names the files with the same widths.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const

export const IMAGE_VARIANT_WIDTHS = [375, 750] as const
export type ImageVariantWidth = (typeof IMAGE_VARIANT_WIDTHS)[number]

export interface MediaAsset {
  id: string
  /** The widest variant's path (what an article block or cover stores), e.g. /media/uploads/<id>/750.jpg */
  src: string
  width: number
  height: number
  /** Bytes of the file as uploaded. */
  originalBytes: number
  variants: { width: number; height: number; bytes: number; src: string }[]
}

const MEDIA_PATH = /^\/media\/[A-Za-z0-9_./-]{1,200}$/
const UPLOADED_IMAGE = /^\/media\/uploads\/[A-Za-z0-9_./-]{1,200}$/

/** An image this server serves (an upload or a seed picture): covers, article images and featured items. */
export const isMediaPath = (value: string) => MEDIA_PATH.test(value) && !value.includes('..')

/** An image uploaded through /api/staff/media, never an address elsewhere on the web: station photos. */
export const isUploadedImage = (value: string) => UPLOADED_IMAGE.test(value) && !value.includes('..')

const UPLOAD_VARIANT = /^(\/media\/uploads\/[a-z0-9-]+\/)(\d+)(\.[a-z]+)$/

/**
 * The variant of an uploaded image for a display width in CSS px (phones draw at 2× that): a 120 px wide card
 * cover loads the 375 px file, a full-width article image the 750 px one. Other paths are returned unchanged.
 */
export function imageVariant(src: string, displayWidth: number): string {
  const match = UPLOAD_VARIANT.exec(src)
  if (!match) return src
  const wanted = IMAGE_VARIANT_WIDTHS.find((width) => width >= displayWidth * 2) ?? IMAGE_VARIANT_WIDTHS[IMAGE_VARIANT_WIDTHS.length - 1]
  return `${match[1]}${Math.min(wanted, Number(match[2]))}${match[3]}`
}

/** Where a media file the API returned is, for a display width: a full address as it is, an uploaded photo's variant. */
export function mediaPath(src: string, displayWidth: number): string {
  return /^https?:\/\//.test(src) ? src : imageVariant(src, displayWidth)
}
