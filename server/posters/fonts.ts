/**
 * The Chinese font posters are set in. pdfkit's built-in fonts have no Chinese glyphs, so the server needs a TTF, OTF
 * or TTC from the system (fonts-wqy-microhei on Debian) or POSTER_FONT. A missing font is not a reason to refuse to
 * start: only the poster routes need it, and they say what to install (POSTER_FONT_MISSING).
 */
import fs from 'node:fs'

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

/** The POSTER_FONT file, or the first system font that exists; undefined when there is none. */
export function findPosterFont(configured: string | undefined, searchPaths: readonly string[] = SYSTEM_FONT_PATHS): PosterFont | undefined {
  const candidates = configured ? [configured] : searchPaths
  for (const file of candidates) {
    let data: Buffer
    try {
      data = fs.readFileSync(file)
    } catch {
      continue
    }
    const names = collectionFontNames(data)
    if (names === undefined) return { file, data }
    const postscriptName = preferredCollectionFont(names)
    if (postscriptName) return { file, data, postscriptName }
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
