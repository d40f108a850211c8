import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../../platform/http/context'
import { renderErrorPage } from '../../platform/web/error-page'
import { t } from '../../platform/web/i18n'

/**
 * Small shared pieces of the citizen routes. Citizen forms are a few short fields: 16 KB is generous, and
 * refusing more before parsing keeps huge bodies from costing anything (→ 413 page that says what to do).
 */
export const MAX_CITIZEN_FORM_BYTES = 16 * 1024

export const smallForm: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_CITIZEN_FORM_BYTES,
  onError: (c) => c.html(renderErrorPage(c as Context<AppEnv>, 413, t((c as Context<AppEnv>).get('lang') ?? 'zh', '提交的内容过大，请检查填写的内容后重新提交。', 'What you sent is too large; check the form and submit again.')), 413),
})

/** The client's address for per-IP throttling; 'unknown' when not served by @hono/node-server (in-process tests). */
export function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/** The client address when served over a real socket; undefined in in-process tests (so they share no IP budget). */
export function knownIp(c: Context): string | undefined {
  const ip = clientIp(c)
  return ip === 'unknown' ? undefined : ip
}

/** The urlencoded/multipart form as strings (repeated or file fields become ''), each cut to `max` characters. */
export async function readForm(c: Context, max = 1024): Promise<Record<string, string>> {
  const raw = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(raw)) out[k] = typeof v === 'string' ? v.slice(0, max) : ''
  return out
}
