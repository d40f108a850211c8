import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { testApp } from '../../../../test/app'
import { createStaff, csrfOf, postForm, signIn, signInCookie, type Session } from '../../../../test/staff'

/**
 * Access matrix over EVERY back-office route (read from the app's route table, so a new route is covered
 * automatically): anonymous → no read, no write; a staff member without the catalog_editor role → 403;
 * an editor without (or with a wrong) CSRF token → 403 on every POST. Nothing is written in any case.
 */
let t: Awaited<ReturnType<typeof testApp>>
let editor: Session
let clerk: Session
let routes: { method: string; path: string }[]
let catalogRoutes: { method: string; path: string }[]
before(async () => {
  t = await testApp('seeded')
  await createStaff(t.db, 'editor3', ['catalog_editor'])
  await createStaff(t.db, 'clerk', ['window_officer'])
  editor = await signIn(t.app, 'editor3')
  const session = await signInCookie(t.app, 'clerk')
  clerk = { cookie: session, csrf: await csrfOf(t.db, session) }
  const code = (await t.db.selectFrom('service_items').select('code').executeTakeFirstOrThrow()).code
  const synonymId = (await t.db.selectFrom('search_synonyms').select('id').executeTakeFirstOrThrow()).id
  const seen = new Set<string>()
  routes = t.app.routes
    .filter((r) => (r.method === 'GET' || r.method === 'POST') && r.path.startsWith('/admin') && !r.path.startsWith('/admin/login'))
    .map((r) => ({ method: r.method, path: r.path.replace(':code', encodeURIComponent(code)).replace(':id', synonymId) }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && !!seen.add(`${r.method} ${r.path}`))
  // The editor's own pages (other modules' /admin pages have their own role tests; anonymous covers them all).
  catalogRoutes = routes.filter((r) => r.path === '/admin' || r.path === '/admin/logout' || /^\/admin\/(items|synonyms)(\/|$)/.test(r.path))
})
after(() => t.close())

const writes = async () => {
  const r = await sql<{ n: number }>`select (select count(*) from audit_log)::int + (select count(*) from service_item_versions)::int + (select count(*) from search_synonyms)::int as n`.execute(t.db)
  return Number(r.rows[0]!.n)
}
const fields = { action: 'suspend', reason: 'x', expectedVersion: '1', phrase: '测试', expansions: '测试', name: 'x' }

test('the route table has the back-office routes we expect to guard', () => {
  const keys = routes.map((r) => `${r.method} ${r.path.replace(/\/items\/(?!new$)[^/]+/, '/items/:code').replace(/\/synonyms\/[0-9a-f-]{36}/, '/synonyms/:id')}`)
  for (const k of ['GET /admin', 'GET /admin/items/new', 'POST /admin/items/new', 'GET /admin/items/:code', 'GET /admin/items/:code/edit', 'POST /admin/items/:code/edit', 'POST /admin/items/:code/status', 'GET /admin/items/:code/versions', 'GET /admin/items/:code/diff', 'GET /admin/synonyms', 'POST /admin/synonyms', 'GET /admin/synonyms/:id/edit', 'POST /admin/synonyms/:id', 'POST /admin/synonyms/:id/delete', 'POST /admin/logout']) {
    assert.ok(keys.includes(k), k)
  }
})

test('anonymous: every GET redirects to sign-in with next=, every POST is 403, nothing written', async () => {
  const n = await writes()
  for (const r of routes) {
    if (r.method === 'GET') {
      const res = await t.app.request(r.path)
      assert.equal(res.status, 303, r.path)
      assert.equal(res.headers.get('location'), `/admin/login?next=${encodeURIComponent(r.path)}`)
    } else {
      const res = await postForm(t.app, r.path, {}, fields)
      assert.equal(res.status, 403, r.path)
    }
  }
  assert.equal(await writes(), n)
})

test('a staff member without the catalog_editor role gets 403 on every route except sign-out', async () => {
  const n = await writes()
  for (const r of catalogRoutes) {
    if (r.path === '/admin/logout') continue
    const res = r.method === 'GET' ? await t.app.request(r.path, { headers: { cookie: clerk.cookie } }) : await postForm(t.app, r.path, clerk, fields)
    if (r.method === 'GET' && r.path === '/admin') {
      // The back-office entry point sends staff without the catalogue role to their home page (工作台).
      assert.equal(res.status, 303)
      assert.equal(res.headers.get('location'), '/admin/home')
      continue
    }
    assert.equal(res.status, 403, `${r.method} ${r.path}`)
    assert.match(await res.text(), /没有访问此页面的权限/)
  }
  assert.equal(await writes(), n)
})

test('an editor without or with a wrong CSRF token gets 403 on every POST, nothing written', async () => {
  const n = await writes()
  for (const r of catalogRoutes.filter((x) => x.method === 'POST')) {
    const missing = await postForm(t.app, r.path, editor, fields, false)
    assert.equal(missing.status, 403, `missing ${r.path}`)
    const wrong = await postForm(t.app, r.path, { cookie: editor.cookie, csrf: clerk.csrf }, fields)
    assert.equal(wrong.status, 403, `wrong ${r.path}`)
    assert.match(await wrong.text(), /页面已过期/)
  }
  assert.equal(await writes(), n)
  // The editor is still signed in (logout without a token did nothing).
  assert.equal((await t.app.request('/admin', { headers: { cookie: editor.cookie } })).status, 200)
})

test('an editor can read every GET route; pages are no-store and noindex', async () => {
  for (const r of catalogRoutes.filter((x) => x.method === 'GET')) {
    const res = await t.app.request(r.path, { headers: { cookie: editor.cookie } })
    assert.equal(res.status, 200, r.path)
    assert.equal(res.headers.get('cache-control'), 'no-store')
    assert.match(await res.text(), /<meta name="robots" content="noindex"\/>/)
  }
})

test('unknown codes and ids are 404 for an editor, not 500', async () => {
  for (const p of ['/admin/items/NOPE/edit', '/admin/items/NOPE', '/admin/items/NOPE/versions', '/admin/items/NOPE/diff?from=1&to=2', '/admin/synonyms/not-a-uuid/edit']) {
    assert.equal((await t.app.request(p, { headers: { cookie: editor.cookie } })).status, 404, p)
  }
  for (const p of ['/admin/items/NOPE/edit', '/admin/items/NOPE/status', '/admin/synonyms/01234567-89ab-7def-8123-456789abcdef/delete']) {
    assert.equal((await postForm(t.app, p, editor, fields)).status, 404, p)
  }
})
