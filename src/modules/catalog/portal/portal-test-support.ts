import assert from 'node:assert/strict'
import type { Executor } from '../../../platform/database'
import type { ServiceItemRecord } from '../service-item'

/** Helpers for the portal's HTTP tests (not a test file itself). */

/** Undo hono/jsx escaping so assertions can look for the record's own text. */
export function text(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
}

export function headOf(html: string) {
  const pick = (re: RegExp) => re.exec(html)?.[1]
  return {
    title: pick(/<title>([^<]*)<\/title>/),
    description: pick(/<meta name="description" content="([^"]*)"/),
    canonical: pick(/<link rel="canonical" href="([^"]*)"/),
    h1Count: (html.match(/<h1[\s>]/g) ?? []).length,
  }
}

/** Every portal page: own title with the site name, a description, an absolute canonical, one h1. */
export function assertPageHead(html: string, canonical: string, titleIncludes: string) {
  const h = headOf(html)
  assert.ok(h.title?.includes(titleIncludes), `title "${h.title}" should include "${titleIncludes}"`)
  assert.ok(h.title?.includes('一网通办') || h.title?.includes('Yiwang'), 'title carries the site name')
  assert.ok(h.description && h.description.length > 5, 'has a meta description')
  assert.equal(text(h.canonical ?? ''), canonical)
  assert.equal(h.h1Count, 1, 'exactly one h1')
  assert.doesNotMatch(html, /\sstyle=/, 'no inline style attributes (CSP style-src self)')
}

export async function publishedRecords(db: Executor): Promise<ServiceItemRecord[]> {
  const rows = await db.selectFrom('service_items').select('data').where('status', '=', 'published').orderBy('code').execute()
  return rows.map((r) => r.data as unknown as ServiceItemRecord)
}

/** True when two or more steps wait for exactly the same predecessors (a 并联 group). */
export function hasParallelSteps(r: ServiceItemRecord): boolean {
  const seen = new Map<string, number>()
  for (const s of r.steps ?? []) {
    if (!s.after?.length) continue
    const k = [...s.after].sort().join('|')
    seen.set(k, (seen.get(k) ?? 0) + 1)
  }
  return [...seen.values()].some((n) => n > 1)
}

export const TEST_ACTOR = { type: 'system' as const, name: 'portal-test' }
