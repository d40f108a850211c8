import type { InvertedIndex } from './inverted-index'
import type { PinyinPiece } from './pinyin-segment'
import { EN_STOP, ZH_STOP } from './stopwords'
import type { SynonymDictionary, SynonymEntry } from './synonyms'
import { bigrams, normalize, searchTokens, words } from './text'

/**
 * Concepts: what the person asked for, one per meaningful part of the query. Each has alternative term
 * sets (the words typed, synonym expansions, pinyin/typo/English readings) weighted below 1 when they are
 * guesses; the ranker scores an item by its best alternative per concept.
 */
export type Alt = { terms: string[]; w: number }
export type Concept = { label: string; alts: Alt[]; weak?: boolean }
export type ParsedQuery = { concepts: Concept[]; understood: string[]; text: string }
export type Ctx = { ix: InvertedIndex; syn: SynonymDictionary; out: ParsedQuery }

export const W = { typed: 1, parts: 0.75, synonym: 0.85, pinyin: 0.9, fuzzy: 0.75, bigram: 0.5, english: 0.9 } as const
export const PIECE_W: Record<PinyinPiece['kind'], number> = { exact: W.pinyin, fuzzy: W.fuzzy, near: 0.7, initials: 0.8 }

/** Expansions are listed most-relevant first; later ones weigh a little less. */
const expansionWeight = (base: number, i: number) => Math.max(0.6, base - 0.04 * i)

/** Index terms for a phrase: known words as typed; unknown ones by their known sub-words, else their bigrams. */
export function termsOf(phrase: string, ix: InvertedIndex): string[] {
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

/**
 * A curated phrase: its expansions define the meaning. The typed phrase itself counts only when it is a
 * word of the catalogue (身份证 yes; 上户口 no — its part 户口 would pull in every 户口 item).
 */
export function synonymConcept(e: SynonymEntry, typed: string, c: Ctx, base: number = W.synonym): void {
  const alts: Alt[] = []
  if (c.ix.has(typed)) alts.push({ terms: [typed], w: W.typed })
  e.expansions.forEach((x, i) => {
    const t = termsOf(normalize(x), c.ix)
    if (t.length) alts.push({ terms: t, w: expansionWeight(base, i) })
  })
  if (!alts.length) return
  c.out.concepts.push({ label: typed, alts })
  const shown = e.expansions.filter((x) => normalize(x) !== typed)
  if (shown.length) c.out.understood.push(...shown)
}

/** A word found by pinyin/initials/homophone: a catalogue word, a multi-word span of a name, or a synonym phrase. */
export function guessedWordConcept(word: string, typed: string, w: number, c: Ctx, others: string[] = []): void {
  const entry = c.syn.entry(word)
  if (entry && !c.ix.has(word)) {
    synonymConcept(entry, word, c, w * W.synonym)
  } else {
    const alts: Alt[] = []
    for (const [n, cand] of [word, ...others].entries()) {
      const terms = c.ix.has(cand) ? [cand] : termsOf(cand, c.ix)
      if (terms.length) alts.push({ terms, w: cand === typed ? W.typed : w * (n ? 0.9 : 1) })
    }
    if (!alts.length) return
    c.out.concepts.push({ label: word, alts })
  }
  if (word !== typed) c.out.understood.push(`${word}（${typed}）`)
}

export function pinyinConcepts(pieces: PinyinPiece[], c: Ctx): void {
  for (const p of pieces) guessedWordConcept(p.words[0]!, p.text, PIECE_W[p.kind], c, p.words.slice(1))
}

export function englishConcept(e: SynonymEntry, typed: string, c: Ctx): void {
  const alts: Alt[] = []
  e.expansions.forEach((x, i) => {
    const t = termsOf(normalize(x), c.ix)
    if (t.length) alts.push({ terms: t, w: expansionWeight(W.english, i) })
  })
  if (!alts.length) return
  c.out.concepts.push({ label: typed, alts })
  c.out.understood.push(`${e.expansions[0]}（${typed}）`, ...e.expansions.slice(1))
}

export function dedupe(cs: Concept[]): Concept[] {
  const seen = new Set<string>()
  return cs.filter((c) => {
    const k = c.alts.map((a) => a.terms.join('+')).sort().join('|')
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
