import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { citizenSession, createCitizen } from '../../../../test/citizens'
import { prepareFoodDrafts } from '../../../../test/drafts'
import { AMR, departmentId, staffCookie, staffIn } from '../../../../test/exchange'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

type S = { cookie: string; csrf: string }
const submit = (id: string, s: S | null, opts: { key?: string | null; csrf?: string | null; body?: string; type?: string } = {}) => {
  const headers: Record<string, string> = {}
  if (s) headers.cookie = s.cookie
  const csrf = opts.csrf === undefined ? s?.csrf : opts.csrf
  if (csrf) headers['x-csrf-token'] = csrf
  const key = opts.key === undefined ? `key-${id}` : opts.key
  if (key) headers['idempotency-key'] = key
  if (opts.body !== undefined) headers['content-type'] = opts.type ?? 'application/json'
  return t.app.request(`/api/v1/applications/${id}/submission`, { method: 'POST', headers, ...(opts.body !== undefined ? { body: opts.body } : {}) })
}
const counts = async () => {
  const n = async (table: 'cases' | 'case_steps' | 'case_events' | 'audit_log') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
  const submitted = Number((await t.db.selectFrom('applications').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'submitted').executeTakeFirstOrThrow()).n)
  return { cases: await n('cases'), steps: await n('case_steps'), events: await n('case_events'), audit: await n('audit_log'), submitted }
}
async function problem(res: Response, status: number, code: string) {
  assert.equal(res.status, status)
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/)
  const body = (await res.json()) as { code: string; title: string }
  assert.equal(body.code, code, body.title)
  assert.match(body.title, /[\u4e00-\u9fff]/, 'Chinese first')
  return body
}

test('a draft is submitted over the API: 201 with the receipt; a retry with the same Idempotency-Key (or another one) returns it with 200 and opens nothing', async () => {
  const [d] = await prepareFoodDrafts(t.deps, 1)
  const s = await citizenSession(t.app, t.db, d!.citizenId)
  const res = await submit(d!.applicationId, s)
  assert.equal(res.status, 201)
  assert.equal(res.headers.get('cache-control'), 'no-store')
  const receipt = (await res.json()) as { refNo: string; caseId: string; queryCode: string; replayed: boolean; preReviewDue: string }
  assert.match(receipt.refNo, /^\d{13}$/)
  assert.match(receipt.queryCode, /^[A-Z0-9]{6}$/)
  assert.equal(receipt.replayed, false)
  const before = await counts()
  for (const key of [`key-${d!.applicationId}`, 'another-key-123']) {
    const again = await submit(d!.applicationId, s, { key })
    assert.equal(again.status, 200)
    const r = (await again.json()) as typeof receipt
    assert.deepEqual([r.refNo, r.caseId, r.replayed], [receipt.refNo, receipt.caseId, true])
  }
  assert.deepEqual(await counts(), before)
  const app = await t.db.selectFrom('applications').select(['status', 'idempotency_key', 'ref_no']).where('id', '=', d!.applicationId).executeTakeFirstOrThrow()
  assert.deepEqual(app, { status: 'submitted', idempotency_key: `key-${d!.applicationId}`, ref_no: receipt.refNo })
})

test('the values in the body are validated against the pinned form: form_invalid names the fields and nothing is opened', async () => {
  const [d] = await prepareFoodDrafts(t.deps, 1)
  const s = await citizenSession(t.app, t.db, d!.citizenId)
  const before = await counts()
  const body = await problem(await submit(d!.applicationId, s, { body: JSON.stringify({ values: { area: 'big' } }) }), 400, 'form_invalid') as unknown as { errors: { field: string }[] }
  assert.ok(body.errors.length > 0 && body.errors.every((e) => typeof e.field === 'string'))
  assert.deepEqual(await counts(), before)
  // An empty JSON object is fine: the saved draft is submitted.
  assert.equal((await submit(d!.applicationId, s, { body: '{}' })).status, 201)
})

test('bad input: no or malformed Idempotency-Key, an id that is not an id, a body that is not a JSON object — 400 problem+json, nothing written', async () => {
  const [d] = await prepareFoodDrafts(t.deps, 1)
  const s = await citizenSession(t.app, t.db, d!.citizenId)
  const before = await counts()
  await problem(await submit(d!.applicationId, s, { key: null }), 400, 'invalid_parameter')
  await problem(await submit(d!.applicationId, s, { key: 'short' }), 400, 'invalid_parameter')
  await problem(await submit(d!.applicationId, s, { key: 'has spaces in it' }), 400, 'invalid_parameter')
  await problem(await submit('not-an-id', s), 400, 'invalid_parameter')
  await problem(await submit(d!.applicationId, s, { body: '{"values": ' }), 400, 'invalid_parameter')
  await problem(await submit(d!.applicationId, s, { body: '[1,2]' }), 400, 'invalid_parameter')
  await problem(await submit(d!.applicationId, s, { body: '' }), 400, 'invalid_parameter')
  await problem(await submit(d!.applicationId, s, { body: 'values=1', type: 'application/x-www-form-urlencoded' }), 400, 'invalid_parameter')
  await problem(await submit(d!.applicationId, s, { body: '{"values": 5}' }), 400, 'invalid_parameter')
  await problem(await submit(d!.applicationId, s, { body: JSON.stringify({ values: { x: 'x'.repeat(300 * 1024) } }) }), 413, 'payload_too_large')
  assert.deepEqual(await counts(), before)
  assert.equal((await t.db.selectFrom('applications').select('status').where('id', '=', d!.applicationId).executeTakeFirstOrThrow()).status, 'draft')
})

test('wrong user: another citizen gets 404, no session or no CSRF token 403, a staff session 403 — and the draft stays a draft', async () => {
  const [d] = await prepareFoodDrafts(t.deps, 1)
  const owner = await citizenSession(t.app, t.db, d!.citizenId)
  const other = await citizenSession(t.app, t.db, (await createCitizen(t.db)).id)
  const staff = await staffCookie(t.db, (await staffIn(t.db, 'submission-api-staff', ['window_officer'], await departmentId(t.db, AMR))).id)
  const before = await counts()
  await problem(await submit(d!.applicationId, other), 404, 'application_not_found')
  await problem(await submit('00000000-0000-7000-8000-000000000000', owner), 404, 'application_not_found')
  await problem(await submit(d!.applicationId, null), 403, 'not_signed_in')
  await problem(await submit(d!.applicationId, owner, { csrf: null }), 403, 'csrf_failed')
  await problem(await submit(d!.applicationId, owner, { csrf: other.csrf }), 403, 'csrf_failed')
  await problem(await submit(d!.applicationId, staff), 403, 'not_signed_in')
  assert.deepEqual(await counts(), before)
  assert.equal((await t.db.selectFrom('applications').select('status').where('id', '=', d!.applicationId).executeTakeFirstOrThrow()).status, 'draft')
})

test('the route is in the OpenAPI document with its headers and problem responses', async () => {
  const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, { post?: { parameters: { name: string; in: string; required?: boolean }[]; responses: Record<string, unknown> } }> }
  const op = doc.paths['/api/v1/applications/{id}/submission']?.post
  assert.ok(op)
  assert.ok(op.parameters.some((p) => p.name === 'idempotency-key' && p.in === 'header' && p.required))
  assert.deepEqual(Object.keys(op.responses).sort(), ['200', '201', '400', '403', '404', '409', '413'])
})
