import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, BrowserContext } from 'playwright-core'
import { servedApp } from '../test/served-app'
import { createCitizen, fakeIdNumber } from '../test/citizens'
import { asStaff, caseCrew, FOOD_ITEM, foodFormValues, personApplicant, type CaseCrew } from '../test/cases'
import { staffCookie, staffIn } from '../test/exchange'
import { acceptCase } from '../src/modules/cases'
import { saveDraft, startApplication, storeUpload, submitApplication } from '../src/modules/applications'
import { launchBrowser, screenshot, visit } from './harness'

/** The cases back office in a real browser with axe on every page: worklist, case page in each state, errors, reveal. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108020000009077' + '53de0000000c4944415478da63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082', 'hex')

describe('cases back office in the browser', () => {
  let s: Awaited<ReturnType<typeof servedApp>>
  let browser: Browser
  let crew: CaseCrew
  let n = 0
  before(async () => {
    s = await servedApp('seeded')
    browser = await launchBrowser()
    crew = await caseCrew(s.t.db, 'e2e')
  })
  after(async () => {
    await browser?.close()
    await s?.close()
  })

  async function submitted(now = new Date()) {
    const citizen = await createCitizen(s.t.db, { verifiedAs: { name: '陈志强', idNumber: fakeIdNumber(++n) } })
    const who = personApplicant(citizen.id, '陈志强')
    const { id } = await startApplication(s.deps, { itemCode: FOOD_ITEM, applicant: who, now })
    const up = async () => (await storeUpload(s.deps, { owner: { citizenId: citizen.id }, filename: '平面图.png', body: (async function* () { yield PNG })() })).id
    const draft = (await s.t.db.selectFrom('applications').select('values').where('id', '=', id).executeTakeFirstOrThrow()).values
    await saveDraft(s.t.db, { applicationId: id, applicant: who, values: { ...draft, ...foodFormValues([await up(), await up()]) }, now })
    return (await submitApplication(s.deps, { applicationId: id, applicant: who, now })).caseId
  }
  async function as(staffId: string): Promise<BrowserContext> {
    const ctx = await browser.newContext()
    const [name, value] = (await staffCookie(s.t.db, staffId)).cookie.split('=') as [string, string]
    await ctx.addCookies([{ name, value, url: s.base }])
    return ctx
  }

  it('window: worklist, deadline filter, case page, an error summary after a missing reason, English', async () => {
    const fresh = await submitted()
    await submitted(new Date('2025-11-03T10:00:00+08:00'))
    const ctx = await as(crew.window.id)
    const page = await ctx.newPage()
    await visit(page, `${s.base}/admin/cases`)
    await visit(page, `${s.base}/admin/cases?deadline=overdue`)
    await visit(page, `${s.base}/admin/cases?tab=done`)
    await visit(page, `${s.base}/admin/cases/${fresh}`)
    await screenshot(page, 'case-backoffice-submitted')
    await visit(page, () => page.locator('#not-accept button[type=submit]').click(), { status: 400 })
    assert.equal(await page.locator('#error-summary').count(), 1)
    await page.locator('#error-summary a').first().click()
    assert.equal(await page.evaluate('document.activeElement && document.activeElement.id'), 'not-accept-reason')
    await visit(page, `${s.base}/admin/cases/${fresh}?lang=en`)
    await ctx.close()
  })

  it('officers and heads: step forms, assignment, reveal; supervisors read only', async () => {
    const id = await submitted()
    await acceptCase({ db: s.t.db, notices: s.deps.caseNotices }, { caseId: id, staff: asStaff(crew.window) })
    const supervisor = await staffIn(s.t.db, 'e2e-supervisor', ['supervisor'], null)
    for (const who of [crew.cityHead, crew.gusuOfficer, supervisor]) {
      const ctx = await as(who.id)
      const page = await ctx.newPage()
      await visit(page, `${s.base}/admin/cases`)
      await visit(page, `${s.base}/admin/cases/${id}`)
      await ctx.close()
    }
    const ctx = await as(crew.cityOfficer.id)
    const page = await ctx.newPage()
    await visit(page, `${s.base}/admin/cases/${id}`)
    await visit(page, () => page.getByRole('button', { name: '显示完整信息' }).click())
    assert.match(await page.content(), /仅在本页显示一次/)
    await screenshot(page, 'case-backoffice-in-progress')
    await ctx.close()
  })
})
