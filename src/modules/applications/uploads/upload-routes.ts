import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import { DomainError, ForbiddenError, problemOf } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { renderErrorPage } from '../../../platform/web/error-page'
import { actingSubject, getCitizen, peekCitizen, requireCitizen, safeNextCitizen, type CitizenSession } from '../../identity'
import { boundaryOf, readField, readMultipart } from './multipart'
import { openUploadForOwner } from './open-upload'
import { storeUpload, type StoredUpload } from './store-upload'
import { FileTooLargeError, MalformedUploadError, NoFileError } from './upload-errors'
import type { UploadOwner } from './upload-policy'
import { sameToken } from '../../../platform/http/request-guards'

/** Room for the multipart envelope around the file (boundaries, part headers, _csrf, return). */
const ENVELOPE_BYTES = 64 * 1024

/** Inline files may show but never run anything or reach our origin (opaque origin, no scripts, no plugins' forms). */
const FILE_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'"

/**
 * Uploads on the citizen side:
 *  - POST /me/uploads — multipart/form-data with a `file` field, STREAMED (never parsed into memory: Hono's
 *    parseBody, and so requireCitizen's CSRF check, would hold the whole body). Signed-in citizens only; the CSRF
 *    token comes in the X-CSRF-Token header (fetch) or as the form field `_csrf` placed BEFORE the file (no-JS
 *    form); a Content-Length above the limit is refused before a byte is read (413). fetch() with
 *    Accept: application/json gets {id, name, size, mime} (or problem+json); a form post is redirected back to the
 *    `return` field (same-site citizen paths only) or the Referer, with `upload=<id>` added.
 *  - GET /me/uploads/:id — the file, to its owner (or to whoever acts for the enterprise it was uploaded for);
 *    everyone else gets 404. `?download=1` makes it an attachment.
 */
export function registerUploadRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  app.post('/me/uploads', (c) => receiveUpload(c, deps))

  app.get('/me/uploads/:id', requireCitizen(deps), async (c) => {
    const file = await openUploadForOwner(deps, c.req.param('id'), ownerOf(getCitizen(c)))
    const disposition = c.req.query('download') === '1' ? 'attachment' : 'inline'
    const headers = new Headers({
      'Content-Type': file.mime,
      'Content-Length': String(file.size),
      'Content-Disposition': contentDisposition(disposition, file.name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': FILE_CSP,
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'private, no-store',
    })
    if (c.req.method === 'HEAD') {
      file.stream.destroy()
      return new Response(null, { status: 200, headers })
    }
    return new Response(Readable.toWeb(file.stream) as unknown as ReadableStream, { status: 200, headers })
  })
}

function ownerOf(session: Pick<CitizenSession, 'user' | 'actingFor'>): UploadOwner {
  const subject = actingSubject(session)
  return { citizenId: session.user.id, enterpriseId: subject.type === 'enterprise' ? subject.id : null }
}

/** RFC 6266: an ASCII fallback (non-ASCII → _) and the exact UTF-8 name in filename*. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

async function receiveUpload(c: Context<AppEnv>, deps: Deps): Promise<Response> {
  const wantsJson = (c.req.header('accept') ?? '').includes('application/json')
  c.header('Cache-Control', 'no-store')
  const fail = (err: DomainError, extra: Record<string, string> = {}) => {
    for (const [k, v] of Object.entries(extra)) c.header(k, v)
    if (wantsJson) return c.json(problemOf(err, c.get('requestId')), err.status as 400, { 'Content-Type': 'application/problem+json' })
    return c.html(renderErrorPage(c, err.status, err.message), err.status as 400)
  }
  const session = await peekCitizen(c, deps)
  if (!session) return fail(new ForbiddenError('您尚未登录或登录已过期，请重新登录后再上传。 You are not signed in or your session expired; sign in and upload again.', 'not_signed_in'))
  const maxBytes = deps.config.uploadMaxBytes
  const declared = Number(c.req.header('content-length'))
  // Refused before reading: the connection is closed rather than drained.
  if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) return fail(new FileTooLargeError(maxBytes), { Connection: 'close' })
  const boundary = boundaryOf(c.req.header('content-type'))
  const body = c.req.raw.body as NodeReadableStream<Uint8Array> | null
  if (!boundary || !body) return fail(new MalformedUploadError())

  let csrfOk = sameToken(c.req.header('x-csrf-token'), session.csrfToken)
  let returnTo: string | undefined
  let stored: StoredUpload | undefined
  try {
    for await (const part of readMultipart(body, boundary)) {
      if (part.filename === undefined) {
        const value = await readField(part)
        if (part.name === '_csrf') csrfOk ||= sameToken(value, session.csrfToken)
        else if (part.name === 'return') returnTo = value
        continue
      }
      if (part.name !== 'file' || stored) continue
      // Never store a byte of a request whose origin is not proven (the token must come before the file).
      if (!csrfOk) break
      // A form submitted without choosing a file sends an empty part with filename="".
      if (part.filename === '') throw new NoFileError()
      stored = await storeUpload(deps, { owner: ownerOf(session), filename: part.filename, declaredType: part.contentType, body: part.body, maxBytes })
    }
  } catch (err) {
    if (err instanceof DomainError) return fail(err, err instanceof FileTooLargeError ? { Connection: 'close' } : {})
    throw err
  }
  if (!csrfOk) {
    return fail(new ForbiddenError('页面已过期或无法确认请求来自本系统，请刷新页面后重新上传。 The form expired or its origin could not be verified; reload the page and upload again.', 'csrf_failed'), { Connection: 'close' })
  }
  if (!stored) return fail(new NoFileError())
  if (wantsJson) return c.json({ id: stored.id, name: stored.name, size: stored.size, mime: stored.mime }, 201)
  return c.redirect(withUpload(safeNextCitizen(returnTo ?? refererPath(c, deps.config.publicUrl)), stored.id), 303)
}

function refererPath(c: Context<AppEnv>, publicUrl: string): string | undefined {
  const referer = c.req.header('referer')
  if (!referer) return undefined
  try {
    const u = new URL(referer)
    return u.origin === new URL(publicUrl).origin ? u.pathname + u.search : undefined
  } catch {
    return undefined
  }
}

function withUpload(path: string, id: string): string {
  const hash = path.indexOf('#')
  const [base, fragment] = hash >= 0 ? [path.slice(0, hash), path.slice(hash)] : [path, '']
  return `${base}${base.includes('?') ? '&' : '?'}upload=${id}${fragment}`
}
