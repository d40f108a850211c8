import type { DB } from '../src/platform/database'
import { idCheckChar } from '../src/platform/identifiers'
import type { Secrets } from '../src/platform/secrets'
import { saveDraft, startApplication } from '../src/modules/applications'
import { createCitizen } from './citizens'
import { fakeUpload, FOOD_ITEM, foodFormValues, personApplicant } from './cases'

/**
 * Ready-to-submit drafts of 食品经营许可 for many distinct verified citizens (crash test, submission bench):
 * each prefilled from its profile by startApplication, two upload rows of its own, the curated form's values
 * saved with saveDraft — the state a real person is in just before pressing 提交.
 */
export type PreparedDraft = { citizenId: string; applicationId: string; name: string }

/** A unique, valid 18-digit 身份证号 per n (birth dates walk from 1950, sequence 901–999). */
export function benchIdNumber(n: number): string {
  const day = new Date(Date.UTC(1950, 0, 1) + Math.floor(n / 99) * 86400000)
  const first17 = `320508${day.toISOString().slice(0, 10).replaceAll('-', '')}${String(901 + (n % 99))}`
  return first17 + idCheckChar(first17)
}

export async function prepareFoodDrafts(deps: { db: DB; secrets: Secrets }, n: number, opts: { concurrency?: number; offset?: number; now?: Date } = {}): Promise<PreparedDraft[]> {
  const out: PreparedDraft[] = new Array(n)
  let next = 0
  const offset = opts.offset ?? Math.floor(Math.random() * 1_000_000)
  await Promise.all(Array.from({ length: opts.concurrency ?? 8 }, async () => {
    for (let i = next++; i < n; i = next++) {
      const name = '陈志强'
      const citizen = await createCitizen(deps.db, { phone: `170${String((offset + i) % 100_000_000).padStart(8, '0')}`, verifiedAs: { name, idNumber: benchIdNumber(offset + i) } })
      const who = personApplicant(citizen.id, name)
      const { id } = await startApplication(deps, { itemCode: FOOD_ITEM, applicant: who, ...(opts.now ? { now: opts.now } : {}) })
      const uploads: [string, string] = [await fakeUpload(deps.db, citizen.id), await fakeUpload(deps.db, citizen.id)]
      const draft = (await deps.db.selectFrom('applications').select('values').where('id', '=', id).executeTakeFirstOrThrow()).values
      await saveDraft(deps.db, { applicationId: id, applicant: who, values: { ...draft, ...foodFormValues(uploads) }, expectedRev: 0 })
      out[i] = { citizenId: citizen.id, applicationId: id, name }
    }
  }))
  return out
}
