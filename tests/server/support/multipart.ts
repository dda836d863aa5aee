/**
 * A multipart/form-data body built by hand, as a browser or wx.uploadFile sends it, for app.inject.
 */
import { randomBytes } from 'node:crypto'

export interface FilePart {
  /** Form field name; the upload route reads `file`. */
  field?: string
  filename: string
  /** What the client claims; the server must not believe it. */
  contentType: string
  data: Buffer
}

export function multipartBody(parts: FilePart[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----miyun-test-${randomBytes(8).toString('hex')}`
  const chunks: Buffer[] = []
  for (const part of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\n` +
          `Content-Disposition: form-data; name="${part.field ?? 'file'}"; filename="${part.filename}"\r\n` +
          `Content-Type: ${part.contentType}\r\n\r\n`
      ),
      part.data,
      Buffer.from('\r\n')
    )
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  const payload = Buffer.concat(chunks)
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(payload.length) } }
}
