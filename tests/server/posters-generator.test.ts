/**
 * The poster generator on its own: what only some stations have (a name too long for one line, not being a sample),
 * that every poster stays on its one page whatever an editor may legally type, how big the code comes out on paper,
 * that a set of posters lets other requests run while it is drawn, and the font lookup (a .ttc needs the PostScript
 * name of one of its fonts; a font without Chinese glyphs is passed over).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import QRCode from 'qrcode'
import { STATION_LIMITS, stationInputProblems, type StationInput } from '@/domain/station-input'
import { CHINESE_FONT_PROBE, checkChineseFont, collectionFontNames, type ChineseFont } from '@server/core/fonts'
import { SYSTEM_FONT_PATHS, findPosterFont } from '@server/stations/posters/fonts'
import { renderPosterPdf, SAMPLE_MARK, UNION_NAME, type PosterPage, type PosterStation } from '@server/stations/posters/station-poster'
import { latinOnlyFont } from './support/latin-font'
import { pdfInfo, pdfPageTexts, pdfQrTexts, readPdfQrCodes } from './support/qr-reading'

const url = (code: string) => `https://miyun.example.cn/s/${code}`
const oneLine = (text: string) => text.replace(/\s+/g, '')

const realStation: PosterStation = {
  code: 'W2X3Y4',
  name: '溪翁庄镇户外劳动者服务站点',
  type: 'outdoor-station',
  town: '溪翁庄镇',
  address: '密云区溪翁庄镇溪翁庄村村委会东侧',
  sample: false
}

let font: ChineseFont
beforeAll(() => {
  font = findPosterFont(undefined)!
  expect(font).toBeDefined()
})

describe('a poster', () => {
  it('has no 示例 mark for a real station, and has one for a sample station', async () => {
    const pdf = await renderPosterPdf(
      [
        { station: realStation, url: url(realStation.code) },
        { station: { ...realStation, code: 'Z9Z8Z7', sample: true }, url: url('Z9Z8Z7') }
      ],
      { font, title: '服务站点海报', now: new Date() }
    )
    const [real, sample] = pdfPageTexts(pdf).map(oneLine)
    expect(real).toContain(oneLine(realStation.name))
    expect(real).toContain(UNION_NAME)
    expect(real).not.toContain(SAMPLE_MARK)
    expect(sample).toContain(SAMPLE_MARK)
  })

  it('keeps a very long name on its one page, the code still readable', async () => {
    const name = '密云区果园街道西滨河路北京市密云区总工会职工服务中心附属职工之家第二活动室暨户外劳动者服务站点'
    const pdf = await renderPosterPdf([{ station: { ...realStation, name }, url: url(realStation.code) }], { font, title: name, now: new Date() })
    expect(pdfInfo(pdf).Pages).toBe('1')
    expect(oneLine(pdfPageTexts(pdf)[0])).toContain(name)
    expect(pdfQrTexts(pdf)).toEqual([url(realStation.code)])
  })

  it('stays on its one page with the longest name, town and address an editor can save, in wide letters too', async () => {
    const fill = (pattern: string, length: number) => pattern.repeat(length).slice(0, length)
    const patterns = ['鼓', 'W', 'M', '@', '鼓楼 ', 'Wm ', '（示例）', '𠀀']
    const wxacode = { data: await QRCode.toBuffer('K7M2QX', { width: 430, margin: 1 }), format: 'png' as const }
    const pages: PosterPage[] = patterns.flatMap((pattern, index) => {
      const station: PosterStation = {
        code: realStation.code,
        name: fill(pattern, STATION_LIMITS.name),
        type: index % 2 ? 'outdoor-station' : 'workers-home',
        town: fill(pattern, STATION_LIMITS.town),
        address: fill(pattern, STATION_LIMITS.address),
        sample: true
      }
      // What an editor could save: the validator the editor and the server share takes it.
      const input: StationInput = {
        name: station.name,
        type: station.type,
        town: station.town,
        address: station.address,
        latitude: 40.376,
        longitude: 116.849,
        amenities: [],
        hours: { week: [[], [], [], [], [], [], []], holiday: null },
        photos: [],
        sample: true
      }
      expect(stationInputProblems(input)).toEqual([])
      return [
        { station, url: url(station.code) },
        { station: { ...station, sample: false }, url: url(station.code), wxacode }
      ]
    })
    const pdf = await renderPosterPdf(pages, { font, title: '最长的站点信息', now: new Date() })
    // One page more anywhere and every later poster of the set would be shifted.
    expect(pdfInfo(pdf).Pages).toBe(String(pages.length))
    expect(pdfQrTexts(pdf)).toEqual(pages.map((page) => (page.wxacode ? 'K7M2QX' : page.url)))
    for (const text of pdfPageTexts(pdf)) expect(text).toContain('服务热线')
  })

  it('keeps a record stored with line breaks (before the editor refused them) on one line and one page', async () => {
    const name = `鼓楼${'\n'.repeat(30)}暖心驿站`
    const pdf = await renderPosterPdf(
      [
        { station: { ...realStation, name, address: `密云区\r\n鼓楼大街\u2028${'\n'.repeat(40)}1 号` }, url: url(realStation.code) },
        { station: realStation, url: url('Z9Z8Z7') }
      ],
      { font, title: '服务站点海报', now: new Date() }
    )
    expect(pdfInfo(pdf).Pages).toBe('2')
    expect(pdfQrTexts(pdf)).toEqual([url(realStation.code), url('Z9Z8Z7')])
    expect(pdfPageTexts(pdf)[0]).toContain('鼓楼 暖心驿站')
  })

  it('lets the event loop turn between pages, so a set of posters does not hold up other requests', async () => {
    const pages = Array.from({ length: 12 }, (_, index) => ({ station: { ...realStation, name: `${realStation.name}${index}` }, url: url(realStation.code) }))
    let turns = 0
    let drawing = true
    const count = () => {
      turns += 1
      if (drawing) setImmediate(count)
    }
    setImmediate(count)
    const pdf = await renderPosterPdf(pages, { font, title: 'x', now: new Date() })
    drawing = false
    expect(pdfInfo(pdf).Pages).toBe('12')
    expect(turns).toBeGreaterThanOrEqual(pages.length - 1)
  })

  it('prints the code at least 9 cm wide', async () => {
    const pdf = await renderPosterPdf([{ station: realStation, url: url(realStation.code) }], { font, title: 'x', now: new Date() })
    const [code] = readPdfQrCodes(pdf)
    expect(code?.text).toBe(url(realStation.code))
    // Rendered at 100 dpi: 9 cm is 354 px.
    expect(code!.width).toBeGreaterThanOrEqual((9 / 2.54) * 100)
  })
})

describe('the poster font', () => {
  it('reads the PostScript names of the fonts in a collection', () => {
    const collection = SYSTEM_FONT_PATHS.find((file) => file.endsWith('.ttc') && fs.existsSync(file))!
    const names = collectionFontNames(fs.readFileSync(collection))!
    expect(names.length).toBeGreaterThan(0)
    expect(names.every((name) => /^[\x21-\x7e]+$/.test(name))).toBe(true)
    expect(findPosterFont(collection)?.postscriptName).toBe(names[0])
  })

  it('is the first of the system places that exists, and none when none does', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'miyun-fonts-'))
    try {
      const installed = SYSTEM_FONT_PATHS.find((file) => fs.existsSync(file))!
      expect(findPosterFont(undefined, [path.join(dir, 'missing.ttc'), installed])?.file).toBe(installed)
      expect(findPosterFont(undefined, [path.join(dir, 'missing.ttc')])).toBeUndefined()
      expect(findPosterFont(path.join(dir, 'missing.ttf'), [installed])).toBeUndefined()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('is passed over when it has no Chinese glyphs (a poster would print empty boxes)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'miyun-fonts-'))
    try {
      const latin = path.join(dir, 'latin.ttf')
      fs.writeFileSync(latin, latinOnlyFont())
      expect(checkChineseFont(latin)).toEqual({ problem: 'no-chinese', missing: CHINESE_FONT_PROBE })
      const installed = SYSTEM_FONT_PATHS.find((file) => fs.existsSync(file))!
      expect(findPosterFont(undefined, [latin, installed])?.file).toBe(installed)
      expect(findPosterFont(undefined, [latin])).toBeUndefined()
      expect(findPosterFont(latin, [installed])).toBeUndefined()
      expect(checkChineseFont(installed)).toMatchObject({ font: { file: installed } })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('is not taken for a collection when it is a single TrueType file', () => {
    expect(collectionFontNames(Buffer.from([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBeUndefined()
  })
})
