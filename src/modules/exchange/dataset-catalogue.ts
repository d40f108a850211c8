import type { DatasetField, SharedDatasetsTable } from '../../platform/schema'

/**
 * The demo 数据共享目录 (shared-data catalogue), in GB/T 39046 表16 terms: 数据提供方 (provider department,
 * by 统一社会信用代码 from catalog/seed/departments.json), 数据摘要 (summary), 更新周期 (update cycle), plus the
 * share type of the national data-sharing rules (无条件共享 / 有条件共享 / 不予共享, 国办电政函〔2019〕235号)
 * and the fields with a `personal` flag (个人信息, 个人信息保护法 Art. 4).
 *
 * Field keys of record datasets are the property names of the registry records (registry-source.ts), so the
 * read path projects them without per-dataset code; verification datasets (核验) compute their fields from a
 * caller's claim instead (dataset-verifiers.ts).
 */
export type DatasetSource = 'population' | 'entities' | 'addresses' | 'licences'
export type DatasetDefinition = {
  code: string
  name: string
  nameEn: string
  providerCode: string
  subjectType: 'person' | 'entity' | 'address' | 'licence'
  source: DatasetSource
  shareType: SharedDatasetsTable['share_type']
  updateCycle: SharedDatasetsTable['update_cycle']
  summary: string
  fields: DatasetField[]
}

const PSB = '11320500014160118D' // 苏州市公安局 — 人口库 (户籍管理)
const AMR = '11320500MB19397269' // 苏州市市场监督管理局 — 法人库 (市场主体登记)
const NRP = '11320500MB1938389T' // 苏州市自然资源和规划局 — 标准地址 (不动产与地名地址)
const CIVIL = '11320500014160206U' // 苏州市民政局 — 行政区划与地名
const GSO = '11320500MB1970580F' // 苏州市政务服务管理办公室 — 电子证照库 (licences module, recordDataUse)

const f = (key: string, label: string, labelEn: string, personal = true): DatasetField => ({ key, label, labelEn, personal })

export const DATASET_CATALOGUE: DatasetDefinition[] = [
  {
    code: 'population.identity-check', name: '居民身份核验', nameEn: 'Resident identity check', providerCode: PSB, subjectType: 'person', source: 'population',
    shareType: 'unconditional', updateCycle: 'realtime',
    summary: '比对姓名、公民身份号码和证件有效期是否与人口库一致，只回答“一致/不一致”，不返回人口库中的其他信息。Compares name, ID number and card validity with the population registry; answers match or no match only.',
    fields: [
      f('match', '核验结果（一致/不一致）', 'Result (match / no match)'),
      f('nameMatch', '姓名是否一致', 'Name matches'),
      f('validUntilMatch', '证件有效期是否一致', 'Card validity matches'),
      f('active', '户籍状态是否正常', 'Record active (not deceased or cancelled)'),
      f('genderCode', '性别代码（GB/T 2261.1）', 'Gender code'),
      f('birthDate', '出生日期', 'Date of birth'),
    ],
  },
  {
    code: 'population.basic', name: '人口基本信息', nameEn: 'Population basic information', providerCode: PSB, subjectType: 'person', source: 'population',
    shareType: 'conditional', updateCycle: 'daily',
    summary: '人口库中的姓名、性别、出生日期、民族、户籍所在区划和户籍状态。需经公安机关批准的共享授权。Name, gender, birth date, ethnicity, household region and status; needs an approved grant.',
    fields: [
      f('name', '姓名', 'Name'), f('genderCode', '性别代码', 'Gender code'), f('birthDate', '出生日期', 'Date of birth'),
      f('ethnicityCode', '民族代码（GB/T 3304）', 'Ethnicity code'), f('regionCode', '户籍所在区划', 'Household region code'), f('status', '户籍状态', 'Record status'),
    ],
  },
  {
    code: 'population.household', name: '户籍信息', nameEn: 'Household registration', providerCode: PSB, subjectType: 'person', source: 'population',
    shareType: 'conditional', updateCycle: 'daily',
    summary: '户籍地址及所在行政区划，用于入学、社保、住房等需要核实户籍的事项。需经批准的共享授权。Household (hukou) address and region, for services that depend on residence; needs an approved grant.',
    fields: [f('name', '姓名', 'Name'), f('householdAddress', '户籍地址', 'Household address'), f('regionCode', '户籍所在区划', 'Household region code'), f('status', '户籍状态', 'Record status')],
  },
  {
    code: 'population.vital-status', name: '人员生存状态', nameEn: 'Vital status', providerCode: PSB, subjectType: 'person', source: 'population',
    shareType: 'conditional', updateCycle: 'daily',
    summary: '人员是否健在、户籍是否注销，用于养老金领取资格认证等。需经批准的共享授权。Whether the person is alive and the record active, e.g. for pension eligibility; needs an approved grant.',
    fields: [f('status', '户籍状态（正常/死亡/注销）', 'Record status (normal / deceased / cancelled)')],
  },
  {
    code: 'population.contact', name: '户籍登记联系电话', nameEn: 'Registered phone number', providerCode: PSB, subjectType: 'person', source: 'population',
    shareType: 'none', updateCycle: 'daily',
    summary: '户籍登记时留存的联系电话。依据个人信息保护法，不予共享；办事联系电话请向申请人本人收集。Phone number kept with the household record; not shared — ask the applicant.',
    fields: [f('phone', '联系电话', 'Phone number')],
  },
  {
    code: 'entity.basic', name: '法人基本信息', nameEn: 'Legal entity basic information', providerCode: AMR, subjectType: 'entity', source: 'entities',
    shareType: 'unconditional', updateCycle: 'daily',
    summary: '市场主体登记信息：名称、类型、法定代表人、住所、成立日期、注册资本、经营范围、登记状态（已依法公示的信息）。Registered name, type, legal representative, address, dates, capital, scope and status (publicly disclosed registration data).',
    fields: [
      f('name', '名称', 'Name', false), f('entityType', '类型', 'Entity type', false), f('legalRepName', '法定代表人', 'Legal representative'),
      f('registeredAddress', '住所', 'Registered address', false), f('regionCode', '登记机关区划', 'Registration region', false), f('establishedOn', '成立日期', 'Established on', false),
      f('registeredCapital', '注册资本（万元）', 'Registered capital (10k CNY)', false), f('businessScope', '经营范围', 'Business scope', false), f('status', '登记状态', 'Registration status', false),
    ],
  },
  {
    code: 'entity.legal-rep-check', name: '法定代表人核验', nameEn: 'Legal representative check', providerCode: AMR, subjectType: 'entity', source: 'entities',
    shareType: 'unconditional', updateCycle: 'realtime',
    summary: '核验某人是否为该市场主体登记的法定代表人，只回答“是/否”，并返回名称、类型和登记状态。Checks whether a person is the registered legal representative; answers yes or no with name, type and status.',
    fields: [f('isRepresentative', '是否为法定代表人', 'Is the legal representative'), f('name', '名称', 'Name', false), f('entityType', '类型', 'Entity type', false), f('status', '登记状态', 'Registration status', false)],
  },
  {
    code: 'geo.standard-address', name: '标准地址', nameEn: 'Standard address', providerCode: NRP, subjectType: 'address', source: 'addresses',
    shareType: 'unconditional', updateCycle: 'weekly',
    summary: '标准地址库中的规范地址：所在区划、街道、道路、门牌号和邮政编码。Standard addresses: region, street, road, house number and postcode.',
    fields: [
      f('fullAddress', '标准地址', 'Full address', false), f('regionCode', '行政区划代码', 'Region code', false), f('street', '街道（乡镇）', 'Street / township', false),
      f('road', '道路', 'Road', false), f('houseNumber', '门牌号', 'House number', false), f('postcode', '邮政编码', 'Postcode', false),
    ],
  },
  {
    code: 'geo.address-region', name: '地址所属行政区划', nameEn: 'Region of an address', providerCode: CIVIL, subjectType: 'address', source: 'addresses',
    shareType: 'unconditional', updateCycle: 'monthly',
    summary: '标准地址所属的行政区划代码（GB/T 2260）和乡镇街道，用于按属地分派办件。Region code (GB/T 2260) and township of a standard address, for routing cases to the local office.',
    fields: [f('regionCode', '行政区划代码', 'Region code', false), f('street', '街道（乡镇）', 'Street / township', false)],
  },
  {
    // Provided by the licences module (not a base registry) through the LicenceSource port (licence-source.ts): a
    // department system reads it with an approved grant through readSharedData, logged under the holder; uses on the
    // holder's own authorisation — a one-time 用证码, or the holder's own application (免提交) — go through recordDataUse.
    code: 'licence.e-licence', name: '电子证照库', nameEn: 'E-licence library', providerCode: GSO, subjectType: 'licence', source: 'licences',
    shareType: 'conditional', updateCycle: 'realtime',
    summary: '本平台签发的电子证照：证照类型、编号、持证主体、证照内容、有效期、状态（含已撤销、已过期、签名不符）和可信等级。部门核验须经批准的共享授权并说明用途，或经持证人授权（用证码），或由持证人本人申请办事时使用；每次查询都记入持证人的数据使用记录。Licences issued here: type, number, holder, face, validity, status (incl. revoked, expired, tampered) and trust level; checked by departments with an approved grant and a stated purpose, with the holder’s one-time code, or in the holder’s own application; every read shows in the holder’s data-use record.',
    fields: [
      f('identifier', '电子证照标识', 'Licence identifier', false), f('typeName', '证照类型', 'Licence type', false), f('number', '证照编号', 'Licence number', false),
      f('holder', '持证主体', 'Holder'), f('face', '证照内容', 'Licence contents'), f('validity', '有效期', 'Validity', false),
      f('status', '证照状态', 'Status', false), f('trustLevel', '可信等级', 'Trust level', false),
      f('holderName', '持证主体名称', 'Holder name'), f('holderCode', '持证主体代码（脱敏）', 'Holder code (masked)'), f('issuer', '发证机关', 'Issuer', false),
      f('validFrom', '有效期起始日期', 'Valid from', false), f('validUntil', '有效期截止日期（空为长期）', 'Valid until (empty: no end)', false),
    ],
  },
]
