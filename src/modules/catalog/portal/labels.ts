import type { Lang } from '../../../platform/web/i18n'
import { AUDIENCE_LABELS, ITEM_TYPE_LABELS, ONLINE_LEVEL_LABELS, type Audience, type Channel, type ItemType, type Material, type ServiceItemRecord } from '../service-item'

/** Display labels for the coded guide elements (GB/T 39046 appendix A), Chinese and English. */
type L = { zh: string; en: string }
const pick = (lang: Lang, l: L | undefined, fallback = ''): string => (l ? l[lang] : fallback)

const LEVEL: Record<NonNullable<ServiceItemRecord['level']>, L> = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  municipal: { zh: '市级', en: 'Municipal' },
  county: { zh: '县级', en: 'County' },
  township: { zh: '镇（乡、街道）级', en: 'Township' },
  village: { zh: '村（社区）级', en: 'Village / community' },
}
const CASE_KIND: Record<NonNullable<ServiceItemRecord['caseKind']>, L> = {
  instant: { zh: '即办件', en: 'Decided on the spot' },
  promised: { zh: '承诺件', en: 'Decided within the promised time' },
  other: { zh: '其他', en: 'Other' },
}
const CHANNEL: Record<Channel, L> = {
  window: { zh: '窗口办理', en: 'At a service window' },
  web: { zh: '网上办理', en: 'Online (computer)' },
  mobile: { zh: '移动端办理', en: 'Mobile app' },
  mail: { zh: '快递申请', en: 'By post' },
  other: { zh: '其他', en: 'Other' },
}
const CROSS: Record<NonNullable<ServiceItemRecord['crossRegionScope']>, L> = {
  national: { zh: '全国通办', en: 'Anywhere in China' },
  cross_province: { zh: '跨省通办', en: 'Across provinces' },
  cross_city: { zh: '跨市通办', en: 'Across cities' },
  cross_county: { zh: '跨县通办', en: 'Across counties' },
  none: { zh: '不通办', en: 'Only where registered' },
}
const SOURCE: Record<NonNullable<Material['source']>, L> = {
  applicant: { zh: '申请人自备', en: 'From the applicant' },
  government: { zh: '政府部门核发', en: 'Issued by a government body' },
  intermediary: { zh: '中介机构出具', en: 'From an intermediary' },
  other: { zh: '其他', en: 'Other' },
}
const FORM: Record<NonNullable<Material['form']>, L> = {
  paper: { zh: '纸质', en: 'Paper' },
  electronic: { zh: '电子', en: 'Electronic' },
  both: { zh: '纸质、电子', en: 'Paper or electronic' },
}
const RESULT_KIND: Record<NonNullable<NonNullable<ServiceItemRecord['result']>['kind']>, L> = {
  license: { zh: '证照', en: 'Licence / certificate' },
  approval_document: { zh: '批文', en: 'Approval document' },
  other: { zh: '其他', en: 'Other' },
}

export const levelLabel = (lang: Lang, v: ServiceItemRecord['level']) => (v ? pick(lang, LEVEL[v]) : undefined)
export const caseKindLabel = (lang: Lang, v: ServiceItemRecord['caseKind']) => (v ? pick(lang, CASE_KIND[v]) : undefined)
export const channelLabel = (lang: Lang, v: Channel) => pick(lang, CHANNEL[v], v)
export const crossLabel = (lang: Lang, v: ServiceItemRecord['crossRegionScope']) => (v ? pick(lang, CROSS[v]) : undefined)
export const sourceLabel = (lang: Lang, v: Material['source']) => (v ? pick(lang, SOURCE[v]) : undefined)
export const formLabel = (lang: Lang, v: Material['form']) => (v ? pick(lang, FORM[v]) : undefined)
export const resultKindLabel = (lang: Lang, v: NonNullable<ServiceItemRecord['result']>['kind']) => (v ? pick(lang, RESULT_KIND[v]) : undefined)
export const typeLabel = (lang: Lang, v: ItemType) => pick(lang, ITEM_TYPE_LABELS[v], v)
export const audienceLabel = (lang: Lang, v: Audience) => pick(lang, AUDIENCE_LABELS[v], v)
export const onlineLabel = (lang: Lang, v: number | null | undefined) => (v ? pick(lang, ONLINE_LEVEL_LABELS[v]) : undefined)
/** Short badge text for online depth: 全程网办 / 最多跑一次 / 网上预审 / 网上咨询. */
export function onlineBadge(lang: Lang, v: number | null | undefined): string | undefined {
  const short: Record<number, L> = {
    4: { zh: '全程网办', en: 'Fully online' },
    3: { zh: '最多跑一次', en: 'At most one visit' },
    2: { zh: '网上预审', en: 'Online pre-review' },
    1: { zh: '现场办理', en: 'In person' },
  }
  return v ? pick(lang, short[v]) : undefined
}
export const ONLINE_LEVELS = [4, 3, 2, 1]
export const PORTAL_AUDIENCES: Audience[] = ['individual', 'enterprise', 'public_institution', 'social_organization', 'other_organization']

/** "3 个工作日" / "3 working days"; 0 → 即时办结. */
export function days(lang: Lang, n: number | undefined): string | undefined {
  if (n === undefined) return undefined
  if (n === 0) return lang === 'en' ? 'Same day' : '即时办结'
  return lang === 'en' ? `${n} working day${n === 1 ? '' : 's'}` : `${n} 个工作日`
}
export const yesNo = (lang: Lang, v: boolean | undefined) => (v === undefined ? undefined : v ? (lang === 'en' ? 'Yes' : '是') : lang === 'en' ? 'No' : '否')
