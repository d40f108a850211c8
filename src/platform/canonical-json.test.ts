import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { canonicalJson } from './canonical-json'

const bits = (hex: string) => Buffer.from(hex, 'hex').readDoubleBE(0)

test('RFC 8785 §3.2.2 example: numbers, string escapes and literals', () => {
  const input = JSON.parse('{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}')
  assert.equal(canonicalJson(input), '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}')
})

test('RFC 8785 §3.2.3 sorting: by UTF-16 code units (a non-BMP name sorts by its high surrogate)', () => {
  const input = JSON.parse('{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}')
  // Read the member names from the text (Object.keys would put the integer-like name "1" first).
  const names = [...canonicalJson(input).matchAll(/[{,]("(?:[^"\\]|\\.)*"):/g)].map((m) => JSON.parse(m[1]!) as string)
  assert.deepEqual(names.map((n) => n.codePointAt(0)!.toString(16)), ['d', '31', '80', 'f6', '20ac', '1f600', 'fb33'])
  assert.equal(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }), '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}')
})

test('RFC 8785 Appendix B number serialisation (IEEE 754 bit patterns → text)', () => {
  const cases: [string, string][] = [
    ['0000000000000000', '0'], ['8000000000000000', '0'], ['0000000000000001', '5e-324'], ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'], ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'], ['c340000000000000', '-9007199254740992'], ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'], ['44b52d02c7e14af6', '1e+23'], ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'], ['444b1ae4d6e2ef4f', '999999999999999900000'], ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'], ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'], ['41b3de4355555554', '333333333.33333325'], ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'], ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'], ['43143ff3c1cb0959', '1424953923781206.2'],
  ]
  for (const [hex, text] of cases) assert.equal(canonicalJson(bits(hex)), text, hex)
  assert.equal(canonicalJson([1e21, 1e20, -0, 0.1 + 0.2]), '[1e+21,100000000000000000000,0,0.30000000000000004]')
  for (const bad of [NaN, Infinity, -Infinity]) assert.throws(() => canonicalJson({ n: bad }), /non-finite/)
})

test('strings: control characters, non-BMP characters, Chinese text, U+2028 and DEL follow JSON.stringify', () => {
  assert.equal(canonicalJson('\u0000\u0001\b\t\n\u000b\f\r\u001f'), '"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f"')
  assert.equal(canonicalJson('𠀀😀 营业执照 \u007f\u2028'), '"𠀀😀 营业执照 \u007f\u2028"')
  assert.equal(canonicalJson({ '\n': '\\' }), '{"\\n":"\\\\"}')
})

test('lone surrogates: escaped by default (hashing never fails), refused with { iJson: true }', () => {
  assert.equal(canonicalJson('a\ud800b'), '"a\\ud800b"')
  assert.equal(canonicalJson({ k: '\udc00' }), '{"k":"\\udc00"}')
  assert.throws(() => canonicalJson({ k: 'x\ud800' }, { iJson: true }), /lone surrogate/)
  assert.throws(() => canonicalJson({ ['\udfff']: 1 }, { iJson: true }), /lone surrogate/)
  assert.equal(canonicalJson({ k: '😀' }, { iJson: true }), '{"k":"😀"}')
})

test('values beyond JSON: undefined, holes, Date as before; functions, symbols, bigints throw', () => {
  // eslint-disable-next-line no-sparse-arrays
  assert.equal(canonicalJson([undefined, , 1]), '[null,null,1]')
  assert.equal(canonicalJson({ a: undefined, b: new Date('2025-01-02T03:04:05Z') }), '{"b":"2025-01-02T03:04:05.000Z"}')
  assert.equal(canonicalJson(undefined), 'null')
  assert.throws(() => canonicalJson({ f: () => 1 }), TypeError)
  assert.throws(() => canonicalJson([Symbol('x')]), TypeError)
  assert.throws(() => canonicalJson({ n: 1n }), TypeError)
})

test('audit-chain compatibility: output unchanged for the values it already handled (golden text)', () => {
  const details = { 办件编号: 'SZ2025-000001', 金额: 12.5, items: [1, 'a', null, true], nested: { z: 0, a: [] }, when: new Date(0), skip: undefined }
  assert.equal(canonicalJson(details), '{"items":[1,"a",null,true],"nested":{"a":[],"z":0},"when":"1970-01-01T00:00:00.000Z","办件编号":"SZ2025-000001","金额":12.5}')
})

test('property: the output parses back to an equal value, and canonicalising that again changes nothing', () => {
  fc.assert(fc.property(fc.jsonValue(), (v) => {
    const text = canonicalJson(v)
    const back: unknown = JSON.parse(text)
    assert.equal(canonicalJson(back), text)
    assert.deepEqual(back, JSON.parse(JSON.stringify(v)))
  }), { numRuns: 300 })
})
