import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { createCitizen, fakeIdNumber } from '../../../../test/citizens'
import { fakeUpload, personApplicant } from '../../../../test/cases'
import { allFields, validateDefinition } from '../../catalog'
import { BUNDLES, bundleMaterials, listDrafts, loadBundleDraft, loadBundleGuide, mergedFieldSavings, mergedPath, saveBundleDraft, splitValues, startBundle, submitBundle, saveDraft, submitApplication } from '../index'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

let people = 0
async function person(name = '林晓峰') {
  const c = await createCitizen(t.db, { verifiedAs: { name, idNumber: fakeIdNumber(++people + 300) } })
  return { citizen: c, who: personApplicant(c.id, name) }
}
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)

/** Answers to the merged 开办餐饮店 form that pass every item's form (the uploads belong to `owner`). */
async function restaurantValues(owner: string) {
  const up = async () => [await fakeUpload(t.db, owner)]
  return {
    address: { regionCode: '320508', detail: '姑苏区人民路100号' },
    premisesAddress: { regionCode: '320508', detail: '姑苏区十全街88号' }, area: 120,
    proposedName: '苏州十全小馆餐饮有限公司', entityType: 'llc', registeredCapital: 50, operatingTerm: 'indefinite', businessScope: '餐饮服务；食品销售',
    addressCommitment: 'owned', investors: [{ name: '林晓峰', idNumber: '11010519491231002X', contribution: 50 }],
    material1: await up(), material2: await up(),
    premisesOwnership: 'owned', businessItems: ['hotFood'], onlineSales: 'no', safetyManager: '林晓峰',
    staff: [{ name: '林晓峰', idNumber: '11010519491231002X', healthCertNo: 'JK2026001' }], material3: await up(), material4: await up(),
    venueName: '十全小馆', venueType: 'hotel', openingDate: inDays(30), commitment: 'no', it3Material3: await up(), it3Material4: await up(),
    signType: 'wallSign', signText: '十全小馆', width: 4, height: 1, lit: 'no', it4Material1: await up(), it4Material2: await up(),
  }
}

test('every seeded bundle merges into one valid form that asks fewer questions than its items separately', async () => {
  assert.ok(BUNDLES.length >= 3)
  for (const b of BUNDLES) {
    const g = (await loadBundleGuide(t.db, b.code))!
    assert.ok(g.available, `${b.code}: every item is published`)
    assert.deepEqual(validateDefinition(g.merged.definition), [], `${b.code}: the merged form is a valid form definition`)
    const s = mergedFieldSavings(g.merged)
    assert.ok(s.saved > 0, `${b.code}: ${JSON.stringify(s)}`)
    assert.equal(s.separate, g.items.reduce((n, i) => n + allFields(i.definition).length, 0))
    // Every field of every item is answered by exactly one merged field, and splitting gives each item its own keys.
    const mergedKeys = new Set(allFields(g.merged.definition).map((f) => f.key))
    const values = Object.fromEntries([...mergedKeys].map((k) => [k, `v:${k}`]))
    const parts = splitValues(g.merged, values)
    g.items.forEach((it, i) => {
      for (const f of allFields(it.definition)) {
        assert.ok(mergedKeys.has(g.merged.items[i]!.keys[f.key]!), `${b.code}/${it.code}: ${f.key} is asked`)
        assert.equal(parts[i]![f.key], `v:${g.merged.items[i]!.keys[f.key]}`)
      }
    })
  }
  const r = (await loadBundleGuide(t.db, 'restaurant-opening'))!
  const keys = r.merged.items.map((i) => i.keys)
  assert.equal(keys[2]!['venueAddress'], 'premisesAddress', 'the alias: the fire check venue is the premises')
  assert.equal(keys[3]!['signAddress'], 'premisesAddress')
  assert.equal(keys[2]!['usedArea'], 'area')
  assert.equal(keys[1]!['idNumber'], 'idNumber', 'the applicant is asked once')
  assert.notEqual(keys[2]!['material3'], keys[1]!['material3'], 'material3 of the fire check is another document than material3 of the food permit')
  assert.equal(keys[0]!['leaseContract'], keys[1]!['leaseContract'], 'the same material (经营场所使用证明) is uploaded once')
  assert.equal(mergedPath(r.merged, 2, 'venueAddress.detail'), 'premisesAddress.detail')
  assert.equal(mergedPath(r.merged, 1, 'staff[0].name'), 'staff[0].name')
  const mats = bundleMaterials(r.items)
  const licence = mats.find((m) => m.name === '营业执照')!
  assert.equal(licence.items.length, 3, 'the business licence is read from shared data once for three items')
})

test('submission fans out: one case per item in its own department, each with its first step active; the bundle gets its own 办件编号', async () => {
  const { who, citizen } = await person()
  const { id } = await startBundle(t.deps, { code: 'restaurant-opening', applicant: who })
  const draft = await loadBundleDraft(t.db, id, who)
  assert.equal(draft.apps.length, 4)
  assert.equal(draft.row.values['name'], '林晓峰', 'prefilled once for the merged form')
  assert.ok(draft.row.prefill['idNumber']?.source)
  assert.deepEqual(await listDrafts(t.db, who), [], 'item drafts of a bundle are filled through the bundle, not listed as drafts of their own')
  const values = await restaurantValues(citizen.id)
  await saveBundleDraft(t.db, { bundleId: id, applicant: who, values: { ...values, name: '冒名顶替' } })
  assert.equal((await loadBundleDraft(t.db, id, who)).row.values['name'], '林晓峰', 'a locked field cannot be changed by posting')
  const receipt = await submitBundle(t.deps, { bundleId: id, applicant: who, idempotencyKey: `bundle-${id}` })
  assert.equal(receipt.replayed, false)
  assert.match(receipt.refNo, /^\d{13,}$/)
  assert.deepEqual(receipt.cases.map((c) => c.itemName), draft.apps.map((a) => a.item_name))
  const cases = await t.db.selectFrom('cases').select(['id', 'department_id', 'item_code', 'status']).where('id', 'in', receipt.cases.map((c) => c.caseId)).execute()
  assert.equal(cases.length, 4)
  const items = await t.db.selectFrom('service_items').select(['code', 'department_id']).where('code', 'in', cases.map((c) => c.item_code)).execute()
  for (const c of cases) assert.equal(c.department_id, items.find((i) => i.code === c.item_code)!.department_id, 'each case in the department of its item')
  assert.equal(new Set(cases.map((c) => c.department_id)).size, 3, '市场监管 (2 items), 消防救援, 城市管理')
  assert.ok(cases.every((c) => c.status === 'submitted'))
  for (const c of receipt.cases) {
    const active = await t.db.selectFrom('case_steps').select(['name', 'department_id']).where('case_id', '=', c.caseId).where('status', '=', 'active').execute()
    assert.equal(active.length, 1, `${c.itemName}: its first step is active`)
  }
  const food = await t.db.selectFrom('applications').select(['values', 'status']).where('id', '=', receipt.cases[1]!.applicationId).executeTakeFirstOrThrow()
  assert.equal(food.status, 'submitted')
  assert.deepEqual(food.values['premisesAddress'], values.premisesAddress, 'the merged answer went to the food permit')
  const fire = await t.db.selectFrom('applications').select('values').where('id', '=', receipt.cases[2]!.applicationId).executeTakeFirstOrThrow()
  assert.deepEqual(fire.values['venueAddress'], values.premisesAddress, '… and to the fire check under its own key')
  assert.equal(fire.values['usedArea'], 120)
  assert.deepEqual(fire.values['material3'], values.it3Material3)
  const bundle = await t.db.selectFrom('bundle_applications').select(['status', 'ref_no']).where('id', '=', id).executeTakeFirstOrThrow()
  assert.deepEqual(bundle, { status: 'submitted', ref_no: receipt.refNo })

  // Replays: same bundle, same key, a double click — the first receipt, nothing new.
  const again = await submitBundle(t.deps, { bundleId: id, applicant: who, idempotencyKey: `bundle-${id}` })
  assert.equal(again.replayed, true)
  assert.equal(again.refNo, receipt.refNo)
  assert.deepEqual(again.cases.map((c) => c.caseId), receipt.cases.map((c) => c.caseId))
  const parallel = await Promise.all(Array.from({ length: 4 }, () => submitBundle(t.deps, { bundleId: id, applicant: who })))
  assert.ok(parallel.every((p) => p.refNo === receipt.refNo && p.cases.length === 4))
  const n = await t.db.selectFrom('cases as c').innerJoin('applications as a', 'a.id', 'c.application_id').select((eb) => eb.fn.countAll<string>().as('n')).where('a.bundle_application_id', '=', id).executeTakeFirstOrThrow()
  assert.equal(Number(n.n), 4)
  await assert.rejects(saveBundleDraft(t.db, { bundleId: id, applicant: who, values }), { code: 'bundle_not_draft' })
})

test('the same Idempotency-Key on another bundle of the same person returns the first bundle’s receipt', async () => {
  const { who } = await person('周丽华')
  const first = await startBundle(t.deps, { code: 'retirement', applicant: who })
  await saveBundleDraft(t.db, { bundleId: first.id, applicant: who, values: { address: { regionCode: '320508', detail: '姑苏区干将路1号' }, matterDescription: '办理退休', material1: [await fakeUpload(t.db, who.citizenId)], material2: [await fakeUpload(t.db, who.citizenId)], it2Material2: [await fakeUpload(t.db, who.citizenId)] } })
  const r1 = await submitBundle(t.deps, { bundleId: first.id, applicant: who, idempotencyKey: 'retire-key-0001' })
  assert.equal(r1.cases.length, 2)
  const second = await startBundle(t.deps, { code: 'retirement', applicant: who })
  const r2 = await submitBundle(t.deps, { bundleId: second.id, applicant: who, idempotencyKey: 'retire-key-0001' })
  assert.equal(r2.bundleId, first.id)
  assert.equal(r2.replayed, true)
  assert.equal((await t.db.selectFrom('bundle_applications').select('status').where('id', '=', second.id).executeTakeFirstOrThrow()).status, 'draft')
  await assert.rejects(submitBundle(t.deps, { bundleId: second.id, applicant: who, idempotencyKey: 'bad key!' }), { code: 'idempotency_key_invalid' })
})

test('bad answers: every problem reported on the merged form, nothing created', async () => {
  const { who, citizen } = await person('吴建国')
  const { id } = await startBundle(t.deps, { code: 'restaurant-opening', applicant: who })
  const values: Record<string, unknown> = await restaurantValues(citizen.id)
  delete values['premisesAddress']
  values['lit'] = 'yes' // 照明时段 now required by the sign filing
  values['staff'] = [{ name: '林晓峰', idNumber: '123', healthCertNo: 'JK1' }]
  await assert.rejects(saveBundleDraft(t.db, { bundleId: id, applicant: who, values: { area: 'lots' } }), (e: { code: string; fields: { field: string }[] }) => e.code === 'form_invalid' && e.fields.some((f) => f.field === 'area'))
  const err = await submitBundle(t.deps, { bundleId: id, applicant: who, values }).then(() => null, (e: { code: string; fields: { field: string }[] }) => e)
  assert.equal(err?.code, 'form_invalid')
  const fields = err!.fields.map((f) => f.field)
  assert.ok(fields.includes('premisesAddress'), fields.join())
  assert.ok(fields.includes('lightingHours'), fields.join())
  assert.ok(fields.includes('staff[0].idNumber'), fields.join())
  assert.ok(!fields.some((f) => /venueAddress|signAddress/.test(f)), 'item keys never leak: the alias is reported once')
  const apps = await t.db.selectFrom('applications').select(['status']).where('bundle_application_id', '=', id).execute()
  assert.deepEqual(apps.map((a) => a.status), ['draft', 'draft', 'draft', 'draft'])
  assert.equal((await t.db.selectFrom('bundle_applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'draft')
})

test('all cases or none: a file that is not the applicant’s, in the LAST item, leaves the three before it unsubmitted', async () => {
  const { who, citizen } = await person('郑爱民')
  const other = await person('钱多多')
  const { id } = await startBundle(t.deps, { code: 'restaurant-opening', applicant: who })
  const values = { ...(await restaurantValues(citizen.id)), it4Material2: [await fakeUpload(t.db, other.citizen.id)] }
  await assert.rejects(submitBundle(t.deps, { bundleId: id, applicant: who, values }), { code: 'upload_not_owned' })
  const n = await t.db.selectFrom('cases as c').innerJoin('applications as a', 'a.id', 'c.application_id').select((eb) => eb.fn.countAll<string>().as('n')).where('a.bundle_application_id', '=', id).executeTakeFirstOrThrow()
  assert.equal(Number(n.n), 0)
  assert.ok((await t.db.selectFrom('applications').select('status').where('bundle_application_id', '=', id).execute()).every((a) => a.status === 'draft'))
})

test('someone else’s bundle: not found for reading, saving and submitting; unknown bundles and ids likewise', async () => {
  const a = await person('孙美玲')
  const b = await person('李强')
  const { id } = await startBundle(t.deps, { code: 'newborn', applicant: a.who })
  const before = await t.db.selectFrom('bundle_applications').select(['values', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow()
  await assert.rejects(loadBundleDraft(t.db, id, b.who), { code: 'bundle_not_found' })
  await assert.rejects(saveBundleDraft(t.db, { bundleId: id, applicant: b.who, values: { matterDescription: 'x' } }), { code: 'bundle_not_found' })
  await assert.rejects(submitBundle(t.deps, { bundleId: id, applicant: b.who }), { code: 'bundle_not_found' })
  await assert.rejects(submitBundle(t.deps, { bundleId: id, applicant: { ...a.who, actingEnterpriseId: '00000000-0000-7000-8000-000000000000' } }), { code: 'bundle_not_found' }, 'the same person acting for an enterprise is another applicant')
  await assert.rejects(loadBundleDraft(t.db, 'not-a-uuid', a.who), { code: 'bundle_not_found' })
  await assert.rejects(startBundle(t.deps, { code: 'no-such-bundle', applicant: a.who }), { code: 'bundle_unknown' })
  await assert.rejects(startBundle(t.deps, { code: 'newborn', applicant: { ...a.who, actingEnterpriseId: '00000000-0000-7000-8000-000000000000' } }), { code: 'bundle_audience' })
  assert.deepEqual(await t.db.selectFrom('bundle_applications').select(['values', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow(), before)
})

test('an item of a bundle cannot be saved or submitted on its own, only through its bundle', async () => {
  const { who } = await person()
  const { id } = await startBundle(t.deps, { code: 'restaurant-opening', applicant: who })
  const item = await t.db.selectFrom('applications').select('id').where('bundle_application_id', '=', id).executeTakeFirstOrThrow()
  await assert.rejects(saveDraft(t.db, { applicationId: item.id, applicant: who, values: {} }), { code: 'bundle_item' })
  await assert.rejects(submitApplication(t.deps, { applicationId: item.id, applicant: who }), { code: 'bundle_item' })
  assert.equal((await t.db.selectFrom('cases').select('id').where('application_id', '=', item.id).execute()).length, 0)
})
