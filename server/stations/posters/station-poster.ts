/**
 * Station posters: one A4 portrait page per station, printed and put up at the station. A phone camera or WeChat
 * scans the code and opens the station's page (hours, amenities, navigation).
 *
 * The URL QR code is drawn as vector squares from the QR matrix, not pasted as a picture, so it stays sharp at any
 * printer resolution. A 小程序码 comes from WeChat as an image and is placed as it is. The short URL is printed
 * under either code, so a torn or faded poster can still be typed in.
 */
import type { Readable } from 'node:stream'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import { HOTLINE_NUMBER, STATION_TYPE_LABELS, type StationSummary } from '@/domain'
import type { WxacodeImage } from '@server/core/wechat'
import type { ChineseFont } from '@server/core/fonts'

export const UNION_NAME = '密云区总工会'
export const SCAN_LINE_URL = '微信扫一扫或用手机相机扫码：查看本站开放时间、设施，一键导航'
/** A 小程序码 only opens in WeChat. */
export const SCAN_LINE_WXACODE = '微信扫一扫：查看本站开放时间、设施，一键导航'
export const SAMPLE_MARK = '示例'
export const SAMPLE_LINE = '示例站点：名称、地址等为示例信息，请勿作为正式海报张贴'

export type PosterStation = Pick<StationSummary, 'code' | 'name' | 'type' | 'town' | 'address' | 'sample'>

export interface PosterPage {
  station: PosterStation
  /** What the URL QR code carries and what is printed under the code: `${publicUrl}/s/${code}`. */
  url: string
  /** Printed instead of the URL QR code when given. */
  wxacode?: WxacodeImage
}

export interface PosterDocumentOptions {
  font: ChineseFont
  /** The PDF's title; the document names no person (who printed it is nobody's business on the wall). */
  title: string
  now: Date
}

// A4 in PDF points (1 pt = 1/72 inch).
const PAGE_WIDTH = 595.28
const PAGE_HEIGHT = 841.89
const SIDE = 48
const CONTENT_WIDTH = PAGE_WIDTH - 2 * SIDE
/** The code itself, quiet zone not counted: 300 pt ≈ 10.6 cm, readable from a couple of metres. */
const CODE_SIDE = 300
/** A QR code needs four modules of white around it; 32 pt is more than that at any size a URL needs. */
const QUIET_ZONE = 32

const BRAND = '#C8161D'
const TEXT = '#2B2523'
const SECONDARY = '#6B6461'

/**
 * Pages drawn between two turns of the event loop. A page takes 1–3 ms and a turn costs microseconds, so after every
 * page: a worker's request then waits a page at most, or the final font embedding (doc.end(), 30–60 ms for a set).
 */
export const PAGES_PER_TURN = 1

/**
 * The PDF as a stream, sent while it is drawn: a set of 200+ posters neither sits whole in memory nor holds up
 * every other request while it is drawn (it yields to the event loop every PAGES_PER_TURN pages).
 *
 * Whatever can fail on the data is tried before the stream is handed back, so the route still answers a JSON
 * error before the first byte: the font is opened, every 小程序码 image read, and the first page drawn. A failure
 * after that (nothing known causes one) ends the stream with the error: the download breaks off rather than
 * delivering a PDF with pages missing.
 */
export function posterPdfStream(pages: PosterPage[], { font, title, now }: PosterDocumentOptions): Readable {
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    // Small margins: text past the bottom margin would make pdfkit start a new page by itself.
    margins: { top: 24, bottom: 24, left: SIDE, right: SIDE },
    info: { Title: title, Author: UNION_NAME, Subject: '服务站点海报', Creator: '密云工会', Producer: '密云工会', CreationDate: now, ModDate: now }
  })
  doc.registerFont('cjk', font.data, font.postscriptName)
  doc.font('cjk')
  const images = pages.map((page) => (page.wxacode ? openImage(doc, page.wxacode.data) : undefined))
  const draw = (index: number) => {
    doc.addPage()
    drawPage(doc, pages[index], images[index])
  }
  if (pages.length > 0) draw(0)
  void (async () => {
    for (let index = 1; index < pages.length; index++) {
      if (index % PAGES_PER_TURN === 0) await new Promise(setImmediate)
      if (doc.destroyed) return
      draw(index)
    }
    doc.end()
  })().catch((error: unknown) => doc.destroy(error instanceof Error ? error : new Error(String(error))))
  return doc
}

/** The whole PDF in memory: for tests and scripts; the routes stream it. */
export async function renderPosterPdf(pages: PosterPage[], options: PosterDocumentOptions): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of posterPdfStream(pages, options)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * pdfkit's own image reader (doc.openImage, missing from @types/pdfkit): an image it cannot read throws here, and
 * doc.image() takes what it returns as it is.
 */
function openImage(doc: PDFKit.PDFDocument, data: Buffer): PDFKit.Mixins.ImageSrc {
  return (doc as unknown as { openImage(src: Buffer): PDFKit.Mixins.ImageSrc }).openImage(data)
}

/**
 * What a poster prints of a station's text: one line each, whatever is stored. The editor refuses line breaks and
 * control characters (src/domain/station-input.ts), but a record saved before that rule would otherwise break the
 * page and push every later poster of a set one page down.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ').trim()
}

function centred(doc: PDFKit.PDFDocument, text: string, y: number, size: number, color: string): number {
  doc.font('cjk').fontSize(size).fillColor(color).text(text, SIDE, y, { width: CONTENT_WIDTH, align: 'center' })
  return doc.y
}

/** The largest size at which the name takes at most two lines. */
function nameSize(doc: PDFKit.PDFDocument, name: string): number {
  for (const size of [36, 30, 26, 22]) {
    doc.font('cjk').fontSize(size)
    if (doc.heightOfString(name, { width: CONTENT_WIDTH }) <= size * 2.6) return size
  }
  return 20
}

function drawPage(doc: PDFKit.PDFDocument, { station, url }: PosterPage, wxacode: PDFKit.Mixins.ImageSrc | undefined): void {
  let y = centred(doc, UNION_NAME, 48, 22, BRAND) + 8
  doc
    .moveTo(SIDE, y)
    .lineTo(PAGE_WIDTH - SIDE, y)
    .lineWidth(2)
    .strokeColor(BRAND)
    .stroke()
  if (station.sample) drawSampleMark(doc)

  const name = printable(station.name)
  y = centred(doc, name, y + 28, nameSize(doc, name), TEXT) + 10
  y = centred(doc, `${STATION_TYPE_LABELS[station.type]} · ${printable(station.town)}`, y, 16, SECONDARY) + 4
  y = centred(doc, `地址：${printable(station.address)}`, y, 14, SECONDARY)
  if (station.sample) y = centred(doc, SAMPLE_LINE, y + 8, 12, BRAND)

  // The code, its URL and the scan line sit in the middle of what is left above the hotline.
  const hotlineTop = PAGE_HEIGHT - 96
  const block = CODE_SIDE + QUIET_ZONE / 2 + 16 + 18 + 22
  const codeTop = Math.max(y + QUIET_ZONE, y + (hotlineTop - y - block) / 2)
  const codeLeft = (PAGE_WIDTH - CODE_SIDE) / 2
  if (wxacode) {
    doc.image(wxacode, codeLeft, codeTop, { fit: [CODE_SIDE, CODE_SIDE], align: 'center', valign: 'center' })
  } else {
    drawQrCode(doc, url, codeLeft, codeTop, CODE_SIDE)
  }

  y = centred(doc, url, codeTop + CODE_SIDE + QUIET_ZONE / 2, 12, SECONDARY)
  centred(doc, wxacode ? SCAN_LINE_WXACODE : SCAN_LINE_URL, y + 18, 16, TEXT)
  centred(doc, `服务热线 ${HOTLINE_NUMBER}`, hotlineTop, 22, BRAND)
}

/** Top right, in red, boxed: nobody should put a sample poster up as a real one without noticing. */
function drawSampleMark(doc: PDFKit.PDFDocument): void {
  const width = 76
  const height = 36
  const x = PAGE_WIDTH - SIDE - width
  const y = 36
  doc.rect(x, y, width, height).lineWidth(2).strokeColor(BRAND).stroke()
  doc
    .font('cjk')
    .fontSize(20)
    .fillColor(BRAND)
    .text(SAMPLE_MARK, x, y + 6, { width, align: 'center' })
}

/**
 * One filled path of squares, dark runs of a row merged: filled in one go, neighbouring squares show no hairline
 * seams when the page is rasterised.
 */
function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, side: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const size = modules.size
  const module = side / size
  for (let row = 0; row < size; row++) {
    let runStart = -1
    for (let column = 0; column <= size; column++) {
      const dark = column < size && modules.get(row, column)
      if (dark && runStart < 0) runStart = column
      if (!dark && runStart >= 0) {
        doc.rect(x + runStart * module, y + row * module, (column - runStart) * module, module)
        runStart = -1
      }
    }
  }
  doc.fillColor('#000000').fill()
}
