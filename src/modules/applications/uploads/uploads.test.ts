import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { testApp } from '../../../../test/app'
import { citizenSession, createCitizen, type CitizenTestSession } from '../../../../test/citizens'
import { staffCookie, staffIn } from '../../../../test/exchange'
import { openUpload, openUploadForOwner, storeUpload } from '../index'
import { sanitiseFileName } from './upload-name'
import { BOUNDARY, fakeExe, filesUnder, HTML_PAGE, multipartBody, tinyJpeg, tinyPdf, tinyPng, type FormPart } from './upload-test-support'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const MIB = 1024 * 1024
const rows = async () => Number((await t.db.selectFrom('uploads').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
const audits = async (action: string) => t.db.selectFrom('audit_log').select(['actor_id', 'subject_id', 'details']).where('action', '=', action).execute()
async function* once(b: Buffer) {
  yield b
}
async function readAll(s: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const out: Buffer[] = []
  for await (const c of s) out.push(Buffer.from(c))
  return Buffer.concat(out)
}
/** Nothing stored: same rows, same files, and no temporary file in .incoming. */
async function assertNothingStored(rowsBefore: number, filesBefore: string[]) {
  assert.equal(await rows(), rowsBefore, 'no upload row')
  assert.deepEqual(await filesUnder(t.uploadDir), filesBefore, 'no blob and no temporary file left')
}

const postUpload = (s: Partial<CitizenTestSession>, parts: FormPart[], opts: { json?: boolean; csrfHeader?: boolean; headers?: Record<string, string> } = {}) =>
  t.app.request('/me/uploads', {
    method: 'POST',
    body: multipartBody(parts),
    headers: {
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      ...(s.cookie ? { cookie: s.cookie } : {}),
      ...(opts.json ? { accept: 'application/json' } : {}),
      ...(opts.csrfHeader && s.csrf ? { 'x-csrf-token': s.csrf } : {}),
      ...opts.headers,
    },
  })
const filePart = (filename: string, data: Buffer, type = 'application/octet-stream'): FormPart => ({ name: 'file', filename, data, type })

test('PDF, PNG and JPEG are accepted by content; the row, the blob and an audit entry without the file name', async () => {
  const owner = await createCitizen(t.db)
  for (const [name, data, mime] of [['张三 营业执照.pdf', tinyPdf(), 'application/pdf'], ['门头照片.PNG', tinyPng(1), 'image/png'], ['scan.jpeg', tinyJpeg(), 'image/jpeg']] as const) {
    const up = await storeUpload(t.deps, { owner: { citizenId: owner.id }, filename: name, body: once(data) })
    assert.deepEqual({ mime: up.mime, size: up.size, sha256: up.sha256, name: up.name }, { mime, size: data.length, sha256: sha(data), name })
    const row = await t.db.selectFrom('uploads').selectAll().where('id', '=', up.id).executeTakeFirstOrThrow()
    assert.equal(row.owner_citizen_id, owner.id)
    assert.equal(row.acting_enterprise_id, null)
    assert.equal(row.original_name, name)
    assert.equal(await t.deps.storage.exists(up.sha256), true)
    const opened = await openUploadForOwner(t.deps, up.id, { citizenId: owner.id })
    assert.ok((await readAll(opened.stream)).equals(data))
    const audit = (await audits('upload.stored')).find((a) => a.subject_id === up.id)
    assert.ok(audit, 'audited')
    assert.equal(audit.actor_id, owner.id)
    assert.equal(JSON.stringify(audit.details).includes(name.slice(0, 2)), false, 'no file name in the audit chain')
    assert.equal((audit.details as { sha256: string }).sha256, up.sha256)
  }
})

test('a name without an extension gets the right one; names are cleaned (paths, control and bidi characters, 200 chars)', async () => {
  const owner = await createCitizen(t.db)
  const up = await storeUpload(t.deps, { owner: { citizenId: owner.id }, filename: 'C:\\Users\\张三\\扫描件', body: once(tinyPdf('x')) })
  assert.equal(up.name, '扫描件.pdf')
  assert.equal(sanitiseFileName('../../etc/passwd'), 'passwd')
  assert.equal(sanitiseFileName('invoice\u202Efdp.exe'), 'invoicefdp.exe')
  assert.equal(sanitiseFileName('a\u0000b\r\nc.pdf'), 'abc.pdf')
  assert.equal(sanitiseFileName('...'), 'file')
  assert.equal(sanitiseFileName('  <x>:"y"?.png '), '_x___y__.png')
  const long = sanitiseFileName(`${'长'.repeat(300)}.pdf`)
  assert.equal(Array.from(long).length, 200)
  assert.ok(long.endsWith('.pdf'))
})

test('a PNG named .pdf, an .exe or HTML page named .pdf, an empty file: refused with a clear message, nothing stored', async () => {
  const owner = await createCitizen(t.db)
  const r0 = await rows()
  const f0 = await filesUnder(t.uploadDir)
  const store = (filename: string, data: Buffer, declaredType?: string) => storeUpload(t.deps, { owner: { citizenId: owner.id }, filename, declaredType, body: once(data) })
  await assert.rejects(store('身份证.pdf', tinyPng(2)), (e: Error & { code?: string; status?: number }) => {
    assert.equal(e.code, 'upload_type_mismatch')
    assert.equal(e.status, 415)
    assert.match(e.message, /文件名是“\.pdf”，内容却是 PNG 文件.*“\.png”/)
    return true
  })
  await assert.rejects(store('scan.jpg', tinyPdf()), { code: 'upload_type_mismatch' })
  await assert.rejects(store('report.docx', tinyPdf()), { code: 'upload_type_mismatch' }, 'a PDF named .docx')
  await assert.rejects(store('noext', tinyPng(3), 'application/pdf'), { code: 'upload_type_mismatch' }, 'declared type disagrees with the content')
  await assert.rejects(store('合同.pdf', fakeExe()), (e: Error & { code?: string }) => {
    assert.equal(e.code, 'upload_type_unsupported')
    assert.equal(e.message.startsWith('文件类型不支持：只能上传 PDF、JPG 或 PNG 格式的文件，请转换后重新上传。'), true)
    return true
  })
  await assert.rejects(store('合同.pdf', HTML_PAGE), { code: 'upload_type_unsupported' })
  await assert.rejects(store('notes.pdf', Buffer.from('just some text, not a PDF at all')), { code: 'upload_type_unsupported' })
  await assert.rejects(store('空.pdf', Buffer.alloc(0)), { code: 'upload_empty', status: 400 })
  await assertNothingStored(r0, f0)
})

test('over the limit: refused while streaming (413), the source cancelled, no blob and no temporary file', async () => {
  const owner = await createCitizen(t.db)
  const r0 = await rows()
  const f0 = await filesUnder(t.uploadDir)
  let pulled = 0
  async function* big() {
    yield tinyPdf()
    for (;;) {
      pulled += 64 * 1024
      yield Buffer.alloc(64 * 1024, 32)
    }
  }
  await assert.rejects(storeUpload(t.deps, { owner: { citizenId: owner.id }, filename: 'big.pdf', body: big(), maxBytes: MIB }), (e: Error & { code?: string; status?: number }) => {
    assert.equal(e.code, 'upload_too_large')
    assert.equal(e.status, 413)
    assert.match(e.message, /不能超过 1 MB/)
    return true
  })
  assert.ok(pulled <= MIB + 64 * 1024, `read ${pulled} bytes of an endless source`)
  // Exactly at the limit is fine.
  const exact = Buffer.concat([tinyPdf(), Buffer.alloc(2048 - tinyPdf().length, 10)])
  const ok = await storeUpload(t.deps, { owner: { citizenId: owner.id }, filename: 'exact.pdf', body: once(exact), maxBytes: 2048 })
  assert.equal(ok.size, 2048)
  await assert.rejects(storeUpload(t.deps, { owner: { citizenId: owner.id }, filename: 'one-more.pdf', body: once(Buffer.concat([exact, Buffer.from('x')])), maxBytes: 2048 }), { code: 'upload_too_large' })
  assert.equal(await rows(), r0 + 1)
  assert.equal((await filesUnder(t.uploadDir)).filter((f) => !f0.includes(f)).length, 1, 'only the accepted blob')
})

test('the same content twice: one blob, two upload rows', async () => {
  const a = await createCitizen(t.db)
  const b = await createCitizen(t.db)
  const data = tinyPng(77)
  const one = await storeUpload(t.deps, { owner: { citizenId: a.id }, filename: 'a.png', body: once(data) })
  const two = await storeUpload(t.deps, { owner: { citizenId: b.id }, filename: 'b.png', body: once(data) })
  assert.notEqual(one.id, two.id)
  assert.equal(one.sha256, two.sha256)
  assert.equal((await filesUnder(t.uploadDir)).filter((f) => f.endsWith(one.sha256)).length, 1)
  assert.equal((await t.db.selectFrom('uploads').select('id').where('sha256', '=', one.sha256).execute()).length, 2)
  // openUpload (the cases module checks its officers itself) opens any upload; openUploadForOwner only the owner's.
  const any = await openUpload(t.deps, one.id)
  any.stream.destroy()
  assert.equal(any.name, 'a.png')
  await assert.rejects(openUploadForOwner(t.deps, one.id, { citizenId: b.id }), { status: 404 })
  await assert.rejects(openUpload(t.deps, 'not-a-uuid'), { status: 404 })
})

test('POST /me/uploads by fetch (X-CSRF-Token, Accept JSON) → 201 {id,name,size,mime}; GET streams it to the owner with safe headers', async () => {
  const owner = await createCitizen(t.db)
  const s = await citizenSession(t.app, t.db, owner.id)
  const data = tinyPdf('fetch')
  const res = await postUpload(s, [filePart('营业执照 "副本".pdf', data, 'application/pdf')], { json: true, csrfHeader: true })
  assert.equal(res.status, 201)
  const body = (await res.json()) as { id: string; name: string; size: number; mime: string }
  assert.deepEqual({ name: body.name, size: body.size, mime: body.mime }, { name: '营业执照 _副本_.pdf', size: data.length, mime: 'application/pdf' })

  const got = await t.app.request(`/me/uploads/${body.id}`, { headers: { cookie: s.cookie } })
  assert.equal(got.status, 200)
  assert.equal(got.headers.get('content-type'), 'application/pdf')
  assert.equal(got.headers.get('content-length'), String(data.length))
  assert.equal(got.headers.get('x-content-type-options'), 'nosniff')
  assert.match(got.headers.get('content-security-policy') ?? '', /^sandbox;.*default-src 'none'/)
  assert.equal(got.headers.get('content-disposition'), `inline; filename="____ ____.pdf"; filename*=UTF-8''${encodeURIComponent('营业执照 _副本_.pdf')}`)
  assert.match(got.headers.get('cache-control') ?? '', /no-store/)
  assert.ok(Buffer.from(await got.arrayBuffer()).equals(data))
  const dl = await t.app.request(`/me/uploads/${body.id}?download=1`, { headers: { cookie: s.cookie } })
  assert.match(dl.headers.get('content-disposition') ?? '', /^attachment;/)
  await dl.arrayBuffer()
})

test('POST /me/uploads as a plain form (_csrf field first) redirects back with ?upload=<id>; only same-site return paths', async () => {
  const owner = await createCitizen(t.db)
  const s = await citizenSession(t.app, t.db, owner.id)
  const res = await postUpload(s, [{ name: '_csrf', value: s.csrf }, { name: 'return', value: '/apply/ABC/materials#m1' }, filePart('photo.png', tinyPng(5), 'image/png')])
  assert.equal(res.status, 303)
  const m = /^\/apply\/ABC\/materials\?upload=([0-9a-f-]{36})#m1$/.exec(res.headers.get('location') ?? '')
  assert.ok(m, res.headers.get('location') ?? '')
  const row = await t.db.selectFrom('uploads').select(['owner_citizen_id', 'mime']).where('id', '=', m[1]!).executeTakeFirstOrThrow()
  assert.deepEqual(row, { owner_citizen_id: owner.id, mime: 'image/png' })

  const evil = await postUpload(s, [{ name: '_csrf', value: s.csrf }, { name: 'return', value: '//evil.example/x' }, filePart('photo.png', tinyPng(6))])
  assert.match(evil.headers.get('location') ?? '', /^\/account\?upload=/)
  const viaReferer = await postUpload(s, [{ name: '_csrf', value: s.csrf }, filePart('p.png', tinyPng(7))], { headers: { referer: 'http://localhost:3000/me/materials?x=1' } })
  assert.match(viaReferer.headers.get('location') ?? '', /^\/me\/materials\?x=1&upload=/)
  const foreignReferer = await postUpload(s, [{ name: '_csrf', value: s.csrf }, filePart('p.png', tinyPng(8))], { headers: { referer: 'https://evil.example/me/x' } })
  assert.match(foreignReferer.headers.get('location') ?? '', /^\/account\?upload=/)
})

test('POST /me/uploads refusals: no CSRF → 403, token after the file → 403, not signed in → 403, wrong type → 415 problem+json, no file → 400; nothing stored', async () => {
  const owner = await createCitizen(t.db)
  const s = await citizenSession(t.app, t.db, owner.id)
  const r0 = await rows()
  const f0 = await filesUnder(t.uploadDir)
  assert.equal((await postUpload(s, [filePart('a.pdf', tinyPdf())])).status, 403)
  assert.equal((await postUpload(s, [{ name: '_csrf', value: 'x'.repeat(43) }, filePart('a.pdf', tinyPdf())])).status, 403)
  assert.equal((await postUpload(s, [filePart('a.pdf', tinyPdf()), { name: '_csrf', value: s.csrf }])).status, 403)
  assert.equal((await postUpload({ csrf: s.csrf }, [{ name: '_csrf', value: s.csrf }, filePart('a.pdf', tinyPdf())])).status, 403)
  const staff = await staffCookie(t.db, (await staffIn(t.db, 'upl-staff-post', ['admin'], null)).id)
  assert.equal((await postUpload(staff, [{ name: '_csrf', value: staff.csrf }, filePart('a.pdf', tinyPdf())])).status, 403, 'a staff session is not a citizen session')

  const wrong = await postUpload(s, [filePart('身份证.pdf', tinyPng(9), 'application/pdf')], { json: true, csrfHeader: true })
  assert.equal(wrong.status, 415)
  assert.equal(wrong.headers.get('content-type'), 'application/problem+json')
  const p = (await wrong.json()) as { code: string; title: string }
  assert.equal(p.code, 'upload_type_mismatch')
  const html = await postUpload(s, [{ name: '_csrf', value: s.csrf }, filePart('病历.pdf', HTML_PAGE, 'application/pdf')])
  assert.equal(html.status, 415)
  assert.match(await html.text(), /文件类型不支持：只能上传 PDF、JPG 或 PNG 格式的文件/)
  const none = await postUpload(s, [{ name: '_csrf', value: s.csrf }, filePart('', Buffer.alloc(0))], { json: true })
  assert.equal(none.status, 400)
  assert.equal(((await none.json()) as { code: string }).code, 'upload_missing')
  const empty = await postUpload(s, [filePart('empty.pdf', Buffer.alloc(0))], { json: true, csrfHeader: true })
  assert.equal(((await empty.json()) as { code: string }).code, 'upload_empty')
  const notMultipart = await t.app.request('/me/uploads', { method: 'POST', body: 'a=b', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/x-www-form-urlencoded' } })
  assert.equal(notMultipart.status, 400)
  const truncated = multipartBody([filePart('a.pdf', Buffer.concat([tinyPdf(), Buffer.alloc(50_000)]))]).subarray(0, 30_000)
  const cut = await t.app.request('/me/uploads', { method: 'POST', body: truncated, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } })
  assert.equal(cut.status, 400, 'a truncated upload is not stored as a shorter file')
  await assertNothingStored(r0, f0)
})

test('a Content-Length over the limit is refused (413) before a byte is read', async () => {
  const owner = await createCitizen(t.db)
  const s = await citizenSession(t.app, t.db, owner.id)
  let pulled = 0
  const body = new ReadableStream<Uint8Array>({
    pull(ctl) {
      pulled++
      ctl.enqueue(new Uint8Array(64 * 1024))
    },
  })
  const res = await t.app.request('/me/uploads', {
    method: 'POST',
    body,
    duplex: 'half',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(50 * MIB) },
  } as RequestInit)
  assert.equal(res.status, 413)
  assert.match(await res.text(), /文件太大：每个文件不能超过 10 MB/)
  assert.ok(pulled <= 1, `pulled ${pulled} chunks`)
  await body.cancel().catch(() => {})
})

test('streaming: a 50 MB body without Content-Length, limit 10 MB, is cut off at the limit — 413, temp file gone, nothing kept', async () => {
  const owner = await createCitizen(t.db)
  const s = await citizenSession(t.app, t.db, owner.id)
  const r0 = await rows()
  const f0 = await filesUnder(t.uploadDir)
  const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\nContent-Type: application/pdf\r\n\r\n`)
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`)
  const total = 50 * MIB
  let sent = 0
  let peakIncoming = 0
  const chunk = Buffer.alloc(256 * 1024, 0x20)
  const body = new ReadableStream<Uint8Array>({
    async pull(ctl) {
      if (sent === 0) {
        ctl.enqueue(new Uint8Array(Buffer.concat([head, tinyPdf()])))
        sent += head.length + tinyPdf().length
        return
      }
      // While the upload streams, at most one partial file sits in .incoming and it never exceeds the limit.
      for (const f of await filesUnder(t.uploadDir).catch(() => [])) if (f.startsWith('.incoming')) peakIncoming = Math.max(peakIncoming, 1)
      if (sent >= total) {
        ctl.enqueue(new Uint8Array(tail))
        ctl.close()
        return
      }
      sent += chunk.length
      ctl.enqueue(new Uint8Array(chunk))
    },
  })
  const heapBefore = process.memoryUsage().heapUsed
  const res = await t.app.request('/me/uploads', {
    method: 'POST',
    body,
    duplex: 'half',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, accept: 'application/json', 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  } as RequestInit)
  assert.equal(res.status, 413)
  assert.equal(((await res.json()) as { code: string }).code, 'upload_too_large')
  assert.ok(sent < 12 * MIB, `the server read ${Math.round(sent / MIB)} MB of a 50 MB body before stopping`)
  assert.equal(peakIncoming, 1, 'the file streamed to a temporary file')
  assert.ok(process.memoryUsage().heapUsed - heapBefore < 40 * MIB, 'the body was not held in memory')
  await assertNothingStored(r0, f0)
})

test('GET /me/uploads/:id: citizen B and unknown ids get 404, staff and anonymous get the sign-in page — never the file', async () => {
  const a = await createCitizen(t.db)
  const b = await createCitizen(t.db)
  const up = await storeUpload(t.deps, { owner: { citizenId: a.id }, filename: 'a.png', body: once(tinyPng(11)) })
  const sb = await citizenSession(t.app, t.db, b.id)
  const asB = await t.app.request(`/me/uploads/${up.id}`, { headers: { cookie: sb.cookie } })
  assert.equal(asB.status, 404)
  const unknown = await t.app.request(`/me/uploads/00000000-0000-7000-8000-000000000000`, { headers: { cookie: sb.cookie } })
  assert.equal(unknown.status, 404)
  assert.equal((await asB.text()).replaceAll(up.id, 'ID'), (await unknown.text()).replaceAll('00000000-0000-7000-8000-000000000000', 'ID'), 'the same answer whether or not the file exists')
  assert.equal((await t.app.request('/me/uploads/not-a-uuid', { headers: { cookie: sb.cookie } })).status, 404)
  const staff = await staffCookie(t.db, (await staffIn(t.db, 'upl-staff', ['admin'], null)).id)
  const asStaff = await t.app.request(`/me/uploads/${up.id}`, { headers: { cookie: staff.cookie } })
  assert.equal(asStaff.status, 303)
  assert.match(asStaff.headers.get('location') ?? '', /^\/login\?next=/)
  assert.equal((await t.app.request(`/me/uploads/${up.id}`)).status, 303)
})
