import { createHash } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { DB } from '../../../platform/database'
import type { Secrets } from '../../../platform/secrets'
import { NotFoundError } from '../../../platform/errors'
import { addDataIntegrityProof, b64uEncode, VC_V2_CONTEXT } from '../crypto'
import { activeKey } from '../licence-keys'
import { keyUrl, statusListUrl } from '../licence-exports'
import { issuerUrl, OPERATOR_USCC } from './verification'

/**
 * The W3C Bitstring Status List credentials (issue 5 Deliver 7): revoked licences' bits in the revocation list,
 * suspended ones' in the suspension list, signed (Data Integrity proof) by the platform operator.
 *
 * Each request reads the listed bits (a partial index holds only revoked and suspended rows, migration 0022) and
 * compares them with the list this process signed last: the same bits → the same signed credential and ETag (a
 * verifier's If-None-Match gets 304), so a list is re-signed only when a licence enters or leaves it — a
 * revocation is in the very next answer. A signed list is re-made at least every `maxAgeMs` so its validFrom
 * stays recent. Per process; nothing to invalidate across processes because every request checks the bits.
 */
export type StatusPurpose = 'revocation' | 'suspension'
/** W3C Bitstring Status List v1.0 §2.1: at least 16 KB (131,072 entries) so a list tells nothing about volume. */
export const MIN_STATUS_BITS = 131_072
export const STATUS_LISTS = { maxAgeMs: 10 * 60_000 }

/** The bitstring (bit i = status_index i, the left-most bit of byte 0 is index 0), gzipped, multibase base64url. */
export function encodeStatusList(indexes: number[]): string {
  const max = indexes.reduce((m, i) => Math.max(m, i), -1)
  const bytes = Buffer.alloc(Math.max(MIN_STATUS_BITS, Math.ceil((max + 1) / 8) * 8) / 8)
  for (const i of indexes) bytes[i >> 3]! |= 0x80 >> (i & 7)
  return 'u' + b64uEncode(new Uint8Array(gzipSync(bytes)))
}

/** The bit at `index` of an encodedList (for tests and offline checkers). */
export function statusBit(encodedList: string, index: number): boolean {
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'))
  return ((bytes[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0
}

async function operatorKey(db: DB, secrets: Secrets, now: Date) {
  const dept = await db.selectFrom('departments').select(['id', 'name', 'code']).where('code', '=', OPERATOR_USCC).executeTakeFirst()
  if (!dept) throw new NotFoundError('平台运营部门（苏州市政务服务管理办公室）不在部门目录中，无法签发状态列表。请管理员在部门管理中补全。 The operator department is missing.', 'operator_missing')
  const make = () => db.transaction().execute((tx) => activeKey(tx, secrets, dept.id, now))
  // Two first requests at once may both try to create the key: the unique index refuses one; read it again.
  const key = await make().catch(() => make())
  return { key, dept: { name: dept.name, uscc: dept.code! } }
}

/** The status_index of every licence now in the list of `purpose`, ascending. */
export async function listedIndexes(db: DB, purpose: StatusPurpose): Promise<number[]> {
  const rows = await db.selectFrom('licences').select('status_index').where('status', '=', purpose === 'revocation' ? 'revoked' : 'suspended').orderBy('status_index').execute()
  return rows.map((r) => r.status_index)
}

/** Signs the list of `purpose` holding exactly `indexes`. */
export async function statusListCredential(deps: { db: DB; secrets: Secrets }, publicUrl: string, purpose: StatusPurpose, indexes: number[], now = new Date()): Promise<Record<string, unknown>> {
  const { key, dept } = await operatorKey(deps.db, deps.secrets, now)
  const url = statusListUrl(publicUrl, purpose)
  const created = now.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const credential = {
    '@context': [VC_V2_CONTEXT],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: { id: issuerUrl(publicUrl, dept.uscc), name: dept.name },
    validFrom: created,
    credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: purpose, ttl: 60_000, encodedList: encodeStatusList(indexes) },
  }
  return addDataIntegrityProof(credential, { algorithm: key.algorithm, privateKey: key.privateKey, verificationMethod: keyUrl(publicUrl, key.kid), created })
}

export type SignedStatusList = { body: string; etag: string }

/** The signed lists of this process, re-signed only when their bits change (see above). */
export function createStatusLists(deps: { db: DB; secrets: Secrets }, publicUrl: string) {
  const signed = new Map<StatusPurpose, SignedStatusList & { bits: string; at: number }>()
  const making = new Map<string, Promise<SignedStatusList & { bits: string; at: number }>>()
  return {
    async get(purpose: StatusPurpose, now = new Date()): Promise<SignedStatusList> {
      const indexes = await listedIndexes(deps.db, purpose)
      const bits = indexes.join(',')
      const last = signed.get(purpose)
      if (last && last.bits === bits && now.getTime() - last.at < STATUS_LISTS.maxAgeMs) return last
      // Concurrent requests that find the same new bits sign once.
      const key = `${purpose}|${bits}`
      const running = making.get(key)
      if (running) return running
      const p = statusListCredential(deps, publicUrl, purpose, indexes, now)
        .then((credential) => {
          const body = JSON.stringify(credential)
          const entry = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, bits, at: now.getTime() }
          signed.set(purpose, entry)
          return entry
        })
        .finally(() => making.delete(key))
      making.set(key, p)
      return p
    },
  }
}
