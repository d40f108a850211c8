/**
 * From an item's step graph (catalogue data: steps[].after names predecessors) to the steps of a case.
 *  - '申请' and '受理' are stages of the generic lifecycle (submission, acceptance), not steps; predecessors that
 *    name them are dropped, so the steps right after acceptance start at once — in parallel when several do
 *    (并联审批, 国发〔2016〕55号 "一口受理、并行办理").
 *  - The decision step is the first step (in graph order) whose name contains 决定, else the last one; steps after
 *    it (制证, 送达…) are result steps, done when the result is issued.
 *  - A step without a department belongs to the item's lead department.
 * Pure; the catalogue has already refused unknown predecessors and cycles.
 */
export type ItemStep = { name: string; department?: string; days?: number; after?: string[] }
export type PlannedStep = { key: string; name: string; departmentId: string; days: number; predecessors: string[]; seq: number; role: 'work' | 'decision' | 'result' }

const LIFECYCLE_STAGES = new Set(['申请', '受理', '收件', '预审'])

export function planSteps(steps: ItemStep[] | undefined, lead: string, departmentByName: (name: string) => string | null, fallbackDays: number): PlannedStep[] {
  const kept = (steps ?? []).filter((s) => !LIFECYCLE_STAGES.has(s.name.trim()))
  const names = new Set(kept.map((s) => s.name))
  let planned = kept.map((s) => ({
    key: s.name,
    name: s.name,
    departmentId: (s.department && departmentByName(s.department)) || lead,
    days: Math.max(0, Math.floor(s.days ?? 0)),
    predecessors: (s.after ?? []).filter((a) => names.has(a)),
  }))
  if (planned.length === 0) planned = [{ key: '审查决定', name: '审查决定', departmentId: lead, days: fallbackDays, predecessors: [] }]
  const order = topologicalOrder(planned)
  const decision = order.find((s) => s.name.includes('决定')) ?? order[order.length - 1]!
  const after = descendants(planned, decision.key)
  return order.map((s, i) => ({ ...s, seq: i + 1, role: s.key === decision.key ? 'decision' : after.has(s.key) ? 'result' : 'work' }))
}

export function topologicalOrder<T extends { key: string; predecessors: string[] }>(steps: T[]): T[] {
  const done = new Set<string>()
  const out: T[] = []
  let progress = true
  while (out.length < steps.length && progress) {
    progress = false
    for (const s of steps) {
      if (!done.has(s.key) && s.predecessors.every((p) => done.has(p))) {
        done.add(s.key)
        out.push(s)
        progress = true
      }
    }
  }
  if (out.length < steps.length) throw new Error('step graph has a cycle')
  return out
}

/** Every step reachable from `key` by following successors (not including `key`). */
export function descendants(steps: { key: string; predecessors: string[] }[], key: string): Set<string> {
  const out = new Set<string>()
  const visit = (k: string) => {
    for (const s of steps) if (s.predecessors.includes(k) && !out.has(s.key)) { out.add(s.key); visit(s.key) }
  }
  visit(key)
  return out
}

/** Every step `key` depends on, directly or not. */
export function ancestors(steps: { key: string; predecessors: string[] }[], key: string): Set<string> {
  const byKey = new Map(steps.map((s) => [s.key, s]))
  const out = new Set<string>()
  const visit = (k: string) => {
    for (const p of byKey.get(k)?.predecessors ?? []) if (!out.has(p)) { out.add(p); visit(p) }
  }
  visit(key)
  return out
}

/** Steps that may start now: waiting, with every predecessor done. */
export function readyToStart(steps: { key: string; status: string; predecessors: string[] }[]): string[] {
  const done = new Set(steps.filter((s) => s.status === 'done').map((s) => s.key))
  return steps.filter((s) => s.status === 'waiting' && s.predecessors.every((p) => done.has(p))).map((s) => s.key)
}
