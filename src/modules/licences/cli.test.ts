import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { testApp } from '../../../test/app'
import { asStaff, caseCrew, type CaseCrew } from '../../../test/cases'
import { issuedFoodLicence } from '../../../test/licences'
import { createScratchDatabase, dropScratchDatabase } from '../../../test/db'
import { parseConfig } from '../../platform/config'
import { openDatabase } from '../../platform/database'
import { uuidv7 } from '../../platform/ids'
import { addDataIntegrityProof, encodeCompactPayload, decodeCompactPayload } from './crypto'
import { activeKey, licencePdf, licenceVc, revokeLicence } from './index'
import { keysFromSet, licenceCommand, verdictLine, verifyAnyOffline } from './cli'
import { VERIFICATION_CACHE } from './web/verification-cache'
import { shanghaiDate } from '../../platform/calendar/working-calendar'

/**
 * `yiwang licence …` in a child process. verify runs OFFLINE with only a key-set file (no database in the child);
 * the licences, key set, VC, signed JSON and PDF come from an in-process app on a test database. --online asks that
 * app over real HTTP. keys rotate / expire run against an empty store of their own (PGlite dir, or a scratch
 * PostgreSQL database when DATABASE_URL is set).
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const serverUrl = parseConfig().databaseUrl
const today = () => shanghaiDate(new Date())

describe('yiwang licence', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'yiwang-licence-cli-'))
  const dbName = `yiwang_liccli_${randomBytes(4).toString('hex')}`
  let databaseUrl: string | undefined
  let t: Awaited<ReturnType<typeof testApp>>
  let crew: CaseCrew
  let server: ReturnType<typeof serve>
  let base = ''
  const keysFile = join(tmp, 'keys.json')

  const yiwang = (...args: string[]): Promise<{ code: number | null; out: string; err: string }> => {
    const env: NodeJS.ProcessEnv = { ...process.env, YIWANG_DATA_DIR: join(tmp, 'data'), LOG_LEVEL: 'warn', NODE_ENV: 'test' }
    delete env.DATABASE_URL
    if (databaseUrl) env.DATABASE_URL = databaseUrl
    // Asynchronous: the --online check calls back into this process's HTTP server.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'licence', ...args], { cwd: ROOT, env })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })))
  }
  const file = (name: string, content: string | Buffer) => {
    const p = join(tmp, name)
    writeFileSync(p, content)
    return p
  }
  const refreshKeys = async () => writeFileSync(keysFile, await (await t.app.request('/.well-known/yiwang-licence-keys.json')).text())

  before(async () => {
    t = await testApp('seeded')
    VERIFICATION_CACHE.ttlMs = 0 // --online right after a revocation must see it
    crew = await caseCrew(t.db, 'lcli')
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((r) => server.once('listening', r))
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
    if (serverUrl) databaseUrl = await createScratchDatabase(serverUrl, dbName)
  })
  after(async () => {
    server?.close()
    await t?.close()
    rmSync(tmp, { recursive: true, force: true })
    if (serverUrl) await dropScratchDatabase(serverUrl, dbName)
  })

  it('verify offline: payload, URL, VC, signed JSON and PDF are VALID with exit 0 and masked holder; --online reads the status', async () => {
    const { licence } = await issuedFoodLicence(t.deps, crew, { holderName: '顾晓明' })
    await refreshKeys()
    const row = await t.db.selectFrom('licences').selectAll().where('id', '=', licence.id).executeTakeFirstOrThrow()
    const vc = file('licence.vc.json', JSON.stringify(await licenceVc(t.db, t.deps.secrets, row, { publicUrl: 'http://localhost:3000' })))
    const signed = file('licence.signed.json', JSON.stringify({ signedJson: row.signed_json, signature: row.signature }))
    const pdfBytes = await licencePdf(t.db, row, { publicUrl: 'http://localhost:3000' })
    const pdf = file('licence.pdf', pdfBytes)
    assert.match(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), /Keywords:\s+http:\/\/localhost:3000\/licences\/verify\?p=YWL1\./, 'the PDF carries the QR text in its Keywords')

    const keys = keysFromSet(JSON.parse(readFileSync(keysFile, 'utf8')))
    for (const input of [licence.compact_payload, `http://localhost:3000/licences/verify?p=${licence.compact_payload}`, vc, signed, pdf]) {
      const r = verifyAnyOffline(input, keys, today())
      assert.equal(r.status, 'valid', `${input.slice(-40)}: ${r.reason}`)
      assert.equal(r.identifier, licence.identifier)
    }
    // Each spawn pays tsx start-up: the real command for the QR text and for the PDF file.
    for (const input of [licence.compact_payload, pdf]) {
      const r = await yiwang('verify', input, '--keys', keysFile)
      assert.equal(r.code, 0, `${input.slice(-40)}: ${r.out}${r.err}`)
      assert.match(r.out, /^VALID 有效 — /, input.slice(-40))
      assert.ok(r.out.includes(licence.number))
      assert.match(r.out, /持证主体代码 Holder ID: \d{3}\*{13}[\dX]{2}/)
      assert.ok(!r.out.includes(licence.holder_code), 'never the full 身份证号')
      assert.match(r.out, /状态需联网核验 online status not checked/)
    }
    // The key set straight from the URL, and --online: revoked → REVOKED, exit 4, with the reason.
    const online = await yiwang('verify', licence.compact_payload, '--keys', `${base}/.well-known/yiwang-licence-keys.json`, '--online', base)
    assert.equal(online.code, 0, online.out + online.err)
    assert.match(online.out, /联网核验 Online status: valid/)
    await revokeLicence({ db: t.db, secrets: t.deps.secrets }, { licenceId: licence.id, staff: asStaff(crew.cityOfficer), reason: '以欺骗手段取得许可' })
    const revoked = await yiwang('verify', pdf, '--keys', keysFile, '--online', base)
    assert.equal(revoked.code, 4, revoked.out + revoked.err)
    assert.match(revoked.out, /^REVOKED 已撤销/)
    assert.match(revoked.out, /以欺骗手段取得许可/)
    assert.equal(verifyAnyOffline(pdf, keys, today()).status, 'valid', 'offline cannot know about the revocation (the command says 状态需联网核验)')
  })

  it('verify: changed, truncated, foreign-key and expired inputs → TAMPERED/INVALID exit 2, EXPIRED exit 3; usage errors exit 1', async () => {
    const { licence } = await issuedFoodLicence(t.deps, crew)
    const row = await t.db.selectFrom('licences').selectAll().where('id', '=', licence.id).executeTakeFirstOrThrow()
    const other = await t.db.transaction().execute((tx) => activeKey(tx, t.deps.secrets, crew.outsider.departmentId!))
    await refreshKeys()
    const p = licence.compact_payload
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1)
    const claims = decodeCompactPayload(p)!.claims
    const vcDoc = (await licenceVc(t.db, t.deps.secrets, row, { publicUrl: 'http://localhost:3000' })) as any
    const changedVc = structuredClone(vcDoc)
    changedVc.credentialSubject.licence.face['经营场所'] = '别处'
    const { proof: _proof, ...unsigned } = vcDoc
    const foreignVc = addDataIntegrityProof(unsigned, { algorithm: other.algorithm, privateKey: other.privateKey, verificationMethod: `http://localhost:3000/licences/keys/${other.kid}`, created: '2026-01-01T00:00:00Z' })
    const cases: [string, number, RegExp][] = [
      [flip(p, p.length - 3), 2, /^TAMPERED 已被篡改/],
      [p.slice(0, -6), 2, /^(INVALID|TAMPERED)/],
      ['YWL1.nope', 2, /^INVALID 无效/],
      ['hello world', 2, /^INVALID 无效/],
      [encodeCompactPayload(claims, other), 2, /^TAMPERED .*另一|^TAMPERED/],
      [file('changed.vc.json', JSON.stringify(changedVc)), 2, /^TAMPERED/],
      [file('foreign.vc.json', JSON.stringify(foreignVc)), 2, /^TAMPERED/],
      [file('signed-changed.json', JSON.stringify({ signedJson: row.signed_json.replace(licence.number, licence.number.slice(0, -1) + '9'), signature: row.signature })), 2, /^TAMPERED/],
      [file('not-licence.json', '{"hello":"world"}'), 2, /^INVALID/],
      [file('not-licence.pdf', '%PDF-1.7\n%nothing here\n'), 2, /^INVALID .*PDF/],
      [encodeCompactPayload({ ...claims, nb: '2019-01-01', na: '2020-12-31' }, await t.db.transaction().execute((tx) => activeKey(tx, t.deps.secrets, row.issuer_department_id))), 3, /^EXPIRED 已过期 — 有效期至 2020-12-31/],
    ]
    const keys = keysFromSet(JSON.parse(readFileSync(keysFile, 'utf8')))
    for (const [input, code, verdict] of cases) {
      const r = verifyAnyOffline(input, keys, today())
      assert.equal(code === 3 ? r.status === 'expired' : ['tampered', 'invalid'].includes(r.status), true, `${input.slice(-40)}: ${r.status}`)
      assert.match(verdictLine(r.status, r.reason), verdict, input.slice(-40))
    }
    assert.equal(verifyAnyOffline(p, keysFromSet({ keys: [] }), today()).status, 'invalid', 'a key set without the key: nothing to check it with')
    // The real command: exit codes and the first line.
    for (const [input, code, verdict] of [cases[0]!, cases[cases.length - 1]!]) {
      const r = await yiwang('verify', input, '--keys', keysFile)
      assert.equal(r.code, code, `${input.slice(-40)}: ${r.out}${r.err}`)
      assert.match(r.out.split('\n')[0]!, verdict)
    }
    for (const args of [['verify', p]]) {
      const r = await yiwang(...args)
      assert.equal(r.code, 1, `${args.join(' ')}: ${r.out}${r.err}`)
      assert.equal(r.out, '', 'nothing on stdout')
      assert.match(r.err, /usage|密钥|unknown command/)
    }
  })

  it('keys rotate and expire against a store: bad input exit 2 with a clear message; rotation prints the new kid', async () => {
    // An empty store, migrated by the CLI itself, with one department.
    // Refused before the store is opened (in process; the runtime would throw if opened).
    const never = { open: () => Promise.reject(new Error('must not open the database')) }
    const quiet = console.error
    const said: string[] = []
    console.error = (m: string) => void said.push(m)
    try {
      assert.equal(await licenceCommand('keys', ['rotate', '--department', 'nope', '--algorithm', 'SM2'], never), 2)
      assert.match(said.join('\n'), /统一社会信用代码.*USCC/)
      assert.equal(await licenceCommand('keys', ['rotate', '--department', '11320500MB19397269', '--algorithm', 'RSA'], never), 2)
      assert.match(said.join('\n'), /Ed25519 或 SM2/)
      assert.equal(await licenceCommand('keys', ['spin'], never), 2)
      assert.equal(await licenceCommand('expire', ['now'], never), 2)
      assert.equal(await licenceCommand('verify', ['x', '--keys', join(tmp, 'missing.json')], never), 1)
      assert.equal(await licenceCommand('verify', ['x', '--keys', file('bad-keys.json', '[1]')], never), 1)
      assert.equal(await licenceCommand('verify', ['--keys', 'k.json'], never), 1)
      assert.equal(await licenceCommand('frobnicate', [], never), 1)
    } finally {
      console.error = quiet
    }
    const expired = await yiwang('expire')
    assert.equal(expired.code, 0, expired.err)
    assert.match(expired.out, /^expired: 0 licence\(s\)/)
    const unknown = await yiwang('keys', 'rotate', '--department', '11320500MB19397269', '--algorithm', 'SM2')
    assert.equal(unknown.code, 2)
    assert.match(unknown.err, /没有统一社会信用代码为 11320500MB19397269 的部门/)
    const h = await openDatabase(databaseUrl ? { databaseUrl, poolSize: 1 } : { pgliteDir: join(tmp, 'data', 'pglite') })
    try {
      await h.db.insertInto('departments').values({ id: uuidv7(), code: '11320500MB19397269', name: '苏州市市场监督管理局', name_en: null, slug: 'amr-cli', region_code: '320500', description: null, address: null, phone: null, parent_id: null }).execute()
    } finally {
      await h.close()
    }
    const ok = await yiwang('keys', 'rotate', '--department', '11320500MB19397269', '--algorithm', 'SM2')
    assert.equal(ok.code, 0, ok.err)
    assert.match(ok.out, /^rotated: 苏州市市场监督管理局 now signs with 11320500MB19397269-\d{8}-[0-9a-f]{6} \(SM2\)/)
  })
})
