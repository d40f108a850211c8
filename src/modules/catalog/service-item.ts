import { createHash } from 'node:crypto'
import { canonicalJson } from '../../platform/canonical-json'
import schema from './service-item.schema.json' with { type: 'json' }

/**
 * A service item (政务服务事项) in the exchange format of ../shared/formats/service-item.schema.json
 * (GB/T 39046-2020 表4). This is the shape stored as each version's `data`, imported and exported.
 */
export type ItemType =
  | 'administrative_license' | 'administrative_penalty' | 'administrative_enforcement' | 'administrative_collection'
  | 'administrative_payment' | 'administrative_inspection' | 'administrative_confirmation' | 'administrative_reward'
  | 'administrative_adjudication' | 'other_administrative_power' | 'public_service'
export type Audience = 'individual' | 'enterprise' | 'public_institution' | 'social_organization' | 'government' | 'other_organization'
export type ItemStatus = 'draft' | 'published' | 'suspended' | 'cancelled'
export type Channel = 'window' | 'web' | 'mobile' | 'mail' | 'other'

export type Material = {
  name: string
  required?: boolean
  form?: 'paper' | 'electronic' | 'both'
  originals?: number
  copies?: number
  source?: 'applicant' | 'government' | 'intermediary' | 'other'
  issuer?: string
  licenseType?: string
  sharedDataset?: string
  notes?: string
  templateUrl?: string
}
export type Step = { name: string; department?: string; days?: number; after?: string[] }

export type ServiceItemRecord = {
  code: string
  baseCode?: string
  name: string
  type: ItemType
  department: { name: string; code?: string }
  coDepartments?: { name: string; code?: string }[]
  region?: { code: string; name?: string }
  level?: 'national' | 'provincial' | 'municipal' | 'county' | 'township' | 'village'
  audience: Audience[]
  themes?: string[]
  description?: string
  legalBasis?: string[]
  conditions?: string
  materials?: Material[]
  steps?: Step[]
  caseKind?: 'instant' | 'promised' | 'other'
  statutoryDays?: number
  promisedDays?: number
  fee?: { charged?: boolean; standard?: string; basis?: string; amountYuan?: number }
  channels?: Channel[]
  onlineLevel?: number
  visitsRequired?: number
  crossRegionScope?: 'national' | 'cross_province' | 'cross_city' | 'cross_county' | 'none'
  supportsAppointment?: boolean
  supportsOnlinePayment?: boolean
  supportsDelivery?: boolean
  result?: { name?: string; kind?: 'license' | 'approval_document' | 'other'; licenseType?: string; validityYears?: number }
  specialProcedures?: string[]
  intermediaryServices?: string[]
  location?: string
  hours?: string
  consultPhone?: string
  complaintPhone?: string
  faqs?: { q: string; a: string }[]
  keywords?: string[]
  status?: ItemStatus
}

export const serviceItemSchema = schema
/** Property order of the exchange format, used when writing lines so exports read like the schema. */
export const FIELD_ORDER = Object.keys(schema.properties) as (keyof ServiceItemRecord)[]

export function effectiveStatus(r: ServiceItemRecord): ItemStatus {
  return r.status ?? 'published'
}

/** Re-orders keys into schema order (nested objects keep their own order) — JSONB does not keep key order. */
export function orderRecord(r: ServiceItemRecord): ServiceItemRecord {
  const out: Record<string, unknown> = {}
  for (const k of FIELD_ORDER) if (r[k] !== undefined) out[k] = r[k]
  return out as ServiceItemRecord
}

/** Content hash of a record: equal hashes mean "unchanged" for import upserts. */
export function contentHash(r: ServiceItemRecord): string {
  return createHash('sha256').update(canonicalJson(r)).digest('hex')
}

export const ITEM_TYPE_LABELS: Record<ItemType, { zh: string; en: string; code: string }> = {
  administrative_license: { zh: '行政许可', en: 'Administrative licence', code: '01' },
  administrative_penalty: { zh: '行政处罚', en: 'Administrative penalty', code: '02' },
  administrative_enforcement: { zh: '行政强制', en: 'Administrative enforcement', code: '03' },
  administrative_collection: { zh: '行政征收', en: 'Administrative levy', code: '04' },
  administrative_payment: { zh: '行政给付', en: 'Administrative benefit', code: '05' },
  administrative_inspection: { zh: '行政检查', en: 'Administrative inspection', code: '06' },
  administrative_confirmation: { zh: '行政确认', en: 'Administrative confirmation', code: '07' },
  administrative_reward: { zh: '行政奖励', en: 'Administrative reward', code: '08' },
  administrative_adjudication: { zh: '行政裁决', en: 'Administrative adjudication', code: '09' },
  other_administrative_power: { zh: '其他行政权力', en: 'Other administrative power', code: '10' },
  public_service: { zh: '公共服务', en: 'Public service', code: '20' },
}
export const AUDIENCE_LABELS: Record<Audience, { zh: string; en: string }> = {
  individual: { zh: '自然人', en: 'Individuals' },
  enterprise: { zh: '企业法人', en: 'Enterprises' },
  public_institution: { zh: '事业法人', en: 'Public institutions' },
  social_organization: { zh: '社会组织法人', en: 'Social organisations' },
  government: { zh: '行政机关', en: 'Government bodies' },
  other_organization: { zh: '其他组织', en: 'Other organisations' },
}
export const ONLINE_LEVEL_LABELS: Record<number, { zh: string; en: string }> = {
  1: { zh: 'Ⅰ级：网上咨询，现场办理', en: 'Level I: information online, apply in person' },
  2: { zh: 'Ⅱ级：网上预审', en: 'Level II: online pre-review' },
  3: { zh: 'Ⅲ级：网上受理，最多跑一次', en: 'Level III: online acceptance, at most one visit' },
  4: { zh: 'Ⅳ级：全程网办', en: 'Level IV: fully online' },
}
