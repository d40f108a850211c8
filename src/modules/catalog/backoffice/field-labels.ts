import type { Lang } from '../../../platform/web/i18n'
import type { Option } from '../../../platform/web/form-components'
import { AUDIENCE_LABELS, ITEM_TYPE_LABELS, ONLINE_LEVEL_LABELS, type Audience, type ItemType } from '../service-item'
import { caseKindLabel, channelLabel, crossLabel, formLabel, levelLabel, resultKindLabel, sourceLabel } from '../portal/labels'

/** Editor and diff labels for every field of the exchange format (GB/T 39046 表4 element names). */
type L = [zh: string, en: string]
export const FIELD_LABELS: Record<string, L> = {
  code: ['实施编码', 'Implementation code'],
  baseCode: ['基本编码', 'Basic catalogue code'],
  name: ['事项名称', 'Name'],
  type: ['事项类型', 'Type'],
  department: ['实施主体', 'Implementing department'],
  coDepartments: ['共同实施部门', 'Co-implementing departments'],
  region: ['行政区划', 'Region'],
  'region.code': ['行政区划代码', 'Region code'],
  'region.name': ['行政区划名称', 'Region name'],
  level: ['行使层级', 'Level'],
  audience: ['服务对象', 'Audience'],
  themes: ['服务主题', 'Themes'],
  description: ['事项概述', 'Description'],
  legalBasis: ['设定依据', 'Legal basis'],
  conditions: ['受理条件', 'Conditions'],
  materials: ['申请材料', 'Materials'],
  'materials.name': ['材料名称', 'Material name'],
  'materials.required': ['是否必备', 'Required'],
  'materials.form': ['材料形式', 'Form'],
  'materials.originals': ['原件份数', 'Originals'],
  'materials.copies': ['复印件份数', 'Copies'],
  'materials.source': ['来源渠道', 'Source'],
  'materials.issuer': ['出具机构', 'Issuer'],
  'materials.licenseType': ['可用电子证照类型', 'E-licence type'],
  'materials.sharedDataset': ['可共享获取的数据集', 'Shared dataset'],
  'materials.notes': ['填报须知', 'Notes'],
  'materials.templateUrl': ['空白表格/样表地址', 'Template URL'],
  steps: ['办理流程', 'Steps'],
  'steps.name': ['环节名称', 'Step name'],
  'steps.department': ['办理部门', 'Department'],
  'steps.days': ['环节时限（工作日）', 'Working days'],
  'steps.after': ['前置环节', 'After steps'],
  caseKind: ['办件类型', 'Case kind'],
  statutoryDays: ['法定办结时限（工作日）', 'Statutory limit (working days)'],
  promisedDays: ['承诺办结时限（工作日）', 'Promised limit (working days)'],
  fee: ['收费', 'Fee'],
  'fee.charged': ['是否收费', 'Charged'],
  'fee.standard': ['收费标准', 'Fee standard'],
  'fee.basis': ['收费依据', 'Fee basis'],
  'fee.amountYuan': ['收费金额（元）', 'Amount (yuan)'],
  channels: ['办理形式', 'Channels'],
  onlineLevel: ['网上办理深度', 'Online depth'],
  visitsRequired: ['到办事现场次数', 'Visits required'],
  crossRegionScope: ['通办范围', 'Cross-region scope'],
  supportsAppointment: ['支持预约办理', 'Appointments'],
  supportsOnlinePayment: ['支持网上支付', 'Online payment'],
  supportsDelivery: ['支持物流快递', 'Delivery by courier'],
  result: ['办理结果', 'Result'],
  'result.name': ['结果名称', 'Result name'],
  'result.kind': ['结果类型', 'Result kind'],
  'result.licenseType': ['证照类型', 'Licence type'],
  'result.validityYears': ['有效期（年）', 'Validity (years)'],
  specialProcedures: ['特别程序', 'Special procedures'],
  intermediaryServices: ['中介服务', 'Intermediary services'],
  location: ['办理地点', 'Location'],
  hours: ['办理时间', 'Opening hours'],
  consultPhone: ['咨询电话', 'Enquiries phone'],
  complaintPhone: ['监督投诉电话', 'Complaints phone'],
  faqs: ['常见问题', 'FAQs'],
  'faqs.q': ['问题', 'Question'],
  'faqs.a': ['解答', 'Answer'],
  keywords: ['搜索关键词', 'Search keywords'],
  status: ['事项状态', 'Status'],
}

export function fieldLabel(lang: Lang, key: string): string {
  const l = FIELD_LABELS[key]
  return l ? (lang === 'en' ? l[1] : l[0]) : key
}

export const STATUS_LABELS: Record<string, L> = {
  draft: ['草稿', 'Draft'],
  published: ['已发布', 'Published'],
  suspended: ['已暂停', 'Suspended'],
  cancelled: ['已取消', 'Cancelled'],
}
export function statusLabel(lang: Lang, s: string): string {
  const l = STATUS_LABELS[s]
  return l ? (lang === 'en' ? l[1] : l[0]) : s
}

const pickLabel = (lang: Lang, l: { zh: string; en: string }) => (lang === 'en' ? l.en : l.zh)

/** Option lists for the editor's selects and checkbox groups. */
export const options = {
  type: (lang: Lang): Option[] => (Object.keys(ITEM_TYPE_LABELS) as ItemType[]).map((v) => ({ value: v, label: `${ITEM_TYPE_LABELS[v].code} ${pickLabel(lang, ITEM_TYPE_LABELS[v])}` })),
  audience: (lang: Lang): Option[] => (Object.keys(AUDIENCE_LABELS) as Audience[]).map((v) => ({ value: v, label: pickLabel(lang, AUDIENCE_LABELS[v]) })),
  level: (lang: Lang): Option[] => (['national', 'provincial', 'municipal', 'county', 'township', 'village'] as const).map((v) => ({ value: v, label: levelLabel(lang, v) ?? v })),
  caseKind: (lang: Lang): Option[] => (['instant', 'promised', 'other'] as const).map((v) => ({ value: v, label: caseKindLabel(lang, v) ?? v })),
  channels: (lang: Lang): Option[] => (['window', 'web', 'mobile', 'mail', 'other'] as const).map((v) => ({ value: v, label: channelLabel(lang, v) })),
  onlineLevel: (lang: Lang): Option[] => [1, 2, 3, 4].map((v) => ({ value: String(v), label: pickLabel(lang, ONLINE_LEVEL_LABELS[v]!) })),
  crossRegionScope: (lang: Lang): Option[] => (['national', 'cross_province', 'cross_city', 'cross_county', 'none'] as const).map((v) => ({ value: v, label: crossLabel(lang, v) ?? v })),
  materialForm: (lang: Lang): Option[] => (['paper', 'electronic', 'both'] as const).map((v) => ({ value: v, label: formLabel(lang, v) ?? v })),
  materialSource: (lang: Lang): Option[] => (['applicant', 'government', 'intermediary', 'other'] as const).map((v) => ({ value: v, label: sourceLabel(lang, v) ?? v })),
  resultKind: (lang: Lang): Option[] => (['license', 'approval_document', 'other'] as const).map((v) => ({ value: v, label: resultKindLabel(lang, v) ?? v })),
  yesNo: (lang: Lang): Option[] => [
    { value: 'true', label: lang === 'en' ? 'Yes' : '是' },
    { value: 'false', label: lang === 'en' ? 'No' : '否' },
  ],
}

/** Messages from validation are "中文。 English."; show the half that matches the page language. */
export function inLang(lang: Lang, message: string): string {
  const m = /^(.*[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef”）])\s+([A-Za-z(][^\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*)$/s.exec(message)
  if (!m) return message
  return lang === 'en' ? m[2]! : m[1]!
}
