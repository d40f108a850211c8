/**
 * The columns of each loadable registry (CSV header / JSON Lines keys), with the Chinese headers that
 * registry exports commonly use as aliases. Names and limits follow GB/T 39046 表12 (C.4): 姓名 a..30,
 * 身份证件号码 an..18, 机构名称 an..100, 注册地址 an..100, 经营范围 a..1000, 法定代表人 a..30.
 * README "Loading registries" documents the same table.
 */
export type LoadKind = 'population' | 'entities' | 'addresses'
export const LOAD_KINDS: LoadKind[] = ['population', 'entities', 'addresses']
export type Field = { key: string; zh: string; en: string; required: boolean; aliases: string[] }

const f = (key: string, zh: string, en: string, required: boolean, ...aliases: string[]): Field => ({ key, zh, en, required, aliases })

export const FIELDS: Record<LoadKind, Field[]> = {
  population: [
    f('id_number', '公民身份号码', 'ID number', true, '身份证号', '身份证号码', '身份证件号码'),
    f('name', '姓名', 'name', true),
    f('gender_code', '性别', 'gender code', false, '性别代码'),
    f('birth_date', '出生日期', 'birth date', false),
    f('ethnicity_code', '民族代码', 'ethnicity code', false, '民族'),
    f('household_address', '户籍地址', 'household address', true, '户籍地', '住址'),
    f('region_code', '行政区划代码', 'region code', true, '区划代码', '户籍地区划代码'),
    f('id_card_valid_until', '证件有效期截止', 'ID card valid until', false, '身份证有效期至', '有效期至', '有效期截止日期'),
    f('phone', '手机号码', 'mobile phone', false, '手机号', '联系电话'),
    f('status', '人口状态', 'status', false, '状态'),
  ],
  entities: [
    f('uscc', '统一社会信用代码', 'unified social credit code', true, '信用代码'),
    f('name', '名称', 'name', true, '企业名称', '机构名称', '主体名称'),
    f('entity_type', '主体类型', 'entity type', true, '类型', '企业类型'),
    f('legal_rep_name', '法定代表人', 'legal representative', true, '法定代表人姓名', '负责人', '经营者'),
    f('legal_rep_id_number', '法定代表人身份证号', 'legal representative ID number', true, '法定代表人证件号码', '法定代表人身份证号码'),
    f('registered_address', '注册地址', 'registered address', true, '住所', '经营场所'),
    f('region_code', '行政区划代码', 'region code', false, '区划代码', '登记机关区划代码'),
    f('established_on', '成立日期', 'established on', true, '注册日期'),
    f('registered_capital', '注册资本（万元）', 'registered capital (10,000 yuan)', false, '注册资本', '注册资本(万元)'),
    f('business_scope', '经营范围', 'business scope', true),
    f('status', '登记状态', 'status', false, '状态'),
  ],
  addresses: [
    f('region_code', '行政区划代码', 'region code', true, '区划代码'),
    f('street', '街道（镇）', 'street / town', true, '街道', '乡镇街道', '街道(镇)'),
    f('road', '道路', 'road', true, '路（街、巷）', '路'),
    f('house_number', '门牌号', 'house number', true, '门牌'),
    f('full_address', '标准地址', 'full address', true, '完整地址', '地址'),
    f('postcode', '邮政编码', 'postcode', false, '邮编'),
  ],
}

/** Alias → canonical key, per kind (the canonical key and its Chinese label are aliases too). */
const aliasMap = (fields: Field[]) => new Map(fields.flatMap((x) => [[x.key, x.key] as const, [x.zh, x.key] as const, ...x.aliases.map((a) => [a, x.key] as const)]))
export const ALIASES: Record<LoadKind, ReadonlyMap<string, string>> = {
  population: aliasMap(FIELDS.population),
  entities: aliasMap(FIELDS.entities),
  addresses: aliasMap(FIELDS.addresses),
}

export const fieldOf = (kind: LoadKind, key: string) => FIELDS[kind].find((x) => x.key === key)

/** Status words accepted besides the stored codes (as 人口库/企业信用信息公示 exports write them). */
export const PERSON_STATUS: Record<string, 'normal' | 'deceased' | 'cancelled'> = { normal: 'normal', deceased: 'deceased', cancelled: 'cancelled', 正常: 'normal', 死亡: 'deceased', 注销: 'cancelled' }
export const ENTITY_STATUS: Record<string, 'active' | 'revoked' | 'cancelled'> = {
  active: 'active', revoked: 'revoked', cancelled: 'cancelled', 存续: 'active', 在业: 'active', '存续（在营、开业、在册）': 'active', 吊销: 'revoked', 注销: 'cancelled',
}
