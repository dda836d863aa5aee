/**
 * The Chinese font posters are set in. pdfkit's built-in fonts have no Chinese glyphs, so the server needs a TTF, OTF
 * or TTC from the system (fonts-wqy-microhei on Debian) or POSTER_FONT. A missing font is not a reason to refuse to
 * start: only the poster routes need it, and they say what to install (POSTER_FONT_MISSING).
 *
 * A font file is not enough: a Latin-only font (DejaVu, Liberation) would print every Chinese character as an empty
 * box. A font is taken only when it has a glyph for each character of POSTER_FONT_PROBE; POSTER_FONT is checked the
 * same way at start (server/config.ts), so a wrong one stops the server with its name in the error.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'

/** Where Debian/Ubuntu, Fedora/CentOS, Alpine and macOS put Chinese fonts, best first. */
export const SYSTEM_FONT_PATHS: readonly string[] = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc',
  '/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc',
  '/System/Library/Fonts/STHeiti Medium.ttc'
]

export const POSTER_FONT_MISSING_MESSAGE = '服务器缺少中文字体，无法生成海报：请安装 fonts-wqy-microhei 或设置 POSTER_FONT'

export interface PosterFont {
  file: string
  /** The whole file, read once: pdfkit embeds the glyphs a poster uses from it. */
  data: Buffer
  /** For a collection (.ttc), which of its fonts to use: pdfkit needs the PostScript name. */
  postscriptName?: string
}

/** Printed on every poster (the union's name): a font with these has the Chinese a poster needs. */
export const POSTER_FONT_PROBE = '密云区总工会'

export type PosterFontCheck =
  | { font: PosterFont }
  | { problem: 'unreadable' }
  | { problem: 'not-a-font' }
  /** `missing`: the characters of POSTER_FONT_PROBE it has no glyph for. */
  | { problem: 'no-chinese'; missing: string }

interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean
}

/**
 * fontkit, the font engine pdfkit embeds fonts with: asked the same question pdfkit will meet when it prints. It is
 * pdfkit's dependency, not ours, so it is loaded from where pdfkit finds it (hoisted or nested alike).
 */
function loadFontkit(): { create(data: Buffer, postscriptName?: string): FontkitFont | null } {
  return createRequire(require.resolve('pdfkit'))('fontkit')
}

/** Whether a file is a font pdfkit can print a poster in; for a collection, with the font taken from it. */
export function checkPosterFont(file: string): PosterFontCheck {
  let data: Buffer
  try {
    data = fs.readFileSync(file)
  } catch {
    return { problem: 'unreadable' }
  }
  const names = collectionFontNames(data)
  const postscriptName = names === undefined ? undefined : preferredCollectionFont(names)
  if (names !== undefined && !postscriptName) return { problem: 'not-a-font' }
  let font: FontkitFont | null
  try {
    font = loadFontkit().create(data, postscriptName)
  } catch {
    return { problem: 'not-a-font' }
  }
  if (!font || typeof font.hasGlyphForCodePoint !== 'function') return { problem: 'not-a-font' }
  const missing = [...POSTER_FONT_PROBE].filter((character) => !font.hasGlyphForCodePoint(character.codePointAt(0)!)).join('')
  if (missing) return { problem: 'no-chinese', missing }
  return { font: postscriptName ? { file, data, postscriptName } : { file, data } }
}

/**
 * The POSTER_FONT file, or the first system font that exists and has Chinese glyphs; undefined when there is none.
 */
export function findPosterFont(configured: string | undefined, searchPaths: readonly string[] = SYSTEM_FONT_PATHS): PosterFont | undefined {
  const candidates = configured ? [configured] : searchPaths
  for (const file of candidates) {
    const checked = checkPosterFont(file)
    if ('font' in checked) return checked.font
  }
  return undefined
}

/**
 * A collection holds several fonts (regular and monospaced, or one per region for Noto CJK): take the simplified
 * Chinese one when the names say which, otherwise the first.
 */
function preferredCollectionFont(names: string[]): string | undefined {
  return names.find((name) => /CJKsc|SC-|-SC$|GB/.test(name)) ?? names[0]
}

/**
 * The PostScript names (name table, name ID 6) of the fonts in a TrueType collection, in file order; undefined when
 * the data is not a collection. Written out here because pdfkit's loader needs the name but does not list them.
 */
export function collectionFontNames(data: Buffer): string[] | undefined {
  if (data.length < 12 || data.toString('latin1', 0, 4) !== 'ttcf') return undefined
  const count = data.readUInt32BE(8)
  const names: string[] = []
  for (let index = 0; index < count && 12 + index * 4 + 4 <= data.length; index += 1) {
    const name = postscriptNameAt(data, data.readUInt32BE(12 + index * 4))
    if (name) names.push(name)
  }
  return names
}

function postscriptNameAt(data: Buffer, fontOffset: number): string | undefined {
  if (fontOffset + 12 > data.length) return undefined
  const tableCount = data.readUInt16BE(fontOffset + 4)
  for (let table = 0; table < tableCount; table += 1) {
    const record = fontOffset + 12 + table * 16
    if (record + 16 > data.length) return undefined
    if (data.toString('latin1', record, record + 4) !== 'name') continue
    return postscriptNameInNameTable(data, data.readUInt32BE(record + 8))
  }
  return undefined
}

function postscriptNameInNameTable(data: Buffer, tableOffset: number): string | undefined {
  if (tableOffset + 6 > data.length) return undefined
  const count = data.readUInt16BE(tableOffset + 2)
  const strings = tableOffset + data.readUInt16BE(tableOffset + 4)
  let fallback: string | undefined
  for (let index = 0; index < count; index += 1) {
    const record = tableOffset + 6 + index * 12
    if (record + 12 > data.length) break
    const platform = data.readUInt16BE(record)
    const nameId = data.readUInt16BE(record + 6)
    const length = data.readUInt16BE(record + 8)
    const start = strings + data.readUInt16BE(record + 10)
    if (nameId !== 6 || start + length > data.length) continue
    const raw = data.subarray(start, start + length)
    // Windows and Unicode platform names are UTF-16BE; Macintosh ones are single-byte.
    if (platform === 3 || platform === 0) return utf16be(raw)
    fallback ??= raw.toString('latin1')
  }
  return fallback
}

function utf16be(raw: Buffer): string {
  const swapped = Buffer.from(raw.subarray(0, raw.length - (raw.length % 2)))
  swapped.swap16()
  return swapped.toString('utf16le')
}
