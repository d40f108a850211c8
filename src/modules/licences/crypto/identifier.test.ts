import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { licenceIdentifier, mod3736, parseLicenceIdentifier } from './identifier'

test('ISO/IEC 7064 MOD 37,36: known check characters', () => {
  // Examples used by ISO 7064 implementations (the check character is the last one).
  for (const s of ['A12425GABC1234002M', 'B159D8FA01240000K', '188166C7342000003']) assert.equal(mod3736(s.slice(0, -1)), s.at(-1), s)
  assert.equal(mod3736(''), '1') // P₀ = 36 → c = (37 − 36) mod 36
  assert.throws(() => mod3736('12a'), RangeError)
  assert.throws(() => mod3736('1.2'), RangeError)
})

test('published identifiers: check over type code ‖ issuer ‖ serial ‖ version (the OID prefix is not fed)', () => {
  const published = [
    '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F', // standards.md §B.5
    '1.2.156.3005.2.11100000000013338W087.11370800MB28559184.37080001202411010001.001.3',
    '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S',
    '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U',
    '1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0',
  ]
  for (const id of published) {
    const p = parseLicenceIdentifier(id)
    assert.ok(p, id)
    assert.equal(licenceIdentifier(p), id)
  }
  // The rule "every alphanumeric after dropping dots" (prefix included) would give W for the standards.md sample.
  assert.equal(mod3736('121563005211100000000013338W03211220000013544541J2430599001'), 'W')
  assert.deepEqual(parseLicenceIdentifier(published[0]!), { typeCode: '11100000000013338W032', issuerUscc: '11220000013544541J', serial: '2430599', version: 1, check: 'F' })
})

test('licenceIdentifier refuses bad parts with a RangeError', () => {
  const ok = { typeCode: '11100000000013338W032', issuerUscc: '11220000013544541J', serial: '2430599', version: 1 }
  assert.equal(licenceIdentifier(ok), '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F')
  assert.equal(licenceIdentifier({ ...ok, version: 999 }).split('.')[8], '999')
  for (const bad of [
    { typeCode: '11100000000013338W03' }, { typeCode: '11100000000013338W0322' }, { typeCode: '11100000000013338w032' }, { typeCode: '11100000000013338W03A' },
    { issuerUscc: '11220000013544541' }, { issuerUscc: '11220000013544541j' }, { issuerUscc: '11220000013544541J0' },
    { serial: '' }, { serial: '1'.repeat(21) }, { serial: '12a' }, { serial: '-1' },
    { version: 0 }, { version: 1000 }, { version: 1.5 }, { version: NaN },
  ]) assert.throws(() => licenceIdentifier({ ...ok, ...bad }), RangeError, JSON.stringify(bad))
})

test('parseLicenceIdentifier: null for malformed input or a wrong check character', () => {
  const id = '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F'
  for (const bad of ['', id + ' ', ' ' + id, id.toLowerCase(), id.slice(0, -1) + 'G', id.replace('.001.', '.000.').slice(0, -1) + mod3736('11100000000013338W03211220000013544541J2430599000'),
    id.replace('1.2.156.3005.2', '1.2.156.3005.3'), id.replace('.001.', '.01.'), id + '.F', 'x'.repeat(10_000), id.replace('2430599', '')]) {
    assert.equal(parseLicenceIdentifier(bad), null, bad.slice(0, 90))
  }
  assert.equal(parseLicenceIdentifier(undefined as unknown as string), null)
})

const parts = fc.record({
  typeCode: fc.tuple(fc.stringMatching(/^[0-9A-Z]{18}$/), fc.stringMatching(/^\d{3}$/)).map(([a, b]) => a + b),
  issuerUscc: fc.stringMatching(/^[0-9A-Z]{18}$/),
  serial: fc.stringMatching(/^\d{1,20}$/),
  version: fc.integer({ min: 1, max: 999 }),
})
const CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.'

test('property: round trip of random parts', () => {
  fc.assert(fc.property(parts, (p) => {
    const id = licenceIdentifier(p)
    const back = parseLicenceIdentifier(id)
    assert.ok(back)
    assert.deepEqual({ ...back, check: undefined }, { ...p, check: undefined })
  }), { numRuns: 300 })
})

const VALUES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const step = (p: number, a: number) => ((((p + a) % 36) || 36) * 2) % 37
/** The running MOD 37,36 state before fed character j. */
const stateBefore = (fed: string, j: number) => [...fed.slice(0, j)].reduce((p, c) => step(p, VALUES.indexOf(c)), 36)

test('MOD 37,36 misses exactly one class of adjacent transpositions: running sums 18 and 19 (1 in 630)', () => {
  // Exhaustive over every state P and every pair x ≠ y: the swap xy → yx leaves the state unchanged iff
  // {(P + x) mod 36, (P + y) mod 36} = {18, 19}. So "all adjacent transpositions detected" is NOT a property of
  // ISO 7064 MOD 37,36 (a hybrid system); single substitutions are all detected (next test).
  let missed = 0
  for (let p = 1; p <= 36; p++) for (let x = 0; x < 36; x++) for (let y = 0; y < 36; y++) {
    if (x === y) continue
    const same = step(step(p, x), y) === step(step(p, y), x)
    const predicted = new Set([(p + x) % 36, (p + y) % 36]).has(18) && new Set([(p + x) % 36, (p + y) % 36]).has(19)
    assert.equal(same, predicted, `P=${p} x=${x} y=${y}`)
    if (same) missed++
  }
  assert.equal(missed, 72) // of 36 × 36 × 35 = 45,360
})

test('property: every single-character substitution is detected; every adjacent transposition outside that class too', () => {
  fc.assert(fc.property(parts, (p) => {
    const id = licenceIdentifier(p)
    const fed = id.slice(15, -2).replaceAll('.', '')
    for (let i = 0; i < id.length; i++) {
      for (const c of CHARS) {
        if (c === id[i]) continue
        const changed = id.slice(0, i) + c + id.slice(i + 1)
        assert.equal(parseLicenceIdentifier(changed), null, `substitution ${i}: ${changed}`)
      }
      if (i + 1 < id.length && id[i] !== id[i + 1]) {
        const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2)
        if (parseLicenceIdentifier(swapped) === null) continue
        // Undetected: must be two fed characters in the 18/19 class (a dot can never move unnoticed).
        assert.ok(i >= 15 && id[i] !== '.' && id[i + 1] !== '.' && i + 1 < id.length - 2, `transposition ${i}: ${swapped}`)
        const j = id.slice(15, i).replaceAll('.', '').length
        const P = stateBefore(fed, j)
        const sums = [VALUES.indexOf(id[i]!), VALUES.indexOf(id[i + 1]!)].map((v) => (P + v) % 36).sort((a, b) => a - b)
        assert.deepEqual(sums, [18, 19], `transposition ${i}: ${swapped}`)
      }
    }
  }), { numRuns: 60 })
})
