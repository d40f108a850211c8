import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { citizenSession, createCitizen } from '../../../test/citizens'
import { staffCookie, staffIn } from '../../../test/exchange'
import { notify, unreadCount } from './index'

/** 我的消息 (/me/messages) and the staff inbox (/admin/messages) over HTTP, with real sessions. */
let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('migrated')
})
after(() => t.close())

const form = (csrf: string, extra: Record<string, string> = {}) => ({
  method: 'POST',
  body: new URLSearchParams({ _csrf: csrf, ...extra }),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
})
async function inboxOf(kind: 'citizen' | 'staff', id: string, count: number, event: 'case.accepted' | 'step.due_soon' = 'case.accepted') {
  for (let i = 1; i <= count; i++) {
    await t.db.transaction().execute((tx) =>
      notify(tx, t.deps.jobs, { to: { kind, id }, event, data: { refNo: `SZ-INBOX-${String(i).padStart(3, '0')}`, itemName: '食品经营许可证核发', dueOn: '2026-12-01', link: `/me/applications/0190aaaa-0000-7000-8000-${String(i).padStart(12, '0')}` }, dedupeKey: `inbox:${id}:${i}` }),
    )
  }
  return t.db.selectFrom('notifications').select(['id', 'case_ref']).where('recipient_id', '=', id).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
}

test('a citizen sees their messages newest first, unread marked, 20 a page, in Chinese or English', async () => {
  const a = await createCitizen(t.db)
  const rows = await inboxOf('citizen', a.id, 22)
  const s = await citizenSession(t.app, t.db, a.id)
  const res = await t.app.request('/me/messages', { headers: { cookie: s.cookie } })
  assert.equal(res.status, 200)
  const html = await res.text()
  assert.match(html, /我的消息/)
  assert.match(html, /共 22 条消息，22 条未读/)
  assert.ok(html.indexOf('SZ-INBOX-022') < html.indexOf('SZ-INBOX-021'), 'newest first')
  assert.doesNotMatch(html, /SZ-INBOX-002</, 'page 1 holds 20')
  assert.equal((html.match(/标为已读/g) ?? []).length, 20, 'every unread message on the page has its button')
  assert.match(html, /href="\/me\/applications\/0190aaaa-0000-7000-8000-000000000022"/)
  assert.match(html, /href="\/me\/messages\?page=2"/)
  const p2 = await (await t.app.request('/me/messages?page=2', { headers: { cookie: s.cookie } })).text()
  assert.match(p2, /SZ-INBOX-001/)
  const en = await (await t.app.request('/me/messages?lang=en', { headers: { cookie: s.cookie } })).text()
  assert.match(en, /My messages/)
  assert.match(en, /Application accepted/)
  // Bad page numbers fall back to page 1.
  for (const q of ['0', '-1', 'abc', '99999999']) assert.equal((await t.app.request(`/me/messages?page=${q}`, { headers: { cookie: s.cookie } })).status, 200)
  assert.equal(rows.length, 22)
})

test('marking read: own message → 303 back to the list and unread count drops; CSRF, bad ids and someone else’s message are refused', async () => {
  const a = await createCitizen(t.db)
  const b = await createCitizen(t.db)
  const [m] = await inboxOf('citizen', a.id, 1)
  const sa = await citizenSession(t.app, t.db, a.id)
  const sb = await citizenSession(t.app, t.db, b.id)
  const post = (path: string, s: { cookie: string }, body: RequestInit) => t.app.request(path, { ...body, headers: { ...(body.headers as Record<string, string>), cookie: s.cookie } })
  assert.equal((await post(`/me/messages/${m!.id}/read`, sa, form('wrong-token'))).status, 403, 'no CSRF token, no change')
  assert.equal((await post(`/me/messages/${m!.id}/read`, sb, form(sb.csrf))).status, 404, 'B cannot mark A’s message')
  assert.equal((await post('/me/messages/not-a-uuid/read', sa, form(sa.csrf))).status, 404)
  assert.equal((await post('/me/messages/0190aaaa-0000-7000-8000-00000000beef/read', sa, form(sa.csrf))).status, 404)
  assert.equal(await unreadCount(t.db, { kind: 'citizen', id: a.id }), 1)
  const ok = await post(`/me/messages/${m!.id}/read`, sa, form(sa.csrf, { page: '2' }))
  assert.equal(ok.status, 303)
  assert.equal(ok.headers.get('location'), '/me/messages?page=2')
  assert.equal(await unreadCount(t.db, { kind: 'citizen', id: a.id }), 0)
  const html = await (await t.app.request('/me/messages', { headers: { cookie: sa.cookie } })).text()
  assert.match(html, /共 1 条消息，0 条未读/)
  assert.doesNotMatch(html, /标为已读/)
  // Marking twice keeps the first time it was read.
  const first = (await t.db.selectFrom('notifications').select('read_at').where('id', '=', m!.id).executeTakeFirstOrThrow()).read_at
  assert.equal((await post(`/me/messages/${m!.id}/read`, sa, form(sa.csrf))).status, 303)
  assert.deepEqual((await t.db.selectFrom('notifications').select('read_at').where('id', '=', m!.id).executeTakeFirstOrThrow()).read_at, first)
})

test('not signed in: the sign-in page for reading, 403 for writing', async () => {
  const res = await t.app.request('/me/messages')
  assert.equal(res.status, 303)
  assert.match(res.headers.get('location') ?? '', /^\/login\?next=/)
  assert.equal((await t.app.request('/me/messages/0190aaaa-0000-7000-8000-00000000beef/read', { method: 'POST' })).status, 403)
  const s = await t.app.request('/admin/messages')
  assert.equal(s.status, 303)
  assert.match(s.headers.get('location') ?? '', /^\/admin\/login/)
})

test('staff see their own messages in the back office (with the 消息 navigation entry), never a citizen’s', async () => {
  const x = await staffIn(t.db, 'inbox-x', ['supervisor'], null)
  const y = await staffIn(t.db, 'inbox-y', ['supervisor'], null)
  const citizen = await createCitizen(t.db)
  await inboxOf('staff', x.id, 2, 'step.due_soon')
  const [cm] = await inboxOf('citizen', citizen.id, 1)
  const sx = await staffCookie(t.db, x.id)
  const sy = await staffCookie(t.db, y.id)
  const html = await (await t.app.request('/admin/messages', { headers: { cookie: sx.cookie } })).text()
  assert.match(html, /<a href="\/admin\/messages" aria-current="page">消息<\/a>/)
  assert.match(html, /办理时限即将届满/)
  assert.match(html, /共 2 条消息，2 条未读/)
  assert.doesNotMatch(html, /申请已受理/)
  const other = await (await t.app.request('/admin/messages', { headers: { cookie: sy.cookie } })).text()
  assert.match(other, /还没有消息/)
  // A staff member cannot mark a citizen's message, even knowing its id; a citizen cannot use the staff route.
  const res = await t.app.request(`/admin/messages/${cm!.id}/read`, { ...form(sx.csrf), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: sx.cookie } })
  assert.equal(res.status, 404)
  const sc = await citizenSession(t.app, t.db, citizen.id)
  assert.equal((await t.app.request(`/admin/messages/${cm!.id}/read`, { ...form(sc.csrf), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: sc.cookie } })).status, 403)
  assert.equal(await unreadCount(t.db, { kind: 'citizen', id: citizen.id }), 1)
})
