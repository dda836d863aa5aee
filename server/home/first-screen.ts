/**
 * 首页's first screen (server/core/http/first-screen.ts): what the top of src/pages/home/index.tsx draws — the featured
 * cards, the quick services and the latest news — from the same /api/home answer, with the tab bar under it. What
 * follows (competitions, figures, the hotline) is below the first screen and comes with the app.
 * tests/app/first-screen.test.tsx holds the markup to the page's.
 */
import type { FastifyInstance } from 'fastify'
import { APP_TAB_BAR, QUICK_SERVICES, formatDate, mediaPath, type FeaturedItem, type HomeData, type NewsSummary } from '@/domain'
import { apiAnswer } from '../core/http/api-answer'
import { pageFrame, sampleTag, sectionHeader } from '../core/http/app-markup'
import type { FirstScreen } from '../core/http/first-screen'
import { image, scrollX, text, view, type Markup } from '../core/http/taro-markup'

/** FeaturedCarousel, showing its first card. */
function featured(items: FeaturedItem[]): Markup {
  return view('featured', [
    scrollX('featured__track', [
      view(
        'featured__row',
        items.map((item) =>
          view(
            'featured__item',
            [
              item.image ? image('featured__image', mediaPath(item.image, 375)) : undefined,
              view('featured__text', [
                text('featured__title', item.title),
                item.subtitle ? text('featured__subtitle', item.subtitle) : undefined,
                item.sample && sampleTag(item.sampleNote)
              ])
            ],
            { role: 'link' }
          )
        )
      )
    ]),
    items.length > 1 &&
      view(
        'featured__dots',
        items.map((_, index) => view(`featured__dot${index === 0 ? ' featured__dot--active' : ''}`, [])),
        { 'aria-label': `第 1 项，共 ${items.length} 项，左右滑动查看` }
      )
  ])
}

/** NewsCard. */
export function newsCard(item: NewsSummary): Markup {
  return view(
    'news-card',
    [
      view('news-card__body', [
        view('news-card__title-row', [item.pinned && text('news-card__pinned', '置顶'), text('news-card__title', item.title)]),
        text('news-card__summary', item.summary),
        view('news-card__meta', [
          text('news-card__category', item.category),
          text('news-card__date', formatDate(item.publishedAt)),
          item.sample && sampleTag(item.sampleNote)
        ])
      ]),
      item.cover ? image('news-card__cover', mediaPath(item.cover, 100)) : undefined
    ],
    { role: 'link', 'data-news-id': item.id }
  )
}

export function homeMarkup(data: HomeData): Markup {
  return pageFrame(
    'home',
    view('home__content', [
      data.featured.length > 0 && featured(data.featured),
      view(
        'quick-services',
        QUICK_SERVICES.map((service) =>
          view(
            'quick-services__item',
            [
              text('service-badge', service.badge.character, { 'aria-hidden': 'true', style: `background-color: ${service.badge.color};` }),
              text('quick-services__name', service.name)
            ],
            { role: 'link' }
          )
        ),
        { 'aria-label': '便民服务' }
      ),
      sectionHeader('最新动态'),
      ...(data.news.length > 0 ? data.news.map(newsCard) : [text('home__empty', '暂无动态')])
    ])
  )
}

/** 首页's page, the first of the tab bar. */
const HOME_PAGE = APP_TAB_BAR.list[0].pagePath

export async function homeFirstScreen(app: FastifyInstance): Promise<FirstScreen | undefined> {
  const answer = await apiAnswer(app, '/api/home')
  if (!answer) return undefined
  return { page: HOME_PAGE, title: '密云工会', markup: homeMarkup(JSON.parse(answer.body) as HomeData), answers: [answer], tab: HOME_PAGE }
}
