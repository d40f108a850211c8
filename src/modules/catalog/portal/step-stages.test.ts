import { test } from 'node:test'
import assert from 'node:assert/strict'
import { stagesOf, totalDays } from './step-stages'

const names = (st: ReturnType<typeof stagesOf>) => st.map((s) => s.steps.map((x) => x.name))

test('steps sharing predecessors form one parallel stage', () => {
  const st = stagesOf([
    { name: '受理', days: 0 },
    { name: '审核', days: 1, after: ['受理'] },
    { name: '刻章', days: 0.5, after: ['审核'] },
    { name: '发票', days: 2, after: ['审核'] },
    { name: '办结', days: 0, after: ['刻章', '发票'] },
  ])
  assert.deepEqual(names(st), [['受理'], ['审核'], ['刻章', '发票'], ['办结']])
  assert.equal(st[2]!.parallel, true)
  assert.equal(st[2]!.days, 2)
  assert.equal(st[1]!.parallel, false)
  assert.equal(totalDays(st), 3)
})

test('a step waits for its longest chain of predecessors', () => {
  const st = stagesOf([
    { name: 'A' },
    { name: 'B', after: ['A'] },
    { name: 'C', after: ['B'] },
    { name: 'D', after: ['A', 'C'] },
  ])
  assert.deepEqual(names(st), [['A'], ['B'], ['C'], ['D']])
})

test('a list without after is serial in order; empty is empty', () => {
  assert.deepEqual(names(stagesOf([{ name: '受理' }, { name: '决定' }])), [['受理'], ['决定']])
  assert.deepEqual(stagesOf(undefined), [])
})

test('unknown predecessors and cycles still render every step once', () => {
  const st = stagesOf([
    { name: 'A', after: ['missing'] },
    { name: 'B', after: ['C'] },
    { name: 'C', after: ['B'] },
  ])
  assert.equal(st.flatMap((s) => s.steps).length, 3)
})
