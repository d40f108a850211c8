import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../../../platform/http/context'
import type { SummaryError } from '../../../platform/web/form-components'
import { renderBackoffice } from '../../identity'

/** The back-office page: identity's shell (one navigation by role for every module's pages). */
export function renderAdmin(
  c: Context<AppEnv>,
  page: { title: string; errors?: SummaryError[]; errorTitle?: string; notice?: string | undefined },
  body: Child,
): string {
  return renderBackoffice(c, page, body)
}

/** Whole-number query/form parameter in [min, max], or the fallback. */
export function intParam(v: unknown, fallback: number, min = 1, max = 100_000): number {
  const n = typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : NaN
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback
}

export function formatTime(d: Date | string): string {
  const x = new Date(d)
  const p = (n: number) => String(n).padStart(2, '0')
  // Shown in China Standard Time (UTC+8) whatever the server's zone.
  const z = new Date(x.getTime() + 8 * 3600 * 1000)
  return `${z.getUTCFullYear()}-${p(z.getUTCMonth() + 1)}-${p(z.getUTCDate())} ${p(z.getUTCHours())}:${p(z.getUTCMinutes())}`
}
