import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { seedDemoOauthClients, verifyClientToken } from './index'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

test('demo clients: one website and one system of 苏州市市场监督管理局, secrets returned once, idempotent', async () => {
  const first = await seedDemoOauthClients(t.db, t.deps.secrets, t.deps.directory)
  assert.ok(first['webClientId'] && first['webClientSecret'] && first['systemClientId'] && first['systemClientSecret'])
  const rows = await t.db.selectFrom('oauth_clients').select(['client_id', 'department_id', 'grant_types', 'redirect_uris']).execute()
  assert.equal(rows.length, 2)
  const dept = (await t.deps.directory.listDepartments()).find((d) => d.name === '苏州市市场监督管理局')!
  assert.ok(rows.every((r) => r.department_id === dept.id))
  assert.deepEqual(await seedDemoOauthClients(t.db, t.deps.secrets, t.deps.directory), {}, 'a second run creates nothing and reveals nothing')
  assert.equal((await t.db.selectFrom('oauth_clients').select('client_id').execute()).length, 2)

  // The printed system secret works against the token endpoint.
  const auth = Buffer.from(`${first['systemClientId']}:${first['systemClientSecret']}`).toString('base64')
  const res = await t.app.request('/oidc/token', { method: 'POST', headers: { authorization: `Basic ${auth}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&scope=exchange%3Aread' })
  assert.equal(res.status, 200)
  const { access_token } = (await res.json()) as { access_token: string }
  assert.equal((await verifyClientToken(t.deps, access_token))?.departmentId, dept.id)
})
