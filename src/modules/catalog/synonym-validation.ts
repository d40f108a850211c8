import { ValidationError, type FieldError } from '../../platform/errors'

/** Limits of the search synonym dictionary (search_synonyms): short, word-level entries generalise best. */
export const SYNONYM_LIMITS = { phrase: 30, expansion: 30, expansions: 10, note: 200 } as const

export type SynonymInput = { phrase: string; expansions: string[]; note?: string | null }
export type CleanSynonym = { phrase: string; expansions: string[]; note: string | null }

const len = (s: string) => Array.from(s).length

/** Trims, de-duplicates and checks a synonym entry; throws one ValidationError listing every problem. */
export function validateSynonym(input: SynonymInput): CleanSynonym {
  const fields: FieldError[] = []
  const phrase = String(input.phrase ?? '').trim().replace(/\s+/g, ' ')
  if (!phrase) fields.push({ field: 'phrase', message: '请填写搜索词（群众常用的说法，如“开饭店”）。 Enter the everyday phrase.' })
  else if (len(phrase) > SYNONYM_LIMITS.phrase) fields.push({ field: 'phrase', message: `搜索词不能超过${SYNONYM_LIMITS.phrase}个字，请使用更短的词语。 The phrase must be at most ${SYNONYM_LIMITS.phrase} characters.` })
  const raw = Array.isArray(input.expansions) ? input.expansions : []
  const expansions = [...new Set(raw.map((e) => String(e ?? '').trim().replace(/\s+/g, ' ')).filter(Boolean))]
  if (!expansions.length) fields.push({ field: 'expansions', message: '请至少填写一个对应的规范用语（如“食品经营”）。 Enter at least one official term.' })
  else if (expansions.length > SYNONYM_LIMITS.expansions) fields.push({ field: 'expansions', message: `规范用语最多${SYNONYM_LIMITS.expansions}个，请删去不必要的。 At most ${SYNONYM_LIMITS.expansions} official terms.` })
  expansions.forEach((e, i) => {
    if (len(e) > SYNONYM_LIMITS.expansion) fields.push({ field: `expansions.${i}`, message: `规范用语“${e.slice(0, 10)}…”超过${SYNONYM_LIMITS.expansion}个字，请拆成更短的词。 Each official term must be at most ${SYNONYM_LIMITS.expansion} characters.` })
  })
  const note = input.note == null ? null : String(input.note).trim() || null
  if (note && len(note) > SYNONYM_LIMITS.note) fields.push({ field: 'note', message: `备注不能超过${SYNONYM_LIMITS.note}个字。 The note must be at most ${SYNONYM_LIMITS.note} characters.` })
  if (fields.length) throw new ValidationError(`同义词条目有${fields.length}处需要修改。 The synonym entry has ${fields.length} problem(s).`, fields, 'invalid_synonym')
  return { phrase, expansions, note }
}
