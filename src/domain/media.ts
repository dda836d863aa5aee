/**
 * Uploaded images are stored in several widths (server/media/images.ts) so a phone never downloads more than it
 * draws. No Taro import: the server names the files with the same widths.
 */
export const IMAGE_VARIANT_WIDTHS = [375, 750] as const
export type ImageVariantWidth = (typeof IMAGE_VARIANT_WIDTHS)[number]

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
