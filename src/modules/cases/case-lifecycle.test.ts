import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { createCitizen, fakeIdNumber } from '../../../test/citizens'
import { asStaff, caseCrew, fakeUpload, FOOD_ITEM, foodFormValues, personApplicant, type CaseCrew } from '../../../test/cases'
import { startApplication, submitApplication, saveDraft } from '../applications'
import { warnDueSoon, acceptCase, completeStep, decideCase, deliverResult, getCaseDetail, issueResult, pauseCase, requestCorrection, resubmitCase, resumeCase, extendCase, listMyCases, worklist, claimStep } from './index'

let t: Awaited<ReturnType<typeof testApp>>
let crew: CaseCrew
before(async () => {
  t = await testApp('seeded')
  crew = await caseCrew(t.db)
})
after(() => t.close())

let people = 0
const deps = () => ({ db: t.db, notices: t.deps.caseNotices })
// A Monday with no holiday nearby: 2025-11-03 10:00 Asia/Shanghai.
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`)

async function submitted(now = at('2025-11-03')) {
  const citizen = await createCitizen(t.db, { verifiedAs: { name: '陈志强', idNumber: fakeIdNumber(++people) } })
  const who = personApplicant(citizen.id, '陈志强')
  const { id } = await startApplication(t.deps, { itemCode: FOOD_ITEM, applicant: who, now })
  const uploads: [string, string] = [await fakeUpload(t.db, citizen.id), await fakeUpload(t.db, citizen.id)]
  const draft = (await t.db.selectFrom('applications').select('values').where('id', '=', id).executeTakeFirstOrThrow()).values
  const values = { ...draft, ...foodFormValues(uploads) }
  await saveDraft(t.db, { applicationId: id, applicant: who, values, expectedRev: 0, now })
  const receipt = await submitApplication(t.deps, { applicationId: id, applicant: who, idempotencyKey: `k-${id}`, now })
  return { who, receipt, citizen, values }
}

test('submission: prefilled from the verified profile, 办件编号 + query code, case opened at the window with a 5-working-day review clock', async () => {
  const { receipt, who } = await submitted()
  assert.match(receipt.refNo, /^251103\d{7}$/)
  assert.match(receipt.queryCode, /^[A-Z0-9]{6}$/)
  assert.equal(receipt.preReviewDue, '2025-11-10', '5 working days after Monday 3 November')
  const d = (await getCaseDetail(t.db, receipt.caseId))!
  assert.equal(d.case.status, 'submitted')
  assert.equal(d.case.applicant_name, '陈志强')
  assert.deepEqual(d.current.map((s) => [s.name, s.status, s.due_on]), [['预审受理', 'active', '2025-11-10']])
  const app = await t.db.selectFrom('applications').select(['values', 'prefill']).where('id', '=', receipt.applicationId).executeTakeFirstOrThrow()
  assert.equal(app.values.name, '陈志强')
  assert.ok(app.prefill.idNumber?.source.includes('实名认证'), 'the ID number is locked with its source')
  const mats = await t.db.selectFrom('application_materials').selectAll().where('application_id', '=', receipt.applicationId).orderBy('material_index').execute()
  assert.deepEqual(mats.map((m) => m.provided_by), [null, null, 'shared', 'upload', 'upload', null], '申请书 is the form; the ID material comes from 实名认证; 营业执照 and 不动产 are not shared for a person')
  assert.equal((await listMyCases(t.db, who)).length, 1)
})

test('a replayed submission (double click, retry, same Idempotency-Key) returns the first receipt and creates nothing', async () => {
  const { receipt, who } = await submitted()
  const again = await submitApplication(t.deps, { applicationId: receipt.applicationId, applicant: who, idempotencyKey: `k-${receipt.applicationId}` })
  assert.equal(again.refNo, receipt.refNo)
  assert.equal(again.caseId, receipt.caseId)
  assert.equal(again.replayed, true)
  const parallel = await Promise.all(Array.from({ length: 5 }, () => submitApplication(t.deps, { applicationId: receipt.applicationId, applicant: who })))
  assert.ok(parallel.every((r) => r.caseId === receipt.caseId))
  const n = await t.db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).where('application_id', '=', receipt.applicationId).executeTakeFirstOrThrow()
  assert.equal(Number(n.n), 1)
})

test('the whole journey: correction round, acceptance, parallel steps across two departments, 现场核查 pause, decision, result, delivery', async () => {
  const { receipt, who, values } = await submitted(at('2025-11-03'))
  const window = asStaff(crew.window)
  // 补正: one notice listing everything.
  await requestCorrection(deps(), { caseId: receipt.caseId, staff: window, items: [{ target: '经营场所平面图', problem: '未标明清洗消毒设施位置，请补充后重新上传。' }], now: at('2025-11-04') })
  let d = (await getCaseDetail(t.db, receipt.caseId))!
  assert.equal(d.case.status, 'correction_requested')
  assert.equal(d.corrections.length, 1)
  const newPlan = await fakeUpload(t.db, who.citizenId, null, '平面图-修改.pdf')
  await resubmitCase(deps(), { caseId: receipt.caseId, applicant: who, values: { ...values, material3: [newPlan] }, now: at('2025-11-05') })
  d = (await getCaseDetail(t.db, receipt.caseId))!
  assert.equal(d.case.status, 'submitted')
  assert.equal(d.case.pre_review_due, '2025-11-12', 'the review clock restarts on the day the corrected materials arrive')
  assert.equal(d.steps.filter((s) => s.step_key === '受理').length, 2, 'both rounds of the window step are kept')

  // 受理: statutory 10 and promised 5 working days from acceptance (Thursday 6 November).
  const accepted = await acceptCase(deps(), { caseId: receipt.caseId, staff: window, now: at('2025-11-06') })
  assert.equal(accepted.case.status, 'in_progress')
  assert.equal(accepted.case.statutory_due, '2025-11-20')
  assert.equal(accepted.case.promised_due, '2025-11-13')
  assert.deepEqual(accepted.started.map((s) => s.name).sort(), ['材料审查', '现场核查'], 'parallel steps of two departments start together')
  d = (await getCaseDetail(t.db, receipt.caseId))!
  const review = d.current.find((s) => s.name === '材料审查')!
  const site = d.current.find((s) => s.name === '现场核查')!
  assert.notEqual(review.department_id, site.department_id)
  assert.equal(site.due_on, '2025-11-13', '现场核查 has 5 working days')

  // The other department's officer cannot act on the city's step; the district officer pauses for 现场核查.
  await assert.rejects(completeStep(deps(), { caseId: receipt.caseId, stepId: review.id, staff: asStaff(crew.gusuOfficer), outcome: 'pass', opinion: '同意' }), { code: 'case_forbidden' })
  await claimStep(deps(), { caseId: receipt.caseId, stepId: site.id, staff: asStaff(crew.gusuOfficer), now: at('2025-11-06', 11) })
  const { pauseId } = await pauseCase(deps(), { caseId: receipt.caseId, stepId: site.id, staff: asStaff(crew.gusuOfficer), procedure: '现场核查', reason: '需到经营场所核查设施布局', now: at('2025-11-07') })
  await completeStep(deps(), { caseId: receipt.caseId, stepId: review.id, staff: asStaff(crew.cityOfficer), outcome: 'pass', opinion: '材料符合要求', now: at('2025-11-07', 15) })
  await assert.rejects(completeStep(deps(), { caseId: receipt.caseId, stepId: site.id, staff: asStaff(crew.gusuOfficer), outcome: 'pass', opinion: '核查通过' }), { code: 'pause_open' })
  const resumed = await resumeCase(deps(), { caseId: receipt.caseId, pauseId, staff: asStaff(crew.gusuOfficer), result: '现场设施布局符合要求', now: at('2025-11-11') })
  assert.equal(resumed.paused_days, 2, 'Mon 10 and Tue 11 November are excluded')
  assert.equal(resumed.statutory_due, '2025-11-24')
  assert.equal(resumed.promised_due, '2025-11-17')
  await completeStep(deps(), { caseId: receipt.caseId, stepId: site.id, staff: asStaff(crew.gusuOfficer), outcome: 'pass', opinion: '核查通过', now: at('2025-11-11', 14) })
  d = (await getCaseDetail(t.db, receipt.caseId))!
  const decision = d.current.find((s) => s.status === 'active')!
  assert.equal(decision.name, '许可决定', 'the decision starts once both parallel steps are done')

  await extendCase(deps(), { caseId: receipt.caseId, staff: asStaff(crew.cityHead), days: 3, reason: '需征求卫生部门意见' , now: at('2025-11-11', 15) })
  await decideCase(deps(), { caseId: receipt.caseId, stepId: decision.id, staff: asStaff(crew.cityOfficer), decision: 'approved', reason: '符合食品经营许可条件，准予许可。', now: at('2025-11-12') })
  await issueResult(deps(), { caseId: receipt.caseId, staff: window, resultName: '食品经营许可证', resultNumber: 'JY23205080000001', now: at('2025-11-12', 15) })
  const done = await deliverResult(deps(), { caseId: receipt.caseId, staff: window, method: 'electronic', now: at('2025-11-13') })
  assert.equal(done.status, 'delivered')
  d = (await getCaseDetail(t.db, receipt.caseId))!
  assert.equal(d.case.statutory_due, '2025-11-27', '+3 working days of approved extension')
  assert.deepEqual(d.events.map((e) => e.action), ['submitted', 'correction_requested', 'resubmitted', 'accepted', 'step_claimed', 'paused', 'step_completed', 'resumed', 'step_completed', 'extended', 'approved', 'result_issued', 'delivered'])
  assert.ok(d.current.every((s) => s.status === 'done'))
})

test('a step can send the case back to an earlier one (both rounds kept); a denial carries reasons and appeal rights', async () => {
  const { receipt } = await submitted()
  await acceptCase(deps(), { caseId: receipt.caseId, staff: asStaff(crew.window) })
  let d = (await getCaseDetail(t.db, receipt.caseId))!
  for (const s of d.current.filter((x) => x.status === 'active')) {
    const staff = asStaff(s.name === '现场核查' ? crew.gusuOfficer : crew.cityOfficer)
    await completeStep(deps(), { caseId: receipt.caseId, stepId: s.id, staff, outcome: 'pass', opinion: '通过' })
  }
  d = (await getCaseDetail(t.db, receipt.caseId))!
  const decision = d.current.find((s) => s.name === '许可决定')!
  await assert.rejects(completeStep(deps(), { caseId: receipt.caseId, stepId: decision.id, staff: asStaff(crew.cityOfficer), outcome: 'pass', opinion: '通过' }), { code: 'use_decision' })
  // The decision officer sends the case back to 材料审查: it and everything after it run again; 现场核查 stays done.
  await completeStep(deps(), { caseId: receipt.caseId, stepId: decision.id, staff: asStaff(crew.cityOfficer), outcome: 'return', returnTo: '材料审查', opinion: '经营项目与平面图不一致，请重新审查。' })
  d = (await getCaseDetail(t.db, receipt.caseId))!
  assert.deepEqual(d.current.map((s) => [s.name, s.round, s.status]), [['预审受理', 1, 'done'], ['材料审查', 2, 'active'], ['现场核查', 1, 'done'], ['许可决定', 2, 'waiting'], ['制证', 1, 'waiting']])
  assert.equal(d.steps.find((s) => s.name === '许可决定' && s.round === 1)!.returned_to, '材料审查')
  await completeStep(deps(), { caseId: receipt.caseId, stepId: d.current.find((s) => s.name === '材料审查')!.id, staff: asStaff(crew.cityOfficer), outcome: 'pass', opinion: '复核通过' })
  d = (await getCaseDetail(t.db, receipt.caseId))!
  assert.equal(d.current.find((s) => s.name === '许可决定')!.status, 'active', 'the decision runs again once the re-run step is done')

  const second = await submitted()
  await acceptCase(deps(), { caseId: second.receipt.caseId, staff: asStaff(crew.window) })
  d = (await getCaseDetail(t.db, second.receipt.caseId))!
  const site = d.current.find((s) => s.name === '现场核查')!
  await assert.rejects(completeStep(deps(), { caseId: second.receipt.caseId, stepId: site.id, staff: asStaff(crew.gusuOfficer), outcome: 'return', returnTo: '材料审查', opinion: '需补充' }), { code: 'return_target_invalid' }, 'parallel steps are not predecessors')
  for (const s of d.current.filter((x) => x.status === 'active')) {
    await completeStep(deps(), { caseId: second.receipt.caseId, stepId: s.id, staff: asStaff(s.name === '现场核查' ? crew.gusuOfficer : crew.cityOfficer), outcome: 'pass', opinion: '通过' })
  }
  d = (await getCaseDetail(t.db, second.receipt.caseId))!
  const dec = d.current.find((s) => s.name === '许可决定')!
  await decideCase(deps(), { caseId: second.receipt.caseId, stepId: dec.id, staff: asStaff(crew.cityOfficer), decision: 'denied', reason: '经营场所与有毒有害场所距离不足，不符合条件。' })
  d = (await getCaseDetail(t.db, second.receipt.caseId))!
  assert.equal(d.case.status, 'denied')
  assert.ok(d.events.at(-1)!.details.appealRights, 'a denial carries the appeal rights')
})

test('fifty concurrent completions of one step: exactly one transition, the rest get a clear conflict', async () => {
  const { receipt } = await submitted()
  await acceptCase(deps(), { caseId: receipt.caseId, staff: asStaff(crew.window) })
  const d = (await getCaseDetail(t.db, receipt.caseId))!
  const review = d.current.find((s) => s.name === '材料审查')!
  const results = await Promise.allSettled(Array.from({ length: 50 }, () => completeStep(deps(), { caseId: receipt.caseId, stepId: review.id, staff: asStaff(crew.cityOfficer), outcome: 'pass', opinion: '同意' })))
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
  for (const r of results.filter((x) => x.status === 'rejected')) assert.equal((r as PromiseRejectedResult).reason.code, 'step_changed')
  const events = await t.db.selectFrom('case_events').select('action').where('case_id', '=', receipt.caseId).where('action', '=', 'step_completed').execute()
  assert.equal(events.length, 1)
})

test('worklists: 待办 per department by deadline, overdue filter, nothing for other departments', async () => {
  const { receipt } = await submitted(at('2025-11-03'))
  const city = crew.window.departmentId!
  const todo = await worklist(t.db, { departmentIds: [city], view: 'todo', officerId: crew.window.id, today: '2025-11-03', nextWorkingDay: '2025-11-04' })
  assert.ok(todo.some((r) => r.caseId === receipt.caseId && r.stepName === '预审受理'))
  const overdue = await worklist(t.db, { departmentIds: [city], view: 'todo', officerId: crew.window.id, deadline: 'overdue', today: '2025-11-20', nextWorkingDay: '2025-11-21' })
  assert.ok(overdue.some((r) => r.caseId === receipt.caseId))
  const other = await worklist(t.db, { departmentIds: [crew.outsider.departmentId!], view: 'todo', officerId: crew.outsider.id, today: '2025-11-03', nextWorkingDay: '2025-11-04' })
  assert.ok(!other.some((r) => r.caseId === receipt.caseId))
})

test('wrong people and wrong states change nothing', async () => {
  const { receipt } = await submitted()
  const before = await t.db.selectFrom('cases').select(['version', 'status']).where('id', '=', receipt.caseId).executeTakeFirstOrThrow()
  await assert.rejects(acceptCase(deps(), { caseId: receipt.caseId, staff: asStaff(crew.outsider) }), { code: 'case_forbidden' })
  await assert.rejects(issueResult(deps(), { caseId: receipt.caseId, staff: asStaff(crew.window) }), { code: 'case_state_conflict' })
  await assert.rejects(requestCorrection(deps(), { caseId: receipt.caseId, staff: asStaff(crew.window), items: [] }), { code: 'correction_items_required' })
  const stranger = await createCitizen(t.db, { verifiedAs: { name: '赵秀英', idNumber: fakeIdNumber(++people) } })
  await assert.rejects(resubmitCase(deps(), { caseId: receipt.caseId, applicant: personApplicant(stranger.id), values: {} }), { code: 'case_not_found' })
  await assert.rejects(acceptCase(deps(), { caseId: receipt.caseId, staff: asStaff(crew.window), expectedVersion: before.version + 5 }), { code: 'case_changed' })
  // A draft that names someone else's upload is refused at submission, and nothing is created.
  const other = await createCitizen(t.db, { verifiedAs: { name: '王五', idNumber: fakeIdNumber(++people) } })
  const otherWho = personApplicant(other.id, '王五')
  const draft = await startApplication(t.deps, { itemCode: FOOD_ITEM, applicant: otherWho })
  const theirs = await fakeUpload(t.db, stranger.id)
  const mine = await fakeUpload(t.db, other.id)
  await saveDraft(t.db, { applicationId: draft.id, applicant: otherWho, values: foodFormValues([theirs, mine]) })
  await assert.rejects(submitApplication(t.deps, { applicationId: draft.id, applicant: otherWho }), { code: 'upload_not_owned' })
  // …in any file field, not only the material ones (the lease contract shows when the premises are rented).
  await saveDraft(t.db, { applicationId: draft.id, applicant: otherWho, values: { ...foodFormValues([mine, await fakeUpload(t.db, other.id)]), premisesOwnership: 'rented', leaseContract: [theirs] } })
  await assert.rejects(submitApplication(t.deps, { applicationId: draft.id, applicant: otherWho }), { code: 'upload_not_owned' })
  assert.equal((await t.db.selectFrom('applications').select('status').where('id', '=', draft.id).executeTakeFirstOrThrow()).status, 'draft')
  assert.equal((await t.db.selectFrom('cases').select('id').where('application_id', '=', draft.id).execute()).length, 0)
  const afterRow = await t.db.selectFrom('cases').select(['version', 'status']).where('id', '=', receipt.caseId).executeTakeFirstOrThrow()
  assert.deepEqual(afterRow, before)
})

test('staff are warned one working day before a step is due, with one dedupe key per step and due date', async () => {
  const { receipt } = await submitted(at('2025-11-03'))
  const seen: { event: string; staffId?: string; dedupeKey: string; refNo: string }[] = []
  const notices = async (_tx: unknown, n: { event: string; staffId?: string; dedupeKey: string; case: { ref_no: string } }) => { seen.push({ event: n.event, staffId: n.staffId, dedupeKey: n.dedupeKey, refNo: n.case.ref_no }) }
  await warnDueSoon({ db: t.db, notices }, at('2025-11-05'))
  assert.ok(!seen.some((n) => n.refNo === receipt.refNo), 'three working days before: no warning yet')
  await warnDueSoon({ db: t.db, notices }, at('2025-11-07'))
  const mine = seen.filter((n) => n.refNo === receipt.refNo)
  assert.ok(mine.length >= 1 && mine.every((n) => n.event === 'step.due_soon' && n.staffId))
  assert.ok(mine.some((n) => n.staffId === crew.cityOfficer.id), 'unclaimed: every officer of the department is warned')
  const keys = new Set(mine.map((n) => n.dedupeKey))
  await warnDueSoon({ db: t.db, notices }, at('2025-11-07', 15))
  assert.deepEqual(new Set(seen.filter((n) => n.refNo === receipt.refNo).map((n) => n.dedupeKey)), keys, 'a second scan repeats the same keys, so nothing is sent twice')
})

test('accepted after the 5-working-day review period: deemed accepted on the day the materials arrived (行政许可法 Art. 32)', async () => {
  const { receipt } = await submitted(at('2025-11-03'))
  const late = await acceptCase(deps(), { caseId: receipt.caseId, staff: asStaff(crew.window), now: at('2025-11-12') })
  assert.equal(late.case.accepted_on, '2025-11-03')
  assert.equal(late.case.statutory_due, '2025-11-17', '10 working days from 3 November, not from the late acceptance')
  const onTime = await submitted(at('2025-11-03'))
  const ok = await acceptCase(deps(), { caseId: onTime.receipt.caseId, staff: asStaff(crew.window), now: at('2025-11-10') })
  assert.equal(ok.case.accepted_on, '2025-11-10', 'on the last day of the period the clock starts at acceptance')
})
