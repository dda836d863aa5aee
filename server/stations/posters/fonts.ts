/**
 * The Chinese font posters are set in. pdfkit's built-in fonts have no Chinese glyphs, so the server needs a TTF, OTF
 * or TTC from the system (fonts-wqy-microhei on Debian) or POSTER_FONT. A missing font is not a reason to refuse to
 * start: only the poster routes need it, and they say what to install (POSTER_FONT_MISSING).
 *
 * A font file is not enough: a Latin-only font (DejaVu, Liberation) would print every Chinese character as an empty
 * box. A font is taken only when it has the Chinese a poster prints (server/core/fonts.ts); POSTER_FONT is checked the
 * same way at start (server/core/config.ts), so a wrong one stops the server with its name in the error.
 */
import { checkChineseFont, type ChineseFont } from '@server/core/fonts'

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

/**
 * The POSTER_FONT file, or the first system font that exists and has Chinese glyphs; undefined when there is none.
 */
export function findPosterFont(configured: string | undefined, searchPaths: readonly string[] = SYSTEM_FONT_PATHS): ChineseFont | undefined {
  const candidates = configured ? [configured] : searchPaths
  for (const file of candidates) {
    const checked = checkChineseFont(file)
    if ('font' in checked) return checked.font
  }
  return undefined
}
