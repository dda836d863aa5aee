/**
 * The news editor's form: what the staffer is editing, and how it becomes the NewsInput the API and the validators
 * take. No Taro import.
 */
import type { Block, NewsCategory } from '@/domain/news'
import type { NewsInput, StaffNewsArticle } from '@/domain/news-input'

/** A body block with a key that follows it when it moves, so each block's inputs move with their text. */
export interface KeyedBlock {
  key: string
  block: Block
}

export interface NewsForm {
  title: string
  /** '' until the staffer picks one: no category is chosen for them. */
  category: NewsCategory | ''
  summary: string
  cover: string | null
  pinned: boolean
  blocks: KeyedBlock[]
  sample: boolean
  sampleNote: string
}

/** What is kept on the device: the form without the keys (they only live as long as the page). */
export type DraftForm = Omit<NewsForm, 'blocks'> & { blocks: Block[] }

let nextKey = 0
export function keyed(block: Block): KeyedBlock {
  nextKey += 1
  return { key: `block-${nextKey}`, block }
}

export function emptyBlock(type: Block['type']): Block {
  switch (type) {
    case 'image':
      return { type, src: '', caption: '' }
    case 'quote':
      return { type, text: '', cite: '' }
    default:
      return { type, text: '' }
  }
}

/** A new article starts with one empty paragraph: the staffer can start typing the body at once. */
export function emptyForm(): NewsForm {
  return {
    title: '',
    category: '',
    summary: '',
    cover: null,
    pinned: false,
    blocks: [keyed(emptyBlock('paragraph'))],
    sample: false,
    sampleNote: ''
  }
}

/** The form for an article, or the empty form of a new one. */
export function formOf(article: StaffNewsArticle | undefined): NewsForm {
  if (!article) return emptyForm()
  return {
    title: article.title,
    category: article.category,
    summary: article.summary,
    cover: article.cover ?? null,
    pinned: article.pinned,
    blocks: article.blocks.map(keyed),
    sample: article.sample,
    sampleNote: article.sampleNote ?? ''
  }
}

export function draftOf(form: NewsForm): DraftForm {
  return { ...form, blocks: form.blocks.map((item) => item.block) }
}

/** A kept draft back into a form; tolerant of a draft written by an older version of the app. */
export function formOfDraft(kept: unknown): NewsForm {
  const draft = (kept && typeof kept === 'object' ? kept : {}) as Partial<DraftForm>
  const empty = emptyForm()
  return {
    ...empty,
    ...draft,
    blocks: Array.isArray(draft.blocks) ? draft.blocks.map(keyed) : empty.blocks,
    sampleNote: typeof draft.sampleNote === 'string' ? draft.sampleNote : ''
  }
}

/** Optional texts left empty are left out rather than sent as '' (the body then has no empty caption to render). */
export function cleanBlock(block: Block): Block {
  switch (block.type) {
    case 'image':
      return {
        type: 'image',
        src: block.src,
        ...(block.caption ? { caption: block.caption } : {}),
        ...(block.alt ? { alt: block.alt } : {})
      }
    case 'quote':
      return { type: 'quote', text: block.text, ...(block.cite ? { cite: block.cite } : {}) }
    default:
      return block
  }
}

export function inputOf(form: NewsForm): NewsInput {
  return {
    title: form.title,
    // '' (nothing picked yet) is passed on as it is: newsInputProblems refuses anything outside NEWS_CATEGORIES
    // with 「请选择栏目」, before anything is sent.
    category: form.category as NewsCategory,
    summary: form.summary,
    cover: form.cover,
    pinned: form.pinned,
    blocks: form.blocks.map((item) => cleanBlock(item.block)),
    sample: form.sample,
    sampleNote: form.sample && form.sampleNote.trim() ? form.sampleNote : null
  }
}
