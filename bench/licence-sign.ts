/**
 * Licence signing speed on ONE core (issue 5 figure: issue + sign ≥ 1,000 licences/s per core with Ed25519;
 * SM2 reported too). Pure crypto layer, no database: the work the issuing operation does per licence —
 *   issue  = canonical JSON (RFC 8785) of a realistic ~25-field licence with Chinese text + signature of it +
 *            SHA-256 digest + compact QR payload (its own canonical JSON + second signature);
 *   verify = document signature check + compact payload decode/check (what the public verification does);
 *   vc     = W3C VC 2.0 document + Data Integrity proof (eddsa-jcs-2022 / sm2-jcs-2024), and its verification.
 *   npx tsx bench/licence-sign.ts [seconds per row, default 2]
 */
import { createHash } from 'node:crypto'
import { cpus, arch, platform } from 'node:os'
import { canonicalJson } from '../src/platform/canonical-json'
import {
  addDataIntegrityProof, encodeCompactPayload, generateKeyPair, licenceCredential, licenceIdentifier, signBytes, verifyBytes,
  verifyCompactPayload, verifyDataIntegrityProof, type SigningAlgorithm,
} from '../src/modules/licences/crypto'

const seconds = Number(process.argv[2] ?? 2)

function licence(i: number) {
  const serial = String(2025_000_000 + i)
  return {
    schema: 'yiwang-licence/1', identifier: licenceIdentifier({ typeCode: '11100000000013338W032', issuerUscc: '11320500014160300G', serial, version: 1 }),
    number: `JY1320505${String(i).padStart(7, '0')}`, typeCode: '11100000000013338W032', typeName: '食品经营许可证', version: 1,
    holder: { name: '苏州示例餐饮管理有限公司', idType: '统一社会信用代码', id: '91320505MA1MH00280', legalRep: '张三丰' },
    issuer: { name: '苏州市姑苏区市场监督管理局', uscc: '11320500014160300G', region: '320508' },
    definingAuthority: { name: '国家市场监督管理总局', uscc: '11100000000013338W' },
    issuedOn: '2025-03-01', validFrom: '2025-03-01', validUntil: '2030-02-28', trustLevel: 'A', status: 'valid',
    item: { code: '11320508014160300G3000111002000', name: '食品经营许可（新办）' }, caseRef: `SZ-GS-2025-${String(i).padStart(6, '0')}`,
    face: {
      经营者名称: '苏州示例餐饮管理有限公司', 法定代表人: '张三丰', 住所: '江苏省苏州市姑苏区人民路1号', 经营场所: '江苏省苏州市姑苏区人民路1号1-2层',
      主体业态: '餐饮服务经营者（中型餐馆）', 经营项目: ['热食类食品制售', '冷食类食品制售', '自制饮品制售（不含自酿酒）'],
      日常监督管理机构: '苏州市姑苏区市场监督管理局平江分局', 投诉举报电话: '12315', 签发人: '李四', 备注: '网络经营：有（外卖平台）',
    },
    previous: null, issuedBy: 'staff-0190c0de', createdAt: '2025-03-01T08:00:00+08:00',
  }
}

function rate(work: (i: number) => unknown): number {
  for (let i = 0; i < 200; i++) work(i) // warm-up (also fills the key caches)
  let n = 0
  const t0 = performance.now()
  const until = t0 + seconds * 1000
  while (performance.now() < until) for (let k = 0; k < 20; k++) work(n++)
  return (n / (performance.now() - t0)) * 1000
}

type Row = { algorithm: SigningAlgorithm; issue: number; verify: number; sign: number; verifyBytes: number; vc: number; vcVerify: number; bytes: number; qr: number }
const rows: Row[] = []
for (const algorithm of ['Ed25519', 'SM2'] as SigningAlgorithm[]) {
  const kp = generateKeyPair(algorithm)
  const key = { kid: '11320500014160300G-20250301-a1b2c3', algorithm, privateKey: kp.privateKey }
  const keyFor = () => ({ algorithm, publicKey: kp.publicKey })
  const issue = (i: number) => {
    const doc = licence(i)
    const text = canonicalJson(doc, { iJson: true })
    const bytes = Buffer.from(text, 'utf8')
    const signature = signBytes(algorithm, kp.privateKey, bytes)
    const d = createHash('sha256').update(bytes).digest('base64url')
    const compact = encodeCompactPayload({ id: doc.identifier, no: doc.number, t: doc.typeCode, h: doc.holder.name, hid: '9132**********0280', iss: doc.issuer.uscc, nb: doc.validFrom, na: doc.validUntil, v: 1, d }, key)
    return { bytes, signature, compact }
  }
  const samples = Array.from({ length: 256 }, (_, i) => issue(i))
  const sample = samples[0]!
  const vcDoc = licenceCredential({
    id: licence(0).identifier, url: 'https://yiwang.example/licences/0190c0de-0000-7000-8000-000000000001', typeName: '食品经营许可证', typeCode: '11100000000013338W032',
    number: licence(0).number, holder: { name: '苏州示例餐饮管理有限公司', idType: '统一社会信用代码', id: '91320505MA1MH00280' },
    issuer: { id: 'https://yiwang.example/departments/gs-scjgj', name: '苏州市姑苏区市场监督管理局', uscc: '11320500014160300G' },
    validFrom: '2025-03-01T00:00:00+08:00', validUntil: '2030-02-28T23:59:59+08:00', face: licence(0).face, statusListUrl: 'https://yiwang.example/licences/status/1', statusIndex: 7,
  })
  const vm = 'https://yiwang.example/.well-known/licence-keys#k1'
  const signedVc = addDataIntegrityProof(vcDoc, { algorithm, privateKey: kp.privateKey, verificationMethod: vm, created: '2025-03-01T00:00:00Z' })
  rows.push({
    algorithm,
    issue: rate(issue),
    verify: rate((i) => {
      const s = samples[i & 255]!
      if (!verifyBytes(algorithm, kp.publicKey, s.bytes, s.signature) || !verifyCompactPayload(s.compact, keyFor).ok) throw new Error('did not verify')
    }),
    sign: rate((i) => signBytes(algorithm, kp.privateKey, samples[i & 255]!.bytes)),
    verifyBytes: rate((i) => verifyBytes(algorithm, kp.publicKey, samples[i & 255]!.bytes, samples[i & 255]!.signature)),
    vc: rate(() => addDataIntegrityProof(vcDoc, { algorithm, privateKey: kp.privateKey, verificationMethod: vm, created: '2025-03-01T00:00:00Z' })),
    vcVerify: rate(() => verifyDataIntegrityProof(signedVc, () => ({ algorithm, publicKey: kp.publicKey }))),
    bytes: sample.bytes.length,
    qr: sample.compact.length,
  })
}

const cpu = cpus()
console.log(`licence signing, one core (single thread) — ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} logical cores, ${platform()}/${arch()}, Node ${process.version}, ${seconds} s per cell`)
console.log(`signed licence JSON: ${rows[0]!.bytes} bytes (canonical, UTF-8); compact QR payload: ${rows[0]!.qr} characters\n`)
const f = (n: number) => Math.round(n).toLocaleString('en-US').padStart(9)
console.log('algorithm | issue+sign/s | verify/s (doc+QR) | sign bytes/s | verify bytes/s | VC proof/s | VC verify/s')
console.log('----------|--------------|-------------------|--------------|----------------|------------|------------')
for (const r of rows) console.log(`${r.algorithm.padEnd(9)} | ${f(r.issue)}    | ${f(r.verify)}         | ${f(r.sign)}    | ${f(r.verifyBytes)}      | ${f(r.vc)}  | ${f(r.vcVerify)}`)
const ed = rows.find((r) => r.algorithm === 'Ed25519')!
console.log(`\nissue 5 target: ≥ 1,000 licences/s per core with Ed25519 → ${ed.issue >= 1000 ? 'met' : 'NOT met'} (${f(ed.issue).trim()}/s; each issue = 2 signatures)`)
