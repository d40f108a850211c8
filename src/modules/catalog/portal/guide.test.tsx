import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { saveItem } from '../save-item'
import type { ServiceItemRecord } from '../service-item'
import { assertPageHead, hasParallelSteps, publishedRecords, TEST_ACTOR, text } from './portal-test-support'

let t: Awaited<ReturnType<typeof testApp>>
let records: ServiceItemRecord[]
before(async () => {
  t = await testApp('seeded')
  records = await publishedRecords(t.db)
})
after(() => t.close())

const get = async (path: string) => {
  const res = await t.app.request(path)
  return { res, html: await res.text() }
}

/** Every element present in the record shows up on its guide page. */
function assertEveryElement(html: string, r: ServiceItemRecord) {
  const page = text(html)
  const has = (s: string | undefined, what: string) => s !== undefined && assert.ok(page.includes(s), `guide shows ${what}: ${s}`)
  has(r.name, 'name')
  has(r.code, 'code')
  has(r.baseCode, 'baseCode')
  has(r.department.name, 'department')
  r.coDepartments?.forEach((d) => has(d.name, 'co-department'))
  has(r.description, 'description')
  has(r.conditions, 'conditions')
  for (const m of r.materials ?? []) {
    has(m.name, 'material name')
    has(m.notes, 'material notes')
    has(m.issuer, 'material issuer')
    if (m.licenseType) has(`可用电子证照免提交（${m.licenseType}）`, 'e-licence exemption')
    else if (m.sharedDataset) has(`数据共享免提交（${m.sharedDataset}）`, 'shared-data exemption')
  }
  for (const s of r.steps ?? []) {
    has(s.name, 'step')
    has(s.department, 'step department')
  }
  r.legalBasis?.forEach((b) => has(b, 'legal basis'))
  r.specialProcedures?.forEach((s) => has(s, 'special procedure'))
  r.intermediaryServices?.forEach((s) => has(s, 'intermediary service'))
  has(r.result?.name, 'result name')
  if (r.result?.validityYears) has(`${r.result.validityYears} 年`, 'validity')
  has(r.location, 'location')
  has(r.hours, 'hours')
  has(r.consultPhone, 'consult phone')
  has(r.complaintPhone, 'complaint phone')
  r.faqs?.forEach((f) => { has(f.q, 'faq q'); has(f.a, 'faq a') })
  if (r.statutoryDays) has(`${r.statutoryDays} 个工作日`, 'statutory days')
  if (r.promisedDays) has(`${r.promisedDays} 个工作日`, 'promised days')
  if (r.fee?.charged) { has(r.fee.standard, 'fee standard'); has(r.fee.basis, 'fee basis') }
  if (r.visitsRequired !== undefined) has(`${r.visitsRequired} 次`, 'visits')
  for (const label of ['基本信息', '事项类型', '实施主体', '服务对象', '办件类型', '通办范围', '网上办理深度', '办理形式', '是否收费', '特别程序', '中介服务']) {
    assert.ok(page.includes(label), `guide has the ${label} element`)
  }
}

test('a guide with parallel steps and licence-satisfied materials shows every element, stages and JSON-LD', async () => {
  const r = records.find((x) => hasParallelSteps(x) && x.materials?.some((m) => m.licenseType || m.sharedDataset))
  assert.ok(r, 'the seed has an item with parallel steps and exempt materials')
  const { res, html } = await get(`/services/${r.code}`)
  assert.equal(res.status, 200)
  assertPageHead(html, `http://localhost:3000/services/${r.code}`, r.name)
  assertEveryElement(html, r)
  assert.match(html, /并联办理（\d+ 个环节同时进行）/)
  assert.match(html, /href="\/apply\/[^"]+">在线申请</)
  assert.match(html, /<link rel="alternate" hreflang="en" href="http:\/\/localhost:3000\/services\/[^"?]+\?lang=en"/)

  const ld = JSON.parse(/<script type="application\/ld\+json"[^>]*>([^<]*)<\/script>/.exec(html)![1]!)
  assert.equal(ld['@type'], 'GovernmentService')
  assert.equal(ld.name, r.name)
  assert.equal(ld.url, `http://localhost:3000/services/${r.code}`)
  assert.equal(ld.provider['@type'], 'GovernmentOrganization')
  assert.equal(ld.provider.name, r.department.name)
  assert.ok(ld.provider.identifier, 'provider carries its credit code')
  assert.equal(ld.availableChannel['@type'], 'ServiceChannel')
  assert.ok(ld.areaServed.name)
  assert.ok(ld.audience.audienceType)
  // the JSON-LD script carries the CSP nonce of the response
  const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')![1]
  assert.ok(html.includes(`nonce="${nonce}"`))
})

test('every published guide in the seed renders its elements', async () => {
  for (const r of records) {
    const { res, html } = await get(`/services/${encodeURIComponent(r.code)}`)
    assert.equal(res.status, 200, r.code)
    assertEveryElement(html, r)
  }
})

test('unknown code is a 404 page in Chinese that says what to do next', async () => {
  const { res, html } = await get('/services/NO-SUCH-CODE')
  assert.equal(res.status, 404)
  assert.match(html, /<html lang="zh-CN"/)
  assert.ok(html.includes('页面不存在') && html.includes('NO-SUCH-CODE') && html.includes('12345'))
  assert.match(html, /<meta name="robots" content="noindex"/)
})

test('draft items are 404; suspended items show a banner and no apply action; apply redirects accordingly', async () => {
  const [a, b] = records.filter((x) => x.code !== records[0]!.code).slice(-2)
  await saveItem(t.db, { record: { ...a!, status: 'draft' }, actor: TEST_ACTOR })
  await saveItem(t.db, { record: { ...b!, status: 'suspended' }, actor: TEST_ACTOR })
  assert.equal((await get(`/services/${a!.code}`)).res.status, 404)
  assert.equal((await get(`/apply/${a!.code}`)).res.status, 404)

  const s = await get(`/services/${b!.code}`)
  assert.equal(s.res.status, 200)
  assert.ok(s.html.includes('该事项暂停办理'))
  assert.doesNotMatch(s.html, /href="\/apply\//)
  const apply = await t.app.request(`/apply/${b!.code}`)
  assert.equal(apply.status, 302)
  assert.equal(apply.headers.get('location'), `/services/${b!.code}`)

  await saveItem(t.db, { record: { ...b!, status: 'cancelled' }, actor: TEST_ACTOR })
  const c = await get(`/services/${b!.code}`)
  assert.ok(c.html.includes('该事项已取消'))
  assert.doesNotMatch(c.html, /href="\/apply\//)
})

test('apply online leads to the citizen sign-in; the guide names the account level the item needs', async () => {
  const r = records.find((x) => (x.onlineLevel ?? 0) >= 3)!
  const res = await t.app.request(`/apply/${r.code}`)
  assert.equal(res.status, 302)
  assert.equal(res.headers.get('location'), `/login?next=${encodeURIComponent(`/apply/${r.code}`)}`)

  const { res: lr, html } = await get(res.headers.get('location')!)
  assert.equal(lr.status, 200)
  assert.match(html, /<form method="post" action="\/login"/, 'a real sign-in form')
  assert.ok(html.includes(`name="next" value="/apply/${r.code}"`), 'returns to the application after sign-in')
  assertPageHead(html, 'http://localhost:3000/login', '登录')

  const plain = await get('/login?next=https://evil.example/')
  assert.equal(plain.res.status, 200)
  assert.ok(!plain.html.includes('evil.example'))

  const guide = text((await get(`/services/${r.code}`)).html)
  assert.ok(guide.includes('办理所需账号等级') && guide.includes('2 级 · 已实名（人口库核验）'), 'default level 2 shown')
  await t.db.updateTable('service_items').set({ min_trust_level: 3 }).where('code', '=', r.code).execute()
  assert.ok(text((await get(`/services/${r.code}`)).html).includes('3 级 · 已实名 + 第二因素'), 'the item’s own level')
  await t.db.updateTable('service_items').set({ min_trust_level: 2 }).where('code', '=', r.code).execute()
})

test('the guide prints well: print stylesheet hides navigation, search and buttons; print button needs JS', async () => {
  const css = await (await t.app.request('/assets/site.css')).text()
  const print = /@media print\{([\s\S]*)\}\s*$/.exec(css)?.[1] ?? ''
  for (const sel of ['.site-header', '.main-nav', '.site-footer', '.no-print', 'form']) assert.ok(print.includes(sel), `print hides ${sel}`)
  const { html } = await get(`/services/${records[0]!.code}`)
  assert.match(html, /<button type="button" class="button button-secondary" data-print="true" hidden="">/)
  assert.match(html, /class="actions no-print"/)
})
