import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { createStaff, postForm, signIn, type Session } from '../../../test/staff'

let t: Awaited<ReturnType<typeof testApp>>
let admin: Session
let editor: Session
let dept: { id: string; name: string }
before(async () => {
  t = await testApp('seeded')
  dept = (await t.deps.directory.listDepartments()).find((d) => d.name === '苏州市市场监督管理局')!
  await createStaff(t.db, 'root', ['admin'])
  await createStaff(t.db, 'ed1', ['catalog_editor'])
  admin = await signIn(t.app, 'root', undefined, '/admin/clients')
  editor = await signIn(t.app, 'ed1')
})
after(() => t.close())

const get = (path: string, s?: Session) => t.app.request(path, s ? { headers: { cookie: s.cookie } } : {})
const secretIn = (html: string) => /id="client-secret">([A-Za-z0-9_-]{43})</.exec(html)?.[1]
const clientIdIn = (html: string) => /client_id：<code>([0-9a-f-]{36})</.exec(html)?.[1]
async function register(fields: Record<string, string>) {
  return postForm(t.app, '/admin/clients/new', admin, { name: '市场监管网上办事大厅', departmentId: dept.id, kind: 'web', redirectUris: 'https://scjg.example/callback', ...fields })
}

test('client pages: anonymous → sign-in (GET) or 403 (POST); a non-admin → 403; nothing written', async () => {
  for (const p of ['/admin/clients', '/admin/clients/new']) {
    const r = await get(p)
    assert.equal(r.status, 303, p)
    assert.equal(r.headers.get('location'), `/admin/login?next=${encodeURIComponent(p)}`)
    assert.equal((await get(p, editor)).status, 403, p)
  }
  assert.equal((await postForm(t.app, '/admin/clients/new', {}, { name: 'x', kind: 'system', departmentId: dept.id })).status, 403)
  assert.equal((await postForm(t.app, '/admin/clients/new', editor, { name: 'x', kind: 'system', departmentId: dept.id })).status, 403)
  assert.equal((await postForm(t.app, '/admin/clients/new', admin, { name: 'x', kind: 'system', departmentId: dept.id }, false)).status, 403, 'no CSRF token')
  assert.equal((await t.db.selectFrom('oauth_clients').select('client_id').execute()).length, 0)
})

test('bad input: every problem named at its field, in Chinese, nothing registered', async () => {
  const res = await register({ name: '  ', departmentId: '', kind: 'web', redirectUris: 'http://scjg.example/cb\nhttps://ok.example/cb#x' })
  assert.equal(res.status, 400)
  const html = await res.text()
  assert.match(html, /错误：/)
  assert.match(html, /href="#name">请填写系统名称/)
  assert.match(html, /href="#departmentId">请选择该系统所属的部门/)
  assert.match(html, /回调地址“http:\/\/scjg.example\/cb”无效/)
  assert.match(html, /回调地址“https:\/\/ok.example\/cb#x”无效/)
  assert.match(html, /id="redirectUris-error"/)
  const noKind = await (await register({ kind: '' })).text()
  assert.match(noKind, /请选择接入方式/)
  const noUri = await (await register({ redirectUris: '' })).text()
  assert.match(noUri, /请至少填写一个回调地址/)
  assert.equal((await t.db.selectFrom('oauth_clients').select('client_id').execute()).length, 0)
})

test('register a web client: the secret is shown once (kept sealed, never shown again); rotate; revoke', async () => {
  const res = await register({})
  assert.equal(res.status, 201)
  assert.match(res.headers.get('cache-control') ?? '', /no-store/)
  const html = await res.text()
  const secret = secretIn(html)!
  const clientId = clientIdIn(html)!
  assert.ok(secret && clientId)
  assert.match(html, /\/oidc\/\.well-known\/openid-configuration/)
  const list = await (await get('/admin/clients', admin)).text()
  assert.match(list, /市场监管网上办事大厅/)
  assert.ok(list.includes(dept.name))
  const detail = await (await get(`/admin/clients/${clientId}`, admin)).text()
  assert.match(detail, /https:\/\/scjg.example\/callback/)
  assert.ok(!list.includes(secret) && !detail.includes(secret), 'the secret is not shown again')
  const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_name', 'details']).where('subject_id', '=', clientId).execute()
  assert.deepEqual(audit.map((a) => a.action), ['identity.oauth_client.registered'])
  assert.equal(audit[0]!.actor_name, '测试root')
  assert.ok(!JSON.stringify(audit).includes(secret))

  const rotated = await postForm(t.app, `/admin/clients/${clientId}/rotate`, admin, {})
  assert.equal(rotated.status, 200)
  const secret2 = secretIn(await rotated.text())!
  assert.ok(secret2 && secret2 !== secret)
  const row = await t.db.selectFrom('oauth_clients').select('secret_sealed').where('client_id', '=', clientId).executeTakeFirstOrThrow()
  assert.equal(t.deps.secrets.open(row.secret_sealed), secret2)

  const noReason = await postForm(t.app, `/admin/clients/${clientId}/revoke`, admin, { reason: ' ' })
  assert.equal(noReason.status, 400)
  assert.match(await noReason.text(), /请填写停用原因/)
  assert.equal((await postForm(t.app, `/admin/clients/${clientId}/revoke`, editor, { reason: '下线' })).status, 403)
  const revoked = await postForm(t.app, `/admin/clients/${clientId}/revoke`, admin, { reason: '系统下线' })
  assert.equal(revoked.status, 303)
  assert.equal(revoked.headers.get('location'), '/admin/clients?done=revoked')
  assert.match(await (await get(`/admin/clients/${clientId}`, admin)).text(), /已停用/)
  const actions = (await t.db.selectFrom('audit_log').select('action').where('subject_id', '=', clientId).orderBy('seq').execute()).map((a) => a.action)
  assert.deepEqual(actions, ['identity.oauth_client.registered', 'identity.oauth_client.secret_rotated', 'identity.oauth_client.revoked'])
  // A revoked client cannot get a new secret.
  const again = await postForm(t.app, `/admin/clients/${clientId}/rotate`, admin, {})
  assert.equal(again.status, 200)
  assert.equal(secretIn(await again.text()), undefined)
})

test('register a system client (no redirect URIs needed); unknown client pages are 404', async () => {
  const res = await register({ kind: 'system', redirectUris: '', name: '市场监管数据对接' })
  assert.equal(res.status, 201)
  const clientId = clientIdIn(await res.text())!
  const row = await t.db.selectFrom('oauth_clients').selectAll().where('client_id', '=', clientId).executeTakeFirstOrThrow()
  assert.deepEqual(row.grant_types, ['client_credentials'])
  assert.deepEqual(row.redirect_uris, [])
  assert.equal(row.department_id, dept.id)
  assert.equal((await get('/admin/clients/00000000-0000-7000-8000-000000000000', admin)).status, 404)
  assert.equal((await postForm(t.app, '/admin/clients/00000000-0000-7000-8000-000000000000/revoke', admin, { reason: 'x' })).status, 404)
})
