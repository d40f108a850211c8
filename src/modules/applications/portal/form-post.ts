import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import { DomainError, ValidationError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { renderErrorPage } from '../../../platform/web/error-page'
import { t, type Lang } from '../../../platform/web/i18n'
import { allFields, type FieldError, type FormDefinition } from '../../catalog'
import { peekCitizen, type CitizenSession } from '../../identity'
import { boundaryOf, readField, readMultipart } from '../uploads/multipart'
import { storeUpload } from '../uploads/store-upload'
import { MalformedUploadError } from '../uploads/upload-errors'
import { uploadOwnerOf } from './applicant-session'
import { FormInvalidError } from '../application-errors'
import { readCapped, sameToken } from '../../../platform/http/request-guards'

/** Text of a form (everything but files): far above the largest form (200 fields, textareas of 10 000 characters). */
const MAX_TEXT_BYTES = 2 * 1024 * 1024
/** One text field (a 10 000-character textarea is 30 KB of UTF-8). */
const MAX_FIELD_BYTES = 64 * 1024
/** New files in one post; each is also limited to UPLOAD_MAX_BYTES by storeUpload. */
export const MAX_FILES_PER_POST = 10
const MAX_PARTS = 2000

export type ApplicationPost = {
  session: CitizenSession
  /** The text fields, as parseFormPost takes them (repeated names → arrays). */
  body: Record<string, string | string[]>
  /** Ids of the files stored from this post, by file field key (`upload.<key>` parts). */
  uploaded: Record<string, string[]>
  /** Files refused (type, size, empty), by file field key — shown under the field; the rest of the post is kept. */
  uploadErrors: FieldError[]
}

/**
 * The signed-in citizen of a streamed form post (these routes cannot use requireCitizen, whose CSRF check parses
 * the whole body), or the 403 page to return.
 */
export async function signedInForPost(c: Context<AppEnv>, deps: Deps): Promise<CitizenSession | Response> {
  const session = await peekCitizen(c, deps)
  if (session) return session
  c.header('Cache-Control', 'no-store')
  const lang = c.get('lang') ?? 'zh'
  return c.html(renderErrorPage(c, 403, t(lang, '您尚未登录或登录已过期，请重新登录后再提交（已保存的草稿不会丢失）。', 'You are not signed in or your session expired; sign in again (saved drafts are kept).')), 403)
}

/**
 * Reads an application form post — the draft page and the 补正 form — urlencoded or multipart/form-data. Multipart
 * is STREAMED (like POST /me/uploads: Hono's parseBody, and so requireCitizen's CSRF check, would hold every file
 * in memory): text fields are collected, each `upload.<key>` file of a file field of `def` goes straight to
 * storeUpload, owned by the signed-in person (or the enterprise they act for). A refused file becomes a field
 * error and the reading goes on, so nothing else the person typed is lost. The CSRF token (`_csrf` before
 * the first file, or the X-CSRF-Token header) is checked here (the caller has the session: signedInForPost); on failure the answer is a
 * Response to return as is.
 */
export async function readApplicationPost(c: Context<AppEnv>, deps: Deps, def: FormDefinition, session: CitizenSession): Promise<ApplicationPost | Response> {
  const lang = c.get('lang') ?? 'zh'
  c.header('Cache-Control', 'no-store')
  const page = (status: 400 | 403 | 413, zh: string, en: string) => {
    if (status === 413) c.header('Connection', 'close')
    return c.html(renderErrorPage(c, status, t(lang, zh, en)), status)
  }
  const expired = () => page(403, '页面已过期或无法确认请求来自本系统，请返回上一页、刷新后重新提交。', 'The form expired or its origin could not be verified; go back, reload and submit again.')
  const maxFile = deps.config.uploadMaxBytes
  const declared = Number(c.req.header('content-length'))
  if (Number.isFinite(declared) && declared > MAX_TEXT_BYTES + MAX_FILES_PER_POST * maxFile) {
    return page(413, `提交的内容过大：每个文件不能超过 ${Math.round(maxFile / 1048576)} MB，一次最多上传 ${MAX_FILES_PER_POST} 个文件。请分几次上传。`, `Too large: at most ${MAX_FILES_PER_POST} files of ${Math.round(maxFile / 1048576)} MB each per submission; upload them in several goes.`)
  }
  const stream = c.req.raw.body as NodeReadableStream<Uint8Array> | null
  const headerToken = c.req.header('x-csrf-token')
  const type = c.req.header('content-type') ?? ''
  const boundary = boundaryOf(type)
  const body: Record<string, string | string[]> = {}
  const add = (k: string, v: string) => {
    const had = body[k]
    body[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v]
  }

  if (!boundary) {
    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type) || !stream) return page(400, '无法读取提交的表单，请刷新页面后重新提交。', 'The form could not be read; reload the page and submit again.')
    const text = await readCapped(stream, MAX_TEXT_BYTES)
    if (text === null) return page(413, '提交的内容过大，请检查填写的内容后重新提交。', 'What you sent is too large; check the form and submit again.')
    for (const [k, v] of new URLSearchParams(text)) add(k, v)
    const sent = typeof body['_csrf'] === 'string' ? body['_csrf'] : headerToken
    if (!sameToken(sent, session.csrfToken)) return expired()
    return { session, body, uploaded: {}, uploadErrors: [] }
  }

  if (!stream) return page(400, '无法读取提交的表单，请刷新页面后重新提交。', 'The form could not be read; reload the page and submit again.')
  const fileKeys = new Set(allFields(def).filter((f) => f.type === 'file').map((f) => f.key))
  const uploaded: Record<string, string[]> = {}
  const uploadErrors: FieldError[] = []
  let csrfOk = sameToken(headerToken, session.csrfToken)
  let textBytes = 0
  let files = 0
  try {
    for await (const part of readMultipart(stream, boundary, { maxParts: MAX_PARTS })) {
      if (part.filename === undefined) {
        const value = await readField(part, MAX_FIELD_BYTES)
        textBytes += value.length
        if (textBytes > MAX_TEXT_BYTES) return page(413, '提交的内容过大，请检查填写的内容后重新提交。', 'What you sent is too large; check the form and submit again.')
        if (part.name === '_csrf') csrfOk ||= sameToken(value, session.csrfToken)
        else add(part.name, value)
        continue
      }
      const key = part.name.startsWith('upload.') ? part.name.slice('upload.'.length) : ''
      // A file input left empty sends an empty part with filename="": nothing to store.
      if (!fileKeys.has(key) || part.filename === '') {
        await drain(part.body)
        continue
      }
      // Never store a byte of a request whose origin is not proven (the token comes first in our forms).
      if (!csrfOk) return expired()
      if (++files > MAX_FILES_PER_POST) return page(413, `一次最多上传 ${MAX_FILES_PER_POST} 个文件，请分几次上传（先保存草稿）。`, `At most ${MAX_FILES_PER_POST} files per submission; save the draft and upload the rest in another go.`)
      // storeUpload may stop reading early (wrong type, too large): it gets its own iterator, and whatever it
      // leaves is drained here so the following fields are still read.
      const inner = part.body[Symbol.asyncIterator]()
      const view: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => ({ next: () => inner.next() }) }
      try {
        const stored = await storeUpload(deps, { owner: uploadOwnerOf(session), filename: part.filename, declaredType: part.contentType, body: view, maxBytes: maxFile })
        ;(uploaded[key] ??= []).push(stored.id)
      } catch (err) {
        if (!(err instanceof DomainError) || err instanceof MalformedUploadError) throw err
        const [zh, en] = splitBilingual(err.message)
        uploadErrors.push({ path: key, message: `“${part.filename.slice(0, 80)}”未上传：${zh}`, messageEn: `“${part.filename.slice(0, 80)}” was not uploaded: ${en}` })
        for (;;) if ((await inner.next()).done) break
      }
    }
  } catch (err) {
    if (err instanceof MalformedUploadError) return page(400, '提交的表单不完整（可能是网络中断），请刷新页面后重新提交。', 'The form arrived incomplete (perhaps the connection dropped); reload the page and submit again.')
    throw err
  }
  if (!csrfOk) return expired()
  return { session, body, uploaded, uploadErrors }
}

/** "中文说明。 English text." → [zh, en]; a message without an English part is used for both. */
export function splitBilingual(message: string): [string, string] {
  const m = /^(.*?[。！？）])\s+([A-Z][^\u4e00-\u9fff]*)$/s.exec(message)
  return m ? [m[1]!.trim(), m[2]!.trim()] : [message, message]
}

async function drain(body: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const _ of body) void _
}

/** Field messages of a refused save or submission, on the form's paths (the operation's fields are "zh en"). */
export function fieldErrorsOf(err: unknown): FieldError[] {
  if (!(err instanceof ValidationError)) return []
  return err.fields.filter((f) => f.field && f.field !== 'materials' && f.field !== 'idempotencyKey').map((f) => {
    const [zh, en] = splitBilingual(f.message)
    return { path: f.field, message: zh, messageEn: en }
  })
}

/** A refusal that is not about one field (conflict, not found…), as a notice titled `title`. */
export function pageProblemOf(l: Lang, err: unknown, title: { zh: string; en: string }): { title: string; text: string } | undefined {
  if (!(err instanceof DomainError) || err instanceof FormInvalidError) return undefined
  const [zh, en] = splitBilingual(err.message)
  return { title: t(l, title.zh, title.en), text: l === 'en' ? en : zh }
}
