/** Chinese first, English available. Text is written inline as pairs: t(lang, '中文', 'English'). */
export type Lang = 'zh' | 'en'
export const LANGS: Lang[] = ['zh', 'en']
export function t(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh
}
export function parseLang(v: string | undefined | null): Lang | undefined {
  return v === 'en' || v === 'zh' ? v : undefined
}
