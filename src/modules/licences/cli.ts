import { existsSync, readFileSync, statSync } from 'node:fs'
import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import type { DB } from '../../platform/database'
import type { Secrets } from '../../platform/secrets'
import { maskIdNumber } from '../../platform/privacy'
import { shanghaiDate } from '../../platform/calendar/working-calendar'
import { b64uDecode, b64uEncode, payloadFrom, verifyCompactPayload, verifyDataIntegrityProof, type CompactClaims, type SigningAlgorithm } from './crypto'
import { documentSignatureValid, parseSignedText } from './licence-document'

/**
 * `yiwang licence …` (issue 5 Deliver 6, 7):
 *   verify FILE|PAYLOAD|URL --keys KEYS.json|URL [--online BASE_URL]
 *       OFFLINE check with nothing but the published key set (/.well-known/yiwang-licence-keys.json): a QR payload
 *       (YWL1.…) or the verification URL that carries it, a PDF of a licence (the payload is in its QR and in the
 *       PDF's Keywords), a VC JSON file (Data Integrity proof), or a signed-licence JSON file {signedJson, signature}.
 *       Signature under the key the payload names, the key's department = the claimed issuer, validity vs today
 *       (Asia/Shanghai). The status (revoked? suspended?) needs the platform: --online BASE_URL asks
 *       GET /api/v1/licences/{id}/verification.
 *       First line: a stable verdict `VALID|EXPIRED|TAMPERED|INVALID|REVOKED|SUSPENDED|SUPERSEDED|UNKNOWN …`; then details.
 *       Exit codes: 0 valid · 2 tampered or invalid · 3 expired · 4 genuine but not usable online (revoked,
 *       suspended, superseded, unknown there) · 1 usage or the key set cannot be read.
 *   keys rotate --department USCC --algorithm Ed25519|SM2    retire the department's key, make a new one (audited)
 *   expire                                                    mark lapsed licences expired (the daily job, now)
 * The database is opened only for `keys rotate` and `expire` (the caller passes how).
 */
export const LICENCE_USAGE = `  yiwang licence verify FILE|PAYLOAD|URL --keys KEYS.json|URL [--online BASE_URL]
                                    verify a licence offline with the published keys (QR payload or URL, PDF, VC
                                    JSON, signed JSON); exit 0 valid, 2 tampered/invalid, 3 expired, 4 not usable online
  yiwang licence keys rotate --department USCC --algorithm Ed25519|SM2
                                    retire a department's signing key and make a new one
  yiwang licence expire             mark licences past their validity as expired (the daily job runs it too)`

export type LicenceCliRuntime = { open(): Promise<{ db: DB; secrets: Secrets; close(): Promise<void> }> }

type Key = { algorithm: SigningAlgorithm; publicKey: string; uscc: string | null; department: string | null }
export type OfflineStatus = 'valid' | 'expired' | 'tampered' | 'invalid'
export type OfflineResult = { status: OfflineStatus; reason: string; identifier: string | null; details: [string, string][] }

const VERDICT: Record<string, [string, string]> = {
  valid: ['VALID', '有效'], expired: ['EXPIRED', '已过期'], tampered: ['TAMPERED', '已被篡改'], invalid: ['INVALID', '无效'],
  revoked: ['REVOKED', '已撤销'], suspended: ['SUSPENDED', '已暂扣'], superseded: ['SUPERSEDED', '已被新版本替代'], unknown: ['UNKNOWN', '平台无此证照'],
}
/** The stable first line: `VALID 有效 — reason`. */
export const verdictLine = (status: string, reason: string) => `${VERDICT[status]?.[0] ?? 'INVALID'} ${VERDICT[status]?.[1] ?? '无效'} — ${reason}`
const EXIT: Record<string, number> = { valid: 0, tampered: 2, invalid: 2, expired: 3, revoked: 4, suspended: 4, superseded: 4, unknown: 4 }

/** The published key set (JWKs) → kid → key. Ed25519: OKP x; SM2: EC x,y → 04‖x‖y. Unknown entries are skipped. */
export function keysFromSet(set: unknown): Map<string, Key> {
  const out = new Map<string, Key>()
  const keys = (set as { keys?: unknown })?.keys
  if (!Array.isArray(keys)) throw new Error('密钥文件不是密钥集（应有 "keys" 数组），请使用 /.well-known/yiwang-licence-keys.json。 Not a key set: expected {"keys": [...]}.')
  for (const k of keys as Record<string, unknown>[]) {
    if (typeof k?.kid !== 'string') continue
    const meta = { uscc: typeof k['yiwang:uscc'] === 'string' ? k['yiwang:uscc'] : null, department: typeof k['yiwang:department'] === 'string' ? k['yiwang:department'] : null }
    if (k.kty === 'OKP' && k.crv === 'Ed25519' && typeof k.x === 'string') out.set(k.kid, { algorithm: 'Ed25519', publicKey: k.x, ...meta })
    if (k.kty === 'EC' && k.crv === 'SM2' && typeof k.x === 'string' && typeof k.y === 'string') {
      const x = b64uDecode(k.x)
      const y = b64uDecode(k.y)
      if (x?.length === 32 && y?.length === 32) out.set(k.kid, { algorithm: 'SM2', publicKey: b64uEncode(new Uint8Array([4, ...x, ...y])), ...meta })
    }
  }
  return out
}

const issuerText = (key: Key | undefined, uscc: string) => `${key?.department ?? ''}（${uscc}）`
const validityText = (from: string, until: string | null | undefined) => `${from} — ${until ?? '长期 no expiry'}`
const dateOf = (iso: unknown) => (typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : null)

function expiry(today: string, from: string | null, until: string | null | undefined): OfflineStatus | null {
  if (until && until < today) return 'expired'
  if (from && from > today) return 'invalid'
  return null
}

/** A QR payload or verification URL. */
export function verifyPayloadOffline(input: string, keys: Map<string, Key>, today: string): OfflineResult {
  const text = payloadFrom(input)
  if (!text) return { status: 'invalid', reason: '不是电子证照核验码或核验链接 not a licence payload or verification URL', identifier: null, details: [] }
  const r = verifyCompactPayload(text, (kid) => keys.get(kid))
  if (!r.ok) {
    const reason = r.reason === 'malformed' ? '核验码格式不完整或被改动 malformed or truncated payload' : r.reason === 'unknown_key' ? '密钥集中没有该密钥 the key is not in the key set' : '签名不符 the signature does not match'
    return { status: r.reason === 'bad_signature' ? 'tampered' : 'invalid', reason, identifier: null, details: [] }
  }
  const key = keys.get(r.kid)!
  const c: CompactClaims = r.claims
  if (key.uscc !== c.iss) return { status: 'tampered', reason: `签名密钥属于${key.department ?? '其他部门'}，不是证照上的发证机关 the key belongs to another department than the issuer`, identifier: c.id, details: [] }
  const details: [string, string][] = [
    ['电子证照标识 Identifier', c.id], ['证照编号 Number', c.no], ['持证主体 Holder', c.h], ['持证主体代码 Holder ID', c.hid],
    ['发证机关 Issuer', issuerText(key, c.iss)], ['有效期 Validity', validityText(c.nb, c.na)], ['版本 Version', String(c.v)], ['签名密钥 Key', `${r.kid} (${key.algorithm})`],
  ]
  const lapse = expiry(today, c.nb, c.na)
  return { status: lapse ?? 'valid', reason: lapse === 'expired' ? `有效期至 ${c.na} valid until ${c.na}` : lapse ? `自 ${c.nb} 起有效 not valid before ${c.nb}` : '签名核验通过 signature verified', identifier: c.id, details }
}

/** A VC 2.0 licence credential with a Data Integrity proof. */
export function verifyCredentialOffline(vc: Record<string, unknown>, keys: Map<string, Key>, today: string): OfflineResult {
  const proof = vc.proof as { verificationMethod?: unknown } | undefined
  const vm = typeof proof?.verificationMethod === 'string' ? proof.verificationMethod : ''
  const kid = vm.split('/').pop() ?? ''
  const key = keys.get(kid)
  if (!key) return { status: 'invalid', reason: '凭证没有证明，或其密钥不在密钥集中 no proof, or its key is not in the key set', identifier: null, details: [] }
  if (!verifyDataIntegrityProof(vc, (m) => (m === vm ? key : undefined))) return { status: 'tampered', reason: '凭证内容与证明不符 the credential does not match its proof', identifier: null, details: [] }
  const issuer = vc.issuer as { uscc?: unknown; name?: unknown } | undefined
  const subject = vc.credentialSubject as { name?: unknown; holderId?: unknown; holderIdType?: unknown; licence?: { identifier?: unknown; number?: unknown; typeName?: unknown } } | undefined
  const identifier = typeof subject?.licence?.identifier === 'string' ? subject.licence.identifier : null
  if (!identifier) return { status: 'invalid', reason: '这不是电子证照凭证 not a licence credential', identifier: null, details: [] }
  if (issuer?.uscc !== key.uscc) return { status: 'tampered', reason: '签名密钥不属于凭证上的发证机关 the key belongs to another department than the issuer', identifier, details: [] }
  const holderId = typeof subject?.holderId === 'string' ? (subject.holderIdType === '111' ? maskIdNumber(subject.holderId) : subject.holderId) : ''
  const from = dateOf(vc.validFrom)
  const until = dateOf(vc.validUntil)
  const details: [string, string][] = [
    ['证照类型 Type', String(subject?.licence?.typeName ?? vc.name ?? '')], ['电子证照标识 Identifier', identifier], ['证照编号 Number', String(subject?.licence?.number ?? '')],
    ['持证主体 Holder', String(subject?.name ?? '')], ['持证主体代码 Holder ID', holderId], ['发证机关 Issuer', issuerText(key, String(issuer?.uscc))],
    ['有效期 Validity', validityText(from ?? '?', until)], ['签名密钥 Key', `${kid} (${key.algorithm})`],
  ]
  const lapse = expiry(today, from, until)
  return { status: lapse ?? 'valid', reason: lapse === 'expired' ? `有效期至 ${until} valid until ${until}` : lapse ? `自 ${from} 起有效 not valid before ${from}` : '数据完整性证明核验通过 Data Integrity proof verified', identifier, details }
}

/** A signed licence JSON as exported: the exact signed text and its signature. */
export function verifySignedOffline(signedJson: string, signature: string, keys: Map<string, Key>, today: string): OfflineResult {
  const doc = parseSignedText(signedJson)
  if (!doc) return { status: signedJson.includes('"yiwang.licence/1"') ? 'tampered' : 'invalid', reason: '证照 JSON 不是签名时的原文 the JSON is not the exact signed text', identifier: null, details: [] }
  const key = keys.get(doc.kid)
  if (!key) return { status: 'invalid', reason: '密钥集中没有该密钥 the key is not in the key set', identifier: doc.identifier, details: [] }
  if (key.algorithm !== doc.alg || !documentSignatureValid(signedJson, signature, key)) return { status: 'tampered', reason: '签名不符 the signature does not match', identifier: doc.identifier, details: [] }
  if (key.uscc !== doc.issuer.uscc) return { status: 'tampered', reason: '签名密钥不属于证照上的发证机关 the key belongs to another department than the issuer', identifier: doc.identifier, details: [] }
  const details: [string, string][] = [
    ['证照类型 Type', doc.typeName], ['电子证照标识 Identifier', doc.identifier], ['证照编号 Number', doc.number], ['持证主体 Holder', doc.holder.name],
    ['持证主体代码 Holder ID', doc.holder.kind === 'person' ? maskIdNumber(doc.holder.code) : doc.holder.code], ['发证机关 Issuer', issuerText(key, doc.issuer.uscc)],
    ['有效期 Validity', validityText(doc.validFrom, doc.validUntil)], ['版本 Version', String(doc.version)], ['签名密钥 Key', `${doc.kid} (${key.algorithm})`],
    ...doc.fields.map((f) => [f.label, f.value] as [string, string]),
  ]
  const lapse = expiry(today, doc.validFrom, doc.validUntil)
  return { status: lapse ?? 'valid', reason: lapse === 'expired' ? `有效期至 ${doc.validUntil} valid until ${doc.validUntil}` : lapse ? `自 ${doc.validFrom} 起有效 not valid before ${doc.validFrom}` : '签名核验通过 signature verified', identifier: doc.identifier, details }
}

const PAYLOAD_IN_PDF = /YWL1\.[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/

/** Whatever was given on the command line: a file (PDF, VC JSON, signed JSON, or a text with the payload) or the text itself. */
export function verifyAnyOffline(arg: string, keys: Map<string, Key>, today: string): OfflineResult {
  const isFile = arg.length < 1024 && existsSync(arg) && statSync(arg).isFile()
  if (!isFile) return verifyPayloadOffline(arg, keys, today)
  const bytes = readFileSync(arg)
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const m = PAYLOAD_IN_PDF.exec(bytes.toString('latin1'))
    if (!m) return { status: 'invalid', reason: 'PDF 中没有找到电子证照核验码 no licence payload found in the PDF', identifier: null, details: [] }
    return verifyPayloadOffline(m[0], keys, today)
  }
  const text = bytes.toString('utf8').trim()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return verifyPayloadOffline(text, keys, today)
  }
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const o = json as Record<string, unknown>
    if (typeof o.signedJson === 'string' && typeof o.signature === 'string') return verifySignedOffline(o.signedJson, o.signature, keys, today)
    if ('proof' in o || 'credentialSubject' in o) return verifyCredentialOffline(o, keys, today)
  }
  return { status: 'invalid', reason: '文件不是电子证照（VC、签名 JSON、PDF 或核验码） not a licence file', identifier: null, details: [] }
}

async function readJsonFrom(source: string): Promise<unknown> {
  if (/^https?:\/\//.test(source)) {
    const res = await fetch(source, { signal: AbortSignal.timeout(15_000) })
    if (!res.ok) throw new Error(`无法下载密钥集 cannot fetch the key set: HTTP ${res.status} ${source}`)
    return res.json()
  }
  if (!existsSync(source)) throw new Error(`密钥文件不存在 key file not found: ${source}`)
  return JSON.parse(readFileSync(source, 'utf8'))
}

const bad = (msg: string) => {
  console.error(msg)
  return 2
}

export async function licenceCommand(verb: string | undefined, rest: string[], runtime: LicenceCliRuntime): Promise<number> {
  if (verb === 'verify') {
    let parsed
    try {
      parsed = parseArgs({ args: rest, options: { keys: { type: 'string' }, online: { type: 'string' } }, allowPositionals: true })
    } catch (e) {
      console.error(`${(e as Error).message}\n用法 usage:\n${LICENCE_USAGE}`)
      return 1
    }
    const [input, extra] = parsed.positionals
    if (!input || extra !== undefined || !parsed.values.keys) {
      console.error(`用法 usage: yiwang licence verify FILE|PAYLOAD|URL --keys KEYS.json|URL [--online BASE_URL]\n  --keys 是公布的密钥集，例如 https://…/.well-known/yiwang-licence-keys.json（可先下载保存，离线使用）。 --keys is the published key set.`)
      return 1
    }
    let keys: Map<string, Key>
    try {
      keys = keysFromSet(await readJsonFrom(parsed.values.keys))
    } catch (e) {
      console.error(`无法读取密钥集 cannot read the key set: ${(e as Error).message}`)
      return 1
    }
    const today = shanghaiDate(new Date())
    const r = verifyAnyOffline(input, keys, today)
    let status: string = r.status
    let online: string | null = null
    if (parsed.values.online && r.identifier && (r.status === 'valid' || r.status === 'expired')) {
      const base = parsed.values.online.replace(/\/$/, '')
      try {
        const res = await fetch(`${base}/api/v1/licences/${encodeURIComponent(r.identifier)}/verification`, { signal: AbortSignal.timeout(15_000) })
        const v = (await res.json()) as { status?: string; message?: string; messageEn?: string; licence?: { statusReason?: string | null } | null }
        if (typeof v.status === 'string' && v.status in VERDICT) {
          status = v.status === 'valid' && r.status === 'expired' ? 'expired' : v.status
          online = `${v.status} — ${v.message ?? ''} ${v.messageEn ?? ''}${v.licence?.statusReason ? `（理由 reason：${v.licence.statusReason}）` : ''}`.trim()
        } else online = `无法核验 unexpected answer (HTTP ${res.status})`
      } catch (e) {
        online = `联网核验失败 online check failed: ${(e as Error).message}`
      }
    }
    console.log(verdictLine(status, r.reason))
    for (const [k, v] of r.details) console.log(`  ${k}: ${v}`)
    if (online) console.log(`  联网核验 Online status: ${online}`)
    else if (r.status === 'valid' || r.status === 'expired') console.log('  状态需联网核验 online status not checked (use --online BASE_URL for revocation and suspension)')
    return EXIT[status] ?? 2
  }
  if (verb === 'keys') {
    const [sub, ...args] = rest
    if (sub !== 'rotate') return bad('用法 usage: yiwang licence keys rotate --department USCC --algorithm Ed25519|SM2')
    let values
    try {
      values = parseArgs({ args, options: { department: { type: 'string' }, algorithm: { type: 'string', default: 'Ed25519' } } }).values
    } catch (e) {
      return bad(`${(e as Error).message}\n用法 usage: yiwang licence keys rotate --department USCC --algorithm Ed25519|SM2`)
    }
    const uscc = values.department ?? ''
    if (!/^[0-9A-Z]{18}$/.test(uscc)) return bad(`部门代码“${uscc}”无效，请给出 18 位统一社会信用代码，例如 --department 11320500MB19397269。 Give the department's 18-character USCC.`)
    if (values.algorithm !== 'Ed25519' && values.algorithm !== 'SM2') return bad(`签名算法只能是 Ed25519 或 SM2（收到“${values.algorithm}”）。 Algorithm must be Ed25519 or SM2.`)
    const rt = await runtime.open()
    try {
      const dept = await rt.db.selectFrom('departments').select(['id', 'name']).where('code', '=', uscc).executeTakeFirst()
      if (!dept) return bad(`没有统一社会信用代码为 ${uscc} 的部门，请在后台“部门管理”中核对。 No department with this USCC.`)
      // Loaded here, not at the top: `licence verify` runs offline and should start fast.
      const { rotateDepartmentKey } = await import('./licence-keys')
      const key = await rotateDepartmentKey(rt, { departmentId: dept.id, algorithm: values.algorithm, actor: { type: 'cli', name: userInfo().username || 'cli' } })
      console.log(`rotated: ${dept.name} now signs with ${key.kid} (${key.algorithm}); earlier keys stay published`)
      return 0
    } finally {
      await rt.close()
    }
  }
  if (verb === 'expire') {
    if (rest.length) return bad('用法 usage: yiwang licence expire')
    const rt = await runtime.open()
    try {
      const today = shanghaiDate(new Date())
      const { expireDueLicences } = await import('./licence-lifecycle')
      const n = await expireDueLicences(rt.db, today)
      console.log(`expired: ${n} licence(s) past their validity as of ${today}`)
      return 0
    } finally {
      await rt.close()
    }
  }
  console.error(`unknown command: licence ${verb ?? ''}\n\n${LICENCE_USAGE}`)
  return 1
}
