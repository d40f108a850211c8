import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../test/app'
import { citizenSession, createCitizen, fakeIdNumber } from '../../test/citizens'
import { asStaff, caseCrew, fakeUpload, FOOD_ITEM, foodFormValues, personApplicant, type CaseCrew } from '../../test/cases'
import { saveDraft, startApplication, submitApplication } from '../modules/applications'
import { acceptCase, requestCorrection, resubmitCase } from '../modules/cases'

/**
 * The case notices wired in compose.ts: each citizen notice (我的消息, e-mail) links to the case page
 * /me/cases/<case id> — the page that says what happened and what to do — not to the application's receipt.
 */
let t: Awaited<ReturnType<typeof testApp>>
let crew: CaseCrew
before(async () => {
  t = await testApp('seeded')
  crew = await caseCrew(t.db, 'nl')
})
after(() => t.close())

test('citizen case notices link to /me/cases/<id>, which opens the case for its applicant and 404s for anyone else', async () => {
  const citizen = await createCitizen(t.db, { verifiedAs: { name: '陈志强', idNumber: fakeIdNumber(901) } })
  const who = personApplicant(citizen.id, '陈志强')
  const { id } = await startApplication(t.deps, { itemCode: FOOD_ITEM, applicant: who })
  const draft = (await t.db.selectFrom('applications').select('values').where('id', '=', id).executeTakeFirstOrThrow()).values
  const values = { ...draft, ...foodFormValues([await fakeUpload(t.db, citizen.id), await fakeUpload(t.db, citizen.id)]) }
  await saveDraft(t.db, { applicationId: id, applicant: who, values })
  const { caseId, refNo } = await submitApplication(t.deps, { applicationId: id, applicant: who })
  const deps = { db: t.db, notices: t.deps.caseNotices }
  await requestCorrection(deps, { caseId, staff: asStaff(crew.window), items: [{ target: '经营场所平面图', problem: '未标明清洗消毒设施位置' }] })
  await resubmitCase(deps, { caseId, applicant: who, values })
  await acceptCase(deps, { caseId, staff: asStaff(crew.window) })

  const notices = await t.db.selectFrom('notifications').select(['event', 'link']).where('recipient_kind', '=', 'citizen').where('recipient_id', '=', citizen.id).orderBy('id').execute()
  assert.deepEqual(notices.map((n) => n.event), ['application.submitted', 'case.correction_requested', 'case.accepted'])
  for (const n of notices) assert.equal(n.link, `/me/cases/${caseId}`, n.event)

  const mine = await t.app.request(`/me/cases/${caseId}`, { headers: { cookie: (await citizenSession(t.app, t.db, citizen.id)).cookie } })
  assert.equal(mine.status, 200)
  assert.ok((await mine.text()).includes('受理了您的申请'), 'the case page with its timeline')
  assert.ok(refNo)
  const stranger = await createCitizen(t.db, { verifiedAs: { name: '王五', idNumber: fakeIdNumber(902) } })
  const theirs = await t.app.request(`/me/cases/${caseId}`, { headers: { cookie: (await citizenSession(t.app, t.db, stranger.id)).cookie } })
  assert.equal(theirs.status, 404)
})
