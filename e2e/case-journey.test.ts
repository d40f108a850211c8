import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { DEMO_RESIDENTS } from '../src/modules/exchange'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createStaffAccount, EDITOR, fillFoodLicenceFields, pngFile, registerCitizen, ROOT, SCREENSHOTS, screenshot, signInStaff, smsTo, useServerAndBrowser, verifyRealName, visit } from './harness'

/**
 * Issue 4 "Done when", in a real browser on the real server (axe on every page): a citizen finds 食品经营许可 by
 * search, applies with prefilled data and two uploads; the window officer of 市市场监管局 asks for a correction;
 * the citizen corrects with a new file; the window accepts; 材料审查 (city) and 现场核查 (姑苏区) run in parallel
 * while the district pauses for 现场核查; the city approves; the window issues the result and records 电子送达.
 * The citizen sees every step with its expected date, the timeline, and each notice in 我的消息 and by SMS.
 * Four browser contexts: citizen, window officer, city officer, district officer (plus the administrator who
 * creates the two accounts the demo seed does not have).
 */
const env = useServerAndBrowser()
const CITY = '苏州市市场监督管理局'
const GUSU = '苏州市姑苏区市场监督管理局'
const PHONE = '13712345621'

describe('case journey in the browser', () => {
  test('食品经营许可: search → apply → correction → accept → parallel steps with 现场核查 → approved → delivered, with notices', async () => {
    const base = env.server.baseUrl
    const contexts: { close(): Promise<void> }[] = []
    const newPage = async () => {
      const ctx = await env.browser.newContext({ locale: 'zh-CN' })
      contexts.push(ctx)
      return ctx.newPage()
    }
    const main = (p: Page) => p.locator('main').innerText()
    /** Signs a staff member in and lands on 待办. */
    const staffPage = async (who: Parameters<typeof signInStaff>[1]) => {
      const p = await newPage()
      await visit(p, `${base}/admin/login?next=%2Fadmin%2Fcases`)
      await signInStaff(p, who)
      assert.equal(new URL(p.url()).pathname, '/admin/cases')
      return p
    }
    /** Opens the case from the 待办 list by its 办件编号. */
    const openFromWorklist = async (p: Page, refNo: string) => {
      await visit(p, `${base}/admin/cases`)
      await visit(p, () => p.getByRole('link', { name: refNo, exact: true }).click())
    }
    /** Loads the page again as it is now (without the last action's notice or #fragment). */
    const again = (p: Page) => visit(p, p.url().split(/[?#]/)[0]!)
    const submitIn = (p: Page, form: string, button: string) => visit(p, () => p.locator(form).getByRole('button', { name: button }).click())

    try {
      // The administrator creates the window officer of 市市场监管局 and an officer of 姑苏区市场监管局; officer1 (demo seed) is the city's officer.
      const admin = await newPage()
      await visit(admin, `${base}/admin/login?next=%2Fadmin%2Fstaff`)
      await signInStaff(admin, { username: 'admin', password: EDITOR.password })
      const windowAccount = await createStaffAccount(admin, { username: 'amr.window', displayName: '窗口王敏', department: CITY, role: '窗口人员' })
      const gusuAccount = await createStaffAccount(admin, { username: 'gusu.inspector', displayName: '核查员周强', department: GUSU, role: '审批人员' })

      // The citizen registers, verifies, finds the service by search and applies online.
      const who = DEMO_RESIDENTS[2]!
      const citizen = await newPage()
      await registerCitizen(citizen, env.server, PHONE, '志强')
      await verifyRealName(citizen, env.server, who)
      await visit(citizen, `${base}/`)
      await citizen.locator('#home-q').fill('食品经营许可')
      await visit(citizen, () => citizen.locator('form.hero-search').getByRole('button', { name: '搜索' }).click())
      assert.equal(new URL(citizen.url()).pathname, '/search')
      await visit(citizen, () => citizen.getByRole('link', { name: '食品经营许可证核发', exact: true }).first().click())
      assert.match(new URL(citizen.url()).pathname, /^\/services\/11320500MB193972693010027000100$/)
      await visit(citizen, () => citizen.getByRole('button', { name: '在线申请' }).click())
      assert.match(new URL(citizen.url()).pathname, /^\/me\/applications\/[0-9a-f-]{36}$/)
      // Prefilled from the real-name verification: locked, with its source named.
      assert.equal(await citizen.locator('#f-name').inputValue(), who.name)
      assert.equal(await citizen.locator('#f-name').getAttribute('readonly'), '')
      assert.match(await citizen.locator('#f-name-hint').innerText(), /来源：.+（不可修改）/)
      assert.match(await main(citizen), /将通过数据共享获取，无需上传/)
      await fillFoodLicenceFields(citizen, who)
      await visit(citizen, () => citizen.getByRole('button', { name: '提交申请' }).click())
      assert.match(new URL(citizen.url()).pathname, /\/receipt$/)
      const refNo = /\d{6}-\d{6,}-\d/.exec(await main(citizen))?.[0]
      assert.ok(refNo, 'the receipt shows the 办件编号')
      const casePath = await citizen.getByRole('link', { name: '查看办理进度' }).getAttribute('href')
      assert.match(casePath ?? '', /^\/me\/cases\/[0-9a-f-]{36}$/)
      const caseUrl = `${base}${casePath}`

      // The window officer (password + TOTP, then a new password) finds it in 待办 and asks for one correction.
      const win = await staffPage(windowAccount)
      await openFromWorklist(win, refNo)
      assert.match(await main(win), /已提交，待预审/)
      await win.locator('#correction-items-0-target').fill('经营场所平面图')
      await win.locator('#correction-items-0-problem').fill('未标明清洗消毒设施位置，请补充后重新上传。')
      await submitIn(win, '#correction', '发出补正告知')
      assert.match(await main(win), /待补正/)

      // The citizen sees the correction notice on the case page and sends a new plan.
      await visit(citizen, caseUrl)
      const notice = await citizen.locator('#correction').innerText()
      assert.match(notice, /补正告知（第 1 次）/)
      assert.match(notice, /经营场所平面图：\s*未标明清洗消毒设施位置/)
      await screenshot(citizen, 'journey-correction')
      await citizen.locator('#f-material3').setInputFiles(pngFile('平面图-已标明消毒设施.png'))
      await visit(citizen, () => citizen.getByRole('button', { name: '提交补正材料' }).click())
      assert.match(await main(citizen), /补正材料已提交/)

      // The window accepts: both parallel steps start, in their two departments.
      await again(win)
      const resubmitted = await main(win)
      assert.match(resubmitted, /申请人已于 .+ 补正/)
      assert.ok(resubmitted.includes('平面图-已标明消毒设施.png'), 'the officer sees the new plan')
      await submitIn(win, '#accept', '受理')
      const accepted = await main(win)
      assert.match(accepted, /办理中/)
      const steps = await win.locator('section[aria-labelledby=steps-title] table').innerText()
      assert.match(steps, new RegExp(`材料审查\\s+${CITY}\\s+1\\s+办理中`))
      assert.match(steps, new RegExp(`现场核查\\s+${GUSU}\\s+1\\s+办理中`))

      // The citizen sees both steps under way, each with its department and expected date, and the promised date.
      await visit(citizen, caseUrl)
      let mine = await main(citizen)
      assert.match(mine, new RegExp(`材料审查（${CITY}，\\d+月\\d+日前完成）`))
      assert.match(mine, new RegExp(`现场核查（${GUSU}，\\d+月\\d+日前完成）`))
      assert.match(mine, /预计办结\s+\d{4}年\d+月\d+日前/)

      // The district officer starts 特别程序 现场核查 (the clock pauses) …
      const gusu = await staffPage(gusuAccount)
      await openFromWorklist(gusu, refNo)
      await gusu.locator('section[id^="pause-"] select[name=procedure]').selectOption('现场核查')
      await gusu.locator('section[id^="pause-"] textarea[name=reason]').fill('需到经营场所核查设施布局')
      await submitIn(gusu, 'section[id^="pause-"]', '启动特别程序')
      assert.match(await main(gusu), /特别程序中，自 \d{4}-\d{2}-\d{2} 起暂停计时/)

      // … while the city officer completes 材料审查.
      const city = await staffPage({ username: 'officer1', password: EDITOR.password })
      await openFromWorklist(city, refNo)
      await city.locator('section[id^="complete-"] textarea[name=opinion]').fill('材料齐全，符合法定形式')
      await submitIn(city, 'section[id^="complete-"]', '办理完成')
      assert.match(await city.locator('section[aria-labelledby=steps-title] table').innerText(), /材料审查[^\n]*已完成/)

      await visit(citizen, caseUrl)
      mine = await main(citizen)
      assert.match(mine, /现场核查中/, 'the citizen is told the clock is paused')
      assert.doesNotMatch(mine, /材料审查（/, '材料审查 is no longer a current step')
      await screenshot(citizen, 'journey-paused')

      // The district officer ends the pause with a result, then completes 现场核查.
      await again(gusu)
      await gusu.locator('section[id^="resume-"] textarea[name=result]').fill('现场设施布局符合要求')
      await submitIn(gusu, 'section[id^="resume-"]', '结束特别程序')
      await gusu.locator('section[id^="complete-"] textarea[name=opinion]').fill('核查通过')
      await submitIn(gusu, 'section[id^="complete-"]', '办理完成')
      assert.match(await gusu.locator('section[aria-labelledby=pauses-title]').innerText(), /现场核查[\s\S]*现场设施布局符合要求/)

      // The city officer decides 准予许可.
      await again(city)
      const decide = city.locator('section[id^="decide-"]')
      await decide.getByRole('radio', { name: '准予许可' }).check()
      await decide.locator('textarea[name=reason]').fill('符合食品经营许可条件，准予许可。')
      await submitIn(city, 'section[id^="decide-"]', '作出决定')
      assert.match(await main(city), /准予许可，待出具结果/)

      // The window issues the result: 办结即制证 — the licence is made, numbered and signed in the same step.
      await again(win)
      await submitIn(win, '#issue', '出具结果')
      const licenceNo = /JY320500\d{7}/.exec(await main(win))?.[0]
      assert.ok(licenceNo, 'the case shows the number of the licence just issued')
      await win.locator('#deliver').getByRole('radio', { name: '电子送达' }).check()
      await submitIn(win, '#deliver', '登记送达')
      assert.match(await main(win), /已送达，办结/)
      await screenshot(win, 'journey-backoffice-delivered')

      // The citizen's case page: closed, the result, every step of the timeline in plain words.
      await visit(citizen, caseUrl)
      mine = await main(citizen)
      assert.match(mine, /已送达，办结/)
      assert.ok(mine.includes(`食品经营许可证（编号 ${licenceNo}）`), 'the citizen sees the licence number')
      const timeline = await citizen.locator('ol.timeline').innerText()
      for (const line of [
        /您提交了申请，.+将在\d+月\d+日前完成预审/, /请您补正材料（第1次）/, /您提交了补正材料/, /受理了您的申请，承诺\d+月\d+日前办结/,
        new RegExp(`${GUSU}开始现场核查`), new RegExp(`${CITY}完成了“材料审查”`), /现场核查结束，恢复计时/, new RegExp(`${GUSU}完成了“现场核查”`),
        /作出准予许可的决定/, /办理结果已出具：食品经营许可证/, /办理结果已送达（电子送达），办件办结/,
      ]) assert.match(timeline, line)
      await screenshot(citizen, 'journey-case-closed')

      // 我的消息: a notice for submission, the correction, acceptance, the decision and the result.
      await visit(citizen, `${base}/me/messages`)
      const inbox = await main(citizen)
      for (const title of ['申请已提交', '请补正材料', '申请已受理', '审批决定：准予许可', '办理结果已出具']) assert.ok(inbox.includes(title), `inbox: ${title}\n${inbox}`)
      assert.ok(inbox.includes(refNo.replaceAll('-', '')) || inbox.includes(refNo), 'the notices name the 办件编号')
      await visit(citizen, () => citizen.getByRole('link', { name: '查看办件' }).first().click())
      assert.equal(new URL(citizen.url()).pathname, casePath, 'a notice links to the case page')

      // The same notices went out by SMS (the simulated gateway's file, number masked) from the job worker.
      const events = ['application.submitted', 'case.correction_requested', 'case.accepted', 'case.decided', 'case.result_issued']
      const sms = await smsTo(env.server, PHONE, (ls) => events.every((e) => ls.some((l) => l.purpose === `notice:${e}`)))
      for (const e of events) assert.ok(sms.some((l) => l.purpose === `notice:${e}`), `an SMS for ${e}: ${JSON.stringify(sms.map((l) => l.purpose))}`)
      assert.ok(sms.every((l) => !l.text.includes(who.idNumber) && !l.text.includes(PHONE)), 'no full ID or phone number in the texts')

      // Issue 5 "Done when": the case ends with a licence in 我的证照 — its PDF (rendered to an image), the QR's URL
      // verifies in the browser, a tampered copy reads 篡改, the offline CLI agrees, the licence satisfies a
      // material in a second application, and once revoked it reads 已撤销 everywhere.
      await visit(citizen, `${base}/me/licences`)
      assert.ok((await main(citizen)).includes(licenceNo!), '我的证照 lists the licence')
      await visit(citizen, caseUrl)
      await visit(citizen, () => citizen.getByRole('link', { name: /查看电子证照/ }).click())
      const licencePath = new URL(citizen.url()).pathname
      assert.match(licencePath, /^\/me\/licences\/[0-9a-f-]{36}$/)
      const face = await main(citizen)
      assert.ok(face.includes(who.name) && face.includes('经营项目') && !face.includes(who.idNumber), 'the face, with the 身份证号 masked')
      const pdf = await citizen.request.get(`${base}${licencePath}/pdf`)
      assert.equal(pdf.status(), 200)
      assert.equal(pdf.headers()['content-type'], 'application/pdf')
      const pdfBytes = await pdf.body()
      const pdfFile = join(SCREENSHOTS, 'journey-licence.pdf')
      mkdirSync(SCREENSHOTS, { recursive: true })
      writeFileSync(pdfFile, pdfBytes)
      const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' })
      for (const s of ['食品经营许可证', licenceNo!, who.name, '苏州市市场监督管理局', '扫码核验']) assert.ok(text.includes(s), `the PDF reads back "${s}"`)
      execFileSync('pdftoppm', ['-r', '80', '-png', '-singlefile', pdfFile, join(SCREENSHOTS, 'journey-licence-pdf')])
      const vc = await citizen.request.get(`${base}${licencePath}/vc`)
      assert.equal(vc.status(), 200)
      const credential = JSON.parse(await vc.text()) as { type: string[]; proof: { cryptosuite: string } }
      assert.ok(credential.type.includes('VerifiableCredential'))
      assert.equal(credential.proof.cryptosuite, 'eddsa-jcs-2022')

      // The QR code's URL (the same link as 在线核验) in a browser with no session: 有效.
      const qrHref = await citizen.getByRole('link', { name: '在线核验' }).getAttribute('href')
      assert.match(qrHref ?? '', /^\/licences\/verify\?p=YWL1\./)
      const stranger = await newPage()
      await visit(stranger, `${base}${qrHref}`)
      assert.match(await stranger.locator('.verdict').innerText(), /有效/)
      await screenshot(stranger, 'journey-licence-verified')
      // One character of the signed payload changed: 篡改 (or not a valid code), never 有效.
      const payload = decodeURIComponent(qrHref!.split('p=')[1]!)
      const cut = payload.lastIndexOf('.') - 5
      const tampered = payload.slice(0, cut) + (payload[cut] === 'A' ? 'B' : 'A') + payload.slice(cut + 1)
      await visit(stranger, `${base}/licences/verify?p=${encodeURIComponent(tampered)}`)
      const verdictTampered = await stranger.locator('.verdict').innerText()
      assert.match(verdictTampered, /篡改|无效/)
      assert.doesNotMatch(verdictTampered, /^\s*✓/)

      // The offline CLI, with only the published keys: valid for the real payload, not for the tampered one.
      const keysFile = join(SCREENSHOTS, 'journey-keys.json')
      writeFileSync(keysFile, await (await fetch(`${base}/.well-known/yiwang-licence-keys.json`)).text())
      const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli.ts'), 'licence', 'verify', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } })
      const offline = cli([payload, '--keys', keysFile])
      assert.equal(offline.status, 0, `offline verify: ${offline.stdout}${offline.stderr}`)
      const offlinePdf = cli([pdfFile, '--keys', keysFile])
      assert.equal(offlinePdf.status, 0, `offline verify of the PDF: ${offlinePdf.stdout}${offlinePdf.stderr}`)
      assert.equal(cli([tampered, '--keys', keysFile]).status, 2, 'the tampered payload fails offline too')

      // A second application: 食品经营许可证延续 names 食品经营许可证 as a material — the licence satisfies it (免提交).
      await visit(citizen, `${base}/services/11320500MB193972693010027000200`)
      await visit(citizen, () => citizen.getByRole('button', { name: '在线申请' }).click())
      const second = await main(citizen)
      assert.ok(second.includes('将使用您的电子证照') && second.includes(licenceNo!), 'the draft says the licence will be used')
      // The form generated from the item's materials: premises, one business item, area, one staff row, the other files.
      await citizen.locator('#f-address-regionCode').selectOption('320508')
      await citizen.locator('#f-address-detail').fill('姑苏区人民路100号')
      await citizen.locator('#f-premisesAddress-regionCode').selectOption('320508')
      await citizen.locator('#f-premisesAddress-detail').fill('姑苏区十全街88号')
      await citizen.locator('#f-businessItems--1').check()
      await citizen.locator('#f-area').fill('120')
      await citizen.locator('#f-staff-0-name').fill(who.name)
      await citizen.locator('#f-staff-0-idNumber').fill('11010519491231002X')
      await citizen.locator('#f-staff-0-healthCertNo').fill('JK2026001')
      for (const input of await citizen.locator('main input[type=file]').all()) await input.setInputFiles(pngFile('说明.png'))
      await visit(citizen, () => citizen.getByRole('button', { name: '提交申请' }).click())
      assert.match(new URL(citizen.url()).pathname, /\/receipt$/, 'submitted without uploading the licence')

      // The issuing department revokes it: the QR page and the online CLI say 已撤销.
      await visit(city, `${base}/admin/licences`)
      await visit(city, () => city.getByRole('link', { name: licenceNo!, exact: true }).first().click())
      await city.locator('#revoke textarea[name=reason]').fill('以欺骗手段取得许可，依法撤销')
      await visit(city, () => city.locator('#revoke').getByRole('button').click())
      assert.match(await main(city), /已撤销/)
      await visit(stranger, `${base}${qrHref}`)
      const verdictRevoked = await stranger.locator('.verdict').innerText()
      assert.match(verdictRevoked, /已撤销/)
      assert.match(await main(stranger), /以欺骗手段取得许可/)
      await screenshot(stranger, 'journey-licence-revoked')
      const online = cli([payload, '--keys', keysFile, '--online', base])
      assert.notEqual(online.status, 0, 'online the CLI reports the revocation')
      assert.match(online.stdout, /撤销|revoked/i)
    } finally {
      for (const c of contexts) await c.close()
    }
  })
})
