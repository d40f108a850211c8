import { customPinyin, pinyin } from 'pinyin-pro'

/**
 * Pinyin keys for Chinese words: full pinyin without tones ("gongjijin"), initials ("gjj") and a "fuzzy"
 * key that folds the confusions common in southern speech and typing (zh/z, ch/c, sh/s, in/ing, en/eng,
 * an/ang, n/l, h/f) so "gongjijing" or "sehui" still meet their words.
 */

// Place names whose reading differs from the characters' usual one (pinyin-pro reads 单 as dan).
customPinyin({
  单县: 'shàn xiàn',
  单姓: 'shàn xìng',
  六安: 'lù ān',
  丽水: 'lí shuǐ',
  蚌埠: 'bèng bù',
  亳州: 'bó zhōu',
  莘县: 'shēn xiàn',
  番禺: 'pān yú',
  铅山: 'yán shān',
  黄陂: 'huáng pí',
  东阿: 'dōng ē',
  乐亭: 'lào tíng',
  角直: 'lù zhí',
  甪直: 'lù zhí',
  浒墅关: 'xǔ shù guān',
  吴中: 'wú zhōng',
  相城: 'xiāng chéng',
})

/** One toneless syllable per character; non-Chinese characters come back unchanged. */
export function syllables(word: string): string[] {
  return pinyin(word, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase())
}

export function fullPinyin(word: string): string {
  return syllables(word).join('')
}

export function initials(word: string): string {
  return syllables(word).map((s) => s[0] ?? '').join('')
}

/** Folds confusable spellings; applied to both the vocabulary's and the query's pinyin. */
export function fuzzyKey(py: string): string {
  return py
    .replace(/zh/g, 'z').replace(/ch/g, 'c').replace(/sh/g, 's')
    .replace(/ing/g, 'in').replace(/eng/g, 'en').replace(/ang/g, 'an')
    .replace(/l/g, 'n').replace(/h(?=u)/g, 'f')
}

/** Strings at edit distance one by deletion (SymSpell): two keys within distance ~1 share one of these. */
export function deletes(s: string): string[] {
  const out: string[] = []
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1))
  return out
}
