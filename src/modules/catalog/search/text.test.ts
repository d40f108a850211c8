import { test } from 'node:test'
import assert from 'node:assert/strict'
import { bigrams, capQuery, foldEnglish, normalize, runs, searchTokens, MAX_QUERY_CHARS } from './text'
import { fullPinyin, fuzzyKey, initials } from './pinyin'
import { PinyinLexicon } from './lexicon'
import { segmentPinyin } from './pinyin-segment'
import { SynonymDictionary, editDistanceAtMost1 } from './synonyms'
import { regionPrefix } from './filters'

test('normalize folds traditional (HK/TW), full-width and case', () => {
  assert.equal(normalize('護照'), '护照')
  assert.equal(normalize('駕駛證'), '驾驶证')
  assert.equal(normalize('營業執照'), '营业执照')
  assert.equal(normalize('ＧＪＪ　身份證'), 'gjj 身份证')
})

test('capQuery keeps at most MAX_QUERY_CHARS characters and never splits an emoji', () => {
  assert.equal(Array.from(capQuery('好'.repeat(10_000))).length, MAX_QUERY_CHARS)
  const e = capQuery('😀'.repeat(500))
  assert.equal(Array.from(e).length, MAX_QUERY_CHARS)
  assert.ok(Array.from(e).every((c) => c === '😀'))
})

test('jieba search tokens keep official compounds whole and bigrams cover each CJK run', () => {
  const t = searchTokens('住房公积金提取')
  assert.ok(t.includes('公积金') && t.includes('提取'))
  assert.ok(searchTokens('食品经营许可证核发').includes('许可证'))
  assert.deepEqual(bigrams('营业执照 a 补'), ['营业', '业执', '执照'])
})

test('runs split Chinese and latin and mark touching runs', () => {
  assert.deepEqual(runs('公积jin 提取'), [
    { kind: 'cjk', text: '公积', joined: false },
    { kind: 'latin', text: 'jin', joined: true },
    { kind: 'cjk', text: '提取', joined: false },
  ])
})

test('English folding merges spelling variants and plurals', () => {
  assert.equal(foldEnglish('licence'), foldEnglish('license'))
  assert.equal(foldEnglish('passports'), 'passport')
  assert.equal(foldEnglish("driver's"), 'driver')
})

test('pinyin: full, initials, place-name overrides and fuzzy folding', () => {
  assert.equal(fullPinyin('公积金'), 'gongjijin')
  assert.equal(initials('身份证'), 'sfz')
  assert.equal(fullPinyin('单县'), 'shanxian')
  assert.equal(fuzzyKey('gongjijing'), fuzzyKey('gongjijin'))
  assert.equal(fuzzyKey('shenfen'), fuzzyKey('senfen'))
})

test('lexicon finds words by pinyin, initials, folded and one-edit pinyin', () => {
  const lex = new PinyinLexicon()
  for (const w of ['公积金', '身份证', '护照', '提取']) lex.add(w, true)
  assert.deepEqual(lex.exact('gongjijin'), ['公积金'])
  assert.deepEqual(lex.byInitials('sfz'), ['身份证'])
  assert.deepEqual(lex.fuzzyMatch('gongjijing'), ['公积金'])
  assert.deepEqual(lex.nearMiss('shenfenzhen'), ['身份证'])
  assert.deepEqual(lex.nearMiss('gongjjin'), ['公积金'])
  const seg = segmentPinyin(Array.from('gongjijintiqu'), [lex], 'latin')
  assert.deepEqual(seg.pieces.map((p) => p.words[0]), ['公积金', '提取'])
  assert.equal(seg.coverage, 1)
  assert.equal(segmentPinyin(Array.from('asdkjhqwe'), [lex], 'latin').pieces.length, 0)
})

test('synonym phrases match inside longer queries, longest first; English by whole folded words', () => {
  const d = new SynonymDictionary([
    { phrase: '饭店', expansions: ['餐饮'] },
    { phrase: '开饭店', expansions: ['餐饮', '食品经营'] },
    { phrase: '不见了', expansions: ['补领'] },
    { phrase: '证', expansions: ['证件'] },
    { phrase: 'driving licence', expansions: ['驾驶证'] },
  ])
  assert.deepEqual(d.matchCjk('我想开一家饭店').map((m) => m.entry.phrase), ['饭店'])
  assert.deepEqual(d.matchCjk('开饭店').map((m) => m.entry.phrase), ['开饭店'])
  assert.deepEqual(d.matchCjk('身份证不见了怎么办').map((m) => m.entry.phrase), ['不见了'])
  assert.deepEqual(d.matchCjk('证').map((m) => m.entry.phrase), ['证'])
  assert.equal(d.matchLatin(['driving', 'license'], 0)?.entry.phrase, 'driving licence')
  assert.equal(editDistanceAtMost1('pasport', 'passport'), true)
  assert.equal(editDistanceAtMost1('psaport', 'passport'), false)
})

test('region filter prefixes drop trailing zero pairs', () => {
  assert.equal(regionPrefix('320500'), '3205')
  assert.equal(regionPrefix('320000'), '32')
  assert.equal(regionPrefix('320506'), '320506')
})
