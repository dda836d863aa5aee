/**
 * Reads the QR code in each PNG named on the command line and prints, as JSON, one entry per file: the text and the
 * code's width in pixels, or null. Run as a plain Node process by qr-reading.ts: jsQR and pngjs run several times
 * slower inside jest's module sandbox, and a poster set has a page per station.
 */
const fs = require('node:fs')
const jsQR = require('jsqr')
const { PNG } = require('pngjs')

const results = process.argv.slice(2).map((file) => {
  const image = PNG.sync.read(fs.readFileSync(file))
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length)
  // Posters are dark on light: trying the inverted image too would double the time for nothing.
  const found = jsQR(pixels, image.width, image.height, { inversionAttempts: 'dontInvert' })
  if (!found) return null
  const { topLeftCorner: left, topRightCorner: right } = found.location
  return { text: found.data, width: Math.hypot(right.x - left.x, right.y - left.y) }
})
process.stdout.write(JSON.stringify(results))
