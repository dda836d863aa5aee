/**
 * The poster generator on its own: what only some stations have (a name too long for one line, not being a sample),
 * how big the code comes out on paper, and the font lookup (a .ttc needs the PostScript name of one of its fonts).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { collectionFontNames, findPosterFont, SYSTEM_FONT_PATHS, type PosterFont } from '../../server/posters/fonts'
import { renderPosterPdf, SAMPLE_MARK, UNION_NAME, type PosterStation } from '../../server/posters/station-poster'
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

let font: PosterFont
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

  it('is not taken for a collection when it is a single TrueType file', () => {
    expect(collectionFontNames(Buffer.from([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBeUndefined()
  })
})
