import type { IndexRow } from '../catalog-queries'
import { docTerms, FIELD_B, FIELD_WEIGHT, type DocMeta, type DocTerms, type FieldTerms } from './documents'
import { PinyinLexicon } from './lexicon'
import { CORE, FIELD, Posting, type FieldName } from './postings'

const K1 = 1.2
const STRONG: ReadonlySet<FieldName> = new Set<FieldName>(['name', 'keywords', 'result', 'themes', 'materials'])

/**
 * The in-memory inverted index: doc slots (an updated item gets a new slot, the old one dies), postings per
 * term with a precomputed BM25F saturated term frequency, and the pinyin lexicon of the vocabulary.
 */
export class InvertedIndex {
  /** Postings where the term is in a core field (name, keywords, result, themes, description). */
  readonly postings = new Map<string, Posting>()
  /** Postings where the term occurs only in materials, legal basis or department. */
  readonly weak = new Map<string, Posting>()
  readonly lexicon = new PinyinLexicon()
  docs: DocMeta[] = []
  /** Popularity per slot as a typed array, for the tie-break prior in the hot loop. */
  pop = new Float32Array(1024)
  alive = new Uint8Array(1024)
  /** Per slot, the id of its normalised name in `names` (many items share a name: the same service per county). */
  nameId = new Int32Array(1024)
  readonly names: string[] = []
  private readonly nameIds = new Map<string, number>()
  /** Largest popularity prior of any slot ever indexed (an upper bound for the ranker's pruning). */
  maxPop = 1
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
    return (this.postings.get(term)?.n ?? 0) > 0 || (this.weak.get(term)?.n ?? 0) > 0
  }
  /** Document frequency for IDF: items where the term is part of what the item is. */
  df(term: string): number {
    return this.postings.get(term)?.n ?? 0
  }
  /** Weak postings are skipped when the term is in the materials of a large share of the catalogue. */
  weakPostings(term: string): Posting | undefined {
    const p = this.weak.get(term)
    return p && p.n <= Math.max(2000, this.live * 0.02) ? p : undefined
  }

  private nameIdOf(name: string): number {
    let id = this.nameIds.get(name)
    if (id === undefined) { id = this.names.length; this.names.push(name); this.nameIds.set(name, id) }
    return id
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
      const p = new Float32Array(this.alive.length)
      p.set(this.pop)
      this.pop = p
      const n = new Int32Array(this.alive.length)
      n.set(this.nameId)
      this.nameId = n
    }
    this.nameId[slot] = this.nameIdOf(d.meta.nameNorm)
    this.pop[slot] = 1 + 0.02 * Math.log10(1 + Math.max(0, d.meta.popularity))
    if (this.pop[slot]! > this.maxPop) this.maxPop = this.pop[slot]!
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
      const map = a.mask & CORE ? this.postings : this.weak
      let p = map.get(term)
      if (!p) { p = new Posting(); map.set(term, p) }
      p.push(slot, (a.tf * (K1 + 1)) / (a.tf + K1), a.mask)
    }
  }

  /** Renumbers live slots densely and drops dead postings (after many updates). */
  private compact(): void {
    const remap = new Int32Array(this.docs.length).fill(-1)
    const docs: DocMeta[] = []
    for (let s = 0; s < this.docs.length; s++) if (this.alive[s]) { remap[s] = docs.length; docs.push(this.docs[s]!) }
    for (const map of [this.postings, this.weak]) for (const [t, p] of map) { p.compact(remap); if (p.n === 0) map.delete(t) }
    this.docs = docs
    this.alive = new Uint8Array(Math.max(1024, docs.length * 2))
    this.alive.fill(1, 0, docs.length)
    this.pop = new Float32Array(this.alive.length)
    this.nameId = new Int32Array(this.alive.length)
    docs.forEach((d, i) => { this.pop[i] = 1 + 0.02 * Math.log10(1 + Math.max(0, d.popularity)); this.nameId[i] = this.nameIdOf(d.nameNorm) })
    this.slotById.clear(); this.slotByCode.clear()
    docs.forEach((d, i) => { this.slotById.set(d.id, i); this.slotByCode.set(d.code, i) })
  }
}
