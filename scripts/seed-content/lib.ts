/**
 * Helpers for writing the demo seed catalogue (苏州市) by hand.
 * Area files call `item()`; build.ts turns the specs into items/*.jsonl.
 */

export type ItemType =
  | 'administrative_license' | 'administrative_penalty' | 'administrative_enforcement' | 'administrative_collection'
  | 'administrative_payment' | 'administrative_inspection' | 'administrative_confirmation' | 'administrative_reward'
  | 'administrative_adjudication' | 'other_administrative_power' | 'public_service'

export interface Material {
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
}

export interface Step { name: string; department?: string; days?: number; after?: string[] }

export interface Spec {
  dept: string
  name: string
  type: ItemType
  /** items sharing a group share the 5-digit main code and get consecutive sub-item codes */
  group?: string
  aud: ('individual' | 'enterprise' | 'public_institution' | 'social_organization' | 'other_organization')[]
  themes: string[]
  desc: string
  basis: string[]
  cond: string
  mats: Material[]
  steps: Step[]
  kind: 'instant' | 'promised'
  sd: number
  pd: number
  fee?: { charged: boolean; standard?: string; basis?: string; amountYuan?: number }
  ch: ('window' | 'web' | 'mobile' | 'mail' | 'other')[]
  ol: 1 | 2 | 3 | 4
  visits: number
  cross?: 'national' | 'cross_province' | 'cross_city' | 'cross_county' | 'none'
  appt?: boolean
  pay?: boolean
  deliv?: boolean
  result: { name: string; kind: 'license' | 'approval_document' | 'other'; licenseType?: string; validityYears?: number }
  sp?: string[]
  inter?: string[]
  loc?: string
  hours?: string
  phone?: string
  faqs?: [string, string][]
  status?: 'published' | 'suspended' | 'draft'
  /** override for a county-level item of a municipal department */
  region?: { code: string; name: string }
  co?: string[]
}

export const items: { area: string; spec: Spec }[] = []
let currentArea = 'misc'
export function area(name: string): void { currentArea = name }
export function item(spec: Spec): void { items.push({ area: currentArea, spec }) }

// ---- steps ----
/** A serial chain: each step runs after the previous one. Entry: [name, days, department?] */
export function seq(...list: [string, number, string?][]): Step[] {
  const out: Step[] = []
  let prev: string | undefined
  for (const [name, days, department] of list) {
    const s: Step = { name }
    if (department) s.department = department
    s.days = days
    if (prev) s.after = [prev]
    out.push(s)
    prev = name
  }
  return out
}
export function st(name: string, days: number, after: string[], department?: string): Step {
  const s: Step = { name }
  if (department) s.department = department
  s.days = days
  if (after.length) s.after = after
  return s
}
export const instantSteps = (): Step[] => seq(['申请', 0], ['受理', 0], ['审核', 0], ['办结', 0])

// ---- common hours ----
export const HOURS = '周一至周五 上午9:00—12:00，下午13:30—17:00（法定节假日除外）'
export const HOURS_SAT = '周一至周五 上午9:00—12:00，下午13:30—17:00；周六上午9:00—12:00（法定节假日除外）'

// ---- materials ----
const m = (name: string, o: Partial<Material> = {}): Material => ({ name, required: true, form: 'both', originals: 1, copies: 0, source: 'applicant', ...o })
export const M = {
  own: (name: string, notes: string, o: Partial<Material> = {}): Material => m(name, notes ? { notes, ...o } : o),
  opt: (name: string, notes: string, o: Partial<Material> = {}): Material => m(name, { required: false, notes, ...o }),
  table: (name: string, notes = '可在线填写，窗口办理的现场填写并签字确认。'): Material => m(name, { notes }),
  gov: (name: string, issuer: string, notes: string, o: Partial<Material> = {}): Material => m(name, { source: 'government', issuer, notes, ...o }),
  id: (notes = '核验本人居民身份证原件；已在“苏周到”领取电子身份证的，可出示电子证照免交实体证件。'): Material =>
    m('居民身份证', { source: 'government', issuer: '公安机关', licenseType: '居民身份证', sharedDataset: '人口基础信息', notes }),
  hukou: (notes = '户口簿首页及本人页；本市户籍的可通过人口基础信息共享核验。'): Material =>
    m('居民户口簿', { source: 'government', issuer: '公安机关', licenseType: '居民户口簿', sharedDataset: '人口基础信息', notes }),
  photo: (notes = '近6个月内正面免冠彩色证件照片，白色背景；也可在窗口现场采集数码相片。'): Material =>
    m('近期免冠证件照片', { originals: 2, form: 'paper', notes }),
  bl: (notes = '通过法人基础信息共享核验，无需提交纸质营业执照。'): Material =>
    m('营业执照', { source: 'government', issuer: '市场监督管理部门', licenseType: '营业执照', sharedDataset: '法人基础信息', notes }),
  agent: (): Material =>
    m('授权委托书及受托人居民身份证', { required: false, notes: '委托他人代为办理的提供；委托书应载明委托事项、权限和期限。' }),
  legalRep: (): Material =>
    m('法定代表人（负责人）身份证明', { source: 'government', issuer: '公安机关', licenseType: '居民身份证', sharedDataset: '人口基础信息', notes: '经办人非法定代表人的，另附授权委托书。' }),
  marriage: (notes = '结婚证，本省登记的可通过婚姻登记信息共享核验。'): Material =>
    m('结婚证', { source: 'government', issuer: '婚姻登记机关', licenseType: '结婚证', sharedDataset: '婚姻登记信息', notes }),
  property: (notes = '不动产权证书或房屋所有权证；已登记的可通过不动产登记信息共享核验。'): Material =>
    m('不动产权证书', { source: 'government', issuer: '不动产登记机构', licenseType: '不动产权证书', sharedDataset: '不动产登记信息', notes }),
  birth: (notes = '本市医疗机构签发的可通过出生医学证明信息共享核验。'): Material =>
    m('出生医学证明', { source: 'government', issuer: '助产医疗机构', licenseType: '出生医学证明', sharedDataset: '出生医学证明信息', notes }),
  ssc: (notes = '本人社会保障卡或电子社保卡。'): Material =>
    m('社会保障卡', { source: 'government', issuer: '人力资源和社会保障部门', licenseType: '社会保障卡', sharedDataset: '社保参保信息', notes }),
  dl: (notes = '机动车驾驶证原件，或在“交管12123”领取的电子驾驶证。'): Material =>
    m('机动车驾驶证', { source: 'government', issuer: '公安机关交通管理部门', licenseType: '机动车驾驶证', notes }),
  lease: (notes = '房屋租赁合同；已办理租赁登记备案的可通过住房租赁备案信息核验。'): Material =>
    m('房屋租赁合同', { sharedDataset: '住房租赁备案信息', notes }),
  bank: (notes = '本人名下银行借记卡或社会保障卡金融账户，用于待遇发放。'): Material =>
    m('本人银行账户信息', { form: 'electronic', originals: 0, notes }),
  site: (notes = '经营场所的不动产权证书或租赁合同；自有房产可通过不动产登记信息共享核验。'): Material =>
    m('经营场所使用证明', { copies: 1, sharedDataset: '不动产登记信息', notes }),
}

// ---- legal basis shorthands ----
export const L = {
  lic42: '《中华人民共和国行政许可法》第四十二条',
  lic29: '《中华人民共和国行政许可法》第二十九条',
}
