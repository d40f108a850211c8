import type { IndexRow } from '../catalog-queries'
import { docTerms, FIELD_B, FIELD_WEIGHT, type DocMeta, type DocTerms, type FieldTerms } from './documents'
import { PinyinLexicon } from './lexicon'
import { FIELD, Posting, type FieldName } from './postings'

const K1 = 1.2
const STRONG: ReadonlySet<FieldName> = new Set<FieldName>(['name', 'keywords', 'result', 'themes', 'materials'])

/**
 * The in-memory inverted index: doc slots (an updated item gets a new slot, the old one dies), postings per
 * term with a precomputed BM25F saturated term frequency, and the pinyin lexicon of the vocabulary.
 */
export class InvertedIndex {
  readonly postings = new Map<string, Posting>()
  readonly lexicon = new PinyinLexicon()
  docs: DocMeta[] = []
  alive = new Uint8Array(1024)
  private readonly slotById = new Map<string, number>()
  private readonly slotByCode = new Map<string, number>()
  private live = 0
  private lenSum: Record<FieldName, number> = { name: 0, keywords: 0, result: 0, themes: 0, department: 0, materials: 0, description: 0, legal: 0 }
  private lenCount: Record<FieldName, number> = { ...this.lenSum }

  get size(): number {
    return this.live
  }
  get slots(): number {
    return this.docs.length
  }
  slotOfCode(code: string): number | undefined {
    return this.slotByCode.get(code)
  }

  /** Applies changed rows: published ones are (re)indexed, anything else leaves the index. */
  apply(rows: IndexRow[], cache = new Map<string, FieldTerms>()): void {
    const add: DocTerms[] = []
    for (const r of rows) {
      this.remove(r.id)
      if (r.status === 'published') add.push(docTerms(r, cache))
    }
    for (const d of add) for (const [f, ft] of d.fields) { this.lenSum[f] += ft.len; this.lenCount[f] += 1 }
    for (const d of add) this.insert(d)
    if (this.docs.length > 2000 && this.live < this.docs.length * 0.7) this.compact()
  }

  idf(df: number): number {
    const n = Math.max(this.live, 1)
    return Math.log(1 + (n - df + 0.5) / (df + 0.5))
  }
  has(term: string): boolean {
    const p = this.postings.get(term)
    return p !== undefined && p.n > 0
  }

  private remove(id: string): void {
    const slot = this.slotById.get(id)
    if (slot === undefined) return
    this.alive[slot] = 0
    this.slotById.delete(id)
    this.slotByCode.delete(this.docs[slot]!.code)
    this.live--
  }

  private insert(d: DocTerms): void {
    const slot = this.docs.length
    this.docs.push(d.meta)
    if (slot >= this.alive.length) {
      const a = new Uint8Array(this.alive.length * 2)
      a.set(this.alive)
      this.alive = a
    }
    this.alive[slot] = 1
    this.slotById.set(d.meta.id, slot)
    this.slotByCode.set(d.meta.code, slot)
    this.live++
    // BM25F: per term, sum the field-weighted, length-normalised frequencies, then saturate once.
    const acc = new Map<string, { tf: number; mask: number }>()
    for (const [f, ft] of d.fields) {
      const avg = this.lenSum[f] / Math.max(this.lenCount[f], 1) || 1
      const norm = 1 - FIELD_B[f] + (FIELD_B[f] * ft.len) / avg
      const w = FIELD_WEIGHT[f] / norm
      const strong = STRONG.has(f)
      for (const [term, c] of ft.counts) {
        const a = acc.get(term)
        const tf = Math.min(c, 3) * w
        if (a) { a.tf += tf; a.mask |= FIELD[f] } else acc.set(term, { tf, mask: FIELD[f] })
      }
      if (f !== 'legal' && f !== 'department') for (const word of ft.words) this.lexicon.add(word, strong)
      if (ft.spans) for (const span of ft.spans) this.lexicon.add(span, true)
    }
    for (const [term, a] of acc) {
      let p = this.postings.get(term)
      if (!p) { p = new Posting(); this.postings.set(term, p) }
      p.push(slot, (a.tf * (K1 + 1)) / (a.tf + K1), a.mask)
    }
  }

  /** Renumbers live slots densely and drops dead postings (after many updates). */
  private compact(): void {
    const remap = new Int32Array(this.docs.length).fill(-1)
    const docs: DocMeta[] = []
    for (let s = 0; s < this.docs.length; s++) if (this.alive[s]) { remap[s] = docs.length; docs.push(this.docs[s]!) }
    for (const [t, p] of this.postings) { p.compact(remap); if (p.n === 0) this.postings.delete(t) }
    this.docs = docs
    this.alive = new Uint8Array(Math.max(1024, docs.length * 2))
    this.alive.fill(1, 0, docs.length)
    this.slotById.clear(); this.slotByCode.clear()
    docs.forEach((d, i) => { this.slotById.set(d.id, i); this.slotByCode.set(d.code, i) })
  }
}
