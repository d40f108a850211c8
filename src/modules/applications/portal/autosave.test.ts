import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { citizenSession, createCitizen, fakeIdNumber } from '../../../../test/citizens'
import { fakeUpload, FOOD_ITEM, foodFormValues, personApplicant } from '../../../../test/cases'
import { saveDraft, startApplication, submitApplication } from '../index'

/** POST /me/applications/:id/autosave over HTTP on a real database (issue 4, Deliver 5). */
let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

let people = 0
async function draftOf() {
  const name = '陈志强'
  const c = await createCitizen(t.db, { verifiedAs: { name, idNumber: fakeIdNumber(300 + ++people) } })
  const who = personApplicant(c.id, name)
  const { id } = await startApplication(t.deps, { itemCode: FOOD_ITEM, applicant: who })
  return { citizenId: c.id, who, id, s: await citizenSession(t.app, t.db, c.id) }
}
const row = (id: string) => t.db.selectFrom('applications').select(['values', 'draft_rev', 'status', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow()
function autosave(id: string, s: { cookie: string; csrf?: string } | undefined, fields: Record<string, string>) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }
  if (s) headers['cookie'] = s.cookie
  if (s?.csrf) headers['x-csrf-token'] = s.csrf
  return t.app.request(`/me/applications/${id}/autosave`, { method: 'POST', body: new URLSearchParams(fields), headers })
}
async function problem(res: Response, status: number, code: string) {
  assert.equal(res.status, status, await res.clone().text())
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/)
  const p = (await res.json()) as { code: string; title: string; errors?: { field: string }[] }
  assert.equal(p.code, code)
  return p
}

test('autosave stores the fields, bumps rev and answers { rev, savedAt }; locked fields keep what the government holds', async () => {
  const d = await draftOf()
  const before = await row(d.id)
  const prefill = (await t.db.selectFrom('applications').select('prefill').where('id', '=', d.id).executeTakeFirstOrThrow()).prefill as Record<string, unknown>
  const lockedKey = Object.keys(prefill).find((k) => typeof (before.values as Record<string, unknown>)[k] === 'string')
  assert.ok(lockedKey, 'the food form has a prefilled text field')
  const res = await autosave(d.id, d.s, { rev: String(before.draft_rev), 'f.safetyManager': '张三', 'f.area': '120', 'f.address.regionCode': '320508', 'f.address.detail': '人民路1号', [`f.${lockedKey}`]: '冒名' })
  assert.equal(res.status, 200, await res.clone().text())
  assert.equal(res.headers.get('cache-control'), 'no-store')
  const body = (await res.json()) as { rev: number; savedAt: string }
  assert.equal(body.rev, before.draft_rev + 1)
  assert.ok(!Number.isNaN(Date.parse(body.savedAt)))
  const after = await row(d.id)
  assert.equal(after.draft_rev, body.rev)
  const v = after.values as Record<string, unknown>
  assert.equal(v['safetyManager'], '张三')
  assert.equal(v['area'], 120)
  assert.deepEqual(v['address'], { regionCode: '320508', detail: '人民路1号' })
  assert.equal(v[lockedKey], (before.values as Record<string, unknown>)[lockedKey])

  // The next autosave goes on from the new rev; the page's own 保存草稿 with that rev works too.
  const again = await autosave(d.id, d.s, { rev: String(body.rev), 'f.safetyManager': '李四' })
  assert.equal(again.status, 200)
  assert.equal(((await again.json()) as { rev: number }).rev, body.rev + 1)
  assert.equal((await row(d.id)).values['safetyManager' as never], '李四')
})

test('a stale rev (saved in another tab) → 409 draft_changed and nothing changes', async () => {
  const d = await draftOf()
  await saveDraft(t.db, { applicationId: d.id, applicant: d.who, values: { safetyManager: '另一个窗口' }, expectedRev: 0 })
  const before = await row(d.id)
  await problem(await autosave(d.id, d.s, { rev: '0', 'f.safetyManager': '这个窗口' }), 409, 'draft_changed')
  assert.deepEqual(await row(d.id), before)
})

test('format problems → 400 form_invalid naming the field (a missing required field is fine in a draft); no rev → 400', async () => {
  const d = await draftOf()
  const before = await row(d.id)
  const p = await problem(await autosave(d.id, d.s, { rev: '0', 'f.area': '一百二' }), 400, 'form_invalid')
  assert.ok(p.errors?.some((e) => e.field === 'area'), JSON.stringify(p))
  await problem(await autosave(d.id, d.s, { 'f.area': '120' }), 400, 'invalid_parameter')
  await problem(await autosave(d.id, d.s, { rev: 'x', 'f.area': '120' }), 400, 'invalid_parameter')
  assert.deepEqual(await row(d.id), before)
})

test('someone else’s draft → 404; no session, no or wrong CSRF token → 403; nothing changes', async () => {
  const a = await draftOf()
  const b = await draftOf()
  const before = await row(a.id)
  await problem(await autosave(a.id, b.s, { rev: '0', 'f.safetyManager': 'B' }), 404, 'application_not_found')
  await problem(await autosave('00000000-0000-4000-8000-000000000000', a.s, { rev: '0' }), 404, 'application_not_found')
  await problem(await autosave(a.id, { cookie: a.s.cookie }, { rev: '0', 'f.safetyManager': 'no token' }), 403, 'session_expired')
  await problem(await autosave(a.id, { cookie: a.s.cookie, csrf: b.s.csrf }, { rev: '0', 'f.safetyManager': 'B token' }), 403, 'session_expired')
  await problem(await autosave(a.id, undefined, { rev: '0', 'f.safetyManager': 'nobody' }), 403, 'session_expired')
  // The token in the body (a plain form post from elsewhere without it) is checked the same way.
  const res = await t.app.request(`/me/applications/${a.id}/autosave`, { method: 'POST', body: new URLSearchParams({ rev: '0', _csrf: 'forged' }), headers: { cookie: a.s.cookie, 'content-type': 'application/x-www-form-urlencoded' } })
  await problem(res, 403, 'session_expired')
  assert.deepEqual(await row(a.id), before)
})

test('a submitted application → 409 application_not_draft', async () => {
  const d = await draftOf()
  const uploads: [string, string] = [await fakeUpload(t.db, d.citizenId), await fakeUpload(t.db, d.citizenId)]
  const draft = (await row(d.id)).values as Record<string, unknown>
  await saveDraft(t.db, { applicationId: d.id, applicant: d.who, values: { ...draft, ...foodFormValues(uploads) } })
  await submitApplication(t.deps, { applicationId: d.id, applicant: d.who })
  const before = await row(d.id)
  assert.equal(before.status, 'submitted')
  await problem(await autosave(d.id, d.s, { rev: String(before.draft_rev), 'f.safetyManager': '改' }), 409, 'application_not_draft')
  assert.deepEqual(await row(d.id), before)
})

test('the draft page carries the autosave hook, the live region and the script (no inline script)', async () => {
  const d = await draftOf()
  const html = await (await t.app.request(`/me/applications/${d.id}`, { headers: { cookie: d.s.cookie } })).text()
  assert.match(html, new RegExp(`data-autosave="/me/applications/${d.id}/autosave"`))
  assert.match(html, /id="autosave-status" role="status" aria-live="polite"/)
  assert.match(html, /data-conflict="此草稿已在其他窗口保存，请刷新页面"/)
  assert.match(html, /<script src="\/assets\/draft-autosave\.js" defer(="")?><\/script>/)
  const js = await t.app.request('/assets/draft-autosave.js')
  assert.equal(js.status, 200)
  assert.match(js.headers.get('content-type') ?? '', /javascript/)
})
