import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { sm2, sm3 } from 'sm-crypto-v2'
import { base58btcDecode, b64uDecode, b64uEncode, bytesToHex, hexToBytes } from './encoding'
import { ed25519Multikey, generateKeyPair, publicJwk, publicKeyOf, signBytes, sm2Digest, sm2ZA, verifyBytes, type SigningAlgorithm } from './signing'

const utf8 = (s: string) => new TextEncoder().encode(s)
const b64 = (hex: string) => b64uEncode(hexToBytes(hex))

// GB/T 32918.5-2017 / GM/T 0003.5-2012 Annex A: signature example on the recommended 256-bit curve, default ID.
const GB = {
  d: '3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8',
  pub: '04' + '09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020' + 'CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13',
  msg: 'message digest',
  z: 'B2E14C5C79C6DF5B85F4FE7ED8DB7A262B9DA7E07CCB0EA9F4747B8CCDA8A4F3',
  e: 'F0B43E94BA45ACCAACE692ED534382EB17E6AB5A19CE7B31F4486FDFC0D28640',
  k: '59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21',
  r: 'F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3',
  s: 'B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA',
}

test('SM3 (GB/T 32905-2016 Annex A): "abc" and the 64-byte "abcd…" example', () => {
  assert.equal(sm3('abc'), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0')
  assert.equal(sm3('abcd'.repeat(16)), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732')
})

test('SM2 GB/T 32918 example: public key from d, Z_A, e = SM3(Z_A ‖ M), published (r, s) verifies', () => {
  const pub = b64(GB.pub)
  assert.equal(publicKeyOf('SM2', b64(GB.d)), pub)
  assert.equal(bytesToHex(sm2ZA(pub)).toUpperCase(), GB.z)
  assert.equal(bytesToHex(sm2Digest(pub, utf8(GB.msg))).toUpperCase(), GB.e)
  assert.ok(verifyBytes('SM2', pub, utf8(GB.msg), b64(GB.r + GB.s)))
  assert.ok(!verifyBytes('SM2', pub, utf8('message digesT'), b64(GB.r + GB.s)))
})

test('SM2 GB/T 32918 example: signing e with the published k reproduces r and s exactly', () => {
  const kG = sm2.getPublicKeyFromPrivateKey(GB.k)
  const point = { k: BigInt('0x' + GB.k), x1: BigInt('0x' + kG.slice(2, 66)) }
  const sig = sm2.doSignature(hexToBytes(GB.e), GB.d, { der: false, hash: false, pointPool: [point] })
  assert.equal(sig.toUpperCase(), GB.r + GB.s)
})

test('SM2 interoperates with sm-crypto-v2 used directly (its own Z/hash path, default user id)', () => {
  const kp = generateKeyPair('SM2')
  const pubHex = bytesToHex(b64uDecode(kp.publicKey)!)
  const privHex = bytesToHex(b64uDecode(kp.privateKey)!)
  const data = utf8('{"证照编号":"苏0505-2025-000001"}')
  const theirs = sm2.doSignature(data, privHex, { hash: true, der: false, userId: '1234567812345678', publicKey: pubHex })
  assert.ok(verifyBytes('SM2', kp.publicKey, data, b64(theirs)))
  const ours = bytesToHex(b64uDecode(signBytes('SM2', kp.privateKey, data))!)
  assert.ok(sm2.doVerifySignature(data, ours, pubHex, { hash: true, der: false, userId: '1234567812345678' }))
  assert.ok(!sm2.doVerifySignature(data, ours, pubHex, { hash: true, der: false, userId: 'ALICE123@YAHOO.COM' }))
})

test('Ed25519 RFC 8032 §7.1 TEST 1 and TEST 2', () => {
  const t1 = { sk: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', pk: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', msg: '', sig: 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b' }
  const t2 = { sk: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb', pk: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', msg: '72', sig: '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00' }
  for (const t of [t1, t2]) {
    assert.equal(publicKeyOf('Ed25519', b64(t.sk)), b64(t.pk))
    assert.equal(signBytes('Ed25519', b64(t.sk), hexToBytes(t.msg)), b64(t.sig))
    assert.ok(verifyBytes('Ed25519', b64(t.pk), hexToBytes(t.msg), b64(t.sig)))
  }
})

for (const algorithm of ['Ed25519', 'SM2'] as SigningAlgorithm[]) {
  test(`${algorithm}: key sizes, round trip, and every flipped byte / wrong key / garbage → false`, () => {
    const kp = generateKeyPair(algorithm)
    assert.equal(kp.algorithm, algorithm)
    assert.equal(b64uDecode(kp.publicKey)!.length, algorithm === 'Ed25519' ? 32 : 65)
    assert.equal(b64uDecode(kp.privateKey)!.length, 32)
    assert.equal(publicKeyOf(algorithm, kp.privateKey), kp.publicKey)
    const data = utf8('营业执照 1.2.156.3005.2 😀')
    const sig = signBytes(algorithm, kp.privateKey, data)
    assert.equal(b64uDecode(sig)!.length, 64)
    assert.ok(verifyBytes(algorithm, kp.publicKey, data, sig))
    const sigBytes = b64uDecode(sig)!
    for (let i = 0; i < sigBytes.length; i++) {
      const bad = Uint8Array.from(sigBytes)
      bad[i]! ^= 1 << (i % 8)
      assert.ok(!verifyBytes(algorithm, kp.publicKey, data, b64uEncode(bad)), `signature byte ${i}`)
    }
    for (let i = 0; i < data.length; i++) {
      const bad = Uint8Array.from(data)
      bad[i]! ^= 0x80
      assert.ok(!verifyBytes(algorithm, kp.publicKey, bad, sig), `data byte ${i}`)
    }
    const other = generateKeyPair(algorithm)
    assert.ok(!verifyBytes(algorithm, other.publicKey, data, sig))
    const wrongAlg: SigningAlgorithm = algorithm === 'SM2' ? 'Ed25519' : 'SM2'
    const garbage: [string, string, unknown][] = [
      [algorithm, kp.publicKey, sig + 'A'], [algorithm, kp.publicKey, sig.slice(0, -1)], [algorithm, kp.publicKey, ''], [algorithm, kp.publicKey, sig + '='],
      [algorithm, kp.publicKey, sig.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))],
      [algorithm, kp.publicKey.slice(1), sig], [algorithm, '', sig], [algorithm, '!!!', sig], [wrongAlg, kp.publicKey, sig], ['RSA', kp.publicKey, sig],
      [algorithm, kp.publicKey, b64uEncode(new Uint8Array(64))], [algorithm, kp.publicKey, b64uEncode(new Uint8Array(64).fill(255))],
      [algorithm, kp.publicKey, 12 as unknown as string], [algorithm, null as unknown as string, sig],
    ]
    for (const [alg, pub, s] of garbage) assert.equal(verifyBytes(alg as SigningAlgorithm, pub, data, s as string), false, `${alg} ${String(pub).slice(0, 8)} ${String(s).slice(0, 8)}`)
    assert.equal(verifyBytes(algorithm, kp.publicKey, 'not bytes' as unknown as Uint8Array, sig), false)
  })
}

test('SM2: a point off the curve, a compressed point and out-of-range r/s are refused, never thrown', () => {
  const kp = generateKeyPair('SM2')
  const data = utf8('x')
  const sig = signBytes('SM2', kp.privateKey, data)
  const pub = b64uDecode(kp.publicKey)!
  const offCurve = Uint8Array.from(pub)
  offCurve[64]! ^= 1
  assert.equal(verifyBytes('SM2', b64uEncode(offCurve), data, sig), false)
  assert.equal(verifyBytes('SM2', b64(sm2.compressPublicKeyHex(bytesToHex(pub))), data, sig), false)
  const n = 'FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123'
  const s = bytesToHex(b64uDecode(sig)!).slice(64)
  assert.equal(verifyBytes('SM2', kp.publicKey, data, b64(n + s)), false)
  assert.throws(() => signBytes('SM2', b64('00'.repeat(32)), data), RangeError)
  assert.throws(() => signBytes('Ed25519', 'short', data), RangeError)
})

test('property: random data and random single-bit flips of data or signature never verify (both algorithms)', () => {
  const keys = { Ed25519: generateKeyPair('Ed25519'), SM2: generateKeyPair('SM2') }
  fc.assert(fc.property(fc.constantFrom<SigningAlgorithm>('Ed25519', 'SM2'), fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.nat(), fc.boolean(), (alg, data, pos, flipSig) => {
    const kp = keys[alg]
    const sig = signBytes(alg, kp.privateKey, data)
    assert.ok(verifyBytes(alg, kp.publicKey, data, sig))
    if (flipSig) {
      const b = b64uDecode(sig)!
      b[pos % 64]! ^= 1 << (pos % 8)
      return !verifyBytes(alg, kp.publicKey, data, b64uEncode(b))
    }
    const d = Uint8Array.from(data)
    d[pos % d.length]! ^= 1 << (pos % 8)
    return !verifyBytes(alg, kp.publicKey, d, sig)
  }), { numRuns: 150 })
})

test('publicJwk and Multikey', () => {
  // W3C vc-di-eddsa test key: secretKeyMultibase z3u2en7t… is 0x8026 ‖ seed; its Multikey is z6MkrJVn….
  const secret = base58btcDecode('3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq')!
  assert.deepEqual([...secret.subarray(0, 2)], [0x80, 0x26])
  const seed = b64uEncode(secret.subarray(2))
  const pub = publicKeyOf('Ed25519', seed)
  assert.equal(ed25519Multikey(pub), 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2')
  assert.deepEqual(publicJwk('Ed25519', pub, 'k1'), { kty: 'OKP', crv: 'Ed25519', x: pub, kid: 'k1', alg: 'EdDSA' })
  const jwk = publicJwk('SM2', b64(GB.pub), 'k2')
  assert.deepEqual(jwk, { kty: 'EC', crv: 'SM2', x: b64(GB.pub.slice(2, 66)), y: b64(GB.pub.slice(66)), kid: 'k2', alg: 'SM2SM3' })
  assert.throws(() => publicJwk('SM2', pub, 'k'), RangeError)
  assert.throws(() => ed25519Multikey(b64(GB.pub)), RangeError)
})
