/**
 * The news editor's form: what the staffer is editing, how it becomes the NewsInput the API and the validators take,
 * and the Beijing-time arithmetic of a scheduled publication. No Taro import.
 */
import { beijingDate, beijingInstant } from '../../../domain/dates'
import type { Block, NewsCategory } from '../../../domain/news'
import type { NewsInput, StaffNewsArticle } from '../../../domain/news-input'

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

export function formOf(article: StaffNewsArticle): NewsForm {
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
export function formOfDraft(draft: Partial<DraftForm>): NewsForm {
  const empty = emptyForm()
  return {
    ...empty,
    ...draft,
    blocks: Array.isArray(draft.blocks) ? draft.blocks.map(keyed) : empty.blocks,
    sampleNote: typeof draft.sampleNote === 'string' ? draft.sampleNote : ''
  }
}

/** Optional texts left empty are left out rather than sent as '' (the body then has no empty caption to render). */
function cleanBlock(block: Block): Block {
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

// ——— scheduled publication, always in Beijing time whatever the phone is set to ———

export interface ScheduleChoice {
  /** YYYY-MM-DD, as the date Picker gives it */
  date: string
  /** HH:mm, as the time Picker gives it */
  time: string
}

export function todayInBeijing(now: number): string {
  return beijingDate(now)
}

/** Tomorrow 09:00: the usual time a scheduled notice goes out. */
export function defaultSchedule(now: number): ScheduleChoice {
  return { date: beijingDate(now, 1), time: '09:00' }
}

/** The instant the API takes (PublishRequest.at), with the +08:00 offset written out. */
export function scheduledInstant({ date, time }: ScheduleChoice): string {
  return beijingInstant(date, time)
}

/** 'H:m' → 'HH:mm': a picker implementation that does not pad would otherwise make an invalid instant. */
export function paddedTime(value: string): string {
  const [hours = '0', minutes = '0'] = value.split(':')
  return `${hours.padStart(2, '0')}:${minutes.padStart(2, '0')}`
}
