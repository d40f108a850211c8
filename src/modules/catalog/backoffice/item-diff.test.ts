import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { ServiceItemRecord } from '../service-item'
import { diffRecords } from './item-diff'

const base: ServiceItemRecord = {
  code: 'C1', name: '旧名称', type: 'public_service', department: { name: '某局' }, audience: ['individual'],
  legalBasis: ['法一', '法二'],
  materials: [{ name: '身份证', copies: 1 }, { name: '户口簿' }],
  steps: [{ name: '受理' }, { name: '决定', after: ['受理'] }],
  fee: { charged: false },
  supportsDelivery: true,
}

test('identical records have no differences', () => {
  assert.deepEqual(diffRecords('zh', base, structuredClone(base)), [])
})

test('scalars, enums, booleans, lists and nested objects are described in words', () => {
  const next: ServiceItemRecord = { ...base, name: '新名称', type: 'administrative_license', legalBasis: ['法二', '法三'], fee: { charged: true, amountYuan: 10 }, supportsDelivery: false, onlineLevel: 4, status: 'suspended' }
  const d = diffRecords('zh', base, next)
  const find = (label: string) => d.filter((c) => c.label === label)
  assert.deepEqual(find('事项名称'), [{ label: '事项名称', kind: 'changed', before: '旧名称', after: '新名称' }])
  assert.deepEqual(find('事项类型'), [{ label: '事项类型', kind: 'changed', before: '20 公共服务', after: '01 行政许可' }])
  assert.deepEqual(find('设定依据'), [{ label: '设定依据', kind: 'removed', before: '法一' }, { label: '设定依据', kind: 'added', after: '法三' }])
  assert.deepEqual(find('收费 · 是否收费'), [{ label: '收费 · 是否收费', kind: 'changed', before: '否', after: '是' }])
  assert.deepEqual(find('收费 · 收费金额（元）'), [{ label: '收费 · 收费金额（元）', kind: 'added', after: '10' }])
  assert.deepEqual(find('支持物流快递'), [{ label: '支持物流快递', kind: 'changed', before: '是', after: '否' }])
  assert.equal(find('网上办理深度')[0]?.kind, 'added')
  assert.deepEqual(find('事项状态'), [{ label: '事项状态', kind: 'changed', before: '已发布', after: '已暂停' }])
})

test('materials and steps are compared row by row, matched by name', () => {
  const next: ServiceItemRecord = {
    ...base,
    materials: [{ name: '户口簿', form: 'paper' }, { name: '身份证', copies: 2 }, { name: '结婚证' }],
    steps: [{ name: '受理' }],
  }
  const d = diffRecords('zh', base, next)
  assert.ok(d.some((c) => c.label === '申请材料「身份证」 · 复印件份数' && c.before === '1' && c.after === '2'))
  assert.ok(d.some((c) => c.label === '申请材料「户口簿」 · 材料形式' && c.kind === 'added' && c.after === '纸质'))
  assert.ok(d.some((c) => c.label === '申请材料「结婚证」' && c.kind === 'added' && c.after === '材料名称：结婚证'))
  assert.ok(d.some((c) => c.label === '申请材料 · 顺序' && c.before === '身份证 → 户口簿'))
  assert.ok(d.some((c) => c.label === '办理流程「决定」' && c.kind === 'removed' && c.before?.includes('前置环节：受理')))
})

test('labels switch to English', () => {
  const d = diffRecords('en', base, { ...base, supportsDelivery: false })
  assert.deepEqual(d, [{ label: 'Delivery by courier', kind: 'changed', before: 'Yes', after: 'No' }])
})
