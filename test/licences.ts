import type { DB } from '../src/platform/database'
import { createCitizen } from './citizens'
import { idCheckChar } from '../src/platform/identifiers'
import { asStaff, fakeUpload, FOOD_ITEM, foodFormValues, personApplicant, type CaseCrew } from './cases'
import { saveDraft, startApplication, submitApplication } from '../src/modules/applications'
import { acceptCase, completeStep, decideCase, getCaseDetail, issueResult, type CaseDeps } from '../src/modules/cases'
import type { Deps } from '../src/deps'

let people = 0

/**
 * A distinct valid 身份证号 per holder (336,000 before repeating; fakeIdNumber has only 100, too few for the
 * bench's pools and clashing with other helpers' people in the same database): born 1920 in 320508.
 */
function holderIdNumber(n: number): string {
  const first17 = `3205081920${String(1 + (Math.floor(n / 28_000) % 12)).padStart(2, '0')}${String(1 + (Math.floor(n / 1000) % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`
  return first17 + idCheckChar(first17)
}

/**
 * A 食品经营许可 case taken to 准予 through the operations (submitted → accepted → both parallel steps passed →
 * approved), ready for issueResult. `holderName` is the verified applicant.
 */
export async function approvedFoodCase(deps: Deps, crew: CaseCrew, opts: { holderName?: string; now?: Date } = {}) {
  const db: DB = deps.db
  const name = opts.holderName ?? '林晓燕'
  const citizen = await createCitizen(db, { verifiedAs: { name, idNumber: holderIdNumber(++people) } })
  const who = personApplicant(citizen.id, name)
  const { id } = await startApplication(deps, { itemCode: FOOD_ITEM, applicant: who, ...(opts.now ? { now: opts.now } : {}) })
  const uploads: [string, string] = [await fakeUpload(db, citizen.id), await fakeUpload(db, citizen.id)]
  const draft = (await db.selectFrom('applications').select('values').where('id', '=', id).executeTakeFirstOrThrow()).values
  await saveDraft(db, { applicationId: id, applicant: who, values: { ...draft, ...foodFormValues(uploads) }, expectedRev: 0 })
  const receipt = await submitApplication(deps, { applicationId: id, applicant: who, idempotencyKey: `lic-${id}` })
  const caseDeps: CaseDeps = { db, notices: deps.caseNotices, results: deps.caseResults }
  await acceptCase(caseDeps, { caseId: receipt.caseId, staff: asStaff(crew.window) })
  let d = (await getCaseDetail(db, receipt.caseId))!
  for (const s of d.current.filter((x) => x.status === 'active')) {
    const officer = s.name === '现场核查' ? crew.gusuOfficer : crew.cityOfficer
    await completeStep(caseDeps, { caseId: receipt.caseId, stepId: s.id, staff: asStaff(officer), outcome: 'pass', opinion: '符合要求' })
  }
  d = (await getCaseDetail(db, receipt.caseId))!
  const decision = d.current.find((s) => s.status === 'active')!
  await decideCase(caseDeps, { caseId: receipt.caseId, stepId: decision.id, staff: asStaff(crew.cityOfficer), decision: 'approved', reason: '符合食品经营许可条件，准予许可。' })
  return { caseId: receipt.caseId, refNo: receipt.refNo, citizen, who, caseDeps }
}

/** approvedFoodCase + issueResult with the licences port: the case ends with its licence. */
export async function issuedFoodLicence(deps: Deps, crew: CaseCrew, opts: { holderName?: string } = {}) {
  const c = await approvedFoodCase(deps, crew, opts)
  await issueResult(c.caseDeps, { caseId: c.caseId, staff: asStaff(crew.window), description: '准予食品经营许可' })
  const licence = await deps.db.selectFrom('licences').selectAll().where('case_id', '=', c.caseId).executeTakeFirstOrThrow()
  return { ...c, licence }
}
