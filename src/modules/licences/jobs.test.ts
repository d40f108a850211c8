import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { caseCrew } from '../../../test/cases'
import { issuedFoodLicence } from '../../../test/licences'
import { uuidv7 } from '../../platform/ids'
import { LICENCE_EXPIRY_CRON, LICENCE_EXPIRY_QUEUE } from './jobs'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

test('the daily expiry job (registered in compose) marks lapsed licences expired with an event, and leaves current ones alone', async () => {
  const crew = await caseCrew(t.db, 'ljob')
  const { licence } = await issuedFoodLicence(t.deps, crew)
  // A second row of the same holder whose last valid day has passed (the job reads dates, not signatures).
  const lapsedId = uuidv7()
  const { id: _id, status_index: _si, lock_version: _lv, status: _st, created_at: _ca, ...rest } = licence
  await t.db.insertInto('licences').values({ ...rest, id: lapsedId, identifier: `${licence.identifier}-old`, number: `${licence.number}X`, case_id: null, valid_from: '2015-01-01', valid_until: '2020-12-31' }).execute()
  const schedules = await t.db.selectFrom('pgboss.schedule' as never).select(['name', 'cron'] as never).execute() as unknown as { name: string; cron: string }[]
  assert.deepEqual(schedules.filter((s) => s.name === LICENCE_EXPIRY_QUEUE).map((s) => s.cron), [LICENCE_EXPIRY_CRON], 'scheduled daily')
  await t.db.transaction().execute((tx) => t.deps.jobs.enqueue(tx, LICENCE_EXPIRY_QUEUE, {}))
  assert.equal(await t.deps.jobs.drain([LICENCE_EXPIRY_QUEUE]), 1)
  const status = async (id: string) => (await t.db.selectFrom('licences').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
  assert.equal(await status(lapsedId), 'expired')
  assert.equal(await status(licence.id), 'valid')
  const events = await t.db.selectFrom('licence_events').select(['action', 'actor_name']).where('licence_id', '=', lapsedId).execute()
  assert.deepEqual(events, [{ action: 'expired', actor_name: 'licence-expiry' }])
})
