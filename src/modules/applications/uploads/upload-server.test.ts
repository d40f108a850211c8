import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import { servedApp } from '../../../../test/served-app'
import { citizenSession, createCitizen, type CitizenTestSession } from '../../../../test/citizens'
import { BOUNDARY, filesUnder, tinyPdf } from './upload-test-support'

/**
 * Over a real socket (@hono/node-server): a client that keeps sending a 50 MB file gets a readable 413 — with or
 * without Content-Length — and the server neither stores nor keeps anything.
 */
let sv: Awaited<ReturnType<typeof servedApp>>
let s: CitizenTestSession
before(async () => {
  sv = await servedApp('migrated')
  s = await citizenSession(null, sv.t.db, (await createCitizen(sv.t.db)).id)
})
after(() => sv.close())

const MIB = 1024 * 1024

function sendHuge(headers: Record<string, string>, total: number) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    let sent = 0
    const req = http.request(`${sv.base}/me/uploads`, { method: 'POST', headers })
    req.on('response', (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
    req.on('error', reject)
    req.write(Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\n\r\n`), tinyPdf()]))
    const chunk = Buffer.alloc(256 * 1024, 0x20)
    const pump = () => {
      while (sent < total) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      req.end()
    }
    pump()
  })
}

for (const [label, extra] of [['Content-Length', { 'content-length': String(50 * MIB) }], ['chunked', { 'transfer-encoding': 'chunked' }]] as const) {
  test(`a 50 MB upload (${label}) over HTTP: the client reads 413 upload_too_large; nothing kept`, async () => {
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf, accept: 'application/json', 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...extra }
    const res = await sendHuge(headers, 50 * MIB)
    assert.equal(res.status, 413)
    assert.equal((JSON.parse(res.body) as { code: string }).code, 'upload_too_large')
    assert.deepEqual(await filesUnder(sv.t.uploadDir), [])
    assert.equal((await sv.t.db.selectFrom('uploads').select('id').execute()).length, 0)
  })
}
