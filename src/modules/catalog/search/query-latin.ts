import { englishConcept, pinyinConcepts, type Ctx } from './concepts'
import { segmentPinyin } from './pinyin-segment'
import { EN_STOP } from './stopwords'
import { foldEnglish } from './text'

/**
 * Latin words of a query: English phrases from the dictionary first ("housing fund withdrawal"), then the
 * rest as pinyin/initials over the joined letters ("gong ji jin", "gjj tiqu"), then word by word (English
 * stop words dropped, one-edit English misspellings such as "pasport").
 */
export function latinGroup(group: string[], c: Ctx): void {
  const folded = group.map(foldEnglish)
  let pending: number[] = []
  const flush = () => {
    if (pending.length) leftover(pending.map((k) => group[k]!), pending.map((k) => folded[k]!), c)
    pending = []
  }
  for (let i = 0; i < group.length;) {
    const m = c.syn.matchLatin(folded, i)
    if (m) {
      flush()
      englishConcept(m.entry, group.slice(i, i + m.len).join(' '), c)
      i += m.len
    } else pending.push(i++)
  }
  flush()
}

function leftover(raw: string[], folded: string[], c: Ctx): void {
  const lex = [c.ix.lexicon, c.syn.lexicon]
  const letters = raw.join('').replace(/[^a-z]/g, '')
  if (letters.length >= 2 && letters.length <= 60) {
    const seg = segmentPinyin(Array.from(letters), lex, 'latin')
    if (seg.coverage >= 0.8) return pinyinConcepts(seg.pieces, c)
  }
  raw.forEach((w, k) => {
    const f = folded[k]!
    if (EN_STOP.has(f) || !/[a-z]/.test(f)) return
    const near = c.syn.nearLatin(f)
    if (near) return englishConcept(near, w, c)
    if (w.length > 40) return
    const seg = segmentPinyin(Array.from(w.replace(/[^a-z]/g, '')), lex, 'latin')
    if (seg.coverage >= 0.8) pinyinConcepts(seg.pieces, c)
  })
}
