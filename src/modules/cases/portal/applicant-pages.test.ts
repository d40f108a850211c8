import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { citizenSession, createCitizen, fakeIdNumber, type CitizenTestSession } from '../../../../test/citizens'
import { asStaff, caseCrew, FOOD_ITEM, foodFormValues, type CaseCrew } from '../../../../test/cases'
import { staffCookie } from '../../../../test/exchange'
import { formatRefNo, queryCodeFor } from '../../applications'
import { acceptCase, completeStep, decideCase, getCaseDetail, requestCorrection } from '../index'

/**
 * The applicant's pages over HTTP on a real database (issue 4, Deliver 3, 5, 10): guide → draft → save → submit →
 * receipt → 我的办件 → case page; 补正 and 撤回 by form posts; the public lookup; and who gets 404.
 */
let t: Awaited<ReturnType<typeof testApp>>
let crew: CaseCrew
before(async () => {
  t = await testApp('seeded')
  crew = await caseCrew(t.db, 'ap')
})
after(() => t.close())

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108020000009077' + '53de0000000c4944415478da63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082', 'hex')
let people = 0
async function person(name = '陈志强', trustLevel?: 1 | 2 | 3) {
  const c = trustLevel === 1 ? await createCitizen(t.db) : await createCitizen(t.db, { verifiedAs: { name, idNumber: fakeIdNumber(40 + ++people) } })
  return { id: c.id, s: await citizenSession(t.app, t.db, c.id) }
}
const get = (path: string, s?: { cookie: string }) => t.app.request(path, { headers: s ? { cookie: s.cookie } : {} })
const postForm = (path: string, s: { cookie: string; csrf: string } | undefined, fields: Record<string, string>) =>
  t.app.request(path, { method: 'POST', body: new URLSearchParams({ ...(s ? { _csrf: s.csrf } : {}), ...fields }), headers: { ...(s ? { cookie: s.cookie } : {}), 'content-type': 'application/x-www-form-urlencoded' } })
/** The food form's values as the browser posts them (f.<key>, f.<key>.<sub>, f.<rows>.<i>.<col>). */
function formFields(values: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = []
  for (const [k, v] of Object.entries(values)) {
    if (Array.isArray(v)) v.forEach((x, i) => (x && typeof x === 'object' ? Object.entries(x).forEach(([col, cv]) => out.push([`f.${k}.${i}.${col}`, String(cv)])) : out.push([`f.${k}`, String(x)])))
    else if (v && typeof v === 'object') Object.entries(v).forEach(([sub, sv]) => out.push([`f.${k}.${sub}`, String(sv)]))
    else out.push([`f.${k}`, String(v)])
  }
  return out
}
function postMultipart(path: string, s: CitizenTestSession, fields: [string, string][], files: [string, Buffer, string][] = []) {
  const fd = new FormData()
  fd.append('_csrf', s.csrf)
  for (const [k, v] of fields) fd.append(k, v)
  for (const [name, bytes, filename] of files) fd.append(name, new File([bytes], filename, { type: filename.endsWith('.png') ? 'image/png' : 'application/octet-stream' }))
  return t.app.request(path, { method: 'POST', body: fd, headers: { cookie: s.cookie } })
}
const withoutFiles = () => {
  const v = foodFormValues(['x', 'y'])
  delete v['material3']
  delete v['material4']
  return v
}
async function start(s: CitizenTestSession): Promise<string> {
  const res = await postForm('/me/applications', s, { item: FOOD_ITEM })
  assert.equal(res.status, 303, await res.clone().text())
  const m = /^\/me\/applications\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')
  assert.ok(m, res.headers.get('location') ?? '')
  return m[1]!
}
async function submitted(s: CitizenTestSession) {
  const id = await start(s)
  const res = await postMultipart(`/me/applications/${id}`, s, [['rev', '0'], ['idempotencyKey', `k-${id}`], ['_action', 'submit'], ...formFields(withoutFiles())], [['upload.material3', PNG, '平面图.png'], ['upload.material4', PNG, '制度目录.png']])
  assert.equal(res.status, 303, await res.clone().text())
  const app = await t.db.selectFrom('applications').select(['ref_no']).where('id', '=', id).executeTakeFirstOrThrow()
  const c = await t.db.selectFrom('cases').select(['id']).where('application_id', '=', id).executeTakeFirstOrThrow()
  return { applicationId: id, caseId: c.id, refNo: app.ref_no! }
}

test('start → draft page → save with files → submit → receipt; a double submit returns the same 办件编号', async () => {
  const me = await person()
  // The guide offers 在线申请 as a form straight to the draft when signed in.
  const guide = await (await get(`/services/${FOOD_ITEM}`, me.s)).text()
  assert.match(guide, /<form method="post" action="\/me\/applications">/)
  const id = await start(me.s)
  assert.equal(await start(me.s), id, '在线申请 again goes back to the draft already started')

  const page = await get(`/me/applications/${id}?started=1`, me.s)
  assert.equal(page.status, 200)
  const html = await page.text()
  assert.ok(html.includes('来源：'), 'prefilled fields are locked with their source')
  assert.ok(html.includes('将通过数据共享获取，无需上传'), '免提交 materials are named')
  assert.ok(html.includes('表单即材料'), 'the form is the 申请书')
  assert.match(html, /本申请按 \d{4}-\d{2}-\d{2} 版办事指南填写/)
  assert.match(html, /enctype="multipart\/form-data"/)
  assert.match(html, /name="idempotencyKey" value="[A-Za-z0-9_-]{20,}"/)

  // 保存草稿 with the files chosen in the same form.
  const save = await postMultipart(`/me/applications/${id}`, me.s, [['rev', '0'], ['_action', 'save'], ...formFields(withoutFiles())], [['upload.material3', PNG, '平面图.png']])
  assert.equal(save.status, 303, await save.clone().text())
  assert.equal(save.headers.get('location'), `/me/applications/${id}?saved=1`)
  const row = await t.db.selectFrom('applications').select(['values', 'draft_rev', 'status']).where('id', '=', id).executeTakeFirstOrThrow()
  assert.equal(row.draft_rev, 1)
  assert.equal(row.values['safetyManager'], '张三')
  assert.equal((row.values['material3'] as string[]).length, 1, 'the file is stored and attached')
  const again = await (await get(`/me/applications/${id}?saved=1`, me.s)).text()
  assert.ok(again.includes('草稿已保存'))
  assert.ok(again.includes('保留 平面图.png'), 'the attached file is listed (kept unless unticked)')

  // 提交申请: the kept file plus a new one; a double click posts the same page key twice.
  const fields: [string, string][] = [['rev', '1'], ['idempotencyKey', 'page-double-click-1'], ['_action', 'submit'], ...formFields(withoutFiles()), ['f.material3', (row.values['material3'] as string[])[0]!]]
  const first = await postMultipart(`/me/applications/${id}`, me.s, fields, [['upload.material4', PNG, '制度.png']])
  assert.equal(first.status, 303, await first.clone().text())
  assert.equal(first.headers.get('location'), `/me/applications/${id}/receipt`)
  const second = await postMultipart(`/me/applications/${id}`, me.s, fields, [['upload.material4', PNG, '制度.png']])
  assert.equal(second.headers.get('location'), `/me/applications/${id}/receipt`)
  const cases = await t.db.selectFrom('cases').select(['id', 'ref_no']).where('application_id', '=', id).execute()
  assert.equal(cases.length, 1, 'one case however often it is posted')
  const receipt = await get(`/me/applications/${id}/receipt`, me.s)
  assert.equal(receipt.status, 200)
  const rhtml = await receipt.text()
  assert.ok(rhtml.includes(formatRefNo(cases[0]!.ref_no)))
  assert.ok(rhtml.includes(queryCodeFor(t.deps.secrets, cases[0]!.ref_no)))
  assert.ok(rhtml.includes('5 个工作日'))
  assert.ok(rhtml.includes(`/me/cases/${cases[0]!.id}`))
  // The draft page of a submitted application leads to the receipt.
  assert.equal((await get(`/me/applications/${id}`, me.s)).headers.get('location'), `/me/applications/${id}/receipt`)

  const mine = await (await get('/me/cases', me.s)).text()
  assert.ok(mine.includes(formatRefNo(cases[0]!.ref_no)))
  assert.ok(mine.includes('受理后计算'), 'no promised date before acceptance')
})

test('validation errors: summary linking to fields, messages at the fields, everything typed kept, nothing saved', async () => {
  const me = await person()
  const id = await start(me.s)
  const values = { ...withoutFiles(), area: '一百二十', safetyManager: '李安全' }
  const res = await postMultipart(`/me/applications/${id}`, me.s, [['rev', '0'], ['idempotencyKey', `k-${id}`], ['_action', 'submit'], ...formFields(values)], [['upload.material3', Buffer.from('MZ not a pdf at all'), '平面图.pdf']])
  assert.equal(res.status, 400)
  const html = await res.text()
  assert.match(html, /class="error-summary"/)
  assert.match(html, /href="#f-area"/)
  assert.match(html, /id="f-area-error"/)
  assert.ok(html.includes('“平面图.pdf”未上传'), 'a refused file is reported at its field')
  assert.ok(html.includes('value="李安全"'), 'typed values are re-rendered')
  assert.ok(html.includes('value="一百二十"'))
  const row = await t.db.selectFrom('applications').select(['draft_rev', 'status']).where('id', '=', id).executeTakeFirstOrThrow()
  assert.deepEqual(row, { draft_rev: 0, status: 'draft' })

  // 添加一行 without JavaScript: a second staff row, nothing saved.
  const rows = await postMultipart(`/me/applications/${id}`, me.s, [['rev', '0'], ['_action', 'addrow:staff'], ...formFields(values)])
  assert.equal(rows.status, 200)
  assert.ok((await rows.text()).includes('name="f.staff.1.name"'))
  assert.equal((await t.db.selectFrom('applications').select('draft_rev').where('id', '=', id).executeTakeFirstOrThrow()).draft_rev, 0)

  // Saved in another tab meanwhile: a clear message, the values kept, nothing overwritten.
  assert.equal((await postMultipart(`/me/applications/${id}`, me.s, [['rev', '0'], ['_action', 'save'], ['f.safetyManager', '第一个窗口']])).status, 303)
  const stale = await postMultipart(`/me/applications/${id}`, me.s, [['rev', '0'], ['_action', 'save'], ['f.safetyManager', '第二个窗口']])
  assert.equal(stale.status, 409)
  const shtml = await stale.text()
  assert.ok(shtml.includes('已在另一个窗口或设备上保存过'))
  assert.ok(shtml.includes('value="第二个窗口"'))
  assert.ok(shtml.includes('name="rev" value="1"'), 'saving again now is a deliberate overwrite')
  const saved = await t.db.selectFrom('applications').select('values').where('id', '=', id).executeTakeFirstOrThrow()
  assert.equal(saved.values['safetyManager'], '第一个窗口')

  // Bad input: no CSRF token, no session.
  const fd = new FormData()
  fd.append('_action', 'save')
  assert.equal((await t.app.request(`/me/applications/${id}`, { method: 'POST', body: fd, headers: { cookie: me.s.cookie } })).status, 403)
  assert.equal((await postForm(`/me/applications/${id}`, undefined, { _action: 'save' })).status, 403)
  assert.equal((await postForm('/me/applications', me.s, { item: '../../etc' })).status, 404)
})

test('account level below the item’s: a page that says how to verify, and no draft', async () => {
  const me = await person('x', 1)
  const res = await postForm('/me/applications', me.s, { item: FOOD_ITEM })
  assert.equal(res.status, 403)
  const html = await res.text()
  assert.ok(html.includes('href="/account/verify"'))
  assert.ok(html.includes('您的账号等级还不够'))
  const n = await t.db.selectFrom('applications').select('id').where('applicant_citizen_id', '=', me.id).execute()
  assert.equal(n.length, 0)
})

test('someone else’s draft or case: citizen B, a staff session and an agent whose mandate was revoked get nothing', async () => {
  const principal = await person('周委托')
  const agentName = '吴代办'
  const agentId = fakeIdNumber(90)
  const agentRow = await createCitizen(t.db, { verifiedAs: { name: agentName, idNumber: agentId } })
  const agent = await citizenSession(t.app, t.db, agentRow.id)
  assert.equal((await postForm('/account/mandates', principal.s, { agentName, agentIdNumber: agentId, scope: 'items', itemCodes: FOOD_ITEM, validUntil: '' })).status, 303)
  const mandate = await t.db.selectFrom('mandates').select('id').where('grantor_id', '=', principal.id).where('agent_citizen_id', '=', agentRow.id).executeTakeFirstOrThrow()
  assert.equal((await postForm('/me/acting', agent, { mandateId: mandate.id })).status, 303)
  // The agent files for the principal (委托代办); both see the draft.
  const draft = await start(agent)
  assert.equal((await get(`/me/applications/${draft}`, agent)).status, 200)
  assert.equal((await get(`/me/applications/${draft}`, principal.s)).status, 200)
  const { caseId, applicationId } = await submitted(principal.s)
  assert.equal((await get(`/me/cases/${caseId}`, agent)).status, 200, 'the agent follows the principal’s case')

  const b = await person('赵秀英')
  const staff = await staffCookie(t.db, crew.window.id)
  assert.equal((await postForm(`/account/mandates/${mandate.id}/revoke`, principal.s, { reason: '不再需要代办' })).status, 303)
  const before = await t.db.selectFrom('applications').select(['id', 'draft_rev', 'status']).where('applicant_citizen_id', '=', principal.id).orderBy('id').execute()
  for (const [who, s] of [['B', b.s], ['revoked agent', agent]] as const) {
    for (const path of [`/me/applications/${draft}`, `/me/applications/${draft}/discard`, `/me/applications/${applicationId}/receipt`, `/me/cases/${caseId}`, `/me/cases/${caseId}/withdraw`]) {
      assert.equal((await get(path, s)).status, 404, `${who}: GET ${path}`)
    }
    assert.equal((await postMultipart(`/me/applications/${draft}`, s, [['_action', 'submit'], ['rev', '0']])).status, 404, `${who}: submit`)
    assert.equal((await postForm(`/me/applications/${draft}/discard`, s, {})).status, 404, `${who}: discard`)
    assert.equal((await postForm(`/me/cases/${caseId}/withdraw`, s, {})).status, 404, `${who}: withdraw`)
    assert.equal((await postMultipart(`/me/cases/${caseId}/resubmit`, s, [])).status, 404, `${who}: resubmit`)
    assert.ok(!(await (await get('/me/cases', s)).text()).includes(caseId), `${who}: not in 我的办件`)
  }
  for (const path of [`/me/applications/${draft}`, `/me/cases/${caseId}`]) {
    const res = await get(path, staff)
    assert.equal(res.status, 303, `staff: GET ${path}`)
    assert.match(res.headers.get('location') ?? '', /^\/login\?next=/)
  }
  assert.equal((await postForm(`/me/cases/${caseId}/withdraw`, staff, {})).status, 403)
  assert.equal((await postMultipart(`/me/applications/${draft}`, staff, [['_action', 'save']])).status, 403)
  const afterRows = await t.db.selectFrom('applications').select(['id', 'draft_rev', 'status']).where('applicant_citizen_id', '=', principal.id).orderBy('id').execute()
  assert.deepEqual(afterRows, before, 'nothing changed')
  assert.equal((await getCaseDetail(t.db, caseId))!.case.status, 'submitted')
})

test('public lookup: the right code shows the status without personal data; a wrong code and an unknown number get the same answer; 20 tries per 15 minutes', async () => {
  const me = await person('钱多多')
  const { refNo } = await submitted(me.s)
  const code = queryCodeFor(t.deps.secrets, refNo)
  const right = await postForm('/progress', undefined, { ref: formatRefNo(refNo), code: code.toLowerCase() })
  assert.equal(right.status, 200)
  const html = await right.text()
  assert.ok(html.includes('食品经营许可'))
  assert.ok(html.includes('已提交，待预审'))
  assert.ok(!html.includes('钱多多'), 'no name')
  const idNumber = (await t.db.selectFrom('citizens').select('id_number').where('id', '=', me.id).executeTakeFirstOrThrow()).id_number!
  assert.ok(!html.includes(idNumber) && !html.includes(idNumber.slice(-4) + '<'), 'no ID number')
  assert.equal((await get(`/progress?ref=${refNo}&code=${code}`)).status, 200, 'GET links work too')

  const wrong = await postForm('/progress', undefined, { ref: refNo, code: code === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA' })
  const unknownRef = refNo.slice(0, -2) + ((Number(refNo.at(-2)) + 1) % 10) + refNo.at(-1)
  const unknown = await postForm('/progress', undefined, { ref: '2511039999990', code })
  const malformed = await postForm('/progress', undefined, { ref: unknownRef, code })
  const msg = (h: string) => /<div class="notice[^"]*"[^>]*>[\s\S]*?<\/div>/.exec(h)?.[0]
  const [w, u, m] = [await wrong.text(), await unknown.text(), await malformed.text()]
  assert.equal(wrong.status, 404)
  assert.equal(unknown.status, wrong.status)
  assert.equal(malformed.status, wrong.status)
  assert.ok(w.includes('办件编号或查询码不正确'))
  assert.equal(msg(u), msg(w), 'unknown number: the same message')
  assert.equal(msg(m), msg(w), 'mistyped number: the same message')
  assert.ok(!w.includes('食品经营许可'))
  assert.equal((await postForm('/progress', undefined, { ref: refNo })).status, 400, 'missing code says what is missing')

  // The window is per app instance; this app has used 5 tries so far.
  let status = 0
  for (let i = 0; i < 20 && status !== 429; i++) status = (await postForm('/progress', undefined, { ref: refNo, code: 'AAAAAA' })).status
  assert.equal(status, 429)
  const blocked = await postForm('/progress', undefined, { ref: refNo, code })
  assert.equal(blocked.status, 429, 'even the right code waits once the budget is used')
  assert.ok((await blocked.text()).includes('15 分钟内最多查询 20 次'))
})

test('withdrawal: confirmation page, then the case is withdrawn and can no longer be withdrawn', async () => {
  const me = await person()
  const { caseId } = await submitted(me.s)
  const page = await (await get(`/me/cases/${caseId}`, me.s)).text()
  assert.ok(page.includes(`/me/cases/${caseId}/withdraw`))
  assert.equal((await get(`/me/cases/${caseId}/withdraw`, me.s)).status, 200)
  const tooLong = await postForm(`/me/cases/${caseId}/withdraw`, me.s, { reason: '长'.repeat(501) })
  assert.equal(tooLong.status, 400)
  assert.equal((await getCaseDetail(t.db, caseId))!.case.status, 'submitted')
  const res = await postForm(`/me/cases/${caseId}/withdraw`, me.s, { reason: '不开店了' })
  assert.equal(res.status, 303)
  assert.equal(res.headers.get('location'), `/me/cases/${caseId}?withdrawn=1`)
  assert.equal((await getCaseDetail(t.db, caseId))!.case.status, 'withdrawn')
  const after = await (await get(`/me/cases/${caseId}?withdrawn=1`, me.s)).text()
  assert.ok(after.includes('申请已撤回'))
  assert.ok(after.includes('您撤回了申请'))
  assert.ok(!after.includes(`href="/me/cases/${caseId}/withdraw"`))
  assert.equal((await postForm(`/me/cases/${caseId}/withdraw`, me.s, {})).status, 409)
})

test('补正 over HTTP: the notice lists every item, the same form comes pre-filled, the resubmission goes back to the window', async () => {
  const me = await person()
  const { caseId, applicationId } = await submitted(me.s)
  await requestCorrection({ db: t.db, notices: t.deps.caseNotices }, { caseId, staff: asStaff(crew.window), items: [{ target: '经营场所平面图', problem: '未标明清洗消毒设施位置，请补充后重新上传。' }] })
  const page = await get(`/me/cases/${caseId}`, me.s)
  const html = await page.text()
  assert.ok(html.includes('补正告知（第 1 次）'))
  assert.ok(html.includes('未标明清洗消毒设施位置'))
  assert.ok(html.includes(`action="/me/cases/${caseId}/resubmit"`))
  assert.ok(html.includes('value="张三"'), 'pre-filled with the current values')
  assert.ok(html.includes('保留 平面图.png'), 'and the current files')
  const app = await t.db.selectFrom('applications').select('values').where('id', '=', applicationId).executeTakeFirstOrThrow()

  // Errors keep the values; nothing changes.
  const bad = await postMultipart(`/me/cases/${caseId}/resubmit`, me.s, [...formFields({ ...withoutFiles(), area: 'abc' }), ['f.material4', (app.values['material4'] as string[])[0]!]], [['upload.material3', PNG, '平面图-修改.png']])
  assert.equal(bad.status, 400)
  assert.ok((await bad.text()).includes('value="abc"'))
  assert.equal((await getCaseDetail(t.db, caseId))!.case.status, 'correction_requested')

  const ok = await postMultipart(`/me/cases/${caseId}/resubmit`, me.s, [...formFields(withoutFiles()), ['f.material4', (app.values['material4'] as string[])[0]!]], [['upload.material3', PNG, '平面图-修改.png']])
  assert.equal(ok.status, 303, await ok.clone().text())
  const d = (await getCaseDetail(t.db, caseId))!
  assert.equal(d.case.status, 'submitted')
  assert.ok(d.events.some((e) => e.action === 'resubmitted'))
  const revised = await t.db.selectFrom('application_materials').select(['upload_id']).where('application_id', '=', applicationId).where('material_index', '=', 3).executeTakeFirstOrThrow()
  const name = await t.db.selectFrom('uploads').select('original_name').where('id', '=', revised.upload_id!).executeTakeFirstOrThrow()
  assert.equal(name.original_name, '平面图-修改.png')
  const after = await (await get(`/me/cases/${caseId}?resubmitted=1`, me.s)).text()
  assert.ok(after.includes('补正材料已提交'))
  assert.ok(after.includes('您提交了补正材料'))
})

test('case page: accepted with a promised date in plain words; a denial shows its reasons and the right to appeal', async () => {
  const me = await person()
  const { caseId } = await submitted(me.s)
  const deps = { db: t.db, notices: t.deps.caseNotices }
  await acceptCase(deps, { caseId, staff: asStaff(crew.window) })
  let d = (await getCaseDetail(t.db, caseId))!
  let html = await (await get(`/me/cases/${caseId}`, me.s)).text()
  assert.ok(html.includes(`受理了您的申请，承诺`), 'the acceptance in a sentence')
  assert.ok(html.includes('材料审查') && html.includes('现场核查'), 'both current steps with their departments')
  assert.ok(!html.includes('受理后计算'))
  assert.ok(!html.includes(crew.window.name), 'no staff names')
  // Every step, finished or not, with its department and date: 预审受理 done, the two parallel steps under way, the rest to come.
  const steps = html.slice(html.indexOf('id="steps-h"'), html.indexOf('</table>', html.indexOf('id="steps-h"')))
  assert.match(steps, /预审受理[\s\S]*?已完成/)
  assert.match(steps, /材料审查[\s\S]*?苏州市市场监督管理局[\s\S]*?办理中/)
  assert.match(steps, /现场核查[\s\S]*?苏州市姑苏区市场监督管理局[\s\S]*?办理中/)
  assert.match(steps, /许可决定[\s\S]*?待开始[\s\S]*?前一环节完成后开始/)
  for (const s of d.current.filter((x) => x.status === 'active')) {
    await completeStep(deps, { caseId, stepId: s.id, staff: asStaff(s.name === '现场核查' ? crew.gusuOfficer : crew.cityOfficer), outcome: 'pass', opinion: '通过' })
  }
  d = (await getCaseDetail(t.db, caseId))!
  const decision = d.current.find((s) => s.name === '许可决定')!
  await decideCase(deps, { caseId, stepId: decision.id, staff: asStaff(crew.cityOfficer), decision: 'denied', reason: '经营场所与有毒有害场所距离不足，不符合条件。' })
  html = await (await get(`/me/cases/${caseId}`, me.s)).text()
  assert.ok(html.includes('不予许可决定'))
  assert.ok(html.includes('距离不足'))
  assert.ok(html.includes('行政复议'))
  assert.ok(!html.includes(`/me/cases/${caseId}/withdraw`), 'no withdrawal after a decision')
})
