import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { formatRefNo, makeRefNo, normalizeQueryCode, parseRefNo, refNoCheckDigit } from './ref-no'
import { queryCodeFor, queryCodeMatches } from './query-code'
import { createSecrets, TEST_SECRET_KEY } from '../../platform/secrets'

test('办件编号: date prefix, padded sequence, check digit; parse accepts the grouped form', () => {
  const r = makeRefNo('2026-11-21', 42)
  assert.match(r, /^261121000042\d$/)
  assert.equal(parseRefNo(formatRefNo(r)), r)
  assert.equal(parseRefNo(` ${r} `), r)
  assert.equal(parseRefNo(r.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))), r, 'full-width digits are accepted')
  assert.equal(makeRefNo('2026-11-21', 12345678).length, 15, 'the sequence grows beyond 6 digits')
})

test('every single-digit error and adjacent transposition is detected (Damm)', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (seq, pos, delta) => {
    const r = makeRefNo('2025-09-30', seq)
    const digits = r.split('')
    const i = pos % digits.length
    digits[i] = String((Number(digits[i]) + delta) % 10)
    assert.equal(parseRefNo(digits.join('')), null)
  }))
  fc.assert(fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 11 }), (seq, pos) => {
    const r = makeRefNo('2025-09-30', seq)
    const d = r.split('')
    if (d[pos] === d[pos + 1]) return
    ;[d[pos], d[pos + 1]] = [d[pos + 1]!, d[pos]!]
    assert.equal(parseRefNo(d.join('')), null)
  }))
})

test('bad input is refused, never thrown', () => {
  for (const s of ['', 'abc', '12', '261121-000042', '2611210000421234567890']) assert.equal(parseRefNo(s), null)
  assert.throws(() => refNoCheckDigit('12a'))
})

test('query codes avoid look-alike characters', () => {
  const secrets = createSecrets(Buffer.from(TEST_SECRET_KEY, 'base64'))
  for (let i = 0; i < 200; i++) assert.match(queryCodeFor(secrets, makeRefNo('2026-11-21', i)), /^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/)
  const ref = makeRefNo('2026-11-21', 7)
  assert.ok(queryCodeMatches(secrets, ref, queryCodeFor(secrets, ref).toLowerCase()))
  assert.ok(!queryCodeMatches(secrets, makeRefNo('2026-11-21', 8), queryCodeFor(secrets, ref)), 'a code only opens its own case')
  assert.equal(normalizeQueryCode(' acd 34f '), 'ACD34F')
})
