import type { FormDefinition, FormField } from '../catalog'
import type { LicenceFaceField } from '../../platform/schema-licences'

/** What a face field can draw on when a licence is issued from a case. */
export type FaceContext = {
  values: Record<string, unknown>
  form: FormDefinition | undefined
  regionNames: Map<string, string>
  applicant: { name: string; code: string }
  issuer: { name: string }
  item: { name: string }
  case: { ref_no: string; result_description: string | null }
  issuedOn: string
}

export type FaceProblem = { key: string; label: string }

function fieldOf(form: FormDefinition | undefined, key: string): FormField | undefined {
  for (const s of form?.sections ?? []) for (const f of s.fields) if (f.key === key) return f
  return undefined
}

/** A form value as the words printed on a licence: option labels, region names + street, rows summarised. */
export function displayValue(value: unknown, field: FormField | undefined, regionNames: Map<string, string>): string {
  if (value === null || value === undefined) return ''
  const label = (v: string) => field?.options?.find((o) => o.value === v)?.label ?? v
  if (Array.isArray(value)) {
    if (field?.type === 'rows') return `${value.length}项`
    return value.map((v) => label(String(v))).join('、')
  }
  if (typeof value === 'object') {
    const a = value as { regionCode?: string; detail?: string }
    const region = a.regionCode ? regionNames.get(a.regionCode) ?? '' : ''
    const detail = (a.detail ?? '').trim()
    // People often start the street with the district they just picked (姑苏区十全街…): print it once.
    const overlap = [...region].map((_, i) => region.slice(i)).find((tail) => tail.length >= 2 && detail.startsWith(tail)) ?? ''
    return (region.slice(0, region.length - overlap.length) + detail).trim()
  }
  if (typeof value === 'boolean') return value ? '是' : '否'
  return label(String(value)).trim()
}

/** The face fields of a licence type filled from the case; `problems` lists required ones that came out empty. */
export function resolveFace(fields: LicenceFaceField[], ctx: FaceContext): { face: { key: string; label: string; value: string }[]; problems: FaceProblem[] } {
  const face: { key: string; label: string; value: string }[] = []
  const problems: FaceProblem[] = []
  for (const f of fields) {
    let value = ''
    if (f.from.startsWith('form:')) {
      const k = f.from.slice(5)
      value = displayValue(ctx.values[k], fieldOf(ctx.form, k), ctx.regionNames)
    } else if (f.from.startsWith('const:')) value = f.from.slice(6)
    else if (f.from === 'applicant.name') value = ctx.applicant.name
    else if (f.from === 'applicant.code') value = ctx.applicant.code
    else if (f.from === 'issuer.name') value = ctx.issuer.name
    else if (f.from === 'item.name') value = ctx.item.name
    else if (f.from === 'case.ref_no') value = ctx.case.ref_no
    else if (f.from === 'case.result_description') value = ctx.case.result_description ?? ''
    else if (f.from === 'issued.on') value = ctx.issuedOn
    value = value.slice(0, 1000)
    if (!value) {
      if (f.required) problems.push({ key: f.key, label: f.label })
      continue
    }
    face.push({ key: f.key, label: f.label, value })
  }
  return { face, problems }
}

/** Region codes that appear in address values (to look their names up in one query). */
export function regionCodesIn(values: Record<string, unknown>): string[] {
  const out = new Set<string>()
  for (const v of Object.values(values)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { regionCode?: unknown }).regionCode === 'string') out.add((v as { regionCode: string }).regionCode)
  }
  return [...out].filter((c) => /^\d{6,12}$/.test(c))
}
