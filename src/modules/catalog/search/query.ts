import type { InvertedIndex } from './inverted-index'
import { syllables } from './pinyin'
import { segmentPinyin, type PinyinPiece } from './pinyin-segment'
import { EN_STOP, ZH_STOP } from './stopwords'
import type { SynonymDictionary, SynonymEntry } from './synonyms'
import { bigrams, capQuery, foldEnglish, normalize, runs, searchTokens, words, type Run } from './text'

/**
 * Query understanding: the query becomes a list of concepts ("what the person asked for", in order); each
 * concept has alternative term sets (the words typed, synonym expansions, pinyin/typo/English readings),
 * weighted below 1 when they are guesses. The ranker scores an item by its best alternative per concept.
 */
export type Alt = { terms: string[]; w: number }
export type Concept = { label: string; alts: Alt[]; weak?: boolean }
export type ParsedQuery = { concepts: Concept[]; understood: string[]; text: string }

const W = { typed: 1, parts: 0.75, synonym: 0.85, pinyin: 0.9, fuzzy: 0.75, bigram: 0.5, english: 0.9 } as const
const PIECE_W: Record<PinyinPiece['kind'], number> = { exact: W.pinyin, fuzzy: W.fuzzy, near: 0.7, initials: 0.8 }

export function parseQuery(raw: string, ix: InvertedIndex, syn: SynonymDictionary): ParsedQuery {
  const capped = capQuery(raw)
  const plain = capped.normalize('NFKC').toLowerCase()
  const text = normalize(capped)
  const out: ParsedQuery = { concepts: [], understood: [], text: text.replace(/[^\u3400-\u9fffa-z0-9]+/g, '') }
  if (text !== plain && /[\u3400-\u9fff]/.test(text)) out.understood.push(`${text.trim()}（${plain.trim()}）`)
  const rs = runs(text)
  for (let i = 0; i < rs.length; i++) {
    const r = rs[i]!
    if (r.kind === 'cjk') {
      const next = rs[i + 1]
      const rest = next?.kind === 'latin' && next.joined ? joinMixed(r, next, ix, out) : r.text
      cjkRun(rest, ix, syn, out)
    } else {
      const group: string[] = []
      while (i < rs.length && rs[i]!.kind === 'latin') { if (rs[i]!.text) group.push(rs[i]!.text); i++ }
      i--
      latinGroup(group, ix, syn, out)
    }
  }
  const strong = out.concepts.filter((c) => !c.weak)
  if (strong.length) out.concepts = strong
  out.concepts = dedupe(out.concepts).slice(0, 12)
  return out
}

/** "公积jin": the last characters' pinyin + the latin word may spell one vocabulary word. Consumes both. */
function joinMixed(r: Run, next: Run, ix: InvertedIndex, out: ParsedQuery): string {
  const chars = Array.from(r.text)
  for (let k = Math.min(3, chars.length); k >= 1; k--) {
    const head = chars.slice(chars.length - k).join('')
    const key = syllables(head).join('') + next.text
    const found = ix.lexicon.exact(key)
    if (found.length) {
      out.concepts.push({ label: found[0]!, alts: found.map((w, n) => ({ terms: [w], w: n ? W.fuzzy : W.typed })) })
      out.understood.push(`${found[0]}（${head}${next.text}）`)
      next.text = ''
      return chars.slice(0, chars.length - k).join('')
    }
  }
  return r.text
}

function cjkRun(run: string, ix: InvertedIndex, syn: SynonymDictionary, out: ParsedQuery): void {
  if (!run) return
  const chars = Array.from(run)
  let at = 0
  for (const m of syn.matchCjk(run)) {
    plainCjk(chars.slice(at, m.start).join(''), ix, out)
    synonymConcept(m.entry, chars.slice(m.start, m.end).join(''), ix, out)
    at = m.end
  }
  plainCjk(chars.slice(at).join(''), ix, out)
}

function synonymConcept(e: SynonymEntry, typed: string, ix: InvertedIndex, out: ParsedQuery): void {
  const alts: Alt[] = []
  const own = termsOf(typed, ix)
  if (own.length) alts.push({ terms: own, w: W.typed })
  for (const x of e.expansions) {
    const t = termsOf(normalize(x), ix)
    if (t.length) alts.push({ terms: t, w: W.synonym })
  }
  if (!alts.length) return
  out.concepts.push({ label: typed, alts })
  const shown = e.expansions.filter((x) => normalize(x) !== typed)
  if (shown.length) out.understood.push(...shown)
}

/** Index terms for a phrase: known words as typed; unknown ones by their known sub-words, else their bigrams. */
function termsOf(phrase: string, ix: InvertedIndex): string[] {
  const terms: string[] = []
  for (const w of words(phrase)) {
    if (ZH_STOP.has(w) || EN_STOP.has(w)) continue
    if (ix.has(w)) terms.push(w)
    else if (/^[a-z0-9]+$/.test(w)) continue
    else {
      const parts = searchTokens(w).filter((t) => t.length >= 2 && t !== w && ix.has(t))
      terms.push(...(parts.length ? parts : bigrams(w)))
    }
  }
  return [...new Set(terms)]
}

/** Words typed without a synonym: known words as they are; unknown runs through their pinyin, then bigrams. */
function plainCjk(s: string, ix: InvertedIndex, out: ParsedQuery): void {
  if (!s) return
  let oov: string[] = []
  const flush = () => {
    if (oov.length) oovRun(oov.join(''), ix, out)
    oov = []
  }
  for (const w of words(s)) {
    if (ZH_STOP.has(w)) { flush(); continue }
    if (Array.from(w).length >= 2 && ix.has(w)) {
      flush()
      const alts: Alt[] = [{ terms: [w], w: W.typed }]
      const parts = searchTokens(w).filter((t) => t !== w && t.length >= 2 && ix.has(t))
      if (parts.length >= 2) alts.push({ terms: parts, w: W.parts })
      out.concepts.push({ label: w, alts })
    } else oov.push(w)
  }
  flush()
}

/** An out-of-vocabulary run: homophones/near-homophones by pinyin (身分证 → 身份证, 提区 → 提取), rest as bigrams. */
function oovRun(run: string, ix: InvertedIndex, out: ParsedQuery): void {
  const chars = Array.from(run)
  const sy = syllables(run)
  const { pieces } = sy.length === chars.length ? segmentPinyin(sy, ix.lexicon, 'syllables') : { pieces: [] }
  let at = 0
  const rest = (to: number) => {
    const left = chars.slice(at, to).join('')
    if (left.length >= 2) {
      const t = bigrams(left).filter((b) => ix.has(b))
      if (t.length) out.concepts.push({ label: left, alts: [{ terms: t, w: W.bigram }] })
    } else if (left.length === 1 && ix.has(left)) out.concepts.push({ label: left, alts: [{ terms: [left], w: W.bigram }], weak: true })
  }
  for (const p of pieces) {
    rest(p.start)
    const typed = chars.slice(p.start, p.end).join('')
    const alts: Alt[] = p.words.map((w) => ({ terms: [w], w: w === typed ? W.typed : PIECE_W[p.kind] }))
    const bg = bigrams(typed).filter((b) => ix.has(b))
    if (bg.length) alts.push({ terms: bg, w: W.bigram })
    out.concepts.push({ label: p.words[0]!, alts })
    if (p.words[0] !== typed) out.understood.push(`${p.words[0]}（${typed}）`)
    at = p.end
  }
  rest(chars.length)
}

/** Latin words: English phrases from the dictionary first, then pinyin / initials, then near-miss English. */
function latinGroup(group: string[], ix: InvertedIndex, syn: SynonymDictionary, out: ParsedQuery): void {
  const folded = group.map(foldEnglish)
  let pending: number[] = []
  const flush = () => {
    if (pending.length) latinLeftover(pending.map((k) => group[k]!), pending.map((k) => folded[k]!), ix, syn, out)
    pending = []
  }
  for (let i = 0; i < group.length;) {
    const m = syn.matchLatin(folded, i)
    if (m) {
      flush()
      englishConcept(m.entry, group.slice(i, i + m.len).join(' '), ix, out)
      i += m.len
    } else pending.push(i++)
  }
  flush()
}

function latinLeftover(raw: string[], folded: string[], ix: InvertedIndex, syn: SynonymDictionary, out: ParsedQuery): void {
  const letters = raw.join('').replace(/[^a-z]/g, '')
  if (letters.length >= 2 && letters.length <= 60) {
    const seg = segmentPinyin(Array.from(letters), ix.lexicon, 'latin')
    if (seg.coverage >= 0.8) return pinyinConcepts(seg.pieces, out)
  }
  raw.forEach((w, k) => {
    const f = folded[k]!
    if (EN_STOP.has(f) || !/[a-z]/.test(f)) return
    const near = syn.nearLatin(f)
    if (near) return englishConcept(near, w, ix, out)
    if (w.length > 40) return
    const seg = segmentPinyin(Array.from(w.replace(/[^a-z]/g, '')), ix.lexicon, 'latin')
    if (seg.coverage >= 0.8) pinyinConcepts(seg.pieces, out)
  })
}

function pinyinConcepts(pieces: PinyinPiece[], out: ParsedQuery): void {
  for (const p of pieces) {
    out.concepts.push({ label: p.words[0]!, alts: p.words.map((w, n) => ({ terms: [w], w: PIECE_W[p.kind] * (n ? 0.9 : 1) })) })
    out.understood.push(`${p.words[0]}（${p.text}）`)
  }
}

function englishConcept(e: SynonymEntry, typed: string, ix: InvertedIndex, out: ParsedQuery): void {
  const alts: Alt[] = []
  for (const x of e.expansions) {
    const t = termsOf(normalize(x), ix)
    if (t.length) alts.push({ terms: t, w: W.english })
  }
  if (!alts.length) return
  out.concepts.push({ label: typed, alts })
  out.understood.push(...e.expansions.map((x) => `${x}（${typed}）`).slice(0, 1), ...e.expansions.slice(1))
}

function dedupe(cs: Concept[]): Concept[] {
  const seen = new Set<string>()
  return cs.filter((c) => {
    const k = c.alts.map((a) => a.terms.join('+')).sort().join('|')
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
