import assert from 'node:assert/strict'
import { SoftPasskey } from '../../../test/webauthn'
import { CITIZEN_PASSWORD } from '../../../test/citizens'
import { Browser, loginThroughForm } from './citizen-routes-test-support'

/** Test support for passkeys: JSON posts as passkey.js makes them, and the add / sign-in round trips. */
type RequestApp = ConstructorParameters<typeof Browser>[0]

export const dataCsrf = (html: string) => /data-csrf="([^"]+)"/.exec(html)?.[1]

export async function postJson(b: Browser, path: string, csrf: string | undefined, body: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (csrf) headers['x-csrf-token'] = csrf
  const r = await b.request(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers })
  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(r.html) as Record<string, unknown>
  } catch {
    // an HTML error page (403 from the session guard)
  }
  return { status: r.res.status, json, html: r.html }
}

/** Signs in with phone + password; returns the browser and the session CSRF token (read from /account/passkeys). */
export async function signedIn(app: RequestApp, phone: string, ip?: string) {
  const b = new Browser(app, ip)
  assert.equal((await loginThroughForm(b, phone, CITIZEN_PASSWORD)).res.status, 303)
  const page = await b.get('/account/passkeys')
  assert.equal(page.res.status, 200)
  return { b, csrf: dataCsrf(page.html)!, page: page.html }
}

/** Options → attestation → POST /account/passkeys; returns the response of the last step. */
export async function addThroughApi(b: Browser, csrf: string, key: SoftPasskey, label = '我的手机') {
  const o = await postJson(b, '/account/passkeys/options', csrf, {})
  assert.equal(o.status, 200, o.html.slice(0, 300))
  const options = o.json['options'] as { challenge: string; user: { id: string } }
  return { options, res: await postJson(b, '/account/passkeys', csrf, { label, credential: key.attestation(options) }) }
}

/** A fresh browser on /login: its double-submit token, and sign-in options from /login/passkey/options. */
export async function loginOptions(app: RequestApp, ip?: string) {
  const b = new Browser(app, ip)
  const page = await b.get('/login?next=%2Faccount%2Fverify')
  const token = dataCsrf(page.html)!
  const o = await postJson(b, '/login/passkey/options', token, {})
  assert.equal(o.status, 200, o.html.slice(0, 300))
  return { b, token, page: page.html, options: o.json['options'] as { challenge: string; allowCredentials?: unknown[]; userVerification?: string } }
}

export { SoftPasskey }
