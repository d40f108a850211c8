import type { IndexRow } from '../catalog-queries'
import { FIELD, type FieldName } from './postings'
import { bigrams, normalize, searchTokens, unigrams, words } from './text'

/** What the engine keeps per indexed item: enough to filter, rank ties and render a hit without the database. */
export type DocMeta = {
  id: string
  code: string
  name: string
  /** Normalised name without punctuation, for the whole-query-in-name bonus. */
  nameNorm: string
  type: IndexRow['record']['type']
  departmentName: string
  departmentSlug: string
  audience: IndexRow['record']['audience']
  themes: string[]
  regionCode: string | null
  onlineLevel: number | null
  summary: string
  popularity: number
}

/**
 * Term counts of one field; `words` are its distinct jieba words (the pinyin lexicon takes only these) and
 * `spans` (names only) runs of 2–3 consecutive words such as 残疾人证 or 不动产权证书, so pinyin and
 * initials typed for a whole compound ("cjrz", "bdcqzs") find it even when jieba splits it.
 */
export type FieldTerms = { len: number; counts: Map<string, number>; words: string[]; spans?: string[] }
export type DocTerms = { meta: DocMeta; fields: [FieldName, FieldTerms][] }

/** Field weights (BM25F) and length-normalisation strength. The name dominates; legal basis barely counts. */
export const FIELD_WEIGHT: Record<FieldName, number> = { name: 3, keywords: 2.5, result: 1.5, themes: 1, department: 0.8, materials: 0.6, description: 0.7, legal: 0.3 }
export const FIELD_B: Record<FieldName, number> = { name: 0.3, keywords: 0.3, result: 0.3, themes: 0.2, department: 0.2, materials: 0.5, description: 0.75, legal: 0.5 }
/** Short fields also get character bigrams; the name also gets single characters. */
const SHORT: ReadonlySet<FieldName> = new Set<FieldName>(['name', 'keywords', 'result', 'themes', 'department', 'materials'])

/**
 * Tokenises one field. Catalogues repeat the same texts a lot (materials such as 居民身份证, legal bases, the
 * same item run by every county), so results are memoised per (field, text) while a batch is indexed.
 */
export function fieldTerms(field: FieldName, text: string, cache?: Map<string, FieldTerms>): FieldTerms {
  const key = field === 'name' ? `n\u0000${text}` : SHORT.has(field) ? `s\u0000${text}` : `l\u0000${text}`
  const hit = cache?.get(key)
  if (hit) return hit
  const norm = normalize(text)
  const toks = searchTokens(norm)
  const counts = new Map<string, number>()
  for (const t of toks) counts.set(t, (counts.get(t) ?? 0) + 1)
  if (SHORT.has(field)) for (const b of bigrams(norm)) if (!counts.has(b)) counts.set(b, 1)
  if (field === 'name') for (const u of unigrams(norm)) if (!counts.has(u)) counts.set(u, 1)
  const ft: FieldTerms = { len: Math.max(1, toks.length), counts, words: [...new Set(toks)] }
  if (field === 'name') ft.spans = wordSpans(norm)
  cache?.set(key, ft)
  return ft
}

export function docTerms(r: IndexRow, cache?: Map<string, FieldTerms>): DocTerms {
  const rec = r.record
  const texts: [FieldName, string | undefined][] = [
    ['name', rec.name],
    ['keywords', rec.keywords?.join(' ')],
    ['result', rec.result?.name],
    ['themes', rec.themes?.join(' ')],
    ['department', r.departmentName],
    ['materials', rec.materials?.map((m) => m.name).join('、')],
    ['description', rec.description],
    ['legal', rec.legalBasis?.join('；')],
  ]
  const fields: [FieldName, FieldTerms][] = []
  for (const [f, t] of texts) if (t && t.trim()) fields.push([f, fieldTerms(f, t.slice(0, 4000), cache)])
  const meta: DocMeta = {
    id: r.id,
    code: r.code,
    name: rec.name,
    nameNorm: normalize(rec.name).replace(/[^\u3400-\u9fffa-z0-9]+/g, ''),
    type: rec.type,
    departmentName: r.departmentName,
    departmentSlug: r.departmentSlug,
    audience: rec.audience ?? [],
    themes: rec.themes ?? [],
    regionCode: rec.region?.code ?? null,
    onlineLevel: rec.onlineLevel ?? null,
    summary: summarise(rec.description ?? ''),
    popularity: r.popularity,
  }
  return { meta, fields }
}

function wordSpans(norm: string): string[] {
  const out = new Set<string>()
  for (const part of norm.split(/[^\u3400-\u9fff]+/)) {
    const ws = words(part)
    for (let i = 0; i < ws.length; i++) {
      let span = ws[i]!
      for (let j = i + 1; j < Math.min(ws.length, i + 3); j++) {
        span += ws[j]!
        if (span.length >= 3 && span.length <= 8) out.add(span)
      }
    }
  }
  return [...out]
}

function summarise(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim()
  return t.length > 120 ? `${t.slice(0, 118)}…` : t
}

export const fieldBit = (f: FieldName) => FIELD[f]
