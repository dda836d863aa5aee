import type { ContactPoint, Service } from '@/domain'

/**
 * Services in SERVICE_SLUGS order. Facts and figures come from the source article; where the article only names a
 * project (医疗互助, 夏送清凉, 困难帮扶, 女职工流动课堂, 单身联谊), the how-to is generic guidance marked 「示例说明」
 * and the record is sample.
 */

const HOTLINE: ContactPoint = { name: '职工服务热线', phone: '12351' }
/** The union of the worker's own employer; the number differs per unit, so none is given. */
const OWN_UNION: ContactPoint = { name: '所在单位工会' }
const CONTACTS: ContactPoint[] = [HOTLINE, OWN_UNION]

const STEPS_NOTE = '适用对象与办理步骤为示例指引，具体以区总工会公布的办法为准'
const SCHEME_NOTE = '项目说明与办理流程为示例，具体以区总工会公布的办法为准'
const PLAN_MENTION = '（见密云区总工会“十五五”规划：持续推进医疗互助、困难职工帮扶、单身职工联谊、女职工流动课堂等项目）'

export const seedServices: Service[] = [
  {
    slug: 'legal-aid',
    name: '法律援助',
    tagline: '劳动争议调解与法律援助',
    icon: 'legal',
    sample: true,
    sampleNote: STEPS_NOTE,
    what: [
      '密云区总工会深化法律援助服务，为职工提供法律宣传和咨询服务，受理劳动争议和法律援助案件，切实维护职工合法权益。',
      '创新建立“七方联动”劳动争议调解机制，整合多方资源，形成调解合力，有效提升劳动争议化解效率。',
      '落实工会劳动法律监督“一函两书”制度，建立130家基层工会劳动法律监督组织，推动百余名监督员通过专业培训持证上岗。',
      '“检察+工会”：与区检察院深度合作，签署《落实推进运用“一函两书”制度维护劳动者合法权益保障实施意见》，实现信息共享、资源互通。',
      '针对快递员工伤风险高等问题，联合相关单位召开推进会，成功为101名快递员办理工伤保险。'
    ],
    who: ['在密云区工作、遇到薪资争议、拖欠工资等劳动争议的职工', '需要法律宣传和咨询服务的职工', '快递员等新就业形态劳动者'],
    how: [
      '拨打12351职工服务热线，说明遇到的问题，按指引获得咨询或转介（示例说明）。',
      '也可向所在单位工会反映，由工会协助了解情况、开展调解（示例说明）。',
      '申请法律援助时，准备劳动合同、工资发放记录等相关材料（示例说明）。',
      '具体受理条件和流程以密云区总工会公布的办法为准。'
    ],
    contacts: CONTACTS,
    figures: [
      { value: '超5000', unit: '人次', label: '法律宣传和咨询服务' },
      { value: '近万', unit: '件', label: '受理劳动争议和法律援助案件' },
      { value: '近3500', unit: '万元', label: '为职工挽回经济损失' },
      { value: '130', unit: '家', label: '基层工会劳动法律监督组织' },
      { value: '百余', unit: '名', label: '持证上岗的劳动法律监督员' },
      { value: '101', unit: '名', label: '快递员办理工伤保险' }
    ]
  },
  {
    slug: 'medical-mutual-aid',
    name: '医疗互助',
    tagline: '医保之外再添一份保障',
    icon: 'medical',
    sample: true,
    sampleNote: SCHEME_NOTE,
    what: [
      `医疗互助是密云区总工会持续推进的服务项目${PLAN_MENTION}。`,
      '示例说明：职工以工会会员身份参加互助，患病就医在基本医疗保险报销后，可按规定申请互助金，减轻个人医疗费用负担。'
    ],
    who: ['工会会员（具体参加条件以区总工会公布的办法为准）', '一线职工和新就业形态劳动者可向所在单位工会了解参加方式'],
    how: [
      '向所在单位工会了解参加办法（示例说明）。',
      '一般由单位工会统一办理参加手续（示例说明）。',
      '就医结算后，整理医疗费用票据和医保结算单，交所在单位工会申请互助金（示例说明）。',
      '具体标准和流程以密云区总工会公布的办法为准。'
    ],
    contacts: CONTACTS,
    figures: []
  },
  {
    slug: 'summer-cooling',
    name: '夏送清凉',
    tagline: '高温时节送清凉',
    icon: 'cooling',
    sample: true,
    sampleNote: SCHEME_NOTE,
    what: [
      '“夏送清凉”是密云区总工会开展的关爱职工活动（报道配图：开展“夏送清凉”活动）。',
      '示例说明：高温季节，工会走进一线岗位，为坚守岗位的职工送去防暑降温物品和慰问。'
    ],
    who: ['高温天气坚守岗位的一线职工（示例说明）', '快递员等新就业形态劳动者（示例说明）'],
    how: [
      '活动由区总工会和基层工会组织开展，一般无需职工个人申请（示例说明）。',
      '活动安排请关注“密云工会”微信公众号和本程序的新闻通知。',
      '单位工会可向区总工会了解活动安排（示例说明）。'
    ],
    contacts: CONTACTS,
    figures: []
  },
  {
    slug: 'hardship-help',
    name: '困难职工帮扶',
    tagline: '困难时刻，工会帮一把',
    icon: 'hardship',
    sample: true,
    sampleNote: SCHEME_NOTE,
    what: [
      `困难职工帮扶是密云区总工会持续推进的服务项目${PLAN_MENTION}。`,
      '示例说明：对因病、因灾等原因生活困难的职工，工会按规定给予帮扶慰问，帮助渡过难关。'
    ],
    who: ['生活遇到困难的工会会员职工及其家庭（具体认定条件以区总工会公布的办法为准）'],
    how: [
      '向所在单位工会提出申请，说明家庭困难情况（示例说明）。',
      '按要求提供家庭收入、医疗费用等证明材料（示例说明）。',
      '经审核后按规定给予帮扶（示例说明）。',
      '也可拨打12351职工服务热线咨询。'
    ],
    contacts: CONTACTS,
    figures: []
  },
  {
    slug: 'women-classroom',
    name: '女职工流动课堂',
    tagline: '送到身边的女职工课堂',
    icon: 'women',
    sample: true,
    sampleNote: SCHEME_NOTE,
    what: [
      `女职工流动课堂是密云区总工会持续推进的服务项目${PLAN_MENTION}。`,
      '“十四五”期间，密云区总工会针对青年技术工人、女职工等不同群体特点，开展个性化培训活动。',
      '示例说明：课堂走进企业、社区，围绕女职工关心的健康、权益、技能等主题开展讲座和交流。'
    ],
    who: ['密云区各单位女职工'],
    how: ['单位工会可向区总工会预约课堂进单位（示例说明）。', '课程安排请关注“密云工会”微信公众号和本程序的新闻通知。', '具体安排以区总工会发布为准。'],
    contacts: CONTACTS,
    figures: []
  },
  {
    slug: 'singles-events',
    name: '单身职工联谊',
    tagline: '工会搭桥，结识朋友',
    icon: 'singles',
    sample: true,
    sampleNote: SCHEME_NOTE,
    what: [`单身职工联谊是密云区总工会持续推进的服务项目${PLAN_MENTION}。`, '示例说明：工会组织单身职工参加文体、户外等联谊活动，帮助青年职工拓展交友圈。'],
    who: ['在密云区工作的单身职工（具体报名条件以活动通知为准）'],
    how: ['关注“密云工会”微信公众号和本程序的活动通知。', '按通知要求报名，一般经所在单位工会确认（示例说明）。', '活动安排以区总工会发布为准。'],
    contacts: CONTACTS,
    figures: []
  },
  {
    slug: 'health-classes',
    name: '职工健康讲堂',
    tagline: '养生功法与健康讲座',
    icon: 'health',
    sample: true,
    sampleNote: STEPS_NOTE,
    what: [
      '多维讲堂构建职工健康工作体系。密云区总工会深入企事业单位调研职工需求，开设八段锦、太极拳等中医养生功法培训，邀请知名中医专家授课，讲解常见疾病预防、养生保健方法。',
      '课程涵盖科学素养知识、职场减压技巧、羽毛球基本功等，从身心健康到职业能力，全方位提升职工综合素养。',
      '依托基层工会职工之家的健身设施，开设瑜伽、太极拳等有氧运动课程及健身大讲堂，由专业教练现场指导运动技巧。'
    ],
    who: ['企事业单位职工', '希望学会自我保健、缓解工作压力的职工'],
    how: ['课程通知请关注“密云工会”微信公众号和本程序的新闻通知（示例说明）。', '通过所在单位工会报名参加（示例说明）。', '课程通过讲座、互动交流等形式开展。'],
    contacts: CONTACTS,
    figures: []
  }
]
