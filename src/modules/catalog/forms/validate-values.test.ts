import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import fc from 'fast-check'
import { idCheckChar, usccCheckChar } from '../../../platform/identifiers'
import type { ServiceItemRecord } from '../service-item'
import { allFields, validateDefinition, type FormDefinition, type FormField } from './form-definition'
import { generateForm } from './generate-form'
import { curatedForms } from './seed-item-forms'
import { isShown, validateFormValues } from './validate-values'

const dir = new URL('../seed/items/', import.meta.url)
const items: ServiceItemRecord[] = readdirSync(dir).flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ServiceItemRecord))
const curated = curatedForms().map((c) => c.definition as FormDefinition)
const defs: FormDefinition[] = [...curated, ...items.slice(0, 40).map(generateForm)]
const food = curated[curatedForms().findIndex((c) => c.code === '11320500MB193972693010027000100')]!
const TODAY = new Date('2026-06-15T04:00:00Z')

// ---- generators of VALID values, per field ----
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const idNumber = fc.record({ days: fc.integer({ min: 0, max: 20000 }), seq: fc.integer({ min: 0, max: 999 }) }).map(({ days, seq }) => {
  const d = new Date(Date.UTC(1950, 0, 1) + days * 86400000)
  const first17 = `320508${d.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`
  return first17 + idCheckChar(first17)
})
const uscc = fc.array(fc.constantFrom(...USCC_CHARS.split('')), { minLength: 8, maxLength: 8 }).map((cs) => {
  const first17 = `913205081${cs.join('')}`
  return first17 + usccCheckChar(first17)
})
const text = (max: number) => fc.stringMatching(/^[a-z0-9\u4e00-\u4e20]{1,30}$/).map((s) => s.slice(0, max))
function valueOf(f: FormField): fc.Arbitrary<unknown> {
  switch (f.type) {
    case 'text': case 'textarea': return f.pattern ? fc.constant('ABCDEFGHIJKLMNOPQR') : text(f.maxLength ?? 200)
    case 'number': return fc.integer({ min: Math.ceil(f.min ?? 0), max: Math.floor(Math.min(f.max ?? 1e6, 1e6)) })
    case 'date': {
      const lo = f.min ?? -3000, hi = f.max ?? 3000
      return fc.integer({ min: lo, max: hi }).map((o) => new Date(Date.UTC(2026, 5, 15) + o * 86400000).toISOString().slice(0, 10))
    }
    case 'select': case 'radio': return fc.constantFrom(...f.options!.map((o) => o.value))
    case 'checkbox': return fc.subarray(f.options!.map((o) => o.value), { minLength: Math.max(f.min ?? 0, f.required ? 1 : 0), maxLength: f.max ?? f.options!.length })
    case 'idNumber': return idNumber
    case 'uscc': return uscc
    case 'phone': return fc.integer({ min: 0, max: 99999999 }).map((n) => `139${String(n).padStart(8, '0')}`)
    case 'email': return fc.constantFrom('zhang.san@example.com', 'a@b.cn')
    case 'address': return fc.record({ regionCode: fc.constantFrom('320505', '320508'), detail: text(200) })
    case 'rows': return fc.array(fc.record(Object.fromEntries((f.columns ?? []).map((c) => [c.key, valueOf(c)]))), { minLength: Math.max(f.min ?? 0, 1), maxLength: Math.min(f.max ?? 50, 4) })
    case 'file': return fc.array(fc.uuid(), { minLength: 1, maxLength: Math.min(f.max ?? 10, 3) })
  }
}
const validValues = (def: FormDefinition) => fc.record(Object.fromEntries(allFields(def).map((f) => [f.key, valueOf(f)])))

test('every seeded item generates a valid definition, and the curated demo forms are valid', () => {
  for (const item of items) assert.deepEqual(validateDefinition(generateForm(item)), [], item.name)
  for (const d of curated) assert.deepEqual(validateDefinition(d), [])
})

test('property: a valid generated value set passes (complete, not partial) for generated and curated forms', () => {
  for (const def of defs) {
    fc.assert(
      fc.property(validValues(def), (v) => {
        const r = validateFormValues(def, v, { today: TODAY })
        assert.deepEqual(r.errors, [])
        // Every shown field came through.
        for (const f of allFields(def)) if (isShown(f, r.values)) assert.ok(f.key in r.values, f.key)
      }),
      { numRuns: 25 },
    )
  }
})

test('property: validate never throws on arbitrary JSON, and values only hold known keys', () => {
  const known = new Set(allFields(food).map((f) => f.key))
  const shaped = fc.dictionary(fc.constantFrom(...known, 'evil', '__proto__', 'constructor'), fc.jsonValue(), { maxKeys: 20 })
  fc.assert(
    fc.property(fc.oneof(fc.jsonValue(), shaped), fc.boolean(), (raw, partial) => {
      const r = validateFormValues(food, raw, { partial, today: TODAY })
      for (const k of Object.keys(r.values)) assert.ok(known.has(k), k)
      for (const e of r.errors) assert.ok(e.message && e.messageEn)
    }),
    { numRuns: 400 },
  )
})

const base = (over: Record<string, unknown> = {}) => ({
  applicantKind: 'individual', name: '张三', idNumber: '11010519491231002X', phone: '13912345678', address: { regionCode: '320508', detail: '干将路1号' },
  premisesAddress: { regionCode: '320508', detail: '人民路100号' }, premisesOwnership: 'owned', businessItems: ['hotFood'], onlineSales: 'no', area: '35.5', safetyManager: '李四',
  staff: [{ name: '王五', idNumber: '11010519491231002X', healthCertNo: 'JK2026001' }],
  material3: ['u1'], material4: ['u2'],
  ...over,
})
const paths = (raw: unknown, partial = false) => validateFormValues(food, raw, { partial, today: TODAY }).errors.map((e) => e.path)

test('a complete food-licence application passes; values are typed and unknown keys are dropped', () => {
  const r = validateFormValues(food, { ...base(), hacker: 'x', entName: 'hidden org' }, { today: TODAY })
  assert.deepEqual(r.errors, [])
  assert.equal(r.values['area'], 35.5)
  assert.ok(!('hacker' in r.values))
  assert.ok(!('entName' in r.values), 'the enterprise group is hidden for an individual: dropped')
  assert.deepEqual(r.values['businessItems'], ['hotFood'])
})

test('each check says what is wrong, in Chinese and English, at the right path', () => {
  const r = validateFormValues(food, base({ idNumber: '110105194912310021', phone: '1391234', area: '-3', businessItems: ['caviar'], staff: [{ name: '王五', idNumber: '123', healthCertNo: '' }], premisesAddress: { regionCode: '99', detail: 'x'.repeat(201) } }), { today: TODAY })
  const by = Object.fromEntries(r.errors.map((e) => [e.path, e]))
  assert.match(by['idNumber']!.message, /校验位/)
  assert.match(by['idNumber']!.messageEn, /check digit/)
  assert.match(by['phone']!.message, /11位/)
  assert.match(by['area']!.message, /不能小于1/)
  assert.match(by['businessItems']!.message, /选项/)
  assert.ok(by['staff[0].idNumber'])
  assert.ok(by['staff[0].healthCertNo'])
  assert.ok(by['premisesAddress.regionCode'])
  assert.ok(by['premisesAddress.detail'])
  for (const k of ['idNumber', 'phone', 'area', 'businessItems', 'staff', 'premisesAddress']) assert.ok(!(k in r.values), k)
})

test('required is skipped for drafts but format errors are still reported', () => {
  assert.deepEqual(paths({}, true), [])
  assert.ok(paths({}).includes('applicantKind'))
  assert.ok(paths({ applicantKind: 'individual' }).includes('name'))
  assert.deepEqual(paths({ applicantKind: 'individual', phone: 'abc' }, true), ['phone'])
})

test('conditional fields: hidden ones are neither validated nor kept; shown ones are required', () => {
  assert.ok(!paths(base({ onlineSales: 'no', onlinePlatform: 'x'.repeat(999) })).includes('onlinePlatform'))
  assert.ok(paths(base({ onlineSales: 'yes' })).includes('onlinePlatform'))
  assert.ok(paths(base({ premisesOwnership: 'rented' })).includes('leaseContract'))
  assert.deepEqual(paths(base({ premisesOwnership: 'rented', leaseContract: ['lease-1'] })), [])
})

test('oversized and malformed input: clear errors, never a throw', () => {
  assert.deepEqual(paths('not an object'), [''])
  assert.deepEqual(paths(null), [''])
  assert.ok(paths(base({ safetyManager: '长'.repeat(51) })).includes('safetyManager'))
  assert.ok(paths(base({ staff: Array.from({ length: 51 }, () => ({ name: 'a', idNumber: '11010519491231002X', healthCertNo: 'x' })) })).includes('staff'))
  assert.ok(paths(base({ staff: 'lots' })).includes('staff'))
  assert.ok(paths(base({ material3: ['../../etc/passwd'] })).includes('material3'))
  assert.ok(paths(base({ area: '1e400' })).includes('area'))
  assert.ok(paths(base({ safetyManager: 'a\u0000b' })).includes('safetyManager'))
})

test('dates: real dates only, limits are days relative to today', () => {
  const fire = generateForm(items.find((i) => i.name.includes('消防安全检查'))!)
  const v = (openingDate: string) => validateFormValues(fire, { openingDate }, { partial: true, today: TODAY }).errors.map((e) => e.message)
  assert.deepEqual(v('2026-07-01'), [])
  assert.match(v('2026-02-30')[0]!, /真实日期/)
  assert.match(v('2026-06-14')[0]!, /不能早于2026-06-15/)
  assert.match(v('2028-01-01')[0]!, /不能晚于/)
})

test('definition checks: duplicate keys, showIf to a later field, select without options, unsafe pattern, limits', () => {
  const d = (fields: unknown[]) => ({ schemaVersion: 1, sections: [{ key: 'a', title: 'A', fields }] })
  const msgs = (x: unknown) => validateDefinition(x).map((e) => `${e.path} ${e.message}`).join('\n')
  assert.match(msgs(d([{ key: 'x', type: 'text', label: 'X' }, { key: 'x', type: 'text', label: 'Y' }])), /已出现/)
  assert.match(msgs(d([{ key: 'x', type: 'text', label: 'X', showIf: { field: 'y', equals: 'a' } }, { key: 'y', type: 'text', label: 'Y' }])), /前面/)
  assert.match(msgs(d([{ key: 'x', type: 'select', label: 'X' }])), /选项/)
  assert.match(msgs(d([{ key: 'x', type: 'text', label: 'X', pattern: '(a+)+' }])), /嵌套/)
  assert.match(msgs(d([{ key: 'x', type: 'rows', label: 'X', columns: [{ key: 'f', type: 'file', label: 'F', materialIndex: 0 }] }])), /不能是文件/)
  assert.match(msgs(d([{ key: 'Bad-Key', type: 'text', label: 'X' }])), /sections\[0\]\.fields\[0\]\.key/)
  assert.match(msgs(d([{ key: 'x', type: 'text', label: 'X', evil: 1 }])), /不认识的属性/)
  assert.match(msgs({ schemaVersion: 1, sections: Array.from({ length: 31 }, (_, i) => ({ key: `s${i}`, title: 'S', fields: [] })) }), /上限/)
  assert.match(msgs(d(Array.from({ length: 201 }, (_, i) => ({ key: `f${i}`, type: 'text', label: 'X' })))), /上限|最多/)
  assert.deepEqual(validateDefinition(d([{ key: 'x', type: 'text', label: 'X', pattern: '[A-Z]{2}\\d{4}' }])), [])
})
