import assert from 'node:assert/strict'
import { sql } from 'kysely'
import type { testApp } from '../../../test/app'
import { citizenSession, createCitizen, createDemoCitizen, DEMO_ENTERPRISES, fakeIdNumber, type CitizenTestSession } from '../../../test/citizens'
import { formBody } from '../../../test/staff'
import type { DB } from '../../platform/database'
import { usccCheckChar } from '../../platform/identifiers'
import { uuidv7 } from '../../platform/ids'

/**
 * Fixtures for the enterprise and mandate tests (not a test file itself): real accounts, real sessions,
 * mandates made through the real pages. Only what the pages cannot make (expired mandates, a second
 * enterprise claimed by someone else) is inserted directly.
 */
export type T = Awaited<ReturnType<typeof testApp>>

export function validUscc(tail: string): string {
  const first17 = `91320508MA1${tail.padStart(6, '0')}`.slice(0, 17)
  return first17 + usccCheckChar(first17)
}

export async function insertEnterprise(db: DB, e: { uscc: string; name: string }, repId: string): Promise<string> {
  const id = uuidv7()
  await db.insertInto('enterprises').values({ id, uscc: e.uscc, name: e.name, legal_rep_citizen_id: repId, claimed_at: new Date(), status: 'active' }).execute()
  return id
}

export async function publishedCodes(db: DB, n = 3): Promise<string[]> {
  const rows = await db.selectFrom('service_items').select('code').where('status', '=', 'published').orderBy('code').limit(n).execute()
  assert.equal(rows.length, n, 'the seeded catalogue has published items')
  return rows.map((r) => r.code)
}

export function post(t: T, path: string, s: Partial<CitizenTestSession>, fields: Record<string, string | string[]>, withCsrf = true) {
  return t.app.request(path, {
    method: 'POST',
    body: formBody({ ...(withCsrf && s.csrf ? { _csrf: s.csrf } : {}), ...fields }),
    headers: { ...(s.cookie ? { cookie: s.cookie } : {}), 'content-type': 'application/x-www-form-urlencoded' },
  })
}
export const get = (t: T, path: string, s: Partial<CitizenTestSession>) => t.app.request(path, { headers: s.cookie ? { cookie: s.cookie } : {} })

/** Everything the enterprise and mandate routes can change, as one comparable string. */
export async function dbState(db: DB): Promise<string> {
  const r = await sql<{ s: string }>`select concat_ws('|',
    (select count(*) from audit_log),
    (select string_agg(concat(id, ':', revoked_at, ':', valid_until), ',' order by id) from mandates),
    (select string_agg(concat(id, ':', contact_phone, ':', contact_email, ':', contact_address, ':', legal_rep_citizen_id), ',' order by id) from enterprises),
    (select string_agg(concat(id, ':', acting_for_id, ':', mandate_id), ',' order by id) from citizen_sessions)) as s`.execute(db)
  return r.rows[0]!.s
}

export async function mandateIdOf(db: DB, grantorId: string, agentId: string): Promise<string> {
  const r = await db.selectFrom('mandates').select('id').where('grantor_id', '=', grantorId).where('agent_citizen_id', '=', agentId).orderBy('created_at', 'desc').executeTakeFirstOrThrow()
  return r.id
}

/**
 * The world: 李明华 (rep) has claimed demo enterprise #1 (ent) and made 王芳 an agent for everything (mAll),
 * 周测试 an agent for one item (mItems), 吴测试 an agent whose mandate he then revoked (mRevoked); 陈志强 (B)
 * has his own enterprise (entB). rep also gave 王芳 a personal 委托代办 for one item (mCitizen).
 */
export async function enterpriseWorld(t: T) {
  const [code1, code2] = await publishedCodes(t.db, 2) as [string, string]
  const rep = await createDemoCitizen(t.db, 0)
  const agentAll = await createDemoCitizen(t.db, 1)
  const b = await createDemoCitizen(t.db, 2)
  const items = { name: '周测试', idNumber: fakeIdNumber(1) }
  const revoked = { name: '吴测试', idNumber: fakeIdNumber(2) }
  const agentItems = await createCitizen(t.db, { verifiedAs: items })
  const agentRevoked = await createCitizen(t.db, { verifiedAs: revoked })
  const ent = await insertEnterprise(t.db, DEMO_ENTERPRISES[0], rep.id)
  const entB = await insertEnterprise(t.db, { uscc: validUscc('B0001'), name: '陈志强测试商行' }, b.id)
  const s = {
    rep: await citizenSession(t.app, t.db, rep.id),
    agentAll: await citizenSession(t.app, t.db, agentAll.id),
    agentItems: await citizenSession(t.app, t.db, agentItems.id),
    agentRevoked: await citizenSession(t.app, t.db, agentRevoked.id),
    b: await citizenSession(t.app, t.db, b.id),
  }
  const add = async (who: { name: string; idNumber: string }, scope: 'all' | 'items') => {
    const res = await post(t, `/enterprise/${ent}/agents/new`, s.rep, { agentName: who.name, agentIdNumber: who.idNumber, scope, itemCodes: scope === 'items' ? code1 : '', validUntil: '' })
    assert.equal(res.status, 303, `adding ${who.name}: ${res.status}`)
  }
  await add({ name: '王芳', idNumber: '320506199207082340' }, 'all')
  await add(items, 'items')
  await add(revoked, 'items')
  const res = await post(t, '/account/mandates', s.rep, { agentName: '王芳', agentIdNumber: '320506199207082340', scope: 'items', itemCodes: code2, validUntil: '' })
  assert.equal(res.status, 303)
  const m = {
    all: await mandateIdOf(t.db, ent, agentAll.id),
    items: await mandateIdOf(t.db, ent, agentItems.id),
    revoked: await mandateIdOf(t.db, ent, agentRevoked.id),
    citizen: await mandateIdOf(t.db, rep.id, agentAll.id),
  }
  for (const [who, mid] of [[s.agentAll, m.all], [s.agentItems, m.items], [s.agentRevoked, m.revoked]] as const) {
    assert.equal((await post(t, '/me/acting', who, { mandateId: mid })).status, 303)
  }
  assert.equal((await post(t, `/enterprise/${ent}/agents/${m.revoked}/revoke`, s.rep, { reason: '人员离职' })).status, 303)
  return { ids: { rep: rep.id, agentAll: agentAll.id, agentItems: agentItems.id, agentRevoked: agentRevoked.id, b: b.id }, ent, entB, s, m, codes: [code1, code2] }
}
