/**
 * 一件事 bundles (issue 4, Deliver 12): several service items a person needs for one life or business event,
 * applied for with ONE merged form (merge-forms.ts) and submitted as one case per item, each in its own
 * department, in parallel (submit-bundle.ts).
 *
 * Stored as CODE DATA, not a table: a bundle is a handful of curated composition rules (which items, which of
 * their fields mean the same thing) that reference item codes and form field keys. They change with the forms
 * they merge and are reviewed like code; a table would need an editor, versions and pinning of its own for no
 * gain at this size. What a submitted bundle consisted of is never lost: each application pins its item and
 * form version, and `bundle_applications.bundle_code` names the definition. The items themselves stay catalogue
 * data (their departments, clocks and steps come from the catalogue at submission).
 *
 * Merge rules (see merge-forms.ts for the full order): fields with the same prefill key, or the same key and
 * type, are asked once; `aliases` say which differently named fields mean the same (the restaurant's address is
 * the venue of the fire check and the place of the shop sign); `separate` keeps same-named fields apart when
 * their meaning differs per item (the generic 申请事项说明 is per item unless an alias joins it).
 */
export type BundleAlias = {
  /** Key of the merged field. */
  key: string
  /** Item form keys (in any of the bundle's items) that mean this field. */
  fields: string[]
  label?: string
  labelEn?: string
  hint?: string
  hintEn?: string
}
export type BundleItem = {
  /** 实施编码 of a published item. */
  code: string
  /** Why it is in the bundle (shown on the guide). */
  note?: string
  noteEn?: string
}
export type BundleDefinition = {
  /** URL slug: /bundles/<code>. */
  code: string
  name: string
  nameEn: string
  description: string
  descriptionEn: string
  audience: ('individual' | 'enterprise')[]
  items: BundleItem[]
  aliases?: BundleAlias[]
  separate?: string[]
}

/** Keys that never merge by name alone: their meaning is the item's own. */
export const DEFAULT_SEPARATE = ['matterDescription']

const ONE_DESCRIPTION: BundleAlias = {
  key: 'matterDescription', fields: ['matterDescription'], label: '申请事项说明（各部门共用）', labelEn: 'What you are applying for (shared by every department)',
  hint: '一段说明同时发送给本事的每个部门，请写清楚您要办理的事项。', hintEn: 'One text goes to every department of this bundle.',
}

export const BUNDLES: readonly BundleDefinition[] = [
  {
    code: 'restaurant-opening',
    name: '开办餐饮店“一件事”',
    nameEn: 'Opening a restaurant',
    description: '开一家餐饮店，一次申请同时办理营业执照、食品经营许可、营业前消防安全检查和店招标牌备案：共同的信息只填一次，四个事项由各部门并联审批。',
    descriptionEn: 'Open a restaurant with one application: business licence, food business permit, pre-opening fire safety check and shop sign filing — shared details once, each department works in parallel.',
    audience: ['individual'],
    items: [
      { code: '11320500MB193972693010023600100', note: '领取营业执照', noteEn: 'Business licence' },
      { code: '11320500MB193972693010027000100', note: '餐饮服务须取得食品经营许可', noteEn: 'Needed to serve food' },
      { code: '11320500MB1956103M3010052500000', note: '餐饮场所属于公众聚集场所，营业前须通过消防安全检查', noteEn: 'Restaurants are public venues: fire check before opening' },
      { code: '11320500MB1938170J3200061600100', note: '门头店招标牌备案', noteEn: 'Shop sign above the door' },
    ],
    aliases: [
      {
        key: 'premisesAddress', fields: ['premisesAddress', 'venueAddress', 'signAddress'], label: '经营场所地址', labelEn: 'Business premises',
        hint: '营业执照住所、食品经营场所、消防检查场所和店招设置地点均为此地址。', hintEn: 'Used as the registered premises, food premises, fire check venue and sign location.',
      },
      { key: 'area', fields: ['area', 'usedArea'], label: '经营（使用）面积（平方米）', labelEn: 'Floor area (m²)' },
    ],
  },
  {
    code: 'newborn',
    name: '新生儿出生“一件事”',
    nameEn: 'A baby is born',
    description: '孩子出生后，一次申请办理出生医学证明、出生登记（落户）、医保参保登记和社会保障卡申领，父母信息只填一次，四个部门同时办理。',
    descriptionEn: 'After a birth, one application for the birth certificate, household registration, medical insurance and social security card — parents’ details once, four departments at the same time.',
    audience: ['individual'],
    items: [
      { code: '11320500014160222H3200049700100', note: '出生医学证明', noteEn: 'Medical birth certificate' },
      { code: '11320500014160118D3070014000100', note: '为新生儿登记户口', noteEn: 'Household registration of the baby' },
      { code: '11320500MB194922023200032700100', note: '新生儿参加居民医保', noteEn: 'Medical insurance for the baby' },
      { code: '1132050001416029783200024200100', note: '新生儿社会保障卡', noteEn: 'Social security card for the baby' },
    ],
    aliases: [ONE_DESCRIPTION],
  },
  {
    code: 'retirement',
    name: '退休“一件事”',
    nameEn: 'Retiring',
    description: '到达退休年龄时，一次申请办理企业职工退休（养老金核定）和住房公积金退休提取，个人信息只填一次。',
    descriptionEn: 'At retirement age, one application for retirement (pension) and the housing fund withdrawal — your details once.',
    audience: ['individual'],
    items: [
      { code: '1132050001416029783050015500100', note: '退休审批和基本养老金核定', noteEn: 'Retirement and pension' },
      { code: '1232050046629152613200039500300', note: '退休后提取住房公积金', noteEn: 'Withdraw the housing fund on retirement' },
    ],
    aliases: [ONE_DESCRIPTION],
  },
  {
    code: 'home-purchase',
    name: '二手房买卖“一件事”',
    nameEn: 'Buying a second-hand home',
    description: '购买二手房，一次申请办理不动产转移登记和住房公积金提取（购买自住住房），买方信息只填一次。',
    descriptionEn: 'Buying a second-hand home: one application for the property transfer registration and the housing fund withdrawal.',
    audience: ['individual'],
    items: [
      { code: '11320500MB1938389T3070027600100', note: '过户登记', noteEn: 'Transfer of title' },
      { code: '1232050046629152613200039500100', note: '用住房公积金支付房款', noteEn: 'Pay with your housing fund' },
    ],
    aliases: [ONE_DESCRIPTION],
  },
]

export function getBundleDefinition(code: string): BundleDefinition | undefined {
  return BUNDLES.find((b) => b.code === code)
}
