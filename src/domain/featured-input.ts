/** The 首页 featured items as staff pick them: what the editor sends and the rules over it. No Taro import. */
import { LIMITS, type Versioned } from './content'
import type { FeaturedItem } from './home'
import { isMediaPath } from './media'
import { collector, firstItems, type FieldProblem } from './validation'

export interface StaffFeatured extends Versioned {
  items: FeaturedItem[]
}
export interface FeaturedUpdate {
  items: FeaturedItem[]
  version: number
}

export function featuredProblems(items: FeaturedItem[]): FieldProblem[] {
  const { problems, check, text } = collector()
  check('items', `首页推荐最多 ${LIMITS.featured} 项`, items.length > LIMITS.featured)
  firstItems(items, LIMITS.featured).forEach((item, index) => {
    const [at, label] = [`items.${index}`, `推荐第 ${index + 1} 项`]
    text(`${at}.title`, `${label}的标题`, item.title, { required: true, max: LIMITS.title })
    if (item.subtitle !== undefined) text(`${at}.subtitle`, `${label}的副标题`, item.subtitle, { max: LIMITS.title })
    check(`${at}.image`, `${label}的图片无效，请重新上传`, item.image !== undefined && !isMediaPath(item.image))
    if (item.sampleNote !== undefined) text(`${at}.sampleNote`, `${label}的示例说明`, item.sampleNote, { max: LIMITS.sampleNote })
  })
  return problems
}
