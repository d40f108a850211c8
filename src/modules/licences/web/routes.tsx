import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import type { AppEnv } from '../../../platform/http/context'
import { shanghaiDate } from '../../../platform/calendar/working-calendar'
import { t } from '../../../platform/web/i18n'
import { renderApplicantPage } from '../../applications'
import { verifyLicenceById } from '../verify-licence'
import { registerLicenceApi } from './api'
import { verifyInput } from './verification'
import { VerifyPage } from './verify-page'

/**
 * Licences for anyone (issue 5 Deliver 3, 6, 7): the open API and published documents (api.ts), and the public
 * verification pages — GET /licences/verify?p=… (what the QR code opens; also the paste form) and
 * GET /licences/{id} (uuid or 电子证照标识). No sign-in, no cookies needed, no JavaScript.
 */
export function registerLicenceWeb(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const { db, config } = deps
  // Static paths first: /licences/{id} below would match them too.
  registerLicenceApi(app, deps)

  const privateHeaders = (c: Context<AppEnv>) => {
    // The URL carries the holder's name and masked code: not for search engines (the platform's Referrer-Policy
    // strict-origin-when-cross-origin already keeps the path out of other sites' Referer headers).
    c.header('X-Robots-Tag', 'noindex')
  }

  app.get('/licences/verify', async (c) => {
    const lang = c.get('lang') ?? 'zh'
    privateHeaders(c)
    const raw = c.req.query('p')
    const input = (raw ?? '').slice(0, 4000)
    const empty = raw !== undefined && !input.trim()
    const v = input.trim() ? await verifyInput(db, input, shanghaiDate(new Date())) : null
    const error = empty ? t(lang, '请粘贴核验码、核验链接或电子证照标识，或扫描证照上的二维码。', 'Paste the code, the verification link or the licence identifier, or scan the QR code on the licence.') : undefined
    const path = input ? `/licences/verify?p=${encodeURIComponent(input)}` : '/licences/verify'
    return renderApplicantPage(c, config, { title: t(lang, '电子证照核验', 'Verify a licence'), path, hasErrors: !!error }, <VerifyPage lang={lang} v={v} input={input} error={error} />, error ? 400 : 200)
  })

  app.get('/licences/:id', async (c) => {
    const lang = c.get('lang') ?? 'zh'
    privateHeaders(c)
    const id = c.req.param('id').slice(0, 200)
    const v = await verifyLicenceById(db, id, shanghaiDate(new Date()))
    return renderApplicantPage(c, config, { title: t(lang, '电子证照核验', 'Verify a licence'), path: `/licences/${encodeURIComponent(id)}` }, <VerifyPage lang={lang} v={v} input={id} />, v.status === 'unknown' ? 404 : 200)
  })
}
