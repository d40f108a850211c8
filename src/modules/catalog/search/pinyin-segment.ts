import type { PinyinLexicon } from './lexicon'

/**
 * Splits a pinyin sequence into vocabulary words by dynamic programming (cheapest cover): latin input is a
 * sequence of letters ("gongjijintiqu", "sfz"), an out-of-vocabulary Chinese run is a sequence of
 * syllables (公鸡金 → gong ji jin → 公积金). Exact pinyin beats folded pinyin beats one-edit matches and
 * initials; units nothing explains are skipped at a cost, so garbage yields no pieces.
 */
export type PinyinPiece = { start: number; end: number; text: string; words: string[]; kind: 'exact' | 'fuzzy' | 'near' | 'initials' }

const COST = { exact: 1, fuzzy: 1.3, near: 1.7, initials: 1.5 } as const

export function segmentPinyin(units: string[], lex: PinyinLexicon[], mode: 'latin' | 'syllables'): { pieces: PinyinPiece[]; coverage: number } {
  const n = units.length
  if (!n) return { pieces: [], coverage: 0 }
  const skip = mode === 'latin' ? 0.6 : 1.2
  const maxLen = mode === 'latin' ? 24 : 8
  const minLen = mode === 'latin' ? 2 : 2
  const best = new Float64Array(n + 1).fill(Infinity)
  const back: (PinyinPiece | null)[] = new Array(n + 1).fill(null)
  best[0] = 0
  for (let i = 0; i < n; i++) {
    if (best[i] === Infinity) continue
    if (best[i]! + skip < best[i + 1]!) { best[i + 1] = best[i]! + skip; back[i + 1] = null }
    for (let j = i + minLen; j <= Math.min(n, i + maxLen); j++) {
      const key = units.slice(i, j).join('')
      const piece = lookup(key, lex, mode, j - i)
      if (!piece) continue
      const c = best[i]! + COST[piece.kind]
      if (c < best[j]!) { best[j] = c; back[j] = { start: i, end: j, text: key, ...piece } }
    }
  }
  const pieces: PinyinPiece[] = []
  let covered = 0
  for (let j = n; j > 0;) {
    const p = back[j]
    if (p) { pieces.unshift(p); covered += p.end - p.start; j = p.start } else j--
  }
  return { pieces, coverage: covered / n }
}

/** Tries each kind of match in order of trust; within a kind, every lexicon (index vocabulary first). */
function lookup(key: string, lexicons: PinyinLexicon[], mode: 'latin' | 'syllables', units: number): Pick<PinyinPiece, 'words' | 'kind'> | undefined {
  if (mode === 'latin' && !/^[a-z]+$/.test(key)) return undefined
  const all = (f: (l: PinyinLexicon) => string[]) => [...new Set(lexicons.flatMap(f))].slice(0, 5)
  let w = all((l) => l.exact(key))
  if (w.length) return { words: w, kind: 'exact' }
  if (key.length >= 4) {
    w = all((l) => l.fuzzyMatch(key))
    if (w.length) return { words: w, kind: 'fuzzy' }
  }
  if (mode === 'latin') {
    if (units <= 6) {
      w = all((l) => l.byInitials(key))
      if (w.length) return { words: w, kind: 'initials' }
    }
    if (key.length >= 6) {
      w = all((l) => l.nearMiss(key))
      if (w.length) return { words: w, kind: 'near' }
    }
  }
  return undefined
}
