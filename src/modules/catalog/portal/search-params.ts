import type { Lang } from '../../../platform/web/i18n'
import { t } from '../../../platform/web/i18n'
import type { DepartmentRow, ThemeRow } from '../catalog-queries'
import type { Audience } from '../service-item'
import { AUDIENCE_LABELS } from '../service-item'

export const PAGE_SIZE = 10
export const MAX_PAGE = 1000
export const MAX_Q = 100

/** The search page's parameters after checking; only valid values survive. */
export type PortalSearchParams = { q: string; department?: string; audience?: Audience; theme?: string; region?: string; online?: number; page: number }
export type ParamProblem = { param: string; message: string }

type Known = { departments: DepartmentRow[]; themes: ThemeRow[]; regionExists: (code: string) => boolean }

/**
 * Reads /search parameters. Decision: a value that is malformed or names nothing we know (page=abc,
 * audience=xyz, an unknown department slug) makes the page answer 400 with the search form, an error
 * summary naming each parameter and what to do — the bad value is dropped, the rest kept. Empty values
 * mean "no filter".
 */
export function parseSearchParams(lang: Lang, raw: Record<string, string | undefined>, known: Known): { params: PortalSearchParams; problems: ParamProblem[] } {
  const problems: ParamProblem[] = []
  const v = (k: string) => (raw[k] ?? '').trim()
  const params: PortalSearchParams = { q: v('q'), page: 1 }

  if (params.q.length > MAX_Q) {
    problems.push({ param: 'q', message: t(lang, `搜索词太长（最多 ${MAX_Q} 个字），请缩短后再搜。`, `The search text is too long (at most ${MAX_Q} characters); please shorten it.`) })
    params.q = params.q.slice(0, MAX_Q)
  }
  const page = v('page')
  if (page) {
    const n = /^\d{1,7}$/.test(page) ? Number(page) : NaN
    if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
      problems.push({ param: 'page', message: t(lang, `页码“${page}”无效，请使用 1 到 ${MAX_PAGE} 之间的数字；已为您显示第 1 页。`, `Page "${page}" is not valid; use a number from 1 to ${MAX_PAGE}. Showing page 1.`) })
    } else params.page = n
  }
  const department = v('department').toLowerCase()
  if (department) {
    if (known.departments.some((d) => d.slug === department)) params.department = department
    else problems.push({ param: 'department', message: t(lang, `没有找到部门“${v('department')}”，请从“部门”列表中选择。`, `Department "${v('department')}" was not found; choose one from the Department list.`) })
  }
  const audience = v('audience')
  if (audience) {
    if (audience in AUDIENCE_LABELS) params.audience = audience as Audience
    else problems.push({ param: 'audience', message: t(lang, `服务对象“${audience}”无效，请选择“个人”或“法人”等选项。`, `Audience "${audience}" is not valid; choose individuals, enterprises or another option.`) })
  }
  const theme = v('theme')
  if (theme) {
    if (known.themes.some((th) => th.slug === theme)) params.theme = theme
    else problems.push({ param: 'theme', message: t(lang, `没有找到主题“${theme}”，请从“主题”列表中选择。`, `Theme "${theme}" was not found; choose one from the Theme list.`) })
  }
  const region = v('region')
  if (region) {
    if (/^\d{6}$/.test(region) && known.regionExists(region)) params.region = region
    else problems.push({ param: 'region', message: t(lang, `行政区划“${region}”无效，请从“地区”列表中选择。`, `Region "${region}" is not valid; choose one from the Region list.`) })
  }
  const online = v('online')
  if (online) {
    if (/^[1-4]$/.test(online)) params.online = Number(online)
    else problems.push({ param: 'online', message: t(lang, `网办深度“${online}”无效，请选择 1 到 4 级。`, `Online depth "${online}" is not valid; choose level 1 to 4.`) })
  }
  return { params, problems }
}

/** Query string for a search page (stable order; page 1 omitted). */
export function searchQueryString(p: Partial<PortalSearchParams>, page?: number): string {
  const u = new URLSearchParams()
  if (p.q) u.set('q', p.q)
  if (p.department) u.set('department', p.department)
  if (p.audience) u.set('audience', p.audience)
  if (p.theme) u.set('theme', p.theme)
  if (p.region) u.set('region', p.region)
  if (p.online) u.set('online', String(p.online))
  const pg = page ?? p.page
  if (pg && pg > 1) u.set('page', String(pg))
  const s = u.toString()
  return s ? `?${s}` : ''
}
