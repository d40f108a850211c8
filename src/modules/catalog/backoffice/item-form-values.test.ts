import { test } from 'node:test'
import assert from 'node:assert/strict'
import { canonicalJson } from '../../../platform/canonical-json'
import type { ServiceItemRecord } from '../service-item'
import { fieldIdOf, formToRecord, recordToForm, labelKeyOfId, type FormValues } from './item-form-values'

const deps = [
  { id: 'd1', name: '苏州市市场监督管理局', code: '11320500MB1234567X' },
  { id: 'd2', name: '苏州市公安局', code: null },
]

const full: ServiceItemRecord = {
  code: '11320500MB1234567X4000111001',
  baseCode: '000111001000',
  name: '食品经营许可证核发',
  type: 'administrative_license',
  department: { name: '苏州市市场监督管理局', code: '11320500MB1234567X' },
  coDepartments: [{ name: '苏州市消防救援支队' }, { name: '苏州市卫健委', code: '11320500MB0000000Y' }],
  region: { code: '320500', name: '苏州市' },
  level: 'municipal',
  audience: ['enterprise', 'individual'],
  themes: ['准营准办'],
  description: '食品经营者应当取得食品经营许可。',
  legalBasis: ['《中华人民共和国食品安全法》第三十五条', '《食品经营许可管理办法》'],
  conditions: '有与经营的食品品种、数量相适应的经营场所。',
  materials: [
    { name: '食品经营许可申请书', required: true, form: 'both', originals: 1, copies: 0, source: 'applicant', issuer: '申请人', notes: '签字', templateUrl: 'https://example.org/t.docx' },
    { name: '营业执照', required: false, licenseType: 'business_license', sharedDataset: 'legal_entities', source: 'government' },
  ],
  steps: [
    { name: '受理', days: 0 },
    { name: '审查', department: '苏州市消防救援支队', days: 5.5, after: ['受理'] },
    { name: '决定', after: ['受理', '审查'] },
  ],
  caseKind: 'promised',
  statutoryDays: 20,
  promisedDays: 10,
  fee: { charged: false, standard: '不收费', basis: '无', amountYuan: 0 },
  channels: ['window', 'web'],
  onlineLevel: 4,
  visitsRequired: 0,
  crossRegionScope: 'cross_city',
  supportsAppointment: true,
  supportsOnlinePayment: false,
  supportsDelivery: true,
  result: { name: '食品经营许可证', kind: 'license', licenseType: 'food_business_license', validityYears: 5 },
  specialProcedures: ['现场核查'],
  intermediaryServices: ['检测报告'],
  location: '苏州市政务服务中心',
  hours: '工作日 9:00-17:00',
  consultPhone: '0512-12345',
  complaintPhone: '12345',
  faqs: [{ q: '要多久？', a: '10个工作日。' }],
  keywords: ['开饭店', '餐饮许可'],
}

test('record → form → record keeps every field of the exchange format', () => {
  const form = recordToForm(full, deps)
  const back = formToRecord(form, deps)
  assert.deepEqual(back.errors, [])
  assert.equal(canonicalJson(back.record), canonicalJson(full))
})

test('empty rows and blank fields are dropped; rows keep their form numbers for error links', () => {
  const v: FormValues = {
    code: ' X1 ', name: '测试', type: 'public_service', department: 'd2', audience: 'individual',
    'materials-0-name': '', 'materials-0-copies': '',
    'materials-1-name': '身份证', 'materials-1-copies': '２',
    'materials-2-name': '', 'materials-2-issuer': '某单位',
    'steps-0-name': '受理', 'steps-0-after': '审查，决定', 'steps-1-name': '', 'steps-1-days': 'abc',
    'faqs-3-q': '问', 'faqs-3-a': '',
  }
  const r = formToRecord(v, deps)
  assert.equal(r.record.code, 'X1')
  assert.deepEqual(r.record.department, { name: '苏州市公安局' })
  assert.deepEqual(r.record.audience, ['individual'])
  assert.deepEqual(r.record.materials, [{ name: '身份证', copies: 2 }, { name: '', issuer: '某单位' }])
  assert.deepEqual(r.rowMap.materials, [1, 2])
  assert.deepEqual((r.record.steps as { after?: string[] }[])[0]!.after, ['审查', '决定'])
  assert.deepEqual(
    r.errors.map((e) => e.field).sort(),
    ['faqs-3-a', 'materials-2-name', 'steps-1-days', 'steps-1-name'].sort(),
  )
  assert.equal(fieldIdOf('materials[1].name', r.rowMap), 'materials-2-name')
  assert.equal(fieldIdOf('steps[0].after[1]', r.rowMap), 'steps-0-after')
  assert.equal(fieldIdOf('faqs[0]', r.rowMap), 'faqs-3-q')
})

test('validation paths map to form element ids', () => {
  const rm = { materials: [4], steps: [0, 2], faqs: [] }
  assert.equal(fieldIdOf('department.code', rm), 'department')
  assert.equal(fieldIdOf('department', rm), 'department')
  assert.equal(fieldIdOf('region.code', rm), 'region-code')
  assert.equal(fieldIdOf('coDepartments[1].code', rm), 'coDepartments')
  assert.equal(fieldIdOf('audience', rm), 'audience')
  assert.equal(fieldIdOf('keywords[3]', rm), 'keywords')
  assert.equal(fieldIdOf('fee.amountYuan', rm), 'fee-amountYuan')
  assert.equal(fieldIdOf('steps', rm), 'steps-0-after')
  assert.equal(fieldIdOf('steps[1].name', rm), 'steps-2-name')
  assert.equal(fieldIdOf('(line)', rm), 'code')
  assert.deepEqual(labelKeyOfId('materials-4-name'), { key: 'materials.name', row: 5 })
  assert.deepEqual(labelKeyOfId('fee-standard'), { key: 'fee.standard' })
})

test('a department id that is not in the list is an error, not a silent blank', () => {
  const r = formToRecord({ department: 'nope' }, deps)
  assert.deepEqual(r.errors.map((e) => e.field), ['department'])
})
