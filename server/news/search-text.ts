/**
 * Keyword search that works for Chinese: a plain substring match (LIKE '%词%') over one normalised text column.
 * Chinese has no spaces between words, so word-based full-text indexes miss most queries; the news table is small
 * (hundreds to a few thousand articles), so a scan is fast.
 *
 * Both the stored text and the query go through normaliseForSearch, so full-width and half-width forms match
 * (１２３５１ = 12351) and Latin letters match in any case on SQLite and PostgreSQL alike (their LIKE differs on case).
 */
import type { NewsArticle } from '@/domain'

export const LIKE_ESCAPE = '!'

export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

export function newsSearchText(article: Pick<NewsArticle, 'title' | 'summary' | 'blocks'>): string {
  const body = article.blocks.map((block) => {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        return block.text
      case 'quote':
        return [block.text, block.cite].filter(Boolean).join(' ')
      case 'image':
        return block.caption ?? ''
    }
  })
  // A newline between the parts so a keyword never matches across the end of one part and the start of the next.
  return normaliseForSearch([article.title, article.summary, ...body].join('\n'))
}

/** `%keyword%` with LIKE's wildcards in the keyword taken literally (use with ESCAPE LIKE_ESCAPE). */
export function containsPattern(keyword: string): string {
  const escaped = normaliseForSearch(keyword).replace(/[!%_]/g, (char) => LIKE_ESCAPE + char)
  return `%${escaped}%`
}
