/**
 * The app's shared components (src/components) as first screens draw them with taro-markup.ts: the same classes,
 * texts and attributes. tests/app/first-screen.test.tsx compares each first screen with the page the app draws.
 */
import { text, view, type Markup } from './taro-markup'

/** PageRoot (normal type; the first screen's script switches 长辈模式 on) around PageState's ready state. */
export const pageFrame = (rootClass: string, content: Markup): Markup =>
  view(`page-root ${rootClass}`, [view('page-state page-state--ready', [content])], { 'data-elder-mode': 'off' })

/** SampleTag. */
export const sampleTag = (note?: string): Markup => text('sample-tag', '示例', { 'aria-label': note ? `示例：${note}` : '示例数据' })

/** DetailSection. */
export const detailSection = (title: string, children: Markup[]): Markup => view('detail-section', [text('detail-section__title', title), ...children])

/** SectionHeader with its action (「更多」 unless told otherwise). */
export const sectionHeader = (title: string, actionText = '更多'): Markup =>
  view('section-header', [
    text('section-header__title', title),
    view('section-header__action', [text('section-header__action-text', actionText), text('section-header__chevron', '›')], { role: 'link' })
  ])
