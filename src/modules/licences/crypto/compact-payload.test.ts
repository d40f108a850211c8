import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { decodeCompactPayload, encodeCompactPayload, verifyCompactPayload, type CompactClaims } from './compact-payload'
import { b64uEncode } from './encoding'
import { licenceIdentifier } from './identifier'
import { generateKeyPair, signBytes, type KeyPair, type SigningAlgorithm } from './signing'

const claims: CompactClaims = {
  id: licenceIdentifier({ typeCode: '11100000000013338W032', issuerUscc: '11320500014160300G', serial: '2025000123', version: 1 }),
  no: '苏市监（2025）第000123号', t: '11100000000013338W032', h: '张三丰', hid: '3205**********1234', iss: '11320500014160300G',
  nb: '2025-03-01', na: '2030-02-28', v: 1, d: createHash('sha256').update('{"licence":"…"}').digest('base64url'),
}
const other: CompactClaims = { ...claims, id: claims.id.replace('2025000123', '2025000124'), no: '苏市监（2025）第000124号', h: '李四', hid: '3205**********5678' }

const depts = { A: generateKeyPair('Ed25519'), B: generateKeyPair('Ed25519'), S: generateKeyPair('SM2') }
const kids: Record<string, keyof typeof depts> = { 'dept-a-1': 'A', 'dept-b-1': 'B', 'dept-s-1': 'S' }
const keyFor = (kid: string) => {
  const d = kids[kid]
  return d ? { algorithm: depts[d].algorithm, publicKey: depts[d].publicKey } : undefined
}
const signer = (kid: string, kp: KeyPair) => ({ kid, algorithm: kp.algorithm, privateKey: kp.privateKey })

test('round trip for Ed25519 and SM2 keys; the text has the documented shape and a QR-friendly length', () => {
  for (const [kid, kp] of [['dept-a-1', depts.A], ['dept-s-1', depts.S]] as const) {
    const text = encodeCompactPayload(claims, signer(kid, kp))
    assert.match(text, /^YWL1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/)
    assert.ok(text.length <= 440, `length ${text.length}`) // ≈ 430 with this kid; ≈ 460 with a 34-char kid
    assert.deepEqual(verifyCompactPayload(text, keyFor), { ok: true, kid, claims })
    const decoded = decodeCompactPayload(text)!
    assert.equal(Buffer.from(decoded.signingInput).toString('ascii'), text.slice(0, text.lastIndexOf('.')))
  }
  const noEnd: CompactClaims = { ...claims }
  delete noEnd.na
  const text = encodeCompactPayload(noEnd, signer('dept-a-1', depts.A))
  assert.deepEqual(verifyCompactPayload(text, keyFor), { ok: true, kid: 'dept-a-1', claims: noEnd })
})

test('t, iss, v are left out of the wire when id carries them, and kept when it does not (or differs)', () => {
  const key = signer('dept-a-1', depts.A)
  const payloadOf = (text: string) => JSON.parse(Buffer.from(text.split('.')[2]!, 'base64url').toString('utf8')) as Record<string, unknown>
  assert.deepEqual(Object.keys(payloadOf(encodeCompactPayload(claims, key))).sort(), ['d', 'h', 'hid', 'id', 'na', 'nb', 'no'])
  for (const c of [other, { ...claims, t: '91320500MA1MH00280001' }, { ...claims, v: 2 }]) {
    const text = encodeCompactPayload(c, key)
    assert.ok('t' in payloadOf(text) && 'iss' in payloadOf(text) && 'v' in payloadOf(text))
    assert.deepEqual(verifyCompactPayload(text, keyFor), { ok: true, kid: 'dept-a-1', claims: c })
  }
})

test('encode refuses malformed claims and kids', () => {
  const key = signer('dept-a-1', depts.A)
  for (const bad of [{ nb: '2025-3-1' }, { na: '2030-02-30T00:00' }, { v: 0 }, { v: 1.5 }, { d: 'short' }, { h: '' }, { extra: 1 }, { hid: 5 }] as Partial<CompactClaims>[]) {
    assert.throws(() => encodeCompactPayload({ ...claims, ...bad }, key), RangeError, JSON.stringify(bad))
  }
  for (const kid of ['', 'a.b', 'x'.repeat(65), '张']) assert.throws(() => encodeCompactPayload(claims, { ...key, kid }), RangeError)
})

test('every truncation and every single changed character is not ok (never a false valid, never a throw)', () => {
  const text = encodeCompactPayload(claims, signer('dept-a-1', depts.A))
  for (let n = 0; n < text.length; n++) assert.equal(verifyCompactPayload(text.slice(0, n), keyFor).ok, false, `truncated to ${n}`)
  const alphabet = 'ABCabc019_-.=+/ 张'
  for (let i = 0; i < text.length; i++) {
    for (const c of alphabet) {
      if (c === text[i]) continue
      const changed = text.slice(0, i) + c + text.slice(i + 1)
      assert.equal(verifyCompactPayload(changed, keyFor).ok, false, `position ${i} → ${c}`)
    }
  }
  assert.equal(verifyCompactPayload(text + '.', keyFor).ok, false)
  assert.equal(verifyCompactPayload(' ' + text, keyFor).ok, false)
})

test('re-signed with another department key under the original kid → bad_signature; kid swapped → bad_signature', () => {
  const genuine = encodeCompactPayload(claims, signer('dept-a-1', depts.A))
  const forged = encodeCompactPayload({ ...claims, na: '2099-12-31' }, signer('dept-a-1', depts.B)) // B's key, A's kid
  assert.deepEqual(verifyCompactPayload(forged, keyFor), { ok: false, reason: 'bad_signature' })
  const [p, , payload, sig] = genuine.split('.')
  assert.deepEqual(verifyCompactPayload(`${p}.dept-b-1.${payload}.${sig}`, keyFor), { ok: false, reason: 'bad_signature' })
  // An SM2 signature presented under an Ed25519 kid: the algorithm is the key's, so it cannot verify.
  const sm2 = encodeCompactPayload(claims, signer('dept-a-1', depts.S))
  assert.deepEqual(verifyCompactPayload(sm2, keyFor), { ok: false, reason: 'bad_signature' })
})

test('claims swapped between two genuine payloads → bad_signature', () => {
  const one = encodeCompactPayload(claims, signer('dept-a-1', depts.A)).split('.')
  const two = encodeCompactPayload(other, signer('dept-a-1', depts.A)).split('.')
  assert.deepEqual(verifyCompactPayload([one[0], one[1], two[2], one[3]].join('.'), keyFor), { ok: false, reason: 'bad_signature' })
  assert.deepEqual(verifyCompactPayload([two[0], two[1], one[2], two[3]].join('.'), keyFor), { ok: false, reason: 'bad_signature' })
})

test('unknown kid → unknown_key (also when the key lookup throws); malformed forms → malformed', () => {
  const text = encodeCompactPayload(claims, signer('dept-z-9', depts.A))
  assert.deepEqual(verifyCompactPayload(text, keyFor), { ok: false, reason: 'unknown_key' })
  assert.deepEqual(verifyCompactPayload(text, () => { throw new Error('db down') }), { ok: false, reason: 'unknown_key' })
  const kid = 'dept-a-1'
  const sign = (payloadText: string) => {
    const payload = b64uEncode(new TextEncoder().encode(payloadText))
    const input = `YWL1.${kid}.${payload}`
    return `${input}.${signBytes('Ed25519', depts.A.privateKey, new TextEncoder().encode(input))}`
  }
  // Correctly signed but not acceptable: non-canonical JSON, extra/missing claims, wrong types, not JSON, bad UTF-8.
  const sorted = (o: object) => JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1))))
  const { t: _t, iss: _iss, v: _v, ...wire } = claims // t, iss, v travel inside id
  const canonical = sorted(wire)
  assert.equal(verifyCompactPayload(sign(canonical), keyFor).ok, true)
  const full = sorted(other) // other.id has a wrong check character: nothing derivable, all claims travel
  assert.equal(verifyCompactPayload(sign(full), keyFor).ok, true)
  for (const bad of [JSON.stringify(wire), sorted(claims), canonical.replace('{', '{ '), full.replace('"v":1', '"v":1.0'), full.replace('"v":1', '"v":"1"'),
    canonical.replace('}', ',"x":1}'), canonical.replace('}', ',"v":1}'), canonical.replace('}', ',"v":2}'), sorted({ ...wire, t: claims.t }),
    full.replace(/"t":"[^"]*",/, ''), sorted({ ...wire, id: other.id }), '[]', 'null', '', 'not json']) {
    assert.deepEqual(verifyCompactPayload(sign(bad), keyFor), { ok: false, reason: 'malformed' }, bad.slice(0, 40))
  }
  const withBadUtf8 = `YWL1.${kid}.${b64uEncode(Uint8Array.from([0x7b, 0xff, 0x7d]))}`
  assert.equal(decodeCompactPayload(`${withBadUtf8}.${signBytes('Ed25519', depts.A.privateKey, Buffer.from(withBadUtf8))}`), null)
  for (const junk of ['', 'YWL1', 'YWL1...', 'YWL2.a.b.c', `YWL1.${kid}.e30.`, 'x'.repeat(2001), `${text}`.replace('YWL1', 'ywl1'), 42 as unknown as string, null as unknown as string]) {
    assert.deepEqual(verifyCompactPayload(junk, keyFor), { ok: false, reason: 'malformed' })
  }
})

test('property: random mutations (replace, insert, delete, duplicate a range) never verify', () => {
  const keys: Record<SigningAlgorithm, string> = { Ed25519: 'dept-a-1', SM2: 'dept-s-1' }
  const texts = { Ed25519: encodeCompactPayload(claims, signer(keys.Ed25519, depts.A)), SM2: encodeCompactPayload(claims, signer(keys.SM2, depts.S)) }
  const edit = fc.oneof(
    fc.record({ op: fc.constant('replace' as const), at: fc.nat(), s: fc.string({ minLength: 1, maxLength: 3 }) }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: fc.string({ minLength: 1, maxLength: 5 }) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 10 }) }),
    fc.record({ op: fc.constant('dup' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 10 }) }),
  )
  fc.assert(fc.property(fc.constantFrom<SigningAlgorithm>('Ed25519', 'SM2'), fc.array(edit, { minLength: 1, maxLength: 3 }), (alg, edits) => {
    const original = texts[alg]
    let t = original
    for (const e of edits) {
      const at = e.at % (t.length + 1)
      if (e.op === 'replace') t = t.slice(0, at) + e.s + t.slice(at + e.s.length)
      else if (e.op === 'insert') t = t.slice(0, at) + e.s + t.slice(at)
      else if (e.op === 'delete') t = t.slice(0, at) + t.slice(at + e.n)
      else t = t.slice(0, at) + t.slice(at, at + e.n) + t.slice(at)
    }
    fc.pre(t !== original)
    return verifyCompactPayload(t, keyFor).ok === false
  }), { numRuns: 400 })
})
