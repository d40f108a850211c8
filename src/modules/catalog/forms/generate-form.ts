import type { Material, ServiceItemRecord } from '../service-item'
import type { FormDefinition, FormField, FormSection } from './form-definition'

/**
 * generateForm: the form of an item nobody has curated yet, a PURE function of the item record (so version 0 of
 * a form is reproducible from the item version a draft pinned). Three sections:
 *
 *  1. 申请人信息 (applicant): an individual's name, 身份证号, phone, email, address — all prefilled from the
 *     verified profile — or an organisation's name, 统一社会信用代码, legal representative and address
 *     (prefilled from the 法人库) plus the contact person (经办人). An item whose audience has BOTH gets a radio
 *     `applicantKind` ('individual' | 'enterprise') first and both groups with showIf on it; the applications
 *     layer sets `applicantKind` from the acting subject (personal vs acting for an enterprise) and shows it
 *     locked, so the applicant only ever sees one group.
 *  2. 申请事项 (matter): fields by the kind of item (food business, establishment registration, fire safety check
 *     of a public venue, signs and outdoor advertising), else one 申请事项说明 textarea.
 *  3. 申请材料 (materials): one `file` field per material the applicant must upload — see materialPlan.
 */

export type MaterialDisposition =
  /** the applicant uploads it: a file field `material<index>` */
  | 'upload'
  /** satisfied by shared data (`sharedDataset` set): no upload, shown as 免提交 */
  | 'shared'
  /** it IS the application form ("…申请书/申请表", "可在线填写"): filling in this form satisfies it */
  | 'form'

const ONLINE_FORM_RE = /(申请书|申请表|登记表|备案书|申办报告)$/

/** What happens to each material of the item on the online form, by index into `materials`. */
export function materialPlan(item: Pick<ServiceItemRecord, 'materials'>): { index: number; material: Material; disposition: MaterialDisposition }[] {
  return (item.materials ?? []).map((m, index) => ({
    index,
    material: m,
    disposition: m.sharedDataset ? 'shared' : ONLINE_FORM_RE.test(m.name) && /在线填/.test(m.notes ?? '') ? 'form' : 'upload',
  }))
}

const INDIVIDUAL: FormField[] = [
  { key: 'name', type: 'text', label: '姓名', labelEn: 'Full name', required: true, maxLength: 50, prefill: 'applicant.name' },
  { key: 'idNumber', type: 'idNumber', label: '身份证号', labelEn: 'Resident ID number', required: true, prefill: 'applicant.idNumber' },
  { key: 'phone', type: 'phone', label: '手机号码', labelEn: 'Mobile number', required: true, prefill: 'applicant.phone', hint: '办理进度和结果通知会发送到这个号码。', hintEn: 'Progress and result notices go to this number.' },
  { key: 'email', type: 'email', label: '电子邮箱', labelEn: 'Email', prefill: 'applicant.email' },
  { key: 'address', type: 'address', label: '联系地址', labelEn: 'Contact address', required: true, prefill: 'applicant.address' },
]
const ORGANISATION: FormField[] = [
  { key: 'entName', type: 'text', label: '单位名称', labelEn: 'Organisation name', required: true, maxLength: 100, prefill: 'enterprise.name' },
  { key: 'entUscc', type: 'uscc', label: '统一社会信用代码', labelEn: 'Unified social credit code', required: true, prefill: 'enterprise.uscc' },
  { key: 'legalRepName', type: 'text', label: '法定代表人（负责人）', labelEn: 'Legal representative', required: true, maxLength: 50, prefill: 'enterprise.legalRepName' },
  { key: 'entAddress', type: 'address', label: '住所（经营场所）', labelEn: 'Registered address', required: true, prefill: 'enterprise.address' },
  { key: 'contactName', type: 'text', label: '经办人姓名', labelEn: 'Contact person', required: true, maxLength: 50, prefill: 'applicant.name' },
  { key: 'contactPhone', type: 'phone', label: '经办人手机号码', labelEn: 'Contact mobile number', required: true, prefill: 'applicant.phone', hint: '办理进度和结果通知会发送到这个号码。', hintEn: 'Progress and result notices go to this number.' },
]
export const APPLICANT_KIND_FIELD = 'applicantKind'

function applicantSection(item: ServiceItemRecord): FormSection {
  const person = item.audience.includes('individual')
  const org = item.audience.some((a) => a !== 'individual')
  const fields: FormField[] = []
  if (person && org) {
    fields.push({
      key: APPLICANT_KIND_FIELD, type: 'radio', label: '申请人类型', labelEn: 'Applying as', required: true,
      options: [{ value: 'individual', label: '个人', labelEn: 'An individual' }, { value: 'enterprise', label: '企业或其他组织', labelEn: 'A business or organisation' }],
    })
    fields.push(...INDIVIDUAL.map((f) => ({ ...f, showIf: { field: APPLICANT_KIND_FIELD, equals: 'individual' } })))
    fields.push(...ORGANISATION.map((f) => ({ ...f, showIf: { field: APPLICANT_KIND_FIELD, equals: 'enterprise' } })))
  } else fields.push(...(org ? ORGANISATION : INDIVIDUAL))
  return { key: 'applicant', title: '申请人信息', titleEn: 'Applicant', fields }
}

const opt = (value: string, label: string, labelEn: string) => ({ value, label, labelEn })

/** Fields of the 申请事项 section by kind of item; the first matching rule wins. */
const KINDS: { test: (r: ServiceItemRecord) => boolean; fields: (r: ServiceItemRecord) => FormField[] }[] = [
  {
    test: (r) => /食品经营许可/.test(r.name),
    fields: () => [
      { key: 'premisesAddress', type: 'address', label: '经营场所地址', labelEn: 'Business premises', required: true },
      {
        key: 'businessItems', type: 'checkbox', label: '经营项目', labelEn: 'Business activities', required: true, hint: '可多选。', hintEn: 'Tick all that apply.',
        options: [
          opt('prepackaged', '预包装食品销售', 'Sale of pre-packaged food'), opt('bulk', '散装食品销售', 'Sale of bulk food'),
          opt('hotFood', '热食类食品制售', 'Hot food'), opt('coldFood', '冷食类食品制售', 'Cold food'),
          opt('pastry', '糕点类食品制售', 'Pastries'), opt('drinks', '自制饮品制售', 'Home-made drinks'),
        ],
      },
      { key: 'area', type: 'number', label: '经营面积（平方米）', labelEn: 'Floor area (m²)', required: true, min: 1, max: 100000 },
      {
        key: 'staff', type: 'rows', label: '从业人员', labelEn: 'Food handlers', required: true, min: 1, max: 50, hint: '接触直接入口食品的从业人员应持有有效健康证明。', hintEn: 'Staff handling ready-to-eat food need a valid health certificate.',
        columns: [
          { key: 'name', type: 'text', label: '姓名', labelEn: 'Name', required: true, maxLength: 50 },
          { key: 'idNumber', type: 'idNumber', label: '身份证号', labelEn: 'ID number', required: true },
          { key: 'healthCertNo', type: 'text', label: '健康证明编号', labelEn: 'Health certificate no.', required: true, maxLength: 40 },
        ],
      },
    ],
  },
  {
    test: (r) => /设立登记/.test(r.name) && /企业|个体工商户|合作社/.test(r.name),
    fields: (r) => [
      { key: 'proposedName', type: 'text', label: '拟设立名称', labelEn: 'Proposed name', required: true, maxLength: 100, hint: '与名称自主申报结果一致。', hintEn: 'As reserved in the name declaration.' },
      ...(/企业/.test(r.name)
        ? [{
            key: 'entityType', type: 'select', label: '企业类型', labelEn: 'Type of business', required: true,
            options: [opt('llc', '有限责任公司', 'Limited liability company'), opt('jsc', '股份有限公司', 'Company limited by shares'), opt('sole', '个人独资企业', 'Sole proprietorship'), opt('partnership', '合伙企业', 'Partnership')],
          } satisfies FormField, { key: 'registeredCapital', type: 'number', label: '注册资本（万元）', labelEn: 'Registered capital (10,000 yuan)', required: true, min: 0, max: 10_000_000 } satisfies FormField]
        : []),
      { key: 'businessScope', type: 'textarea', label: '经营范围', labelEn: 'Business scope', required: true, maxLength: 1000 },
      { key: 'premisesAddress', type: 'address', label: '住所（经营场所）', labelEn: 'Registered premises', required: true },
      ...(/企业/.test(r.name)
        ? [{
            key: 'investors', type: 'rows', label: '股东（出资人）', labelEn: 'Shareholders', required: true, min: 1, max: 50,
            columns: [
              { key: 'name', type: 'text', label: '姓名或名称', labelEn: 'Name', required: true, maxLength: 100 },
              { key: 'idNumber', type: 'text', label: '身份证号或统一社会信用代码', labelEn: 'ID number or USCC', required: true, maxLength: 18, pattern: '[0-9A-Za-z]{18}', patternMessage: '请填写18位身份证号或统一社会信用代码。' },
              { key: 'contribution', type: 'number', label: '认缴出资额（万元）', labelEn: 'Subscribed capital (10,000 yuan)', required: true, min: 0, max: 10_000_000 },
            ],
          } satisfies FormField]
        : []),
    ],
  },
  {
    test: (r) => /消防安全检查/.test(r.name),
    fields: () => [
      { key: 'venueName', type: 'text', label: '场所名称', labelEn: 'Venue name', required: true, maxLength: 100 },
      { key: 'venueAddress', type: 'address', label: '场所地址', labelEn: 'Venue address', required: true },
      {
        key: 'venueType', type: 'select', label: '场所类型', labelEn: 'Kind of venue', required: true,
        options: [opt('hotel', '宾馆、饭店', 'Hotel or restaurant'), opt('mall', '商场、集贸市场', 'Shopping centre or market'), opt('sports', '体育场馆、会堂', 'Sports venue or hall'), opt('theatre', '影剧院、公共娱乐场所', 'Cinema, theatre or entertainment venue'), opt('other', '其他公众聚集场所', 'Other public venue')],
      },
      { key: 'venueTypeOther', type: 'text', label: '其他场所类型说明', labelEn: 'Describe the kind of venue', required: true, maxLength: 100, showIf: { field: 'venueType', equals: 'other' } },
      { key: 'usedArea', type: 'number', label: '使用面积（平方米）', labelEn: 'Floor area used (m²)', required: true, min: 1, max: 1_000_000 },
      { key: 'openingDate', type: 'date', label: '拟投入使用（营业）日期', labelEn: 'Planned opening date', required: true, min: 0, max: 366 },
      {
        key: 'commitment', type: 'radio', label: '是否选择告知承诺方式', labelEn: 'Apply by commitment (告知承诺)?', required: true, hint: '选择告知承诺的，材料齐全并作出承诺即当场发证，发证后再核查。', hintEn: 'With a commitment the permit is issued at once and checked afterwards.',
        options: [opt('yes', '是', 'Yes'), opt('no', '否', 'No')],
      },
    ],
  },
  {
    test: (r) => /店招|招牌|户外广告/.test(r.name),
    fields: () => [
      { key: 'signAddress', type: 'address', label: '设置地点', labelEn: 'Location', required: true },
      { key: 'signType', type: 'select', label: '设施类型', labelEn: 'Kind of sign', required: true, options: [opt('shopSign', '店招标牌', 'Shop sign'), opt('billboard', '户外广告牌', 'Billboard'), opt('screen', '电子显示屏', 'Electronic screen'), opt('other', '其他', 'Other')] },
      { key: 'signText', type: 'text', label: '设置内容（文字）', labelEn: 'Text on the sign', required: true, maxLength: 100 },
      { key: 'width', type: 'number', label: '宽度（米）', labelEn: 'Width (m)', required: true, min: 0.1, max: 100 },
      { key: 'height', type: 'number', label: '高度（米）', labelEn: 'Height (m)', required: true, min: 0.1, max: 100 },
      { key: 'lit', type: 'radio', label: '是否带照明', labelEn: 'Illuminated?', required: true, options: [opt('yes', '是', 'Yes'), opt('no', '否', 'No')] },
      { key: 'lightingHours', type: 'text', label: '照明时段', labelEn: 'Lighting hours', required: true, maxLength: 50, hint: '例如 18:00—22:00。', hintEn: 'For example 18:00–22:00.', showIf: { field: 'lit', equals: 'yes' } },
    ],
  },
]

function matterSection(item: ServiceItemRecord): FormSection {
  const kind = KINDS.find((k) => k.test(item))
  const fields: FormField[] = kind
    ? kind.fields(item)
    : [{ key: 'matterDescription', type: 'textarea', label: '申请事项说明', labelEn: 'What you are applying for', required: true, maxLength: 2000, hint: '请简要说明申请的具体内容和理由。', hintEn: 'Briefly say what you apply for and why.' }]
  return { key: 'matter', title: '申请事项', titleEn: 'Application details', fields }
}

function materialsSection(item: ServiceItemRecord): FormSection | null {
  const fields: FormField[] = materialPlan(item)
    .filter((p) => p.disposition === 'upload')
    .map(({ index, material: m }) => ({
      key: `material${index}`,
      type: 'file',
      label: m.name.slice(0, 100),
      required: m.required === true,
      ...(m.notes ? { hint: m.notes.slice(0, 500) } : {}),
      materialIndex: index,
    }))
  return fields.length ? { key: 'materials', title: '申请材料', titleEn: 'Documents', fields } : null
}

export function generateForm(item: ServiceItemRecord): FormDefinition {
  const sections = [applicantSection(item), matterSection(item), materialsSection(item)].filter((s): s is FormSection => s !== null)
  return { schemaVersion: 1, sections }
}
