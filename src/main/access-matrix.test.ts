import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../test/app'
import { citizenSession, createCitizen } from '../../test/citizens'
import { AMR, departmentId, HOUSING, HRSS, PSB, staffCookie, staffIn } from '../../test/exchange'
import { dbState, enterpriseWorld } from '../modules/identity/enterprise-test-support'
import { registerOauthClient } from '../modules/identity'
import { requestGrant } from '../modules/exchange'
import { saveDraft, startApplication, startBundle, storeUpload, submitApplication } from '../modules/applications'
import { notify } from '../modules/notifications'
import { caseCrew, fakeUpload, FOOD_ITEM, foodFormValues, personApplicant } from '../../test/cases'
import { fakeIdNumber } from '../../test/citizens'
import { CASE_ACTIONS } from '../modules/cases/backoffice/case-actions'

/**
 * The platform-wide access matrix (issue 3, security tests): EVERY route whose path takes an object id is
 * classified here — a new one fails the first test until someone decides who may reach it — and each class is
 * exercised with real sessions: citizen A vs citizen B, an agent outside their scope, an officer of another
 * department, staff vs citizen sessions. No read (404/403/redirect), no write (nothing in the database changes).
 * Finer per-module matrices live beside the modules (enterprise-access, catalog backoffice access, exchange).
 */
type Kind = 'public' | 'admin-only' | 'catalogue-editor' | 'citizen-owned' | 'department-owned' | 'oidc-interaction' | 'upload-owned' | 'case-department' | 'message-recipient' | 'licence-department' | 'licence-type-editor'
const CLASSES: [RegExp, Kind][] = [
  [/^\/(assets|services|apply|departments|themes)\/:|^\/api\/v1\/services\/:code$/, 'public'],
  [/^\/admin\/exchange\/datasets\/:code$/, 'public'], // the shared-data catalogue is reference information for every staff member
  [/^\/bundles\/:code$/, 'public'], // 一件事 guides
  [/^\/me\/bundles\/:id(\/|$)/, 'citizen-owned'], // a 一件事 of its applicant (or whoever acts for it now); 404 to everyone else — see the bundle test below
  [/^\/admin\/(staff|clients|departments)\//, 'admin-only'],
  [/^\/admin\/(items|synonyms)\//, 'catalogue-editor'],
  [/^\/(enterprise|account\/mandates|account\/passkeys)\//, 'citizen-owned'],
  [/^\/me\/(applications|cases)\/:id(\/|$)/, 'citizen-owned'], // an application or case of its applicant (or whoever acts for them now, within an items mandate); 404 to everyone else — real objects in cases/portal/applicant-pages.test.ts
  [/^\/me\/(licences|licence-copies)\/:id(\/|$)/, 'citizen-owned'], // 我的证照: the holder (or whoever acts for the holding enterprise now); 404 alike for others, unknown and malformed ids — real licences in licences/wallet/wallet.test.ts
  [/^\/admin\/exchange\/grants\/:id/, 'department-owned'],
  [/^\/oidc\/interaction\/:uid$/, 'oidc-interaction'],
  [/^\/api\/v1\/applications\/:id\/submission$/, 'citizen-owned'], // the applicant (or whoever acts for it now); 404 to other citizens, 403 without a citizen session or CSRF header
  [/^\/(me|admin)\/messages\/:id\/read$/, 'message-recipient'], // the recipient of the notice only; 404 to every other person, 403 to the wrong kind of session
  [/^\/me\/uploads\/:id$/, 'upload-owned'], // the uploader, or whoever acts for the enterprise it was uploaded for; 404 to everyone else
  [/^\/admin\/cases\/:id(\/|$)/, 'case-department'], // staff of a department handling the case (or a supervisor of its region); 404 to everyone else
  [/^\/licences\/(:id|keys\/:kid|issuers\/:uscc)$|^\/api\/v1\/licences\/:id\/verification$/, 'public'], // verification for anyone (masked holder code only) and the published keys
  [/^\/admin\/licences\/types\/:code\/edit$/, 'licence-type-editor'], // 证照目录: administrators and catalogue editors (a department-scoped editor only its department's types); 403 to the reading roles, sign-in for citizens — licences/backoffice/licence-types.test.ts
  [/^\/admin\/licences\/:id(\/|$)/, 'licence-department'], // staff of the issuing department (officers and heads act, the window reads); 404 to everyone else
]
const classify = (path: string) => CLASSES.find(([re]) => re.test(path))?.[1]

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
/** enterpriseWorld once per database (its demo people are unique). */
let world: ReturnType<typeof enterpriseWorld> | undefined
const theWorld = () => (world ??= enterpriseWorld(t))
after(() => t.close())

const paramRoutes = () => {
  const seen = new Set<string>()
  return t.app.routes
    .filter((r) => (r.method === 'GET' || r.method === 'POST') && /[:{]/.test(r.path))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
}
const form = (csrf: string, extra: Record<string, string> = {}) => new URLSearchParams({ _csrf: csrf, reason: '测试', decision: 'approve', name: 'x', ...extra })
const send = (method: string, path: string, s: { cookie: string; csrf: string }) =>
  method === 'GET'
    ? t.app.request(path, { headers: { cookie: s.cookie } })
    : t.app.request(path, { method: 'POST', body: form(s.csrf), headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' } })

test('every route that takes an object id is classified (add new ones to the matrix)', () => {
  const unclassified = paramRoutes().filter((r) => !classify(r.path)).map((r) => `${r.method} ${r.path}`)
  assert.deepEqual(unclassified, [])
  assert.ok(paramRoutes().length >= 40, 'the route table was read')
})

test('admin-only objects: an officer of any department, a department head and a catalogue editor — no read, no write', async () => {
  const amr = await departmentId(t.db, AMR)
  const target = await staffIn(t.db, 'matrix-target', ['window_officer'], amr)
  const admin = { type: 'staff' as const, id: 'matrix', name: 'matrix', roles: ['admin'] }
  const client = await registerOauthClient(t.db, t.deps.secrets, { name: '矩阵测试系统', departmentId: amr, kind: 'system', actor: admin as never })
  const ids: Record<string, string> = { staff: target.id, clients: client.clientId, departments: amr }
  const people = [
    await staffIn(t.db, 'matrix-officer', ['department_officer'], amr),
    await staffIn(t.db, 'matrix-head', ['department_head'], amr),
    await staffIn(t.db, 'matrix-editor', ['catalog_editor'], null),
    await staffIn(t.db, 'matrix-supervisor', ['supervisor'], null),
  ]
  const before = await dbState(t.db)
  const audit = async () => (await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
  const auditBefore = await audit()
  for (const who of people) {
    const s = await staffCookie(t.db, who.id)
    for (const r of paramRoutes().filter((x) => classify(x.path) === 'admin-only')) {
      const area = /^\/admin\/(\w+)\//.exec(r.path)![1]!
      const path = r.path.replace(':id', ids[area]!).replace(':grantId', target.grants.length ? '00000000-0000-0000-0000-000000000000' : '')
      const res = await send(r.method, path, s)
      assert.equal(res.status, 403, `${who.name}: ${r.method} ${path}`)
    }
  }
  assert.equal(await dbState(t.db), before)
  const revokedClient = await t.db.selectFrom('oauth_clients').select('revoked_at').where('client_id', '=', client.clientId).executeTakeFirstOrThrow()
  assert.equal(revokedClient.revoked_at, null)
  assert.equal(await audit(), auditBefore, 'no operation ran')
})

test('department-owned grants: an officer of another department cannot read, decide or revoke; the consumer cannot approve its own request', async () => {
  const hrss = await departmentId(t.db, HRSS)
  const psb = await departmentId(t.db, PSB)
  const housing = await departmentId(t.db, HOUSING)
  const consumer = await staffIn(t.db, 'matrix-hrss', ['department_head'], hrss)
  const validUntil = new Date(Date.now() + 60 * 86400000).toISOString().slice(0, 10)
  const { id } = await requestGrant(t.db, { actor: consumer, dataset: 'population.household', fields: ['householdAddress'], purpose: '核验参保人户籍（矩阵测试）', validUntil })
  const outsider = await staffCookie(t.db, (await staffIn(t.db, 'matrix-housing', ['department_head', 'department_officer'], housing)).id)
  const own = await staffCookie(t.db, consumer.id)
  const status = async () => (await t.db.selectFrom('dataset_grants').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
  for (const r of paramRoutes().filter((x) => classify(x.path) === 'department-owned')) {
    const path = r.path.replace(':id', id)
    const res = await send(r.method, path, outsider)
    assert.ok(res.status === 403 || res.status === 404, `outsider ${r.method} ${path}: ${res.status}`)
  }
  const self = await send('POST', `/admin/exchange/grants/${id}/decide`, own)
  assert.ok(self.status === 403 || self.status === 404, `consumer approving its own request: ${self.status}`)
  assert.equal(await status(), 'requested')
  // The provider's head may (the matrix is not "nobody may").
  const provider = await staffCookie(t.db, (await staffIn(t.db, 'matrix-psb', ['department_head'], psb)).id)
  assert.equal((await send('GET', `/admin/exchange/grants/${id}`, provider)).status, 200)
})

test('citizen-owned objects: citizen B, an out-of-scope agent, a revoked agent and any staff session — no read, no write', async () => {
  const w = await theWorld()
  const ids: Record<string, string> = { ':id': w.ent, ':mandateId': w.m.all }
  const staff = await staffCookie(t.db, (await staffIn(t.db, 'matrix-staff-citizen', ['admin'], null)).id)
  const before = await dbState(t.db)
  const routes = paramRoutes().filter((x) => classify(x.path) === 'citizen-owned' && !x.path.startsWith('/account/passkeys'))
  assert.ok(routes.length >= 8)
  for (const r of routes) {
    const path = r.path.replace(/:id|:mandateId/g, (k) => ids[k]!)
    // B and the revoked agent have nothing to do with this enterprise or mandate.
    for (const [who, s] of [['B', w.s.b], ['revoked agent', w.s.agentRevoked]] as const) {
      const res = await send(r.method, path, s)
      assert.ok(res.status === 404 || res.status === 403, `${who}: ${r.method} ${path} → ${res.status}`)
    }
    // A staff session is not a citizen session: sign-in page for reads, 403 for writes.
    const res = await send(r.method, path, staff)
    assert.equal(res.status, r.method === 'GET' ? 303 : 403, `staff session: ${r.method} ${path}`)
    if (r.method === 'GET') assert.match(res.headers.get('location') ?? '', /^\/login\?next=/)
  }
  // The out-of-scope agent (items mandate) may read the profile it acts on but do nothing to the enterprise.
  for (const r of routes.filter((x) => x.method === 'POST')) {
    const res = await send(r.method, r.path.replace(/:id|:mandateId/g, (k) => ids[k]!), w.s.agentItems)
    assert.ok(res.status === 404 || res.status === 403, `agent outside scope: POST ${r.path} → ${res.status}`)
  }
  assert.equal(await dbState(t.db), before, 'nothing changed')
})

test('passkeys of citizen A: citizen B and staff sessions get nothing', async () => {
  const a = await createCitizen(t.db)
  const b = await createCitizen(t.db)
  const credentialId = 'matrix-credential-' + a.id.slice(-6)
  await t.db.insertInto('passkeys').values({ id: credentialId, citizen_id: a.id, public_key: new Uint8Array([1, 2, 3]), label: 'A 的手机' }).execute()
  const sb = await citizenSession(t.app, t.db, b.id)
  const staff = await staffCookie(t.db, (await staffIn(t.db, 'matrix-staff-passkey', ['admin'], null)).id)
  for (const r of paramRoutes().filter((x) => x.path.startsWith('/account/passkeys/'))) {
    const path = r.path.replace(':id', encodeURIComponent(credentialId))
    const res = await send(r.method, path, sb)
    assert.ok(res.status === 404 || res.status === 403, `B: ${r.method} ${path} → ${res.status}`)
    const rs = await send(r.method, path, staff)
    assert.ok(rs.status === 303 || rs.status === 403, `staff: ${r.method} ${path} → ${rs.status}`)
  }
  const row = await t.db.selectFrom('passkeys').select(['label']).where('id', '=', credentialId).executeTakeFirstOrThrow()
  assert.equal(row.label, 'A 的手机')
})

test('a citizen session opens no back-office route', async () => {
  const c = await createCitizen(t.db)
  const s = await citizenSession(t.app, t.db, c.id)
  for (const r of t.app.routes.filter((x) => (x.method === 'GET' || x.method === 'POST') && x.path.startsWith('/admin') && !x.path.startsWith('/admin/login'))) {
    const res = await send(r.method, r.path.replace(/:\w+/g, 'x'), s)
    assert.equal(res.status, r.method === 'GET' ? 303 : 403, `${r.method} ${r.path}`)
  }
})

test('uploads of citizen A: citizen B gets 404 (not 403: existence is not revealed), staff sessions the sign-in page', async () => {
  const a = await createCitizen(t.db)
  const b = await createCitizen(t.db)
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108020000009077' + '53de0000000c4944415478da63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082', 'hex')
  const up = await storeUpload(t.deps, { owner: { citizenId: a.id }, filename: 'a.png', body: (async function* () {
    yield png
  })() })
  const sa = await citizenSession(t.app, t.db, a.id)
  const sb = await citizenSession(t.app, t.db, b.id)
  const staff = await staffCookie(t.db, (await staffIn(t.db, 'matrix-staff-upload', ['admin'], null)).id)
  const routes = paramRoutes().filter((x) => classify(x.path) === 'upload-owned')
  assert.ok(routes.length >= 1)
  for (const r of routes) {
    const path = r.path.replace(':id', up.id)
    assert.equal((await send(r.method, path, sa)).status, 200, `A: ${r.method} ${path}`)
    assert.equal((await send(r.method, path, sb)).status, 404, `B: ${r.method} ${path}`)
    assert.equal((await send(r.method, path, staff)).status, 303, `staff: ${r.method} ${path}`)
  }
  // Uploaded while acting for an enterprise: the enterprise's file — every agent acting for it NOW, nobody else.
  const w = await theWorld()
  const ent = await storeUpload(t.deps, { owner: { citizenId: w.ids.agentAll, enterpriseId: w.ent }, filename: '营业执照.png', body: (async function* () {
    yield png
  })() })
  for (const r of routes) {
    const path = r.path.replace(':id', ent.id)
    for (const [who, s, status] of [['the uploader, acting', w.s.agentAll, 200], ['another agent acting for it (items scope)', w.s.agentItems, 200], ['revoked agent', w.s.agentRevoked, 404], ['representative acting for himself', w.s.rep, 404], ['B', w.s.b, 404]] as const) {
      assert.equal((await send(r.method, path, s)).status, status, `${who}: ${r.method} ${path}`)
    }
  }
})

test('department cases: staff of an unrelated department cannot read a case, open its files or act on it (404, nothing changes)', async () => {
  const crew = await caseCrew(t.db, 'matrix-case')
  const citizen = await createCitizen(t.db, { verifiedAs: { name: '陈志强', idNumber: fakeIdNumber(77) } })
  const who = personApplicant(citizen.id, '陈志强')
  const { id } = await startApplication(t.deps, { itemCode: FOOD_ITEM, applicant: who })
  const uploads: [string, string] = [await fakeUpload(t.db, citizen.id), await fakeUpload(t.db, citizen.id)]
  const draft = (await t.db.selectFrom('applications').select('values').where('id', '=', id).executeTakeFirstOrThrow()).values
  await saveDraft(t.db, { applicationId: id, applicant: who, values: { ...draft, ...foodFormValues(uploads) } })
  const { caseId } = await submitApplication(t.deps, { applicationId: id, applicant: who })
  const outsider = await staffCookie(t.db, crew.outsider.id)
  const state = async () => JSON.stringify([
    await t.db.selectFrom('cases').select(['status', 'version']).where('id', '=', caseId).executeTakeFirstOrThrow(),
    (await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  ])
  const before = await state()
  const routes = paramRoutes().filter((x) => classify(x.path) === 'case-department')
  assert.ok(routes.length >= 3)
  for (const r of routes) {
    for (const action of r.path.includes(':action') ? [...CASE_ACTIONS, 'unmask'] : ['']) {
      const path = r.path.replace(':id', caseId).replace(':action', action).replace(':uploadId', uploads[0])
      const res = await send(r.method, path, outsider)
      assert.equal(res.status, 404, `outsider ${r.method} ${path}`)
    }
  }
  assert.equal(await state(), before)
  // The matrix is not "nobody may": the receiving department's window opens it.
  assert.equal((await send('GET', `/admin/cases/${caseId}`, await staffCookie(t.db, crew.window.id))).status, 200)
})

test('一件事 bundles of citizen A: citizen B gets 404, staff sessions the sign-in page or 403, nothing changes', async () => {
  const a = await createCitizen(t.db, { verifiedAs: { name: '矩阵甲', idNumber: fakeIdNumber(91) } })
  const b = await createCitizen(t.db, { verifiedAs: { name: '矩阵乙', idNumber: fakeIdNumber(92) } })
  const { id } = await startBundle(t.deps, { code: 'newborn', applicant: personApplicant(a.id, '矩阵甲') })
  const sa = await citizenSession(t.app, t.db, a.id)
  const sb = await citizenSession(t.app, t.db, b.id)
  const staff = await staffCookie(t.db, (await staffIn(t.db, 'matrix-staff-bundle', ['admin'], null)).id)
  const state = async () => JSON.stringify(await t.db.selectFrom('bundle_applications').select(['status', 'values', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow())
  const before = await state()
  const routes = paramRoutes().filter((x) => /^\/me\/bundles\/:id/.test(x.path))
  assert.ok(routes.length >= 3)
  for (const r of routes) {
    const path = r.path.replace(':id', id)
    assert.equal((await send(r.method, path, sb)).status, 404, `B: ${r.method} ${path}`)
    assert.equal((await send(r.method, path, staff)).status, r.method === 'GET' ? 303 : 403, `staff: ${r.method} ${path}`)
  }
  assert.equal(await state(), before)
  assert.equal((await send('GET', `/me/bundles/${id}`, sa)).status, 200, 'the matrix is not "nobody may"')
})

test('messages: only their recipient marks them read — another citizen or staff member gets 404, the wrong kind of session 403', async () => {
  const a = await createCitizen(t.db)
  const b = await createCitizen(t.db)
  const x = await staffIn(t.db, 'matrix-msg-x', ['supervisor'], null)
  const y = await staffIn(t.db, 'matrix-msg-y', ['supervisor'], null)
  const ids = await t.db.transaction().execute(async (tx) => {
    await notify(tx, t.deps.jobs, { to: { kind: 'citizen', id: a.id }, event: 'case.accepted', data: { refNo: 'MX-1' }, dedupeKey: `matrix-msg-a-${a.id}` })
    await notify(tx, t.deps.jobs, { to: { kind: 'staff', id: x.id }, event: 'step.assigned', data: { refNo: 'MX-1' }, dedupeKey: `matrix-msg-x-${x.id}` })
    const rows = await tx.selectFrom('notifications').select(['id', 'recipient_kind']).where('recipient_id', 'in', [a.id, x.id]).execute()
    return Object.fromEntries(rows.map((r) => [r.recipient_kind, r.id])) as Record<'citizen' | 'staff', string>
  })
  const [sa, sb, sx, sy] = [await citizenSession(t.app, t.db, a.id), await citizenSession(t.app, t.db, b.id), await staffCookie(t.db, x.id), await staffCookie(t.db, y.id)]
  const unread = async () => (await t.db.selectFrom('notifications').select('id').where('id', 'in', [ids.citizen, ids.staff]).where('read_at', 'is', null).execute()).length
  const routes = paramRoutes().filter((r) => classify(r.path) === 'message-recipient')
  assert.equal(routes.length, 2)
  for (const r of routes) {
    const citizenRoute = r.path.startsWith('/me/')
    const path = r.path.replace(':id', citizenRoute ? ids.citizen : ids.staff)
    const [otherSameKind, otherKind] = citizenRoute ? [sb, sx] : [sy, sa]
    assert.equal((await send(r.method, path, otherSameKind)).status, 404, `same kind, not the recipient: ${path}`)
    assert.equal((await send(r.method, path, otherKind)).status, 403, `wrong kind of session: ${path}`)
    assert.equal(await unread(), 2, 'nothing was marked')
  }
  for (const r of routes) {
    const citizenRoute = r.path.startsWith('/me/')
    const res = await send(r.method, r.path.replace(':id', citizenRoute ? ids.citizen : ids.staff), citizenRoute ? sa : sx)
    assert.equal(res.status, 303, `recipient: ${r.path}`)
  }
  assert.equal(await unread(), 0)
})

test('department licences: staff of another department cannot read a licence or act on it (404, nothing changes)', async () => {
  const { issuedFoodLicence } = await import('../../test/licences')
  const crew = await caseCrew(t.db, 'matrix-lic')
  const { licence } = await issuedFoodLicence(t.deps, crew)
  const outsider = await staffCookie(t.db, crew.outsider.id)
  const state = async () => JSON.stringify([
    await t.db.selectFrom('licences').select(['status', 'lock_version']).where('id', '=', licence.id).executeTakeFirstOrThrow(),
    (await t.db.selectFrom('licences').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  ])
  const before = await state()
  const routes = paramRoutes().filter((x) => classify(x.path) === 'licence-department')
  assert.ok(routes.length >= 2)
  for (const r of routes) {
    for (const action of r.path.includes(':action') ? ['suspend', 'reinstate', 'revoke', 'renew', 'change'] : ['']) {
      const path = r.path.replace(':id', licence.id).replace(':action', action)
      assert.equal((await send(r.method, path, outsider)).status, 404, `outsider ${r.method} ${path}`)
    }
  }
  assert.equal(await state(), before)
  assert.equal((await send('GET', `/admin/licences/${licence.id}`, await staffCookie(t.db, crew.cityOfficer.id))).status, 200, 'the matrix is not "nobody may"')
})
