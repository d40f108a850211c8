import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { citizenSession, createCitizen, fakeIdNumber } from '../../../../test/citizens'
import { caseCrew, FOOD_ITEM, foodFormValues, personApplicant, type CaseCrew } from '../../../../test/cases'
import { staffCookie, staffIn } from '../../../../test/exchange'
import { formBody } from '../../../../test/staff'
import { loadCalendar, shanghaiDate } from '../../../platform/calendar'
import { maskIdNumber, maskPhone } from '../../../platform/privacy'
import { saveDraft, startApplication, storeUpload, submitApplication } from '../../applications'
import { getCaseDetail } from '../case-queries'

type S = { cookie: string; csrf: string }
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108020000009077' + '53de0000000c4944415478da63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082', 'hex')
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`)

describe('cases back office: worklists, case page, actions over HTTP', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let crew: CaseCrew
  let s: Record<'window' | 'city' | 'head' | 'gusu' | 'gusu2' | 'outsider' | 'supervisor' | 'farSupervisor', S>
  let people = 50

  const get = async (who: S | undefined, path: string) => {
    const res = await t.app.request(path, { headers: who ? { cookie: who.cookie } : {} })
    return { status: res.status, html: await res.text(), location: res.headers.get('location'), res }
  }
  const post = async (who: S, path: string, fields: Record<string, string | string[]>) => {
    const res = await t.app.request(path, { method: 'POST', headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: formBody({ _csrf: who.csrf, ...fields }) })
    return { status: res.status, html: await res.text(), location: res.headers.get('location') }
  }
  /** A hidden field of one action form on the case page. */
  const hidden = (html: string, formKey: string, name: string) => {
    const start = html.indexOf(`<section id="${formKey}"`)
    assert.ok(start >= 0, `form ${formKey} is on the page`)
    const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html.slice(start, html.indexOf('</section>', start)))
    assert.ok(m, `${name} in ${formKey}`)
    return m[1]!
  }
  const caseRow = (id: string) => t.db.selectFrom('cases').select(['status', 'version', 'extension_days']).where('id', '=', id).executeTakeFirstOrThrow()
  const audits = (action: string, subject: string) => t.db.selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', action).where('subject_id', '=', subject).execute()

  async function submitted(now = new Date()) {
    const idNumber = fakeIdNumber(++people)
    const citizen = await createCitizen(t.db, { verifiedAs: { name: '陈志强', idNumber } })
    const who = personApplicant(citizen.id, '陈志强')
    const { id } = await startApplication(t.deps, { itemCode: FOOD_ITEM, applicant: who, now })
    const file = async (name: string) => (await storeUpload(t.deps, { owner: { citizenId: citizen.id }, filename: name, body: (async function* () { yield PNG })() })).id
    const uploads: [string, string] = [await file('平面图.png'), await file('设备布局.png')]
    const stray = await file('别的文件.png')
    const draft = (await t.db.selectFrom('applications').select('values').where('id', '=', id).executeTakeFirstOrThrow()).values
    await saveDraft(t.db, { applicationId: id, applicant: who, values: { ...draft, ...foodFormValues(uploads) }, expectedRev: 0, now })
    const receipt = await submitApplication(t.deps, { applicationId: id, applicant: who, idempotencyKey: `k-${id}`, now })
    return { caseId: receipt.caseId, refNo: receipt.refNo, idNumber, phone: citizen.phone, uploads, stray }
  }
  async function accepted() {
    const k = await submitted()
    const page = await get(s.window, `/admin/cases/${k.caseId}`)
    const r = await post(s.window, `/admin/cases/${k.caseId}/accept`, { version: hidden(page.html, 'accept', 'version') })
    assert.equal(r.status, 303, r.html.slice(0, 300))
    const d = (await getCaseDetail(t.db, k.caseId))!
    return { ...k, review: d.current.find((x) => x.name === '材料审查')!, site: d.current.find((x) => x.name === '现场核查')! }
  }

  before(async () => {
    t = await testApp('seeded')
    crew = await caseCrew(t.db, 'bo')
    const sup = await staffIn(t.db, 'bo-supervisor', ['supervisor'], null, '320500')
    const far = await staffIn(t.db, 'bo-supervisor-nj', ['supervisor'], null, '320100')
    s = {
      window: await staffCookie(t.db, crew.window.id), city: await staffCookie(t.db, crew.cityOfficer.id), head: await staffCookie(t.db, crew.cityHead.id),
      gusu: await staffCookie(t.db, crew.gusuOfficer.id), gusu2: await staffCookie(t.db, crew.gusuOfficer2.id), outsider: await staffCookie(t.db, crew.outsider.id),
      supervisor: await staffCookie(t.db, sup.id), farSupervisor: await staffCookie(t.db, far.id),
    }
  })
  after(() => t.close())

  it('worklist: 待办 shows only my departments’ steps; supervisors see their region read-only; the navigation links it', async () => {
    const k = await submitted()
    const ref = `${k.refNo.slice(0, 6)}-${k.refNo.slice(6, -1)}-${k.refNo.slice(-1)}`
    const win = await get(s.window, '/admin/cases')
    assert.equal(win.status, 200)
    assert.ok(win.html.includes(ref) && win.html.includes('预审受理'), 'the window sees the new case at 预审受理')
    assert.match(win.html, /href="\/admin\/cases" aria-current="page"/, 'the back-office navigation has 办件')
    assert.ok(!(await get(s.outsider, '/admin/cases')).html.includes(ref), 'another department sees nothing of it')
    assert.ok(!(await get(s.gusu, '/admin/cases')).html.includes(ref), 'the district sees it only once its step starts')
    assert.ok((await get(s.supervisor, '/admin/cases')).html.includes(ref), 'the city supervisor sees it')
    assert.ok(!(await get(s.farSupervisor, '/admin/cases')).html.includes(ref), 'a supervisor of another city does not')
    const sup = await get(s.supervisor, `/admin/cases/${k.caseId}`)
    assert.equal(sup.status, 200)
    assert.ok(!sup.html.includes('action="/admin/cases/' + k.caseId + '/accept"') && !sup.html.includes('/unmask'), 'supervisors get no action and no unmask')

    const a = await accepted()
    const gusu = await get(s.gusu, '/admin/cases')
    const aref = `${a.refNo.slice(0, 6)}-${a.refNo.slice(6, -1)}-${a.refNo.slice(-1)}`
    assert.ok(gusu.html.includes(aref) && gusu.html.includes('现场核查'))
    assert.ok(!/材料审查/.test(gusu.html.slice(gusu.html.indexOf(aref), gusu.html.indexOf('</tr>', gusu.html.indexOf(aref)))), 'the district row is its own step')
    // 我的待办 is empty until the step is claimed; then 已办 after completing it.
    assert.ok(!(await get(s.gusu, '/admin/cases?tab=mine')).html.includes(aref))
    assert.equal((await post(s.gusu, `/admin/cases/${a.caseId}/claim`, { stepId: a.site.id, stepVersion: String(a.site.version) })).status, 303)
    assert.ok((await get(s.gusu, '/admin/cases?tab=mine')).html.includes(aref))
    const page = await get(s.gusu, `/admin/cases/${a.caseId}`)
    const done = await post(s.gusu, `/admin/cases/${a.caseId}/complete`, { stepId: a.site.id, stepVersion: hidden(page.html, `complete-${a.site.id}`, 'stepVersion'), outcome: 'pass', opinion: '现场核查通过' })
    assert.equal(done.status, 303)
    assert.ok((await get(s.gusu, '/admin/cases?tab=done')).html.includes(aref))
    assert.ok(!(await get(s.gusu, '/admin/cases')).html.includes(aref))
    // Bad query values fall back to the default view; English is available.
    assert.equal((await get(s.window, '/admin/cases?tab=x&deadline=%3Cscript%3E&after=zzz')).status, 200)
    assert.match((await get(s.window, '/admin/cases?lang=en')).html, /Assigned to me/)
  })

  it('worklist: the deadline filter (已超期 / 即将到期) and keyset paging', async () => {
    const cal = await loadCalendar(t.db)
    const today = shanghaiDate(new Date())
    const next = cal.addWorkingDays(today, 1)
    // Submitted on a day whose 5-working-day review falls today or the next working day → due soon.
    let d = today
    for (let i = 0; i < 40 && !(cal.addWorkingDays(d, 5) >= today && cal.addWorkingDays(d, 5) <= next); i++) d = new Date(Date.parse(`${d}T00:00:00Z`) - 86400000).toISOString().slice(0, 10)
    const soon = await submitted(at(d))
    const old = await submitted(at('2025-11-03'))
    const fresh = await submitted()
    const has = (html: string, k: { refNo: string }) => html.includes(k.refNo.slice(6, -1))
    const overdue = (await get(s.window, '/admin/cases?deadline=overdue')).html
    assert.ok(has(overdue, old) && !has(overdue, fresh) && !has(overdue, soon))
    assert.match(overdue, /已超期/)
    const dueSoon = (await get(s.window, '/admin/cases?deadline=due_soon')).html
    assert.ok(has(dueSoon, soon) && !has(dueSoon, old) && !has(dueSoon, fresh), `due soon (${d} → ${cal.addWorkingDays(d, 5)}, today ${today})`)
    const all = (await get(s.window, '/admin/cases')).html
    assert.ok(has(all, soon) && has(all, old) && has(all, fresh))
    assert.ok(all.indexOf(old.refNo.slice(6, -1)) < all.indexOf(fresh.refNo.slice(6, -1)), 'ordered by due date')
    assert.match((await get(s.outsider, '/admin/cases?deadline=overdue')).html, /没有已超期的环节/, 'an empty list says so')
    // Keyset paging: 30 a page; the next page starts after the last row and repeats nothing.
    for (let i = 0; i < 28; i++) await submitted()
    const p1 = (await get(s.window, '/admin/cases')).html
    const nextHref = /href="(\/admin\/cases\?after=[^"]+)" rel="next"/.exec(p1)?.[1]
    assert.ok(nextHref, 'a next-page link')
    const p2 = (await get(s.window, nextHref!.replace(/&amp;/g, '&'))).html
    const refs = (html: string) => [...html.matchAll(/href="\/admin\/cases\/([0-9a-f-]{36})"/g)].map((m) => m[1])
    assert.equal(refs(p1).length, 30)
    assert.ok(refs(p2).length >= 1)
    assert.deepEqual(refs(p2).filter((x) => refs(p1).includes(x)), [])
  })

  it('case page: 404 for an officer of an unrelated department and for unknown ids; a citizen session is sent to the staff sign-in', async () => {
    const k = await submitted()
    assert.equal((await get(s.window, `/admin/cases/${k.caseId}`)).status, 200)
    assert.equal((await get(s.outsider, `/admin/cases/${k.caseId}`)).status, 404)
    assert.equal((await get(s.gusu, `/admin/cases/${k.caseId}`)).status, 404, 'before acceptance the district has no step of this case yet')
    assert.equal((await get(s.window, '/admin/cases/00000000-0000-0000-0000-000000000000')).status, 404)
    assert.equal((await get(s.window, '/admin/cases/not-a-uuid')).status, 404)
    const citizen = await citizenSession(t.app, t.db, (await createCitizen(t.db)).id)
    const asCitizen = await get(citizen, `/admin/cases/${k.caseId}`)
    assert.equal(asCitizen.status, 303)
    assert.match(asCitizen.location ?? '', /^\/admin\/login/)
    assert.equal((await post(citizen, `/admin/cases/${k.caseId}/accept`, { version: '1' })).status, 403)
    assert.equal((await post(s.outsider, `/admin/cases/${k.caseId}/accept`, { version: '1' })).status, 404)
    assert.equal((await post(s.window, `/admin/cases/${k.caseId}/explode`, {})).status, 404)
    assert.equal((await caseRow(k.caseId)).status, 'submitted')
  })

  it('the applicant is masked; unmasking is for officers only, audited, shown once, never for the window', async () => {
    const k = await submitted()
    const page = await get(s.city, `/admin/cases/${k.caseId}`)
    assert.ok(page.html.includes(maskIdNumber(k.idNumber)) && page.html.includes(maskPhone(k.phone)))
    assert.ok(!page.html.includes(k.idNumber) && !page.html.includes(k.phone), 'no full ID or phone anywhere on the page')
    assert.ok(!page.html.includes('11010519491231002X'), 'IDs inside form rows are masked too')
    assert.match(page.html, /显示完整信息/)
    const win = await get(s.window, `/admin/cases/${k.caseId}`)
    assert.ok(!win.html.includes('/unmask'), 'no button for the window')
    assert.equal((await post(s.window, `/admin/cases/${k.caseId}/unmask`, {})).status, 403)
    assert.equal((await post(s.outsider, `/admin/cases/${k.caseId}/unmask`, {})).status, 404)
    assert.equal((await audits('case.applicant_unmasked', k.caseId)).length, 0)
    const shown = await post(s.city, `/admin/cases/${k.caseId}/unmask`, {})
    assert.equal(shown.status, 200)
    assert.ok(shown.html.includes(k.idNumber) && shown.html.includes(k.phone))
    assert.match(shown.html, /仅在本页显示一次/)
    const rows = await audits('case.applicant_unmasked', k.caseId)
    assert.equal(rows.length, 1)
    assert.equal(rows[0]!.actor_id, crew.cityOfficer.id)
    assert.ok(!JSON.stringify(rows[0]!.details).includes(k.idNumber), 'the audit record holds no identifier')
    assert.ok(!(await get(s.city, `/admin/cases/${k.caseId}`)).html.includes(k.idNumber), 'masked again on the next view')
  })

  it('a missing reason → 400 with the error summary and field message, nothing changed; CSRF is required', async () => {
    const k = await submitted()
    const page = await get(s.window, `/admin/cases/${k.caseId}`)
    const version = hidden(page.html, 'not-accept', 'version')
    const before = await caseRow(k.caseId)
    const r = await post(s.window, `/admin/cases/${k.caseId}/not-accept`, { version, reason: ' ' })
    assert.equal(r.status, 400)
    assert.match(r.html, /存在以下问题/)
    assert.match(r.html, /href="#not-accept-reason"/)
    assert.match(r.html, /id="not-accept-reason-error"/)
    assert.match(r.html, /请填写理由/)
    // 补正 needs at least one row, each with its material or field.
    const none = await post(s.window, `/admin/cases/${k.caseId}/correction`, { version, 'target.0': '', 'problem.0': '' })
    assert.equal(none.status, 400)
    assert.match(none.html, /请至少列出一项/)
    const noTarget = await post(s.window, `/admin/cases/${k.caseId}/correction`, { version, 'target.0': '', 'problem.0': '请补充平面图' })
    assert.equal(noTarget.status, 400)
    assert.match(noTarget.html, /href="#correction-items-0-target"/)
    const shortProblem = await post(s.window, `/admin/cases/${k.caseId}/correction`, { version, 'target.2': '经营场所平面图', 'problem.2': '缺' })
    assert.equal(shortProblem.status, 400)
    assert.match(shortProblem.html, /href="#correction-items-0-problem"/)
    assert.match(shortProblem.html, /value="经营场所平面图"/, 'what was typed comes back')
    const noCsrf = await t.app.request(`/admin/cases/${k.caseId}/not-accept`, { method: 'POST', headers: { cookie: s.window.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: formBody({ version, reason: '不属于本机关职权范围' }) })
    assert.equal(noCsrf.status, 403)
    assert.deepEqual(await caseRow(k.caseId), before)
    assert.equal((await t.db.selectFrom('case_corrections').select('id').where('case_id', '=', k.caseId).execute()).length, 0)
    // And with everything right: one notice, the page says so.
    const ok = await post(s.window, `/admin/cases/${k.caseId}/correction`, { version, 'target.0': '经营场所平面图', 'problem.0': '未标明清洗消毒设施位置，请补充后重新上传。' })
    assert.equal(ok.status, 303)
    assert.match((await get(s.window, ok.location!)).html, /已发出补正告知/)
    assert.equal((await caseRow(k.caseId)).status, 'correction_requested')
  })

  it('a stale page → 409 with the conflict message and nothing changed; two officers claiming at once: one wins', async () => {
    const a = await accepted()
    const headPage = await get(s.head, `/admin/cases/${a.caseId}`)
    const staleVersion = hidden(headPage.html, 'extend', 'version')
    const [g1, g2] = await Promise.all([get(s.gusu, `/admin/cases/${a.caseId}`), get(s.gusu2, `/admin/cases/${a.caseId}`)])
    const v1 = hidden(g1.html, `claim-${a.site.id}`, 'stepVersion')
    assert.equal(v1, hidden(g2.html, `claim-${a.site.id}`, 'stepVersion'))
    const results = await Promise.all([
      post(s.gusu, `/admin/cases/${a.caseId}/claim`, { stepId: a.site.id, stepVersion: v1 }),
      post(s.gusu2, `/admin/cases/${a.caseId}/claim`, { stepId: a.site.id, stepVersion: v1 }),
    ])
    assert.deepEqual(results.map((r) => r.status).sort(), [303, 409])
    const loser = results.find((r) => r.status === 409)!
    assert.match(loser.html, /该环节已由测试bo-gusu2?处理，您的操作没有生效。请刷新页面查看结果。/)
    assert.match(loser.html, /存在以下问题/)
    const step = await t.db.selectFrom('case_steps').select(['assignee_id']).where('id', '=', a.site.id).executeTakeFirstOrThrow()
    const winner = results[0]!.status === 303 ? crew.gusuOfficer.id : crew.gusuOfficer2.id
    assert.equal(step.assignee_id, winner)
    assert.equal((await t.db.selectFrom('case_events').select('id').where('case_id', '=', a.caseId).where('action', '=', 'step_claimed').execute()).length, 1)
    // The head's page predates the claim: extending with its version is refused and changes nothing.
    const before = await caseRow(a.caseId)
    const stale = await post(s.head, `/admin/cases/${a.caseId}/extend`, { version: staleVersion, days: '3', reason: '需征求卫生部门意见' })
    assert.equal(stale.status, 409)
    assert.match(stale.html, /该办件刚刚已被其他人处理，您的操作没有生效/)
    assert.deepEqual(await caseRow(a.caseId), before)
    assert.equal(before.extension_days, 0)
    // Head-only actions: an officer gets no form and a 403.
    const cityPage = await get(s.city, `/admin/cases/${a.caseId}`)
    assert.ok(!cityPage.html.includes('id="extend"') && !cityPage.html.includes('id="terminate"'))
    assert.equal((await post(s.city, `/admin/cases/${a.caseId}/terminate`, { version: String(before.version), reason: '测试终止理由' })).status, 403)
    assert.equal((await caseRow(a.caseId)).status, 'in_progress')
  })

  it('the whole flow over HTTP: accept → assign → complete → special procedure → decide → issue → deliver; the timeline reads in plain Chinese', async () => {
    const a = await accepted()
    const id = a.caseId
    const pageOf = async (who: S) => (await get(who, `/admin/cases/${id}`)).html
    // The head assigns 材料审查 to the city officer (only officers of that department are offered).
    const head = await pageOf(s.head)
    assert.ok(!head.includes(`value="${crew.gusuOfficer.id}"`), 'another department’s officer is not offered')
    assert.equal((await post(s.head, `/admin/cases/${id}/assign`, { stepId: a.review.id, stepVersion: hidden(head, `assign-${a.review.id}`, 'stepVersion'), assignee: crew.gusuOfficer.id })).status, 400)
    assert.equal((await post(s.head, `/admin/cases/${id}/assign`, { stepId: a.review.id, stepVersion: hidden(head, `assign-${a.review.id}`, 'stepVersion'), assignee: crew.cityOfficer.id })).status, 303)
    // 现场核查 pauses, then resumes; completing while paused is not offered.
    let gusu = await pageOf(s.gusu)
    assert.equal((await post(s.gusu, `/admin/cases/${id}/pause`, { stepId: a.site.id, stepVersion: hidden(gusu, `pause-${a.site.id}`, 'stepVersion'), procedure: '检查一下', reason: '需到现场' })).status, 400)
    assert.equal((await post(s.gusu, `/admin/cases/${id}/pause`, { stepId: a.site.id, stepVersion: hidden(gusu, `pause-${a.site.id}`, 'stepVersion'), procedure: '现场核查', reason: '需到经营场所核查设施布局' })).status, 303)
    gusu = await pageOf(s.gusu)
    assert.ok(!gusu.includes(`id="complete-${a.site.id}"`))
    assert.match(gusu, /特别程序中/)
    const pauseId = /<input type="hidden" name="pauseId" value="([^"]+)"/.exec(gusu)![1]!
    assert.equal((await post(s.gusu, `/admin/cases/${id}/resume`, { pauseId, result: '现场设施布局符合要求' })).status, 303)
    gusu = await pageOf(s.gusu)
    assert.equal((await post(s.gusu, `/admin/cases/${id}/complete`, { stepId: a.site.id, stepVersion: hidden(gusu, `complete-${a.site.id}`, 'stepVersion'), outcome: 'pass', opinion: '核查通过' })).status, 303)
    const city = await pageOf(s.city)
    assert.equal((await post(s.city, `/admin/cases/${id}/complete`, { stepId: a.review.id, stepVersion: hidden(city, `complete-${a.review.id}`, 'stepVersion'), outcome: 'maybe', opinion: '材料符合要求' })).status, 400)
    assert.equal((await post(s.city, `/admin/cases/${id}/complete`, { stepId: a.review.id, stepVersion: hidden(city, `complete-${a.review.id}`, 'stepVersion'), outcome: 'pass', opinion: '材料符合要求' })).status, 303)
    // The decision step: the denial text of the appeal rights is on the form; decide approved.
    const d = (await getCaseDetail(t.db, id))!
    const decision = d.current.find((x) => x.status === 'active')!
    const dp = await pageOf(s.city)
    assert.match(dp, /行政复议/)
    assert.ok(dp.includes(`id="return-${decision.id}"`), 'the decision step may send the case back')
    const noReason = await post(s.city, `/admin/cases/${id}/decide`, { stepId: decision.id, stepVersion: hidden(dp, `decide-${decision.id}`, 'stepVersion'), decision: 'approved', reason: '' })
    assert.equal(noReason.status, 400)
    assert.match(noReason.html, new RegExp(`href="#decide-${decision.id}-reason"`))
    assert.equal((await post(s.city, `/admin/cases/${id}/decide`, { stepId: decision.id, stepVersion: hidden(dp, `decide-${decision.id}`, 'stepVersion'), decision: 'approved', reason: '符合食品经营许可条件，准予许可。' })).status, 303)
    const w1 = await pageOf(s.window)
    assert.equal((await post(s.window, `/admin/cases/${id}/issue`, { version: hidden(w1, 'issue', 'version'), resultName: '食品经营许可证', resultNumber: 'JY23205080000001' })).status, 303)
    const w2 = await pageOf(s.window)
    assert.equal((await post(s.window, `/admin/cases/${id}/deliver`, { version: hidden(w2, 'deliver', 'version'), method: 'pigeon' })).status, 400)
    const delivered = await post(s.window, `/admin/cases/${id}/deliver`, { version: hidden(w2, 'deliver', 'version'), method: 'electronic' })
    assert.equal(delivered.status, 303)
    assert.equal((await caseRow(id)).status, 'delivered')
    const final = (await get(s.window, delivered.location!)).html
    assert.match(final, /已登记送达，办件办结/)
    for (const text of ['提交了申请', '受理了申请', '分派给', '启动特别程序“现场核查”', '结束特别程序', '办理完成“材料审查”', '作出准予许可决定', '出具办理结果：食品经营许可证', '登记送达（电子送达）']) assert.ok(final.includes(text), `timeline: ${text}`)
    assert.match(final, /办件已办结，只能查看/)
    assert.match((await get(s.window, `/admin/cases/${id}?lang=en`)).html, /What you can do now/)
  })

  it('materials: files of the case stream to its officers; other uploads and other officers get 404', async () => {
    const k = await submitted()
    const page = await get(s.city, `/admin/cases/${k.caseId}`)
    assert.ok(page.html.includes(`/admin/cases/${k.caseId}/uploads/${k.uploads[0]}`))
    assert.match(page.html, /共享获取/)
    assert.match(page.html, /表单填写/)
    const file = await get(s.city, `/admin/cases/${k.caseId}/uploads/${k.uploads[0]}`)
    assert.equal(file.status, 200)
    assert.equal(file.res.headers.get('content-type'), 'image/png')
    assert.equal(file.res.headers.get('x-content-type-options'), 'nosniff')
    assert.equal((await get(s.outsider, `/admin/cases/${k.caseId}/uploads/${k.uploads[0]}`)).status, 404)
    assert.equal((await get(s.city, `/admin/cases/${k.caseId}/uploads/${k.stray}`)).status, 404, 'an upload that is not one of this case’s materials')
    const other = await submitted()
    assert.equal((await get(s.city, `/admin/cases/${other.caseId}/uploads/${k.uploads[0]}`)).status, 404, 'a file of another case through this one')
    assert.equal((await get(s.city, `/admin/cases/${k.caseId}/uploads/nope`)).status, 404)
  })
})
