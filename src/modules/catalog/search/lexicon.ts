import { deletes, fullPinyin, fuzzyKey, initials } from './pinyin'

/**
 * The pinyin side of the index vocabulary: every indexed Chinese word (2–8 characters) under its full
 * pinyin, its fuzzy key, its initials (words from short fields only) and, for edit-distance matching,
 * the one-deletion variants of its full pinyin. Words only accumulate; a word whose items are gone simply
 * has no postings any more.
 */
type Entry = { word: string; weight: number }
const WORD = /^[\u3400-\u9fff]{2,8}$/

export class PinyinLexicon {
  private readonly seen = new Map<string, Entry>()
  private readonly full = new Map<string, Entry[]>()
  private readonly fuzzy = new Map<string, Entry[]>()
  private readonly inits = new Map<string, Entry[]>()
  private readonly dels = new Map<string, string[]>()
  private readonly pyCache = new Map<string, string>()

  /** `strong` = the word occurs in a short field (name, result, keywords, themes, materials). */
  add(word: string, strong: boolean): void {
    if (!WORD.test(word)) return
    let e = this.seen.get(word)
    if (e) {
      e.weight += strong ? 10 : 1
      if (strong && e.weight < 20) this.addInitials(e)
      return
    }
    e = { word, weight: strong ? 10 : 1 }
    this.seen.set(word, e)
    const py = fullPinyin(word)
    this.pyCache.set(word, py)
    push(this.full, py, e)
    push(this.fuzzy, fuzzyKey(py), e)
    if (py.length >= 5) for (const d of deletes(py)) pushStr(this.dels, d, py)
    if (strong) this.addInitials(e)
  }
  private addInitials(e: Entry) {
    const key = initials(e.word)
    const list = this.inits.get(key)
    if (!list?.includes(e)) push(this.inits, key, e)
  }

  get size(): number {
    return this.seen.size
  }
  has(word: string): boolean {
    return this.seen.has(word)
  }
  pinyinOf(word: string): string {
    return this.pyCache.get(word) ?? fullPinyin(word)
  }

  /** Words whose full pinyin is exactly `py` (homophones), most used first. */
  exact(py: string, limit = 4): string[] {
    return top(this.full.get(py), limit)
  }
  /** Words whose pinyin matches after folding confusable sounds. */
  fuzzyMatch(py: string, limit = 4): string[] {
    return top(this.fuzzy.get(fuzzyKey(py)), limit)
  }
  /** Words with these initials ("sfz" → 身份证). Two-letter initials are ambiguous: fewer candidates. */
  byInitials(key: string): string[] {
    if (key.length < 2 || key.length > 6) return []
    return top(this.inits.get(key), key.length === 2 ? 2 : 4)
  }
  /** Words whose full pinyin is within about one edit of `py` (insertion, deletion, substitution). */
  nearMiss(py: string, limit = 4): string[] {
    if (py.length < 5) return []
    const keys = new Set<string>()
    for (const k of this.dels.get(py) ?? []) keys.add(k) // py lacks one letter
    for (const d of deletes(py)) {
      if (this.full.has(d)) keys.add(d) // py has one extra letter
      for (const k of this.dels.get(d) ?? []) keys.add(k) // one letter differs
    }
    keys.delete(py)
    const entries = [...keys].flatMap((k) => this.full.get(k) ?? [])
    return top(entries, limit)
  }
}

function push(m: Map<string, Entry[]>, k: string, e: Entry) {
  const l = m.get(k)
  if (l) l.push(e)
  else m.set(k, [e])
}
function pushStr(m: Map<string, string[]>, k: string, v: string) {
  const l = m.get(k)
  if (!l) m.set(k, [v])
  else if (!l.includes(v)) l.push(v)
}
function top(list: Entry[] | undefined, limit: number): string[] {
  if (!list?.length) return []
  return [...list].sort((a, b) => b.weight - a.weight).slice(0, limit).map((e) => e.word)
}
