import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import { DomainError, ForbiddenError, problemOf, ValidationError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { parseFormPost } from '../../catalog'
import { peekCitizen } from '../../identity'
import { applicationNotFound } from '../application-errors'
import { getApplicationFor } from '../application-queries'
import { saveDraft } from '../save-draft'
import { draftContext } from './draft-context'
import { applicantOf, mayHandleItem } from './applicant-session'
import { readCapped, sameToken } from '../../../platform/http/request-guards'

/** The text of a draft form (no files): the same ceiling as the page's own post. */
const MAX_TEXT_BYTES = 2 * 1024 * 1024

/**
 * POST /me/applications/:id/autosave — the draft page's script (assets/draft-autosave.js) saves as the person goes
 * (issue 4, Deliver 5). Body: the form's urlencoded fields without files (`rev` = the revision the page holds);
 * the CSRF token in the X-CSRF-Token header (or `_csrf` in the body). Answers `{ rev, savedAt }`, or
 * problem+json: 403 without a citizen session or token, 404 for an application that is not this session's,
 * 409 `draft_changed` (saved elsewhere since) / `application_not_draft` / `bundle_item`, 400 `form_invalid`
 * (format problems only: a draft may be incomplete) or `invalid_parameter` (no rev).
 */
export function registerDraftAutosave(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  app.post('/me/applications/:id/autosave', async (c) => {
    c.header('Cache-Control', 'no-store')
    try {
      return c.json(await autosave(c, deps), 200)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err
      return c.json(problemOf(err, c.get('requestId')), err.status as 400, { 'Content-Type': 'application/problem+json' })
    }
  })
}

async function autosave(c: Context<AppEnv>, deps: Deps): Promise<{ rev: number; savedAt: string }> {
  const expired = () => new ForbiddenError('登录已过期或页面已失效，没有自动保存。请刷新页面（必要时重新登录）后再点“保存草稿”。 Your session or the page expired; nothing was saved automatically. Reload the page (sign in again if asked) and choose “Save draft”.', 'session_expired')
  const session = await peekCitizen(c, deps)
  if (!session) throw expired()
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) throw new ValidationError('无法读取自动保存的内容，请刷新页面后点“保存草稿”。 The autosave could not be read; reload and choose “Save draft”.', [], 'invalid_body')
  const text = await readCapped(c.req.raw.body, MAX_TEXT_BYTES)
  if (text === null) throw new ValidationError('内容过大，没有自动保存。请检查填写的内容后点“保存草稿”。 Too large to save automatically; check the form and choose “Save draft”.', [], 'invalid_body')
  const body: Record<string, string | string[]> = {}
  for (const [k, v] of new URLSearchParams(text)) {
    const had = body[k]
    body[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v]
  }
  const sent = c.req.header('x-csrf-token') ?? (typeof body['_csrf'] === 'string' ? body['_csrf'] : undefined)
  if (!sameToken(sent, session.csrfToken)) throw expired()

  const who = applicantOf(session)
  const view = await getApplicationFor(deps.db, c.req.param('id') ?? '', who)
  if (!view || !mayHandleItem(session, view.itemCode)) throw applicationNotFound()
  const rev = typeof body['rev'] === 'string' && /^\d{1,9}$/.test(body['rev']) ? Number(body['rev']) : NaN
  if (!Number.isInteger(rev)) throw new ValidationError('缺少草稿版本号，请刷新页面后再填写。 The draft revision is missing; reload the page.', [{ field: 'rev', message: '缺少草稿版本号。 Missing revision.' }], 'invalid_parameter')

  const ctx = await draftContext(deps.db, view)
  const raw = parseFormPost(ctx.def, body)
  // The locked (prefilled) fields always keep what the government holds (saveDraft enforces it too).
  for (const k of Object.keys(view.prefill)) if (k in view.values) raw[k] = view.values[k]
  const now = new Date()
  const saved = await saveDraft(deps.db, { applicationId: view.id, applicant: who, values: raw, expectedRev: rev, now })
  return { rev: saved.rev, savedAt: now.toISOString() }
}

