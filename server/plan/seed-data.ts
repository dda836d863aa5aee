import type { Plan, PlanFigure } from '@/domain'
import { ARTICLE_SOURCE } from '../news/seed-data'

/**
 * The 十四五 record and 十五五 plan, all from the source article. `display` is the article's own wording, character
 * for character; `amount` is the same number expressed in `unit`, for drawing bars.
 */

const figures: PlanFigure[] = [
  // 技能竞赛
  { key: 'skill-contests', label: '开展技能竞赛', amount: 30, unit: '场', display: '30场', icon: 'trophy', group: '技能竞赛' },
  { key: 'contest-participants', label: '吸引职工参赛', amount: 200000, suffix: '余', unit: '人次', display: '20万余人次', icon: 'people', group: '技能竞赛' },
  { key: 'miyun-craftsmen', label: '评选出密云工匠', amount: 20, unit: '名', display: '20名', icon: 'medal', group: '技能竞赛' },
  { key: 'miyun-experts', label: '评选出密云能手', amount: 40, unit: '名', display: '40名', icon: 'medal', group: '技能竞赛' },
  { key: 'innovation-studios', label: '市、区级创新工作室', amount: 48, unit: '个', display: '48个', icon: 'innovation', group: '技能竞赛' },
  { key: 'craftsman-college-courses', label: '工匠学院特色课程', amount: 10, unit: '场', display: '10场', icon: 'book', group: '技能竞赛' },

  // 维权服务
  { key: 'losses-recovered', label: '为职工挽回经济损失', amount: 3500, prefix: '近', unit: '万元', display: '近3500万元', icon: 'shield', group: '维权服务' },
  { key: 'legal-cases', label: '受理劳动争议和法律援助案件', amount: 10000, prefix: '近', unit: '件', display: '近万件', icon: 'legal', group: '维权服务' },
  {
    key: 'legal-consultations',
    label: '法律宣传和咨询服务',
    amount: 5000,
    prefix: '超',
    unit: '人次',
    display: '超5000人次',
    icon: 'consult',
    group: '维权服务'
  },
  { key: 'labour-law-supervision', label: '基层工会劳动法律监督组织', amount: 130, unit: '家', display: '130家', icon: 'building', group: '维权服务' },
  { key: 'courier-injury-insurance', label: '快递员办理工伤保险', amount: 101, unit: '名', display: '101名', icon: 'shield', group: '维权服务' },

  // 阵地与组织
  { key: 'service-stations', label: '建成工会服务阵地', amount: 210, suffix: '余', unit: '个', display: '210余个', icon: 'building', group: '阵地与组织' },
  { key: 'new-members', label: '新发展工会会员', amount: 10000, prefix: '近', unit: '人', display: '近万人', icon: 'people', group: '阵地与组织' },
  { key: 'new-employment-members', label: '其中新就业形态劳动者', amount: 1470, unit: '人', display: '1470人', icon: 'people', group: '阵地与组织' },
  { key: 'new-union-organizations', label: '新增工会组织', amount: 99, unit: '家', display: '99家', icon: 'building', group: '阵地与组织' },
  { key: 'petitions-handled', label: '接诉即办接派单', amount: 335, unit: '件', display: '335件', icon: 'check', group: '阵地与组织' },
  { key: 'cadre-training-classes', label: '举办各类培训班', amount: 30, unit: '期', display: '30期', icon: 'book', group: '阵地与组织' },
  { key: 'cadre-trainees', label: '培训工会干部', amount: 5000, suffix: '余', unit: '人次', display: '5000余人次', icon: 'people', group: '阵地与组织' },

  // 思想引领
  { key: 'advanced-collectives', label: '劳模工匠宣讲团先进集体', amount: 56, unit: '个', display: '56个', icon: 'flag', group: '思想引领' },
  { key: 'advanced-individuals', label: '劳模工匠宣讲团先进个人', amount: 160, unit: '名', display: '160名', icon: 'medal', group: '思想引领' },

  // 协作与振兴
  { key: 'chaoyang-visitors', label: '朝阳等区职工走进密云', amount: 400000, unit: '人次', display: '40万人次', icon: 'travel', group: '协作与振兴' },
  {
    key: 'village-tourism-income',
    label: '为古北口、金叵罗等村创造旅游综合收入',
    amount: 880,
    prefix: '近',
    unit: '万元',
    display: '近880万元',
    icon: 'countryside',
    group: '协作与振兴'
  },
  {
    key: 'farm-produce-sales',
    label: '帮助农户销售农副产品',
    amount: 6300,
    suffix: '余',
    unit: '万元',
    display: '6300余万元',
    icon: 'basket',
    group: '协作与振兴'
  },
  { key: 'rural-tour-routes', label: '特色农文旅融合线路', amount: 4, unit: '条', display: '4条', icon: 'route', group: '协作与振兴' },
  { key: 'outdoor-venues', label: '免费党建、团建户外场地', amount: 7, unit: '家', display: '7家', icon: 'countryside', group: '协作与振兴' }
]

export const seedPlan: Plan = {
  title: '“十四五”成绩单 · “十五五”蓝图',
  subtitle: '凝心铸魂践初心 赋能奋进启新程',
  summary:
    '“十四五”收官之际，密云区总工会交出了一份沉甸甸的成绩单：开展技能竞赛30场、覆盖20万余人次，建成210余个工会服务阵地，为职工挽回经济损失近3500万元……5年来，密云区总工会聚焦主责主业，主动担当作为，在职工思想引领、技能人才培养、维权服务保障、组织建设提质等方面多点突破，用实干与创新书写了新时代工会工作的精彩篇章。',
  figures,
  achievements: [
    {
      title: '凝心铸魂 · 思想引领筑牢职工信仰之基',
      lead: '“十四五”期间，密云区总工会将职工思想政治引领作为首要任务，构建“线上+线下”立体宣传矩阵，以理论武装、阵地建设、典型引领、文化浸润为抓手，团结引领广大职工听党话、跟党走。',
      points: [
        '五年来，累计开展各类学习宣讲活动百余场，覆盖职工数万人次。',
        '“密云工会”微信公众号与各媒体平台深度联动，形成全方位宣传矩阵。',
        '“中国梦·劳动美”系列宣传教育活动持续开展五年，近百场宣讲报告会走进企业车间、社区广场、校园课堂。',
        '精心遴选56个先进集体、160名先进个人组成劳模工匠宣讲团，深入基层开展技能帮扶与事迹分享活动。',
        '与相关单位联合举办乒乓球赛、户外达人四项赛、篮球赛等百余场文体活动，吸引近万名职工踊跃参与。'
      ]
    },
    {
      title: '赋能成长 · “产改”赋能激活产业发展动能',
      lead: '围绕深化产业工人队伍建设改革主线，密云区总工会搭建成长平台，创新培训模式，强化人才培养，推动产业工人向知识型、技能型、创新型劳动者转型，为区域高质量发展注入强劲动力。',
      points: [
        '在养蜂、家政、电工、叉车等重点行业领域开展技能竞赛30场，吸引20万余人次职工参赛。',
        '评选出密云工匠20名、密云能手40名。',
        '两家密云区工匠学院已开设全媒体运营师、民宿管理等10场贴合产业需求的特色课程。',
        '累计建成市、区级创新工作室48个。',
        '形成“培训强技能、竞赛促提升、创新助发展”的良性循环。'
      ]
    },
    {
      title: '关爱暖心 · 精准服务架起党群连心桥梁',
      lead: '密云区总工会以职工需求为导向，不断强化维权服务职能，构建和谐劳动关系，做实普惠服务项目，持续提升职工群众的获得感、幸福感、安全感。',
      points: [
        '推动职代会和厂务公开制度实现全覆盖，创新建立“七方联动”劳动争议调解机制。',
        '开展法律宣传和咨询服务超5000人次，受理劳动争议和法律援助案件近万件，成功为职工挽回经济损失近3500万元。',
        '建成210余个工会服务阵地。',
        '建立130家基层工会劳动法律监督组织，成功为101名快递员办理工伤保险。',
        '“朝阳职工游密云”五年吸引朝阳等区职工40万人次走进密云，为古北口、金叵罗等村创造旅游综合收入近880万元，帮助农户销售农副产品6300余万元。',
        '开设八段锦、太极拳等中医养生功法培训，多维讲堂构建职工健康工作体系。'
      ]
    },
    {
      title: '强基固本 · 组织建设夯实发展保障根基',
      lead: '“十四五”期间，密云区总工会坚持全面从严治党，强化基层组织建设，优化经费保障，提升干部素质，为工会工作高质量发展提供坚实支撑。',
      points: [
        '完善接诉即办机制，五年来，接派单335件，办结率和满意率均达100%。',
        '新发展工会会员近万人，其中新就业形态劳动者1470人。',
        '新增工会组织99家，包括9家百人以上企业。',
        '举办各类培训班30期，培训5000余人次。'
      ]
    }
  ],
  tasks: [
    {
      title: '强化思想引领，凝聚奋进力量',
      lead: '密云区总工会将依托职工书屋、暖心驿站、新媒体平台等阵地，大力弘扬劳模精神、劳动精神、工匠精神。',
      points: ['通过宣传宣讲、主题活动等形式，讲好劳模故事、工匠故事。', '增强思想政治工作的吸引力和感染力。', '引导广大职工听党话、跟党走。']
    },
    {
      title: '服务发展大局，彰显工会组织作为',
      lead: '密云区总工会将继续把工会工作融入全区中心工作，带领职工在保水、保生态、保高质量发展、保安全、保民生等方面主动作为。',
      points: [
        '持续推进产业工人队伍建设改革，结合生命健康等特色产业，开展密云区“工匠杯”系列技能大赛和多层次技能培训。',
        '强化密云工匠学院，完善产业工人职业发展通道。',
        '深化朝密结对协作，持续开展朝阳职工游密云活动，助力乡村振兴和文旅产业发展。'
      ]
    },
    {
      title: '深化维权服务，提升职工幸福指数',
      lead: '密云区总工会将继续健全集体协商、民主管理、法律监督工作机制，充分发挥“七方联动”劳动争议调解机制作用，重点解决薪资争议、拖欠工资等职工急难愁盼问题。',
      points: [
        '推进工会工作与互联网技术深度融合，打造特色服务品牌。',
        '持续推进医疗互助、困难职工帮扶、单身职工联谊、女职工流动课堂等项目。',
        '聚焦一线职工和新就业形态劳动者，做实普惠服务。'
      ]
    },
    {
      title: '深化改革创新，夯实发展根基',
      lead: '密云区总工会将持续强化党建工作，落实党风廉政建设“两个责任”，加强廉政教育和监督服务，持续深化“密云工友”党建品牌建设。',
      points: [
        '加强工会干部、社会工作者、集体协商指导员等队伍建设，健全培训机制，提升履职能力。',
        '深层夯实作风基础和组织基础，推动工会党建与服务职工深度融合。',
        '以改革创新精神破解工作难题，提升工会工作科学化水平。'
      ]
    }
  ],
  quote: {
    text: '围绕全区发展大局，我们提出将以改革创新为根本动力，以满足职工美好生活需要为根本目的，融入新发展格局。将政治建设作为第一责任，以理论、文化、榜样引领凝聚职工力量；将助推发展作为第一要务，推动产业工人队伍建设改革落地见效；将维护权益作为第一目标，助力优化营商环境；将改善民生作为第一宗旨，迭代升级普惠服务；将自身建设作为第一动力，夯实作风和组织基础，为打造新时代首都生态文明建设名片贡献工会力量。',
    cite: '密云区总工会相关负责人'
  },
  source: ARTICLE_SOURCE
}
