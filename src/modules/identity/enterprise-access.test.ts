import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { dbState, enterpriseWorld, get, post, type T } from './enterprise-test-support'

/**
 * Access matrix over EVERY enterprise/mandate route that takes an object id (read from the app's route table,
 * so a new route with :id or :mandateId fails the first test until it is added here). Roles: the legal rep
 * (owner), B (an unrelated verified citizen with his own enterprise), an agent acting with scope 'all'
 * (in scope), an agent acting with an 'items' mandate (outside scope for anything but the profile), an agent
 * whose mandate was revoked. Denied reads are 404; denied writes 403 or 404, with the database unchanged.
 */
let t: T
let w: Awaited<ReturnType<typeof enterpriseWorld>>
before(async () => {
  t = await testApp('seeded')
  w = await enterpriseWorld(t)
})
after(() => t.close())

type Role = 'rep' | 'b' | 'agentAll' | 'agentItems' | 'agentRevoked'
const ROLES: Role[] = ['rep', 'b', 'agentAll', 'agentItems', 'agentRevoked']
type Case = { method: 'GET' | 'POST'; route: string; path: () => string; fields?: () => Record<string, string>; allowed: Partial<Record<Role, number>> }

// Writes that succeed are checked elsewhere (mandate.test.ts, acting.test.ts); here the allowed role is only
// asked to READ, or its write is sent with an invalid body so nothing changes (400 = got past the access check).
const CASES: Case[] = [
  { method: 'GET', route: '/enterprise/:id', path: () => `/enterprise/${w.ent}`, allowed: { rep: 200, agentAll: 200, agentItems: 200 } },
  { method: 'POST', route: '/enterprise/:id/contact', path: () => `/enterprise/${w.ent}/contact`, fields: () => ({ phone: 'not-a-phone', email: '', address: '' }), allowed: { rep: 400, agentAll: 400 } },
  { method: 'GET', route: '/enterprise/:id/agents/new', path: () => `/enterprise/${w.ent}/agents/new`, allowed: { rep: 200 } },
  { method: 'POST', route: '/enterprise/:id/agents/new', path: () => `/enterprise/${w.ent}/agents/new`, fields: () => ({ agentName: '', agentIdNumber: '', scope: 'all', itemCodes: '', validUntil: '' }), allowed: { rep: 400 } },
  { method: 'GET', route: '/enterprise/:id/agents/:mandateId/revoke', path: () => `/enterprise/${w.ent}/agents/${w.m.items}/revoke`, allowed: { rep: 200 } },
  { method: 'POST', route: '/enterprise/:id/agents/:mandateId/revoke', path: () => `/enterprise/${w.ent}/agents/${w.m.items}/revoke`, fields: () => ({ reason: '' }), allowed: { rep: 400 } },
  { method: 'GET', route: '/account/mandates/:mandateId/revoke', path: () => `/account/mandates/${w.m.citizen}/revoke`, allowed: { rep: 200 } },
  { method: 'POST', route: '/account/mandates/:mandateId/revoke', path: () => `/account/mandates/${w.m.citizen}/revoke`, fields: () => ({ reason: '' }), allowed: { rep: 400 } },
]

test('every enterprise/mandate route with an object id is in the matrix', () => {
  const mine = t.app.routes.filter((r) => /^\/(enterprise|account\/mandates|me\/acting)/.test(r.path) && /:(id|mandateId)\b/.test(r.path))
  const covered = new Set(CASES.map((c) => `${c.method} ${c.route}`))
  assert.ok(mine.length >= 8)
  for (const r of mine) assert.ok(covered.has(`${r.method} ${r.path}`), `not in the matrix: ${r.method} ${r.path}`)
})

test('matrix: only the allowed role reads or writes; everyone else gets 404 (reads) or 403/404 (writes) and nothing changes', async () => {
  for (const c of CASES) {
    for (const role of ROLES) {
      const before = await dbState(t.db)
      const res = c.method === 'GET' ? await get(t, c.path(), w.s[role]) : await post(t, c.path(), w.s[role], c.fields!())
      const want = c.allowed[role]
      const label = `${role} ${c.method} ${c.route}`
      if (want) assert.equal(res.status, want, label)
      else if (c.method === 'GET') assert.equal(res.status, 404, label)
      else assert.ok(res.status === 403 || res.status === 404, `${label}: ${res.status}`)
      if (!want || c.method === 'POST') assert.equal(await dbState(t.db), before, `${label} changed the database`)
    }
  }
})

test('the rep reads the owner-only mandate page of the right enterprise only: B cannot reach A\'s mandate through B\'s own enterprise', async () => {
  const before = await dbState(t.db)
  assert.equal((await get(t, `/enterprise/${w.entB}/agents/${w.m.items}/revoke`, w.s.b)).status, 404)
  assert.equal((await post(t, `/enterprise/${w.entB}/agents/${w.m.items}/revoke`, w.s.b, { reason: '越权' })).status, 404)
  // …nor an enterprise mandate through the citizen path, nor a citizen mandate through an enterprise path.
  assert.equal((await post(t, `/account/mandates/${w.m.items}/revoke`, w.s.rep, { reason: '走错路径' })).status, 404)
  assert.equal((await post(t, `/enterprise/${w.ent}/agents/${w.m.citizen}/revoke`, w.s.rep, { reason: '走错路径' })).status, 404)
  assert.equal(await dbState(t.db), before)
})

test('an agent who holds a live mandate but is not acting for the enterprise right now cannot see it', async () => {
  assert.equal((await post(t, '/me/acting/stop', w.s.agentItems, {})).status, 303)
  assert.equal((await get(t, `/enterprise/${w.ent}`, w.s.agentItems)).status, 404)
  assert.equal((await post(t, '/me/acting', w.s.agentItems, { mandateId: w.m.items })).status, 303)
  assert.equal((await get(t, `/enterprise/${w.ent}`, w.s.agentItems)).status, 200)
})

test('starting to act under someone else\'s mandate, a revoked one or a malformed id: refused, nothing changes', async () => {
  const before = await dbState(t.db)
  assert.equal((await post(t, '/me/acting', w.s.b, { mandateId: w.m.all })).status, 404)
  assert.equal((await post(t, '/me/acting', w.s.rep, { mandateId: w.m.all })).status, 404)
  assert.equal((await post(t, '/me/acting', w.s.agentRevoked, { mandateId: w.m.revoked })).status, 409)
  assert.equal((await post(t, '/me/acting', w.s.b, { mandateId: 'not-a-uuid' })).status, 404)
  assert.equal(await dbState(t.db), before)
})

test('no CSRF token → 403 on every POST, nothing written', async () => {
  const before = await dbState(t.db)
  const posts: [string, Record<string, string>][] = [
    ['/enterprise/claim', { uscc: '91320505MA1MH00280' }],
    [`/enterprise/${w.ent}/contact`, { phone: '13912345678', email: '', address: '' }],
    [`/enterprise/${w.ent}/agents/new`, { agentName: '陈志强', agentIdNumber: '32058320001111031X', scope: 'all' }],
    [`/enterprise/${w.ent}/agents/${w.m.items}/revoke`, { reason: '测试' }],
    ['/account/mandates', { agentName: '陈志强', agentIdNumber: '32058320001111031X', scope: 'items', itemCodes: w.codes[0]! }],
    [`/account/mandates/${w.m.citizen}/revoke`, { reason: '测试' }],
    ['/me/acting', { mandateId: w.m.all }],
    ['/me/acting/stop', {}],
  ]
  for (const [path, fields] of posts) {
    assert.equal((await post(t, path, w.s.rep, fields, false)).status, 403, path)
    assert.equal((await post(t, path, { cookie: w.s.rep.cookie, csrf: 'x'.repeat(43) }, fields)).status, 403, path)
  }
  assert.equal(await dbState(t.db), before)
})

test('signed out: pages redirect to sign-in, posts are refused', async () => {
  const res = await get(t, `/enterprise/${w.ent}`, {})
  assert.equal(res.status, 303)
  assert.match(res.headers.get('location') ?? '', /^\/login\?next=/)
  assert.equal((await post(t, `/enterprise/${w.ent}/contact`, {}, { phone: '13912345678' })).status, 403)
})
