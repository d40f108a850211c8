import { randomBytes } from 'node:crypto'
import type { DB, Executor } from '../../platform/database'
import type { Secrets } from '../../platform/secrets'
import { recordAudit, type Actor } from '../../platform/audit'
import { NotFoundError, ValidationError } from '../../platform/errors'
import { generateKeyPair, publicJwk, type SigningAlgorithm } from './crypto'

/**
 * A department's signing keys (issue 5, Deliver 3). One ACTIVE key per department (partial unique index); the
 * private key is sealed with the platform master key (AES-256-GCM, secrets.seal) and opened only to sign.
 * Rotation retires the active key and makes a new one, in one transaction; retired public keys stay published so
 * every licence signed under them keeps verifying. The algorithm is chosen per department by its key: Ed25519 by
 * default, SM2 with SM3 (GB/T 32918, user id 1234567812345678) when a department rotates to it.
 */
export type SigningKey = { kid: string; departmentId: string; algorithm: SigningAlgorithm; publicKey: string; privateKey: string }
export type PublicKeyInfo = { kid: string; departmentId: string; algorithm: SigningAlgorithm; publicKey: string; createdAt: Date; retiredAt: Date | null }

const ALGORITHMS: readonly SigningAlgorithm[] = ['Ed25519', 'SM2']
const opened = new Map<string, string>()

function openPrivate(secrets: Secrets, kid: string, sealed: string): string {
  const hit = opened.get(sealed)
  if (hit) return hit
  const key = secrets.open(sealed)
  if (opened.size > 500) opened.clear()
  opened.set(sealed, key)
  return key
}

async function departmentCode(tx: Executor, departmentId: string): Promise<string> {
  const d = await tx.selectFrom('departments').select(['code']).where('id', '=', departmentId).executeTakeFirst()
  if (!d) throw new NotFoundError('找不到该部门。 Department not found.', 'department_not_found')
  if (!d.code || d.code.length !== 18) throw new ValidationError('该部门没有统一社会信用代码，不能签发电子证照。请先在目录中补全部门代码。 The department has no USCC; add it first.', [], 'department_without_uscc')
  return d.code
}

async function createKey(tx: Executor, secrets: Secrets, departmentId: string, algorithm: SigningAlgorithm, now: Date): Promise<SigningKey> {
  const uscc = await departmentCode(tx, departmentId)
  const pair = generateKeyPair(algorithm)
  const day = now.toISOString().slice(0, 10).replace(/-/g, '')
  const kid = `${uscc}-${day}-${randomBytes(3).toString('hex')}`
  await tx.insertInto('licence_keys').values({ kid, department_id: departmentId, algorithm, public_key: pair.publicKey, private_key_sealed: secrets.seal(pair.privateKey), created_at: now }).execute()
  return { kid, departmentId, algorithm, publicKey: pair.publicKey, privateKey: pair.privateKey }
}

/** The department's active key, made (Ed25519) on first use — inside the caller's transaction. */
export async function activeKey(tx: Executor, secrets: Secrets, departmentId: string, now = new Date()): Promise<SigningKey> {
  const row = await tx.selectFrom('licence_keys').selectAll().where('department_id', '=', departmentId).where('retired_at', 'is', null).executeTakeFirst()
  if (row) return { kid: row.kid, departmentId, algorithm: row.algorithm, publicKey: row.public_key, privateKey: openPrivate(secrets, row.kid, row.private_key_sealed) }
  return createKey(tx, secrets, departmentId, 'Ed25519', now)
}

/** 密钥轮换: retire the active key (if any) and make a new one with the chosen algorithm. Audited. */
export async function rotateDepartmentKey(deps: { db: DB; secrets: Secrets }, input: { departmentId: string; algorithm: SigningAlgorithm; actor: Actor; now?: Date }): Promise<PublicKeyInfo> {
  if (!ALGORITHMS.includes(input.algorithm)) throw new ValidationError('签名算法只能是 Ed25519 或 SM2。 Algorithm must be Ed25519 or SM2.', [{ field: 'algorithm', message: '请选择 Ed25519 或 SM2。' }], 'bad_algorithm')
  const now = input.now ?? new Date()
  return deps.db.transaction().execute(async (tx) => {
    // Lock the department's keys so two rotations at once cannot both retire and insert.
    await tx.selectFrom('departments').select('id').where('id', '=', input.departmentId).forUpdate().executeTakeFirst()
    const retired = await tx.updateTable('licence_keys').set({ retired_at: now }).where('department_id', '=', input.departmentId).where('retired_at', 'is', null).returning('kid').execute()
    const key = await createKey(tx, deps.secrets, input.departmentId, input.algorithm, now)
    await recordAudit(tx, { actor: input.actor, action: 'licence_key.rotated', subject: { type: 'department', id: input.departmentId }, details: { kid: key.kid, algorithm: key.algorithm, retired: retired.map((r) => r.kid) } })
    return { kid: key.kid, departmentId: key.departmentId, algorithm: key.algorithm, publicKey: key.publicKey, createdAt: now, retiredAt: null }
  })
}

/** Every published key (active and retired): what anyone needs to verify offline. */
export async function publishedKeys(db: Executor): Promise<(PublicKeyInfo & { departmentName: string; departmentCode: string | null })[]> {
  const rows = await db.selectFrom('licence_keys as k').innerJoin('departments as d', 'd.id', 'k.department_id')
    .select(['k.kid', 'k.department_id', 'k.algorithm', 'k.public_key', 'k.created_at', 'k.retired_at', 'd.name', 'd.code']).orderBy('k.created_at').orderBy('k.kid').execute()
  return rows.map((r) => ({ kid: r.kid, departmentId: r.department_id, algorithm: r.algorithm, publicKey: r.public_key, createdAt: r.created_at, retiredAt: r.retired_at, departmentName: r.name, departmentCode: r.code }))
}

/** The JSON published at /.well-known/yiwang-licence-keys.json (JWKs + who they belong to). */
export function keySetDocument(keys: Awaited<ReturnType<typeof publishedKeys>>) {
  return {
    keys: keys.map((k) => ({
      ...publicJwk(k.algorithm, k.publicKey, k.kid),
      use: 'sig',
      'yiwang:department': k.departmentName,
      'yiwang:uscc': k.departmentCode,
      'yiwang:created': k.createdAt.toISOString(),
      ...(k.retiredAt ? { 'yiwang:retired': k.retiredAt.toISOString() } : {}),
    })),
  }
}

/** The key under which something was signed (active or retired), for verification. */
export async function keyByKid(db: Executor, kid: string): Promise<PublicKeyInfo | undefined> {
  if (kid.length > 80) return undefined
  const r = await db.selectFrom('licence_keys').select(['kid', 'department_id', 'algorithm', 'public_key', 'created_at', 'retired_at']).where('kid', '=', kid).executeTakeFirst()
  return r ? { kid: r.kid, departmentId: r.department_id, algorithm: r.algorithm, publicKey: r.public_key, createdAt: r.created_at, retiredAt: r.retired_at } : undefined
}
