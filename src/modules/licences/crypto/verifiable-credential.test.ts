import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { canonicalJson } from '../../../platform/canonical-json'
import { base58btcDecode, b64uEncode, bytesToHex } from './encoding'
import { ed25519Multikey, generateKeyPair, publicKeyOf, type SigningAlgorithm } from './signing'
import { addDataIntegrityProof, licenceCredential, verifyDataIntegrityProof } from './verifiable-credential'

// W3C Data Integrity EdDSA Cryptosuites v1.0, Appendix B "Representation: eddsa-jcs-2022" test vector.
const SPEC = {
  secretKeyMultibase: 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq',
  publicKeyMultibase: 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
  credential: {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
    id: 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33',
    type: ['VerifiableCredential', 'AlumniCredential'],
    name: 'Alumni Credential',
    description: 'A minimum viable example of an Alumni Credential.',
    issuer: 'https://vc.example/issuers/5678',
    validFrom: '2023-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:abcdefgh', alumniOf: 'The School of Examples' },
  },
  created: '2023-02-24T23:36:38Z',
  verificationMethod: 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
  documentHash: '59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19',
  proofConfigHash: '66ab154f5c2890a140cb8388a22a160454f80575f6eae09e5a097cabe539a1db',
  signature: '407cd12654b33d718ecbb99179a1506daaa849450bf3fc523cce3e1c96f8b80351da3f253d725c6f00b07c9e5448d50b3ef78012b9ab54255116d069c6dd2808',
  proofValue: 'z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX',
}
const specSeed = b64uEncode(base58btcDecode(SPEC.secretKeyMultibase.slice(1))!.subarray(2)) // 0x8026 ‖ seed
const specPublic = publicKeyOf('Ed25519', specSeed)
const specKeyFor = (vm: string) => (vm === SPEC.verificationMethod ? { algorithm: 'Ed25519' as const, publicKey: specPublic } : undefined)
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

test('eddsa-jcs-2022 spec vector: hashes, signature and proofValue are reproduced exactly', () => {
  assert.equal(ed25519Multikey(specPublic), SPEC.publicKeyMultibase)
  assert.equal(sha256(canonicalJson(SPEC.credential)), SPEC.documentHash)
  const secured = addDataIntegrityProof(SPEC.credential, { algorithm: 'Ed25519', privateKey: specSeed, verificationMethod: SPEC.verificationMethod, created: SPEC.created })
  const { proofValue, ...options } = secured.proof as Record<string, unknown>
  assert.deepEqual(options, { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created: SPEC.created, verificationMethod: SPEC.verificationMethod, proofPurpose: 'assertionMethod', '@context': SPEC.credential['@context'] })
  assert.equal(sha256(canonicalJson(options)), SPEC.proofConfigHash)
  assert.equal(bytesToHex(base58btcDecode((proofValue as string).slice(1))!), SPEC.signature)
  assert.equal(proofValue, SPEC.proofValue)
  assert.deepEqual({ ...secured, proof: undefined }, { ...SPEC.credential, proof: undefined })
})

test('eddsa-jcs-2022 spec vector: the published signed credential verifies', () => {
  const signed = { ...SPEC.credential, proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created: SPEC.created, verificationMethod: SPEC.verificationMethod, proofPurpose: 'assertionMethod', '@context': SPEC.credential['@context'], proofValue: SPEC.proofValue } }
  assert.equal(verifyDataIntegrityProof(signed, specKeyFor), true)
  // §3.3.2: a document whose @context only STARTS WITH the proof's still verifies; a replaced one does not.
  assert.equal(verifyDataIntegrityProof({ ...signed, '@context': [...SPEC.credential['@context'], { extra: 'urn:x' }] }, specKeyFor), true)
  assert.equal(verifyDataIntegrityProof({ ...signed, '@context': ['https://www.w3.org/ns/credentials/v2'] }, specKeyFor), false)
  assert.equal(verifyDataIntegrityProof({ ...signed, '@context': [...SPEC.credential['@context']].reverse() }, specKeyFor), false)
})

const keys = { Ed25519: generateKeyPair('Ed25519'), SM2: generateKeyPair('SM2') }
const vmOf = (alg: SigningAlgorithm) => `https://yiwang.example/.well-known/licence-keys#${alg}`
const keyFor = (vm: string) => {
  const alg = (['Ed25519', 'SM2'] as const).find((a) => vmOf(a) === vm)
  return alg ? { algorithm: alg, publicKey: keys[alg].publicKey } : undefined
}
const licence = () => licenceCredential({
  id: '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F', url: 'https://yiwang.example/licences/0190c0de-0000-7000-8000-000000000001',
  typeName: '食品经营许可证', typeCode: '11100000000013338W032', number: 'JY13205050012345',
  holder: { name: '苏州示例餐饮有限公司', idType: '统一社会信用代码', id: '91320505MA1MH00280' },
  issuer: { id: 'https://yiwang.example/departments/scjgj', name: '苏州市市场监督管理局', uscc: '11320500014160300G' },
  validFrom: '2025-03-01T00:00:00+08:00', validUntil: '2030-02-28T23:59:59+08:00',
  face: { 经营场所: '苏州市姑苏区人民路1号', 主体业态: '餐饮服务经营者', 经营项目: ['热食类食品制售', '冷食类食品制售'], 备注: '𠀀 test' },
  statusListUrl: 'https://yiwang.example/licences/status/1', statusIndex: 42,
})

test('licenceCredential: a VC 2.0 document with inline context, typed issuer, subject and BitstringStatusListEntry', () => {
  const vc = licence()
  assert.deepEqual(vc['@context'], ['https://www.w3.org/ns/credentials/v2', { '@vocab': 'urn:yiwang:licence#' }])
  assert.deepEqual(vc.type, ['VerifiableCredential', 'ChineseElectronicLicence'])
  assert.equal(vc.id, 'https://yiwang.example/licences/0190c0de-0000-7000-8000-000000000001')
  assert.deepEqual(vc.issuer, { id: 'https://yiwang.example/departments/scjgj', name: '苏州市市场监督管理局', uscc: '11320500014160300G' })
  assert.equal(vc.validUntil, '2030-02-28T23:59:59+08:00')
  assert.deepEqual(vc.credentialStatus, { id: 'https://yiwang.example/licences/status/1#42', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '42', statusListCredential: 'https://yiwang.example/licences/status/1' })
  const subject = vc.credentialSubject as Record<string, any>
  assert.equal(subject.licence.identifier, '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F')
  assert.equal(subject.licence.face.经营场所, '苏州市姑苏区人民路1号')
  const bare = licenceCredential({ ...(licenceInput()), validUntil: undefined, statusListUrl: undefined })
  assert.ok(!('validUntil' in bare) && !('credentialStatus' in bare))
  assert.throws(() => licenceCredential({ ...licenceInput(), statusIndex: -1 }), RangeError)
})
function licenceInput() {
  return { id: 'x', url: 'https://y/licences/1', typeName: 't', typeCode: 'c', number: 'n', holder: { name: 'h', idType: 'i', id: '1' }, issuer: { id: 'https://y', name: 'n', uscc: 'u' }, validFrom: '2025-01-01T00:00:00Z', face: {}, statusListUrl: 'https://y/s', statusIndex: 0 }
}

for (const alg of ['Ed25519', 'SM2'] as SigningAlgorithm[]) {
  test(`${alg}: licence VC proof verifies; any tampered field, another key or the wrong suite → false`, () => {
    const signed = addDataIntegrityProof(licence(), { algorithm: alg, privateKey: keys[alg].privateKey, verificationMethod: vmOf(alg), created: '2025-03-01T08:00:00Z' })
    assert.equal((signed.proof as Record<string, unknown>).cryptosuite, alg === 'Ed25519' ? 'eddsa-jcs-2022' : 'sm2-jcs-2024')
    assert.equal(verifyDataIntegrityProof(signed, keyFor), true)
    assert.equal(verifyDataIntegrityProof(JSON.parse(JSON.stringify(signed)), keyFor), true) // survives a JSON round trip
    // Every leaf value (document and proof options) changed → false.
    const paths: string[][] = []
    const walk = (v: unknown, path: string[]) => {
      if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, k])
      else paths.push(path)
    }
    walk(signed, [])
    for (const path of paths) {
      const copy = JSON.parse(JSON.stringify(signed))
      let o = copy
      for (const k of path.slice(0, -1)) o = o[k]
      const last = path.at(-1)!
      o[last] = typeof o[last] === 'string' ? o[last] + 'x' : typeof o[last] === 'number' ? o[last] + 1 : 'changed'
      assert.equal(verifyDataIntegrityProof(copy, keyFor), false, path.join('.'))
    }
    const added = JSON.parse(JSON.stringify(signed))
    added.credentialSubject.extra = 1
    assert.equal(verifyDataIntegrityProof(added, keyFor), false)
    const other = generateKeyPair(alg)
    assert.equal(verifyDataIntegrityProof(signed, () => ({ algorithm: alg, publicKey: other.publicKey })), false)
    const otherAlg: SigningAlgorithm = alg === 'SM2' ? 'Ed25519' : 'SM2'
    assert.equal(verifyDataIntegrityProof(signed, () => ({ algorithm: otherAlg, publicKey: keys[otherAlg].publicKey })), false)
    const relabelled = JSON.parse(JSON.stringify(signed))
    relabelled.proof.cryptosuite = alg === 'SM2' ? 'eddsa-jcs-2022' : 'sm2-jcs-2024'
    assert.equal(verifyDataIntegrityProof(relabelled, keyFor), false)
  })
}

test('verify never throws: no proof, proof sets, junk proofs, throwing key lookup, non-JSON values', () => {
  const signed = addDataIntegrityProof(licence(), { algorithm: 'Ed25519', privateKey: keys.Ed25519.privateKey, verificationMethod: vmOf('Ed25519'), created: '2025-03-01T08:00:00Z' })
  const p = signed.proof as Record<string, unknown>
  for (const doc of [licence(), { ...signed, proof: [p] }, { ...signed, proof: null }, { ...signed, proof: 'x' }, { ...signed, proof: { ...p, proofValue: 'u' + (p.proofValue as string).slice(1) } },
    { ...signed, proof: { ...p, proofValue: 'z0OIl' } }, { ...signed, proof: { ...p, proofValue: undefined } }, { ...signed, proof: { ...p, created: 'yesterday' } },
    { ...signed, proof: { ...p, type: 'Ed25519Signature2020' } }, { ...signed, proof: { ...p, proofPurpose: 'authentication' } }, { ...signed, n: NaN }, { ...signed, big: 1n },
    { ...signed, '@context': 'https://www.w3.org/ns/credentials/v2' }, null, [], 'text']) {
    assert.equal(verifyDataIntegrityProof(doc as Record<string, unknown>, keyFor), false)
  }
  assert.equal(verifyDataIntegrityProof(signed, () => { throw new Error('lookup failed') }), false)
  assert.throws(() => addDataIntegrityProof(signed, { algorithm: 'Ed25519', privateKey: keys.Ed25519.privateKey, verificationMethod: vmOf('Ed25519'), created: '2025-03-01T08:00:00Z' }), RangeError)
  assert.throws(() => addDataIntegrityProof(licence(), { algorithm: 'Ed25519', privateKey: keys.Ed25519.privateKey, verificationMethod: vmOf('Ed25519'), created: '2025-03-01 08:00' }), RangeError)
})

test('property: random face data signs and verifies; a random changed face value does not', () => {
  fc.assert(fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(fc.string(), fc.integer(), fc.boolean()), { minKeys: 1, maxKeys: 6 }), fc.nat(), (face, pick) => {
    const input = { ...licenceInput(), face }
    const signed = addDataIntegrityProof(licenceCredential(input), { algorithm: 'Ed25519', privateKey: keys.Ed25519.privateKey, verificationMethod: vmOf('Ed25519'), created: '2025-03-01T08:00:00Z' })
    assert.equal(verifyDataIntegrityProof(signed, keyFor), true)
    const k = Object.keys(face)[pick % Object.keys(face).length]!
    const tampered = JSON.parse(JSON.stringify(signed))
    tampered.credentialSubject.licence.face[k] = typeof face[k] === 'string' ? `${face[k]}!` : String(face[k])
    return verifyDataIntegrityProof(tampered, keyFor) === false
  }), { numRuns: 100 })
})
