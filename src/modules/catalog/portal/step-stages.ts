import type { Step } from '../service-item'

/** One stage of 办理流程: steps that can run at the same time (并联 when more than one). */
export type Stage = { steps: Step[]; parallel: boolean; days: number }

/**
 * Derives the stages of a step graph for display. A step's stage is the longest chain of `after`
 * predecessors leading to it, so steps that wait for the same things (e.g. 印章刻制, 发票申领, 参保登记
 * all after 设立登记审核) land in one parallel stage. A list without any `after` is read as a serial
 * list in order (the exchange format calls steps "ordered"). Unknown predecessor names are ignored and
 * cycles are broken, so bad data still renders.
 */
export function stagesOf(steps: Step[] | undefined): Stage[] {
  const list = steps ?? []
  if (!list.length) return []
  const stage = (s: Step[]): Stage => ({ steps: s, parallel: s.length > 1, days: Math.max(0, ...s.map((x) => x.days ?? 0)) })
  if (!list.some((s) => s.after && s.after.length)) return list.map((s) => stage([s]))

  const byName = new Map(list.map((s) => [s.name, s]))
  const level = new Map<string, number>()
  const visiting = new Set<string>()
  const levelOf = (s: Step): number => {
    const known = level.get(s.name)
    if (known !== undefined) return known
    if (visiting.has(s.name)) return 0 // cycle: break it here
    visiting.add(s.name)
    const preds = (s.after ?? []).map((n) => byName.get(n)).filter((p): p is Step => !!p && p !== s)
    const l = preds.length ? 1 + Math.max(...preds.map(levelOf)) : 0
    visiting.delete(s.name)
    level.set(s.name, l)
    return l
  }
  const groups = new Map<number, Step[]>()
  for (const s of list) {
    const l = levelOf(s)
    groups.set(l, [...(groups.get(l) ?? []), s])
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => stage(s))
}

/** Working days along the stages (parallel steps count once, by the slowest). */
export function totalDays(stages: Stage[]): number {
  return Math.round(stages.reduce((n, s) => n + s.days, 0) * 10) / 10
}
