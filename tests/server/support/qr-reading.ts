/**
 * Reading QR codes back the way a phone would: from pixels. PDF pages are rendered with poppler's pdftoppm (as a
 * printer would rasterise them) and decoded with jsQR; the words on a page come from pdftotext.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

export function decodeQrPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png)
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length)
  // Codes here are dark on light: trying the inverted image too would double the time for nothing.
  return jsQR(pixels, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data
}

export interface PageQrCode {
  text: string
  /** Side of the code in pixels at 100 dpi (so 354 px is 9 cm). */
  width: number
}

/** Each page of the PDF rendered at 100 dpi (pdftoppm -r 100 -png), and the QR code read from it (null: none). */
export function readPdfQrCodes(pdf: Buffer): (PageQrCode | null)[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'miyun-poster-'))
  try {
    fs.writeFileSync(path.join(dir, 'poster.pdf'), pdf)
    execFileSync('pdftoppm', ['-r', '100', '-png', path.join(dir, 'poster.pdf'), path.join(dir, 'page')])
    const pages = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.png'))
      .sort((a, b) => Number(/(\d+)\.png$/.exec(a)![1]) - Number(/(\d+)\.png$/.exec(b)![1]))
      .map((name) => path.join(dir, name))
    const output = execFileSync(process.execPath, [path.join(__dirname, 'decode-qr.js'), ...pages], { encoding: 'utf8' })
    return JSON.parse(output) as (PageQrCode | null)[]
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The text of each page's QR code. */
export function pdfQrTexts(pdf: Buffer): (string | undefined)[] {
  return readPdfQrCodes(pdf).map((code) => code?.text)
}

/** pdftotext's reading of each page (pages are separated by form feeds). */
export function pdfPageTexts(pdf: Buffer): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8')
  return text.split('\f').slice(0, -1)
}

/** pdfinfo's fields, e.g. Pages, Title, Author, Page size. */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const text = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8')
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()])
  )
}
