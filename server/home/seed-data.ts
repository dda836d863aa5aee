import type { FeaturedItem, Hotline } from '@/domain'

/** Home swiper: each item points at a real seed record. */
export const seedFeatured: FeaturedItem[] = [
  {
    id: 'featured-plan',
    title: '“十四五”成绩单 · “十五五”蓝图',
    subtitle: '开展技能竞赛30场、覆盖20万余人次',
    image: '/media/chart.svg',
    target: { page: 'plan' },
    sample: false
  },
  {
    id: 'featured-blueprint',
    title: '擘画“十五五”期间发展新蓝图',
    subtitle: '锚定发展目标，明确主要任务',
    image: '/media/blueprint.svg',
    target: { page: 'newsDetail', id: 'blueprint-15th' },
    sample: false
  },
  {
    id: 'featured-housekeeping-contest',
    title: '2026年密云区家政服务技能竞赛',
    subtitle: '面向家政服务行业职工',
    image: '/media/trophy.svg',
    target: { page: 'competitionDetail', id: 'housekeeping-2026' },
    sample: true,
    sampleNote: '示例赛事：名称、日期与场地均为示例'
  },
  {
    id: 'featured-legal-aid',
    title: '法律援助',
    subtitle: '五年为职工挽回经济损失近3500万元',
    image: '/media/legal.svg',
    target: { page: 'serviceDetail', slug: 'legal-aid' },
    sample: false
  }
]

export const seedHotline: Hotline = {
  number: '12351',
  name: '职工服务热线',
  description: '遇到劳动争议、薪资争议、拖欠工资等问题，可拨打12351职工服务热线咨询求助，也可联系所在单位工会。'
}
