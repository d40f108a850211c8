import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { asStaff, caseCrew, fakeUpload, personApplicant, type CaseCrew } from '../../../../test/cases'
import { citizenSession, createCitizen } from '../../../../test/citizens'
import { makeIdNumber, staffCookie } from '../../../../test/exchange'
import { issuedFoodLicence } from '../../../../test/licences'
import { reviseApplication, saveDraft, startApplication, submitApplication, type HeldLicences } from '../../applications'
import { revokeLicence } from '../index'
import { RENEWAL_ITEM } from './wallet-test-support'

/**
 * Issue 5 Deliver 8 / issue 4's seam: a material whose catalogue entry names a licenseType is satisfied by the
 * applicant's VALID licence of that type — no upload (免提交), provided_by 'licence', the licence's trust level
 * and identifier on the material, the read logged with the 办件编号 — and never by a revoked or someone else's.
 * The item: 食品经营许可证延续 (material 1 = 食品经营许可证, material 2 = an upload).
 */
let t: Awaited<ReturnType<typeof testApp>>
let crew: CaseCrew
before(async () => {
  t = await testApp('seeded')
  crew = await caseCrew(t.db, 'mat')
})
after(() => t.close())

const textOf = async (r: Response) => (await r.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

async function renewalDraft(citizenId: string, name: string) {
  const who = personApplicant(citizenId, name)
  const { id } = await startApplication(t.deps, { itemCode: RENEWAL_ITEM, applicant: who })
  const draft = (await t.db.selectFrom('applications').select('values').where('id', '=', id).executeTakeFirstOrThrow()).values as Record<string, unknown>
  const values = {
    ...draft, address: { regionCode: '320508', detail: '姑苏区人民路100号' }, premisesAddress: { regionCode: '320508', detail: '姑苏区十全街88号' },
    businessItems: ['hotFood'], area: 120, staff: [{ name: '张三', idNumber: '11010519491231002X', healthCertNo: 'JK2026001' }],
    material2: [await fakeUpload(t.db, citizenId, null, '经营条件未变化承诺书.pdf')],
  }
  await saveDraft(t.db, { applicationId: id, applicant: who, values, expectedRev: 0 })
  return { id, who, values }
}

const materialsOf = (applicationId: string) => t.db.selectFrom('application_materials').selectAll().where('application_id', '=', applicationId).orderBy('material_index').execute()

test('a valid licence satisfies the material: no upload field on the draft, provided_by licence with trust level A, read logged with the 办件编号, shown on the case page', async () => {
  const { licence, citizen } = await issuedFoodLicence(t.deps, crew, { holderName: '宋立新' })
  const app = await renewalDraft(citizen.id, '宋立新')
  const session = await citizenSession(t.app, t.db, citizen.id)
  const page = await t.app.request(`/me/applications/${app.id}`, { headers: { cookie: session.cookie } })
  assert.equal(page.status, 200)
  const html = await page.text()
  assert.ok(html.replace(/<[^>]+>/g, '').includes(`将使用您的电子证照：食品经营许可证 ${licence.number}（免提交）`))
  assert.ok(!html.includes('name="upload.material1"'), 'no upload field for the licence material')
  assert.ok(html.includes('name="upload.material2"'), 'the other material is still uploaded')

  const receipt = await submitApplication(t.deps, { applicationId: app.id, applicant: app.who, idempotencyKey: `mat-${app.id}` })
  const m = await materialsOf(app.id)
  assert.equal(m[1]!.provided_by, 'licence')
  assert.equal(m[1]!.trust_level, 'A')
  assert.equal(m[1]!.licence_ref, licence.identifier)
  assert.equal(m[1]!.upload_id, null)
  assert.ok(m[1]!.received_at, 'received at submission')
  assert.equal(m[2]!.provided_by, 'upload')
  const log = await t.db.selectFrom('data_access_log').selectAll().where('dataset_code', '=', 'licence.e-licence').where('case_ref', '=', receipt.refNo).execute()
  assert.equal(log.length, 1)
  assert.equal(log[0]!.subject_key, t.deps.secrets.pseudonym('person', licence.holder_code))
  assert.match(log[0]!.purpose ?? '', /食品经营许可证延续.*免提交“食品经营许可证”/)
  const mine = await textOf(await t.app.request('/me/data-access', { headers: { cookie: session.cookie } }))
  assert.match(mine, /电子证照库/)

  const staff = await staffCookie(t.db, crew.window.id)
  const casePage = await t.app.request(`/admin/cases/${receipt.caseId}`, { headers: { cookie: staff.cookie } })
  assert.equal(casePage.status, 200)
  const caseHtml = await casePage.text()
  assert.match(caseHtml.replace(/<[^>]+>/g, ''), /电子证照（可信级别 A）/)
  assert.ok(caseHtml.includes(`href="/licences/${encodeURIComponent(licence.identifier)}"`), 'a link to the licence check')
})

test('a revoked licence does not: the upload field is back and submitting without the file is refused', async () => {
  const { licence, citizen } = await issuedFoodLicence(t.deps, crew, { holderName: '唐雪梅' })
  await revokeLicence({ db: t.db, secrets: t.deps.secrets }, { licenceId: licence.id, staff: asStaff(crew.cityOfficer), reason: '以欺骗手段取得许可' })
  const app = await renewalDraft(citizen.id, '唐雪梅')
  const session = await citizenSession(t.app, t.db, citizen.id)
  const html = await (await t.app.request(`/me/applications/${app.id}`, { headers: { cookie: session.cookie } })).text()
  assert.ok(html.includes('name="upload.material1"'))
  assert.ok(!html.includes('将使用您的电子证照'))
  await assert.rejects(submitApplication(t.deps, { applicationId: app.id, applicant: app.who }), (e: { code?: string; fields?: { field: string }[] }) => e.code === 'form_invalid' && !!e.fields?.some((f) => f.field.startsWith('material1')))
  // With the file uploaded instead, it goes through as an ordinary upload.
  const upload = await fakeUpload(t.db, citizen.id, null, '许可证正副本.pdf')
  await submitApplication(t.deps, { applicationId: app.id, applicant: app.who, values: { ...app.values, material1: [upload] } })
  const m = await materialsOf(app.id)
  assert.equal(m[1]!.provided_by, 'upload')
  assert.equal(m[1]!.licence_ref, null)
})

test("someone else's licence does not count, nor a licence of another type; without the port nothing changes", async () => {
  await issuedFoodLicence(t.deps, crew, { holderName: '韩冬梅' })
  const other = await createCitizen(t.db, { verifiedAs: { name: '曹志远', idNumber: makeIdNumber('19850317') } })
  const app = await renewalDraft(other.id, '曹志远')
  await assert.rejects(submitApplication(t.deps, { applicationId: app.id, applicant: app.who }), { code: 'form_invalid' })
  assert.equal((await materialsOf(app.id)).length, 0, 'nothing submitted')
  // The port is only asked about the material's own licence type.
  const asked: string[] = []
  const spy: HeldLicences = { find: async (_db, _h, type) => (asked.push(type), null), use: async () => null }
  await assert.rejects(submitApplication({ ...t.deps, heldLicences: spy }, { applicationId: app.id, applicant: app.who }), { code: 'form_invalid' })
  assert.deepEqual(asked, ['食品经营许可证'])
})

test('补正: a material satisfied by a licence at submission stays satisfied; the corrected values need no upload for it', async () => {
  const { licence, citizen } = await issuedFoodLicence(t.deps, crew, { holderName: '罗晓红' })
  const app = await renewalDraft(citizen.id, '罗晓红')
  await submitApplication(t.deps, { applicationId: app.id, applicant: app.who })
  const newFile = await fakeUpload(t.db, citizen.id, null, '新承诺书.pdf')
  await t.db.transaction().execute((tx) => reviseApplication(tx, { applicationId: app.id, applicant: app.who, values: { ...app.values, material2: [newFile] }, now: new Date() }))
  const m = await materialsOf(app.id)
  assert.deepEqual([m[1]!.provided_by, m[1]!.licence_ref], ['licence', licence.identifier])
  assert.equal(m[2]!.upload_id, newFile)
})
