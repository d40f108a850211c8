import { PinyinLexicon } from './lexicon'
import { foldEnglish, hasCjk, normalize } from './text'

export type SynonymEntry = { phrase: string; expansions: string[] }
export type CjkMatch = { start: number; end: number; entry: SynonymEntry }

/**
 * The curated everyday-phrase → official-terms dictionary (table search_synonyms), ready for matching
 * inside a longer query: Chinese phrases by longest substring from left to right ("我想开一家饭店" finds
 * 饭店), English/latin phrases by whole words with folded spelling ("driving licences" finds
 * "driving license").
 */
export class SynonymDictionary {
  private readonly cjk = new Map<string, SynonymEntry>()
  private readonly latin = new Map<string, SynonymEntry>()
  private maxCjk = 0
  private maxWords = 0
  /** Pinyin of the Chinese phrases, so "sbk" or "shebaoka" reach 社保卡 even when the catalogue says 社会保障卡. */
  readonly lexicon = new PinyinLexicon()

  constructor(entries: SynonymEntry[]) {
    for (const e of entries) {
      const p = normalize(e.phrase).trim()
      if (!p) continue
      if (hasCjk(p)) {
        this.cjk.set(p, e)
        this.lexicon.add(p, true)
        this.maxCjk = Math.max(this.maxCjk, Array.from(p).length)
      } else {
        const key = latinKey(p)
        if (!key) continue
        this.latin.set(key, e)
        this.maxWords = Math.max(this.maxWords, key.split(' ').length)
      }
    }
  }
  entry(phrase: string): SynonymEntry | undefined {
    return this.cjk.get(phrase)
  }
  get size(): number {
    return this.cjk.size + this.latin.size
  }

  /** Non-overlapping phrase matches in a CJK run, longest first at each position. One-character phrases only match alone. */
  matchCjk(run: string): CjkMatch[] {
    const chars = Array.from(run)
    const out: CjkMatch[] = []
    let i = 0
    while (i < chars.length) {
      let found: CjkMatch | undefined
      for (let len = Math.min(this.maxCjk, chars.length - i); len >= 1; len--) {
        if (len === 1 && chars.length > 1) break
        const e = this.cjk.get(chars.slice(i, i + len).join(''))
        if (e) { found = { start: i, end: i + len, entry: e }; break }
      }
      if (found) { out.push(found); i = found.end } else i++
    }
    return out
  }

  /** Longest latin phrase starting at word `i` (words already folded), or undefined. */
  matchLatin(words: string[], i: number): { len: number; entry: SynonymEntry } | undefined {
    for (let len = Math.min(this.maxWords, words.length - i); len >= 1; len--) {
      const e = this.latin.get(words.slice(i, i + len).join(' '))
      if (e) return { len, entry: e }
    }
    return undefined
  }

  /** A one-word latin phrase within one edit of `word` (≥ 5 letters): "pasport" → passport. */
  nearLatin(word: string): SynonymEntry | undefined {
    if (word.length < 5) return undefined
    for (const [k, e] of this.latin) if (!k.includes(' ') && Math.abs(k.length - word.length) <= 1 && editDistanceAtMost1(k, word)) return e
    return undefined
  }
}

export function latinKey(phrase: string): string {
  return phrase.split(/[^a-z0-9']+/).filter(Boolean).map(foldEnglish).join(' ')
}

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent transposition. */
export function editDistanceAtMost1(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}
