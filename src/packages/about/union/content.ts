/**
 * 关于 page text, quoted from the source article (docs/source/miyun-union-article.txt) word for word,
 * so nothing here says more than the article does.
 */
export const ARTICLE_TITLE = '凝心铸魂践初心 赋能奋进启新程——记密云区总工会“十四五”工作成就与“十五五”发展蓝图'
export const ARTICLE_BYLINE = '本报记者 王路曼 文/摄'

/** The article's closing sentence is cut off after this point in the source, so it ends here, unpunctuated. */
export const ROLE = '密云区总工会将以“十四五”成就为基石，以“十五五”规划为蓝图，持续当好职工群众的“娘家”、产业发展的“助推器”'

export const RECORD =
  '“十四五”收官之际，密云区总工会交出了一份沉甸甸的成绩单：开展技能竞赛30场、覆盖20万余人次，建成210余个工会服务阵地，为职工挽回经济损失近3500万元……5年来，密云区总工会聚焦主责主业，主动担当作为，在职工思想引领、技能人才培养、维权服务保障、组织建设提质等方面多点突破，用实干与创新书写了新时代工会工作的精彩篇章。'

/** The article's five parts: what the union does. */
export const AREAS: Array<{ name: string; title: string; text: string }> = [
  {
    name: '凝心铸魂',
    title: '思想引领筑牢职工信仰之基',
    text: '密云区总工会将职工思想政治引领作为首要任务，构建“线上+线下”立体宣传矩阵，以理论武装、阵地建设、典型引领、文化浸润为抓手，团结引领广大职工听党话、跟党走。'
  },
  {
    name: '赋能成长',
    title: '“产改”赋能激活产业发展动能',
    text: '围绕深化产业工人队伍建设改革主线，密云区总工会搭建成长平台，创新培训模式，强化人才培养，推动产业工人向知识型、技能型、创新型劳动者转型，为区域高质量发展注入强劲动力。'
  },
  {
    name: '关爱暖心',
    title: '精准服务架起党群连心桥梁',
    text: '密云区总工会以职工需求为导向，不断强化维权服务职能，构建和谐劳动关系，做实普惠服务项目，持续提升职工群众的获得感、幸福感、安全感。'
  },
  {
    name: '强基固本',
    title: '组织建设夯实发展保障根基',
    text: '“十四五”期间，密云区总工会坚持全面从严治党，强化基层组织建设，优化经费保障，提升干部素质，为工会工作高质量发展提供坚实支撑。'
  },
  {
    name: '谋篇布局',
    title: '擘画“十五五”期间发展新蓝图',
    text: '站在新的历史起点，密云区总工会锚定“十五五”期间发展目标，明确主要任务，为区域工会事业高质量发展擘画清晰蓝图。'
  }
]

/** The five 第一 of the union's leadership statement, as quoted in the article. */
export const FIRSTS: Array<{ first: string; text: string }> = [
  { first: '第一责任', text: '将政治建设作为第一责任，以理论、文化、榜样引领凝聚职工力量' },
  { first: '第一要务', text: '将助推发展作为第一要务，推动产业工人队伍建设改革落地见效' },
  { first: '第一目标', text: '将维护权益作为第一目标，助力优化营商环境' },
  { first: '第一宗旨', text: '将改善民生作为第一宗旨，迭代升级普惠服务' },
  { first: '第一动力', text: '将自身建设作为第一动力，夯实作风和组织基础' }
]

export const FIRSTS_LEAD = '围绕全区发展大局，我们提出将以改革创新为根本动力，以满足职工美好生活需要为根本目的，融入新发展格局。'
export const FIRSTS_CLOSE = '为打造新时代首都生态文明建设名片贡献工会力量。'
export const FIRSTS_CITE = '密云区总工会相关负责人'
