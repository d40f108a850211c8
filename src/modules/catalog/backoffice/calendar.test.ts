import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { testApp } from '../../../../test/app'
import { createStaff, postForm, signIn, type Session } from '../../../../test/staff'

/**
 * The working-day calendar over HTTP: the open API (acceptance example, provisional ranges, bad parameters as
 * problem+json) and /admin/calendar (admins only, CSRF, per-line problems with nothing changed, add and replace).
 */
type App = Awaited<ReturnType<typeof testApp>>

describe('working-day calendar API and /admin/calendar', () => {
  let t: App
  let admin: Session
  let officer: Session
  before(async () => {
    t = await testApp('migrated')
    await createStaff(t.db, 'cal-admin', ['admin'])
    await createStaff(t.db, 'cal-editor', ['catalog_editor'])
    admin = await signIn(t.app, 'cal-admin', undefined, '/admin/calendar')
    officer = await signIn(t.app, 'cal-editor')
  })
  after(() => t.close())

  const state = async () => {
    const days = await sql<{ s: string }>`select coalesce(string_agg(day::text || kind || coalesce(name, ''), ',' order by day), '') as s from calendar_days`.execute(t.db)
    const years = await sql<{ s: string }>`select string_agg(year || source || revision, ',' order by year) as s from calendar_years`.execute(t.db)
    return `${days.rows[0]!.s}|${years.rows[0]!.s}`
  }
  const api = async (path: string) => {
    const r = await t.app.request(path)
    return { status: r.status, type: r.headers.get('content-type') ?? '', body: (await r.json()) as Record<string, any> }
  }

  it('GET /api/v1/calendar/working-days?from=2025-09-30&days=20 → due 2025-11-04', async () => {
    const r = await api('/api/v1/calendar/working-days?from=2025-09-30&days=20')
    assert.equal(r.status, 200)
    assert.deepEqual(r.body, { from: '2025-09-30', days: 20, due: '2025-11-04' })
    assert.deepEqual((await api('/api/v1/calendar/working-days?from=2025-10-03&days=0')).body, { from: '2025-10-03', days: 0, due: '2025-10-03' })
  })

  it('provisional: true only when the counted days leave the years with data', async () => {
    assert.equal((await api('/api/v1/calendar/working-days?from=2026-12-01&days=10')).body['provisional'], undefined)
    const out = await api('/api/v1/calendar/working-days?from=2026-12-25&days=10')
    assert.deepEqual(out.body, { from: '2026-12-25', days: 10, due: '2027-01-08', provisional: true })
    assert.equal((await api('/api/v1/calendar/working-days?from=2023-12-31&days=1')).body['provisional'], undefined, 'the start day itself is not counted')
    assert.equal((await api('/api/v1/calendar/working-days?from=2023-12-29&days=0')).body['provisional'], true)
  })

  it('bad parameters → 400 problem+json naming each one', async () => {
    for (const [q, field] of [
      ['from=2025-02-30&days=1', 'from'],
      ['from=2025-9-30&days=1', 'from'],
      ['days=1', 'from'],
      ['from=2025-09-30&days=-1', 'days'],
      ['from=2025-09-30&days=1.5', 'days'],
      ['from=2025-09-30&days=3651', 'days'],
      ['from=2025-09-30&days=', 'days'],
      ['from=2025-09-30', 'days'],
    ] as const) {
      const r = await api(`/api/v1/calendar/working-days?${q}`)
      assert.equal(r.status, 400, q)
      assert.match(r.type, /application\/problem\+json/, q)
      assert.equal(r.body['code'], 'invalid_parameter', q)
      assert.ok((r.body['errors'] as { field: string }[]).some((e) => e.field === field), `${q}: ${JSON.stringify(r.body)}`)
    }
    const late = await api('/api/v1/calendar/working-days?from=2999-12-01&days=3650')
    assert.equal(late.status, 400)
    assert.equal(late.body['errors'][0].field, 'days')
    assert.equal((await api('/api/v1/calendar/holidays?year=25')).status, 400)
    assert.equal((await api('/api/v1/calendar/holidays')).status, 400)
  })

  it('GET /api/v1/calendar/holidays?year=2025 lists the holidays and make-up days with the source', async () => {
    const r = await api('/api/v1/calendar/holidays?year=2025')
    assert.equal(r.status, 200)
    assert.equal(r.body['covered'], true)
    assert.match(r.body['source'], /国办发明电〔2024〕12号/)
    const entries = r.body['entries'] as { day: string; kind: string; name: string | null }[]
    assert.deepEqual(entries.find((e) => e.day === '2025-09-28'), { day: '2025-09-28', kind: 'workday', name: '国庆节、中秋节调休上班' })
    assert.equal(entries.filter((e) => e.kind === 'holiday').length, 28)
    assert.deepEqual((await api('/api/v1/calendar/holidays?year=2030')).body, { year: 2030, covered: false, source: null, entries: [] })
  })

  it('the routes are in the OpenAPI document', async () => {
    const doc = (await api('/api/openapi.json')).body
    assert.ok(doc['paths']['/api/v1/calendar/working-days'])
    assert.ok(doc['paths']['/api/v1/calendar/holidays'])
  })

  it('/admin/calendar: anonymous → sign-in; a non-admin → 403; POST without CSRF → 403; nothing changed', async () => {
    const before = await state()
    const anon = await t.app.request('/admin/calendar')
    assert.equal(anon.status, 303)
    assert.equal(anon.headers.get('location'), '/admin/login?next=%2Fadmin%2Fcalendar')
    assert.equal((await t.app.request('/admin/calendar', { headers: { cookie: officer.cookie } })).status, 403)
    const fields = { year: '2027', source: '测试', lines: '2027-01-01,holiday,元旦' }
    assert.equal((await postForm(t.app, '/admin/calendar', {}, fields)).status, 403)
    assert.equal((await postForm(t.app, '/admin/calendar', officer, fields)).status, 403)
    assert.equal((await postForm(t.app, '/admin/calendar', admin, fields, false)).status, 403)
    assert.equal(await state(), before)
  })

  it('the page lists each year with its source, counts and days, and the form carries the CSRF token', async () => {
    const res = await t.app.request('/admin/calendar', { headers: { cookie: admin.cookie } })
    assert.equal(res.status, 200)
    const html = await res.text()
    assert.match(html, /<td>2025<\/td><td>28<\/td><td>5<\/td><td>国务院办公厅关于2025年部分节假日安排的通知/)
    assert.match(html, /<td>2025-09-28<\/td><td>周日<\/td><td>调休上班<\/td>/)
    assert.match(html, /name="_csrf" value="[^"]+"/)
    assert.match(html, /href="\/admin\/calendar"/, 'in the back-office navigation')
  })

  it('bad lines → 400, every problem by line with what to do, nothing changed', async () => {
    const before = await state()
    const lines = ['2027-01-01,holiday,元旦', '2027-02-30,holiday,春节', '2027-10-08,workday,国庆节调休上班', '2027-01-01,holiday,again', 'nonsense', '2026-12-31,holiday,跨年'].join('\n')
    const r = await postForm(t.app, '/admin/calendar', admin, { year: '2027', source: '测试通知', lines })
    assert.equal(r.status, 400)
    const html = await r.text()
    assert.match(html, /存在以下问题/)
    assert.match(html, /href="#lines"/)
    for (const line of [2, 3, 4, 5, 6]) assert.match(html, new RegExp(`<tr><td>${line}</td>`), `line ${line} listed`)
    assert.doesNotMatch(html, /<tr><td>1<\/td>/, 'line 1 is fine')
    assert.match(html, /2027-10-08 是星期五，本来就是工作日；调休上班日只能是周六或周日/)
    assert.match(html, /与第1行重复/)
    assert.match(html, /2027-01-01,holiday,元旦\n2027-02-30/, 'the pasted text is kept')
    const noYear = await postForm(t.app, '/admin/calendar', admin, { year: '', source: '', lines: '2027-01-01,holiday,元旦' })
    assert.equal(noYear.status, 400)
    const h2 = await noYear.text()
    assert.match(h2, /href="#year"/)
    assert.match(h2, /href="#source"/)
    assert.equal(await state(), before)
  })

  it('an admin adds 2027, the API uses it at once; replacing needs the box ticked; a JSON upload works too', async () => {
    const lines = '# 2027 测试\n2027-01-01,holiday,元旦\n2027-10-01,holiday,国庆节\n2027-10-09,workday,国庆节调休上班\n'
    const r = await postForm(t.app, '/admin/calendar', admin, { year: '2027', source: '测试用通知（2027）', lines })
    assert.equal(r.status, 303)
    assert.equal(r.headers.get('location'), '/admin/calendar?done=2027-added')
    const page = await (await t.app.request('/admin/calendar?done=2027-added', { headers: { cookie: admin.cookie } })).text()
    assert.match(page, /已添加2027年的工作日历/)
    assert.deepEqual((await api('/api/v1/calendar/working-days?from=2027-09-30&days=1')).body, { from: '2027-09-30', days: 1, due: '2027-10-04' })
    const audit = await t.db.selectFrom('audit_log').select(['actor_type', 'actor_name', 'subject_id']).where('action', '=', 'calendar.year.added').executeTakeFirstOrThrow()
    assert.deepEqual(audit, { actor_type: 'staff', actor_name: '测试cal-admin', subject_id: '2027' })

    const before = await state()
    const again = await postForm(t.app, '/admin/calendar', admin, { year: '2027', source: '更正', lines: '2027-01-01,holiday,元旦' })
    assert.equal(again.status, 400)
    assert.match(await again.text(), /href="#replace"[\s\S]*勾选/)
    assert.equal(await state(), before)

    const fd = new FormData()
    fd.set('_csrf', admin.csrf)
    fd.set('replace', '1')
    fd.set('file', new File([JSON.stringify({ year: 2027, source: '上传的通知', entries: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }, { day: '2027-10-01', kind: 'holiday', name: '国庆节' }] })], '2027.json'))
    const up = await t.app.request('/admin/calendar', { method: 'POST', body: fd, headers: { cookie: admin.cookie } })
    assert.equal(up.status, 303)
    assert.equal(up.headers.get('location'), '/admin/calendar?done=2027-replaced')
    const h = await api('/api/v1/calendar/holidays?year=2027')
    assert.equal(h.body['source'], '上传的通知')
    assert.equal(h.body['entries'].length, 2)

    const badJson = new FormData()
    badJson.set('_csrf', admin.csrf)
    badJson.set('file', new File(['{not json'], 'x.json'))
    const bad = await t.app.request('/admin/calendar', { method: 'POST', body: badJson, headers: { cookie: admin.cookie } })
    assert.equal(bad.status, 400)
    assert.match(await bad.text(), /href="#file"[\s\S]*不是有效的 JSON/)
  })
})
