import type { FieldError } from '../../platform/errors'
import { checkIdNumber, checkMobilePhone, checkUscc, normalizeMobilePhone } from '../../platform/identifiers'
import { birthOfIdNumber, genderOfIdNumber } from './seed/codes'
import type { AddressRow, EntityRow, PersonRow } from './seed/rows'
import { ENTITY_STATUS, fieldOf, PERSON_STATUS, type LoadKind } from './registry-loader-fields'
import { bad, date, ok, parseDate, text, type Check, type Raw } from './registry-loader-values'

/**
 * One loaded line → a registry row, or every problem with it (field + reason). The natural key (id_number,
 * uscc, full_address) is returned even for a bad line so the report can name the record.
 */
export type LoadContext = { regions: ReadonlySet<string>; today: string }
export type Built<R> = { key?: string; row?: R; errors: FieldError[] }

function reader(kind: LoadKind, values: ReadonlyMap<string, Raw>, errors: FieldError[]) {
  const label = (k: string) => fieldOf(kind, k)?.zh ?? k
  const raw = (k: string) => values.get(k)?.trim() || null
  return {
    raw,
    need(k: string): string | undefined {
      const v = raw(k)
      if (v === null) errors.push({ field: k, message: `缺少${label(k)}，请填写后重新导入。 ${fieldOf(kind, k)?.en ?? k} is required.` })
      return v ?? undefined
    },
    check<T>(k: string, c: Check<T>): T | undefined {
      if (c.ok) return c.value
      errors.push({ field: k, message: c.message })
      return undefined
    },
    text(k: string, max: number, required = true): string | undefined {
      const v = required ? this.need(k) : raw(k) ?? undefined
      return v === undefined ? undefined : this.check(k, text(label(k), v, max))
    },
    region(k: string, v: string | undefined, ctx: LoadContext): string | undefined {
      if (v === undefined) return undefined
      return this.check(k, ctx.regions.has(v) ? ok(v) : bad(`行政区划代码“${v}”不在 GB/T 2260 区划表中，请填写6位县级代码，例如 320508（姑苏区）。 Unknown region code.`))
    },
  }
}

function idNumber(v: string, ctx: LoadContext, whose = ''): Check<string> {
  const problem = checkIdNumber(v, new Date(`${ctx.today}T23:59:59Z`))
  return problem ? bad(whose + problem) : ok(v)
}

export function buildPerson(values: ReadonlyMap<string, Raw>, ctx: LoadContext): Built<Omit<PersonRow, 'id'>> {
  const errors: FieldError[] = []
  const r = reader('population', values, errors)
  const idRaw = r.need('id_number')?.toUpperCase()
  const id = idRaw === undefined ? undefined : r.check('id_number', idNumber(idRaw, ctx))
  const name = r.text('name', 30)
  let gender = r.raw('gender_code')
  gender = gender === '男' ? '1' : gender === '女' ? '2' : gender
  if (id && gender !== null) r.check('gender_code', gender === genderOfIdNumber(id) ? ok(gender) : bad(`性别代码“${gender}”与身份证号第17位不符（奇数为男 1，偶数为女 2，GB/T 2261.1），请核对。 Gender does not match the ID number.`))
  const birthRaw = r.raw('birth_date')
  if (id && birthRaw !== null) r.check('birth_date', parseDate(birthRaw) === birthOfIdNumber(id) ? ok(birthRaw) : bad(`出生日期“${birthRaw}”与身份证号第7至14位（${birthOfIdNumber(id)}）不符，请核对。 Birth date does not match the ID number.`))
  const eth = r.raw('ethnicity_code')
  if (eth !== null) r.check('ethnicity_code', /^(0[1-9]|[1-4]\d|5[0-6]|9[78])$/.test(eth) ? ok(eth) : bad(`民族代码“${eth}”无效，请填写 GB/T 3304 的两位代码，例如 01（汉族）。 Use a two-digit GB/T 3304 code.`))
  const household = r.text('household_address', 200)
  const region = r.region('region_code', r.need('region_code'), ctx)
  const untilRaw = r.raw('id_card_valid_until')
  let until: string | null | undefined = null
  if (untilRaw !== null && untilRaw !== '长期') {
    until = parseDate(untilRaw) ?? undefined
    if (!until) r.check('id_card_valid_until', bad(`证件有效期截止“${untilRaw}”不是有效日期，长期有效请填“长期”或留空；日期请写成 2035-06-01 或 20350601。 Not a real date; use 长期 or leave empty for long-term.`))
    else if (id && until <= birthOfIdNumber(id)) until = r.check('id_card_valid_until', bad(`证件有效期截止${until}早于出生日期，请核对。 Valid-until is before the birth date.`))
  }
  const phoneRaw = r.raw('phone')
  const phone = phoneRaw === null ? null : r.check('phone', ((p) => (checkMobilePhone(p) ? bad(checkMobilePhone(p)!) : ok(p)))(normalizeMobilePhone(phoneRaw)))
  const statusRaw = r.raw('status') ?? 'normal'
  const status = r.check('status', PERSON_STATUS[statusRaw] ? ok(PERSON_STATUS[statusRaw]) : bad(`人口状态“${statusRaw}”无效，只能是 normal（正常）、deceased（死亡）或 cancelled（注销）。 Unknown status.`))
  if (errors.length || !id || !name || !household || !region || until === undefined || phone === undefined || !status) return { key: id ?? idRaw, errors }
  return {
    key: id,
    errors,
    row: { id_number: id, name, gender_code: genderOfIdNumber(id), birth_date: birthOfIdNumber(id), ethnicity_code: eth, household_address: household, region_code: region, id_card_valid_until: until, phone, status },
  }
}

export function buildEntity(values: ReadonlyMap<string, Raw>, ctx: LoadContext): Built<Omit<EntityRow, 'id'>> {
  const errors: FieldError[] = []
  const r = reader('entities', values, errors)
  const usccRaw = r.need('uscc')?.toUpperCase()
  const uscc = usccRaw === undefined ? undefined : r.check('uscc', checkUscc(usccRaw) ? bad(checkUscc(usccRaw)!) : ok(usccRaw))
  const name = r.text('name', 100)
  const type = r.text('entity_type', 50)
  const repName = r.text('legal_rep_name', 30)
  const repRaw = r.need('legal_rep_id_number')?.toUpperCase()
  const repId = repRaw === undefined ? undefined : r.check('legal_rep_id_number', idNumber(repRaw, ctx, '法定代表人'))
  const address = r.text('registered_address', 100)
  // GB 32100 positions 3–8 are the registering authority's region: the default when the column is empty.
  const region = r.region('region_code', r.raw('region_code') ?? (uscc ? uscc.slice(2, 8) : undefined), ctx)
  const estRaw = r.need('established_on')
  const established = estRaw === undefined ? undefined : r.check('established_on', date('成立日期', estRaw, ctx.today))
  const capRaw = r.raw('registered_capital')
  const capital = capRaw === null ? null : r.check('registered_capital', /^\d{1,14}(\.\d{1,2})?$/.test(capRaw.replace(/,/g, '')) ? ok(Number(capRaw.replace(/,/g, ''))) : bad(`注册资本“${capRaw}”应为以万元计的非负数，最多两位小数，例如 50 或 120.5。 Registered capital in 10,000 yuan, e.g. 50.`))
  const scope = r.text('business_scope', 1000)
  const statusRaw = r.raw('status') ?? 'active'
  const status = r.check('status', ENTITY_STATUS[statusRaw] ? ok(ENTITY_STATUS[statusRaw]) : bad(`登记状态“${statusRaw}”无效，只能是 active（存续）、revoked（吊销）或 cancelled（注销）。 Unknown status.`))
  if (errors.length || !uscc || !name || !type || !repName || !repId || !address || !region || !established || capital === undefined || !scope || !status) return { key: uscc ?? usccRaw, errors }
  return {
    key: uscc,
    errors,
    row: { uscc, name, entity_type: type, legal_rep_name: repName, legal_rep_id_number: repId, registered_address: address, region_code: region, established_on: established, registered_capital: capital, business_scope: scope, status },
  }
}

export function buildAddress(values: ReadonlyMap<string, Raw>, ctx: LoadContext): Built<Omit<AddressRow, 'id'>> {
  const errors: FieldError[] = []
  const r = reader('addresses', values, errors)
  const region = r.region('region_code', r.need('region_code'), ctx)
  const street = r.text('street', 50)
  const road = r.text('road', 50)
  const house = r.text('house_number', 50)
  const full = r.text('full_address', 200)
  const pc = r.raw('postcode')
  const postcode = pc === null ? null : r.check('postcode', /^\d{6}$/.test(pc) ? ok(pc) : bad(`邮政编码“${pc}”应为6位数字，例如 215000。 A postcode has 6 digits.`))
  if (errors.length || !region || !street || !road || !house || !full || postcode === undefined) return { ...(full ? { key: full } : {}), errors }
  return { key: full, errors, row: { region_code: region, street, road, house_number: house, full_address: full, postcode } }
}
