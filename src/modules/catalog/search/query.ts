import { dedupe, guessedWordConcept, synonymConcept, W, type Alt, type Ctx, type ParsedQuery } from './concepts'
import type { InvertedIndex } from './inverted-index'
import { syllables } from './pinyin'
import { segmentPinyin } from './pinyin-segment'
import { latinGroup } from './query-latin'
import { ZH_STOP } from './stopwords'
import type { SynonymDictionary } from './synonyms'
import { bigrams, capQuery, normalize, runs, searchTokens, words, type Run } from './text'

export type { Alt, Concept, ParsedQuery } from './concepts'

/**
 * Query understanding: cap, normalise (full-width, case, traditional → simplified), then walk the runs of
 * Chinese and latin text turning each meaningful part into a concept (see concepts.ts).
 */
export function parseQuery(raw: string, ix: InvertedIndex, syn: SynonymDictionary): ParsedQuery {
  const capped = capQuery(raw)
  const plain = capped.normalize('NFKC').toLowerCase()
  const text = normalize(capped)
  const out: ParsedQuery = { concepts: [], understood: [], text: text.replace(/[^\u3400-\u9fffa-z0-9]+/g, '') }
  const c: Ctx = { ix, syn, out }
  if (text !== plain && /[\u3400-\u9fff]/.test(text)) out.understood.push(`${text.trim()}（${plain.trim()}）`)
  const rs = runs(text)
  for (let i = 0; i < rs.length; i++) {
    const r = rs[i]!
    if (r.kind === 'cjk') {
      const next = rs[i + 1]
      cjkRun(next?.kind === 'latin' && next.joined ? joinMixed(r, next, c) : r.text, c)
    } else {
      const group: string[] = []
      while (i < rs.length && rs[i]!.kind === 'latin') { if (rs[i]!.text) group.push(rs[i]!.text); i++ }
      i--
      latinGroup(group, c)
    }
  }
  const strong = out.concepts.filter((k) => !k.weak)
  out.concepts = dedupe(strong.length ? strong : out.concepts).slice(0, 12)
  return out
}

/** "公积jin": the last characters' pinyin + the latin word may spell one vocabulary word. Consumes both. */
function joinMixed(r: Run, next: Run, c: Ctx): string {
  const chars = Array.from(r.text)
  for (let k = Math.min(3, chars.length); k >= 1; k--) {
    const head = chars.slice(chars.length - k).join('')
    const found = c.ix.lexicon.exact(syllables(head).join('') + next.text)
    if (found.length) {
      guessedWordConcept(found[0]!, `${head}${next.text}`, W.typed, c, found.slice(1))
      next.text = ''
      return chars.slice(0, chars.length - k).join('')
    }
  }
  return r.text
}

function cjkRun(run: string, c: Ctx): void {
  if (!run) return
  const chars = Array.from(run)
  let at = 0
  for (const m of c.syn.matchCjk(run)) {
    plainCjk(chars.slice(at, m.start).join(''), c)
    synonymConcept(m.entry, chars.slice(m.start, m.end).join(''), c)
    at = m.end
  }
  plainCjk(chars.slice(at).join(''), c)
}

/** Words typed without a synonym: known words as they are; unknown runs through their pinyin, then bigrams. */
function plainCjk(s: string, c: Ctx): void {
  if (!s) return
  let oov: string[] = []
  const flush = () => {
    if (oov.length) oovRun(oov.join(''), c)
    oov = []
  }
  for (const w of words(s)) {
    if (ZH_STOP.has(w)) { flush(); continue }
    if (Array.from(w).length >= 2 && c.ix.has(w)) {
      flush()
      const alts: Alt[] = [{ terms: [w], w: W.typed }]
      const parts = searchTokens(w).filter((t) => t !== w && t.length >= 2 && c.ix.has(t))
      if (parts.length >= 2) alts.push({ terms: parts, w: W.parts })
      c.out.concepts.push({ label: w, alts })
    } else oov.push(w)
  }
  flush()
}

/** An out-of-vocabulary run: homophones/near-homophones by pinyin (身分证 → 身份证, 提区 → 提取), rest as bigrams. */
function oovRun(run: string, c: Ctx): void {
  const chars = Array.from(run)
  const sy = syllables(run)
  const { pieces } = sy.length === chars.length ? segmentPinyin(sy, [c.ix.lexicon, c.syn.lexicon], 'syllables') : { pieces: [] }
  let at = 0
  const rest = (to: number) => {
    const left = chars.slice(at, to).join('')
    if (left.length >= 2) {
      const t = bigrams(left).filter((b) => c.ix.has(b))
      if (t.length) c.out.concepts.push({ label: left, alts: [{ terms: t, w: W.bigram }] })
    } else if (left.length === 1 && c.ix.has(left)) c.out.concepts.push({ label: left, alts: [{ terms: [left], w: W.bigram }], weak: true })
  }
  for (const p of pieces) {
    rest(p.start)
    const typed = chars.slice(p.start, p.end).join('')
    guessedWordConcept(p.words[0]!, typed, p.kind === 'exact' ? W.pinyin : W.fuzzy, c, p.words.slice(1))
    const bg = bigrams(typed).filter((b) => c.ix.has(b))
    const last = c.out.concepts[c.out.concepts.length - 1]
    if (bg.length && last) last.alts.push({ terms: bg, w: W.bigram })
    at = p.end
  }
  rest(chars.length)
}
