/**
 * Whether a font file can print Chinese through pdfkit (the poster PDFs). pdfkit's built-in fonts have no Chinese
 * glyphs, and a Latin-only font (DejaVu, Liberation) would print every Chinese character as an empty box: a font is
 * taken only when it has a glyph for each character of CHINESE_FONT_PROBE. Core, because config.ts checks POSTER_FONT
 * with it at start (a wrong one stops the server naming the variable); where fonts are looked for and what a poster
 * route answers without one is the stations slice's (server/stations/posters/fonts.ts).
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'

export interface ChineseFont {
  file: string
  /** The whole file, read once: pdfkit embeds the glyphs a poster uses from it. */
  data: Buffer
  /** For a collection (.ttc), which of its fonts to use: pdfkit needs the PostScript name. */
  postscriptName?: string
}

/** Printed on every poster (the union's name): a font with these has the Chinese a poster needs. */
export const CHINESE_FONT_PROBE = '密云区总工会'

export type ChineseFontCheck =
  | { font: ChineseFont }
  | { problem: 'unreadable' }
  | { problem: 'not-a-font' }
  /** `missing`: the characters of CHINESE_FONT_PROBE it has no glyph for. */
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

/** Whether a file is a font pdfkit can print Chinese in; for a collection, with the font taken from it. */
export function checkChineseFont(file: string): ChineseFontCheck {
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
  const missing = [...CHINESE_FONT_PROBE].filter((character) => !font.hasGlyphForCodePoint(character.codePointAt(0)!)).join('')
  if (missing) return { problem: 'no-chinese', missing }
  return { font: postscriptName ? { file, data, postscriptName } : { file, data } }
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
