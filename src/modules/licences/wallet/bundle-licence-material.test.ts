import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { asStaff, caseCrew, fakeUpload, personApplicant, type CaseCrew } from '../../../../test/cases'
import { citizenSession, createCitizen } from '../../../../test/citizens'
import { makeIdNumber, staffCookie } from '../../../../test/exchange'
import { issuedFoodLicence } from '../../../../test/licences'
import { BUNDLES, startBundle, submitBundle, type ApplicantActor, type BundleDefinition } from '../../applications'
import { getItemByCode, saveItem, type ServiceItemRecord } from '../../catalog'
import { revokeLicence, suspendLicence } from '../index'
import { RENEWAL_ITEM } from './wallet-test-support'

/**
 * Issue 5 Deliver 8 for 一件事 bundles: a merged upload whose material names a licenseType the applicant holds a
 * VALID licence of is not asked; every case the bundle opens records that material as provided_by 'licence' with
 * the licence's trust level and identifier, and the read is logged with that case's 办件编号 — in the bundle's one
 * transaction. A revoked, suspended or expired licence, or someone else's, is not used.
 *
 * No seeded bundle has an uploaded licence material (the 营业执照 of 开办餐饮店 is read from shared data), so the
 * test composes its own: 食品经营许可证延续 (material 1 = 食品经营许可证) and a copy of 店招标牌设置备案 whose first
 * material is the 食品经营许可证 (merged with the renewal's: one field for both items).
 */
const SIGN_ITEM = '11320500MB1938170J3200061600100'
const SIGN_COPY = '11320500MB1938170J3200061600900'
const BUNDLE = 'test-food-licence-bundle'

let t: Awaited<ReturnType<typeof testApp>>
let crew: CaseCrew
before(async () => {
  t = await testApp('seeded')
  crew = await caseCrew(t.db, 'bl')
  const sign = (await getItemByCode(t.db, SIGN_ITEM))!
  const record: ServiceItemRecord = {
    ...sign.record, code: SIGN_COPY, name: '餐饮店招牌设置备案',
    materials: [
      { name: '食品经营许可证', required: true, form: 'electronic', originals: 0, copies: 0, source: 'government', issuer: '市场监督管理部门', licenseType: '食品经营许可证', notes: '招牌须与许可证载明的经营场所一致。' },
      ...(sign.record.materials ?? []).slice(1),
    ],
  }
  await saveItem(t.db, { record, actor: { type: 'staff', name: 'test' } })
  ;(BUNDLES as BundleDefinition[]).push({
    code: BUNDLE, name: '餐饮店延续经营', nameEn: 'Keep a restaurant open', description: '许可证延续和招牌备案一次办。', descriptionEn: 'Renewal and shop sign in one go.',
    audience: ['individual'], items: [{ code: RENEWAL_ITEM }, { code: SIGN_COPY }],
  })
})
after(() => t.close())

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

/** Answers to the merged form except the licence material (`material1`, one field for both items). */
async function answers(citizenId: string) {
  const up = async (name?: string) => [await fakeUpload(t.db, citizenId, null, name)]
  return {
    address: { regionCode: '320508', detail: '姑苏区人民路100号' }, premisesAddress: { regionCode: '320508', detail: '姑苏区十全街88号' },
    businessItems: ['hotFood'], area: 120, staff: [{ name: '张三', idNumber: '11010519491231002X', healthCertNo: 'JK2026001' }], material2: await up('经营条件未变化承诺书.pdf'),
    signAddress: { regionCode: '320508', detail: '姑苏区十全街88号' }, signType: 'shopSign', signText: '十全小馆', width: 4, height: 1, lit: 'no',
    it2Material1: await up('效果图.pdf'), it2Material2: await up('承诺书.pdf'),
  }
}

/** The same answers as the draft page posts them (f.<key>, address parts, rows, ticked upload ids). */
function asPost(csrf: string, key: string, v: Awaited<ReturnType<typeof answers>>, extra: [string, string][] = []) {
  const addr = (k: string, a: { regionCode: string; detail: string }): [string, string][] => [[`f.${k}.regionCode`, a.regionCode], [`f.${k}.detail`, a.detail]]
  return new URLSearchParams([
    ['_csrf', csrf], ['_action', 'submit'], ['idempotencyKey', key], ...addr('address', v.address), ...addr('premisesAddress', v.premisesAddress),
    ['f.businessItems', 'hotFood'], ['f.area', '120'], ['f.staff.0.name', '张三'], ['f.staff.0.idNumber', '11010519491231002X'], ['f.staff.0.healthCertNo', 'JK2026001'],
    ['f.material2', v.material2[0]!], ...addr('signAddress', v.signAddress), ['f.signType', 'shopSign'], ['f.signText', '十全小馆'], ['f.width', '4'], ['f.height', '1'], ['f.lit', 'no'],
    ['f.it2Material1', v.it2Material1[0]!], ['f.it2Material2', v.it2Material2[0]!], ...extra,
  ])
}

const appsOf = (bundleId: string) => t.db.selectFrom('applications').select(['id', 'item_code', 'ref_no', 'status', 'values']).where('bundle_application_id', '=', bundleId).orderBy('item_code', 'desc').execute()
/** The licence material row of each application of the bundle (renewal: index 1; the sign filing copy: index 0). */
async function licenceRows(bundleId: string) {
  const apps = await appsOf(bundleId)
  const rows = await t.db.selectFrom('application_materials').selectAll().where('application_id', 'in', apps.map((a) => a.id)).where('name', '=', '食品经营许可证').execute()
  return apps.map((a) => ({ app: a, row: rows.find((r) => r.application_id === a.id) }))
}
const logFor = (refNos: string[]) => t.db.selectFrom('data_access_log').selectAll().where('dataset_code', '=', 'licence.e-licence').where('case_ref', 'in', refNos).execute()

async function pageOf(citizenId: string, bundleId: string) {
  const s = await citizenSession(t.app, t.db, citizenId)
  const r = await t.app.request(`/me/bundles/${bundleId}`, { headers: { cookie: s.cookie } })
  return { s, status: r.status, html: await r.text() }
}

test('a valid licence: the merged form asks no upload for it, every case records it (trust A, identifier), each read logged with that case’s 办件编号; a replay writes nothing twice', async () => {
  const { licence, citizen, who } = await issuedFoodLicence(t.deps, crew, { holderName: '许文静' })
  const { id } = await startBundle(t.deps, { code: BUNDLE, applicant: who })
  const page = await pageOf(citizen.id, id)
  assert.equal(page.status, 200)
  assert.ok(textOf(page.html).includes(`将使用您的电子证照：食品经营许可证 ${licence.number}（免提交）`), 'the materials list names the licence')
  assert.ok(!page.html.includes('name="upload.material1"'), 'no upload field for the licence material')
  assert.ok(page.html.includes('name="upload.material2"') && page.html.includes('name="upload.it2Material1"'), 'the other materials are still uploaded')

  // Submitted through the page; a stray id posted for the licence material is not a field of the form and is dropped.
  const v = await answers(citizen.id)
  const stranger = await createCitizen(t.db, { verifiedAs: { name: '陌生人', idNumber: makeIdNumber('19770101') } })
  const key = `bl-page-${id}`
  const res = await t.app.request(`/me/bundles/${id}`, {
    method: 'POST', body: asPost(page.s.csrf, key, v, [['f.material1', await fakeUpload(t.db, stranger.id)]]),
    headers: { cookie: page.s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  })
  assert.equal(res.status, 303, res.status === 303 ? '' : textOf(await res.text()).slice(0, 600))
  assert.equal(res.headers.get('location'), `/me/bundles/${id}/progress?submitted=1`)

  const got = await licenceRows(id)
  assert.equal(got.length, 2)
  for (const { app, row } of got) {
    assert.equal(app.status, 'submitted')
    assert.ok(row, `${app.item_code}: a material row for the licence`)
    assert.deepEqual([row.provided_by, row.trust_level, row.licence_ref, row.upload_id], ['licence', 'A', licence.identifier, null], app.item_code)
    assert.ok(row.received_at, 'received at submission')
    const itemKey = app.item_code === RENEWAL_ITEM ? 'material1' : 'material0'
    assert.ok(!(itemKey in app.values), `no upload stored for it: ${Object.keys(app.values).join()}`)
  }
  const refNos = got.map((g) => g.app.ref_no!)
  const log = await logFor(refNos)
  assert.deepEqual(log.map((l) => l.case_ref).sort(), [...refNos].sort(), 'one read per case, each with its own 办件编号')
  assert.ok(log.every((l) => l.subject_key === t.deps.secrets.pseudonym('person', licence.holder_code)))
  assert.ok(log.some((l) => /食品经营许可证延续.*免提交“食品经营许可证”/.test(l.purpose ?? '')))
  assert.ok(log.some((l) => /餐饮店招牌设置备案.*免提交“食品经营许可证”/.test(l.purpose ?? '')))

  // The back office shows it on the case the bundle opened, like a single application's.
  const renewalCase = await t.db.selectFrom('cases').select('id').where('application_id', '=', got.find((g) => g.app.item_code === RENEWAL_ITEM)!.app.id).executeTakeFirstOrThrow()
  const staff = await staffCookie(t.db, crew.window.id)
  const casePage = await t.app.request(`/admin/cases/${renewalCase.id}`, { headers: { cookie: staff.cookie } })
  assert.equal(casePage.status, 200)
  const caseHtml = await casePage.text()
  assert.match(textOf(caseHtml), /电子证照（可信级别 A）/)
  assert.ok(caseHtml.includes(`href="/licences/${encodeURIComponent(licence.identifier)}"`))

  // Replays: the same key, and a double click without one — the first receipt, no second row or log entry.
  const again = await submitBundle(t.deps, { bundleId: id, applicant: who, idempotencyKey: key })
  assert.equal(again.replayed, true)
  assert.deepEqual(again.cases.map((c) => c.refNo).sort(), [...refNos].sort())
  await Promise.all([submitBundle(t.deps, { bundleId: id, applicant: who }), submitBundle(t.deps, { bundleId: id, applicant: who })])
  const materials = await t.db.selectFrom('application_materials').select('application_id').where('application_id', 'in', got.map((g) => g.app.id)).execute()
  assert.equal(materials.length, 3 + 3, 'three materials per item, once')
  assert.equal((await logFor(refNos)).length, 2)
})

/** A licence that cannot be used: the upload is asked for and refused when missing; with a file it is an ordinary upload. */
async function assertUploadNeeded(citizenId: string, who: ApplicantActor) {
  const { id } = await startBundle(t.deps, { code: BUNDLE, applicant: who })
  const page = await pageOf(citizenId, id)
  assert.equal(page.status, 200)
  assert.ok(page.html.includes('name="upload.material1"'), 'the upload field is there')
  assert.ok(!page.html.includes('将使用您的电子证照'))
  const v = await answers(citizenId)
  const refused = await t.app.request(`/me/bundles/${id}`, { method: 'POST', body: asPost(page.s.csrf, `bl-no-${id}`, v), headers: { cookie: page.s.cookie, 'content-type': 'application/x-www-form-urlencoded' } })
  assert.equal(refused.status, 400)
  assert.match(await refused.text(), /href="#f-material1/, 'the summary links to the missing upload')
  await assert.rejects(submitBundle(t.deps, { bundleId: id, applicant: who, values: v }), (e: { code?: string; fields?: { field: string }[] }) => e.code === 'form_invalid' && !!e.fields?.some((f) => f.field.startsWith('material1')))
  assert.ok((await appsOf(id)).every((a) => a.status === 'draft'), 'nothing submitted')
  const file = await fakeUpload(t.db, citizenId, null, '许可证正副本.pdf')
  const receipt = await submitBundle(t.deps, { bundleId: id, applicant: who, values: { ...v, material1: [file] } })
  for (const { row } of await licenceRows(id)) assert.deepEqual([row?.provided_by, row?.upload_id, row?.licence_ref], ['upload', file, null], 'the one file serves both items')
  assert.equal((await logFor(receipt.cases.map((c) => c.refNo))).length, 0, 'no licence read')
}

test('a revoked licence is not used', async () => {
  const { licence, citizen, who } = await issuedFoodLicence(t.deps, crew, { holderName: '贺明辉' })
  await revokeLicence({ db: t.db, secrets: t.deps.secrets }, { licenceId: licence.id, staff: asStaff(crew.cityOfficer), reason: '以欺骗手段取得许可' })
  await assertUploadNeeded(citizen.id, who)
})

test('a suspended licence is not used', async () => {
  const { licence, citizen, who } = await issuedFoodLicence(t.deps, crew, { holderName: '邓丽萍' })
  await suspendLicence({ db: t.db, secrets: t.deps.secrets }, { licenceId: licence.id, staff: asStaff(crew.cityOfficer), reason: '责令停产停业整顿' })
  await assertUploadNeeded(citizen.id, who)
})

test('an expired licence is not used', async () => {
  const { licence, citizen, who } = await issuedFoodLicence(t.deps, crew, { holderName: '龚建平' })
  // Its validity ended yesterday (the nightly job would mark it expired; the match does not wait for it).
  const yesterday = new Date(Date.now() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10)
  await t.db.updateTable('licences').set({ valid_from: '2020-01-01', valid_until: yesterday }).where('id', '=', licence.id).execute()
  await assertUploadNeeded(citizen.id, who)
})

test("someone else's licence is not used, and their bundle is not found", async () => {
  const holder = await issuedFoodLicence(t.deps, crew, { holderName: '范志强' })
  const other = await createCitizen(t.db, { verifiedAs: { name: '石慧敏', idNumber: makeIdNumber('19880520', true) } })
  await assertUploadNeeded(other.id, personApplicant(other.id, '石慧敏'))
  const { id } = await startBundle(t.deps, { code: BUNDLE, applicant: holder.who })
  const page = await pageOf(other.id, id)
  assert.equal(page.status, 404)
  await assert.rejects(submitBundle(t.deps, { bundleId: id, applicant: personApplicant(other.id, '石慧敏') }), { code: 'bundle_not_found' })
  const reads = await t.db.selectFrom('data_access_log').select('id').where('dataset_code', '=', 'licence.e-licence').where('subject_key', '=', t.deps.secrets.pseudonym('person', holder.licence.holder_code)).execute()
  assert.equal(reads.length, 0, "the holder's licence was never read for another person's bundle")
})
