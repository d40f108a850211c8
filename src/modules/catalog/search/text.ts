import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import * as OpenCC from 'opencc-js'

/**
 * Text normalisation and segmentation shared by the index (documents) and the query parser, so both
 * sides see the same terms: NFKC (full-width → half-width), lower case, traditional → simplified,
 * jieba words (search mode keeps 许可证 / 公积金 / 不动产 whole and also emits their parts) and
 * CJK character bigrams/unigrams for robustness against segmentation differences.
 */
export const MAX_QUERY_CHARS = 200

let jieba: Jieba | undefined
function seg(): Jieba {
  jieba ??= Jieba.withDict(dict)
  return jieba
}

// Traditional → simplified: Hong Kong and Taiwan variants first (身份證/駕駛證 use regional forms), then generic.
const toSimplified: ((s: string) => string)[] = [
  OpenCC.Converter({ from: 'hk', to: 'cn' }),
  OpenCC.Converter({ from: 'tw', to: 'cn' }),
]

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/
const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g
export const isCjk = (ch: string) => CJK.test(ch)
export const hasCjk = (s: string) => CJK.test(s)

/** NFKC + lower case + simplified. Strips control characters; keeps letters, digits, CJK and spacing. */
export function normalize(text: string): string {
  let s = text.normalize('NFKC').toLowerCase()
  if (hasCjk(s)) for (const conv of toSimplified) s = conv(s)
  return s
}

/** Caps the raw query before any processing (long input must not cost more than a normal query). */
export function capQuery(q: string): string {
  // Array.from keeps surrogate pairs (emoji) whole.
  const chars = Array.from(q.length > MAX_QUERY_CHARS * 2 ? q.slice(0, MAX_QUERY_CHARS * 2) : q)
  return chars.length > MAX_QUERY_CHARS ? chars.slice(0, MAX_QUERY_CHARS).join('') : chars.join('')
}

const KEEP_TOKEN = /[\u3400-\u9fffa-z0-9]/

/** jieba search-mode tokens of normalised text (words and their sub-words), punctuation dropped. */
export function searchTokens(s: string): string[] {
  if (!s) return []
  return seg().cutForSearch(s, true).filter((t) => KEEP_TOKEN.test(t)).map((t) => t.trim()).filter(Boolean)
}

/** jieba precise-mode words (for queries), punctuation and spaces dropped. */
export function words(s: string): string[] {
  if (!s) return []
  return seg().cut(s, true).map((t) => t.trim()).filter((t) => t && KEEP_TOKEN.test(t))
}

/** Character bigrams of each CJK run ("营业执照" → 营业 业执 执照); runs of one character yield nothing. */
export function bigrams(s: string): string[] {
  const out: string[] = []
  for (const m of s.matchAll(CJK_RUN)) {
    const run = Array.from(m[0])
    for (let i = 0; i + 1 < run.length; i++) out.push(run[i]! + run[i + 1]!)
  }
  return out
}

/** Single CJK characters of a text (indexed for names only, so one-character queries like 税 still work). */
export function unigrams(s: string): string[] {
  const out: string[] = []
  for (const m of s.matchAll(CJK_RUN)) out.push(...Array.from(m[0]))
  return out
}

/** Splits normalised text into ordered runs: CJK, latin/digit words, with whether they touch the previous run. */
export type Run = { kind: 'cjk' | 'latin'; text: string; joined: boolean }
export function runs(s: string): Run[] {
  const out: Run[] = []
  const re = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)|([a-z0-9]+(?:'[a-z]+)?)/g
  let last = -1
  for (const m of s.matchAll(re)) {
    out.push({ kind: m[1] ? 'cjk' : 'latin', text: m[0], joined: m.index === last })
    last = m.index + m[0].length
  }
  return out
}

/** Word forms for English matching: British/American spelling and simple plurals fold together. */
export function foldEnglish(word: string): string {
  let w = word.replace(/'s$/, '').replace(/'/g, '')
  w = w.replace(/ence$/, 'ense').replace(/enrolment/, 'enrollment').replace(/centre/, 'center')
  if (w.length > 3 && w.endsWith('ies')) w = w.slice(0, -3) + 'y'
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1)
  return w
}
