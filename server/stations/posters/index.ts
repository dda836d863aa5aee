/**
 * What the poster routes need from the configuration: the address URL QR codes carry, and the Chinese font. The
 * font is looked for when a poster is asked for, not at start: a server without one still serves everything else,
 * and installing the font later needs no restart. Once found it is kept (the file is read once).
 */
import type { FastifyRequest } from 'fastify'
import type { Config } from '@server/core/config'
import { HttpError } from '@server/core/errors'
import type { ChineseFont } from '@server/core/fonts'
import { POSTER_FONT_MISSING_MESSAGE, SYSTEM_FONT_PATHS, findPosterFont } from './fonts'

export interface PosterSettings {
  /** PUBLIC_URL, or else the origin the request came to (protocol and host, as TRUST_PROXY lets the proxy say). */
  publicUrl(request: FastifyRequest): string
  /** The font, or a 503 POSTER_FONT_MISSING saying what to install. */
  font(): ChineseFont
}

declare module 'fastify' {
  interface FastifyInstance {
    posters: PosterSettings
  }
}

export function createPosterSettings(config: Pick<Config, 'publicUrl' | 'posterFont'>, fontPaths: readonly string[] = SYSTEM_FONT_PATHS): PosterSettings {
  let found: ChineseFont | undefined
  return {
    publicUrl(request) {
      if (config.publicUrl) return config.publicUrl
      // The Host header is whatever the client sent: only a plain host name or address (and port) gets printed.
      if (!/^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/.test(request.host)) {
        throw new HttpError(400, 'INVALID_HOST', '无法从请求的主机名得出网站地址，请设置 PUBLIC_URL')
      }
      return `${request.protocol}://${request.host}`
    },
    font() {
      found ??= findPosterFont(config.posterFont, fontPaths)
      if (!found) throw new HttpError(503, 'POSTER_FONT_MISSING', POSTER_FONT_MISSING_MESSAGE)
      return found
    }
  }
}
