import type { DB } from '../src/platform/database'
import { uuidv7 } from '../src/platform/ids'
import { idCheckChar } from '../src/platform/identifiers'
import { hashPassword } from '../src/modules/identity/password'
import { createCitizenSession } from '../src/modules/identity/citizen-session'
import { citizenCookieName } from '../src/modules/identity/citizen-cookies'
import { DEMO_ENTERPRISES, DEMO_RESIDENTS } from '../src/modules/exchange'

export { DEMO_ENTERPRISES, DEMO_RESIDENTS }

/**
 * Test support for citizen routes: accounts straight in the table (with a real argon2id hash, so sign-in
 * tests can use them) and real server-side sessions (the same createCitizenSession the sign-in uses).
 */
export const CITIZEN_PASSWORD = 'correct horse battery'

let phoneSeq = 0
/** A unique, well-formed mainland mobile number per call (139 + 8 digits from time and a counter). */
function nextPhone(): string {
  phoneSeq = (phoneSeq + 1) % 1000
  const tail = `${Date.now() % 100000}`.padStart(5, '0') + `${phoneSeq}`.padStart(3, '0')
  return `139${tail}`
}

let hashCache: Promise<string> | undefined
export type CreateCitizenInput = {
  phone?: string
  password?: string
  displayName?: string
  /** Real-name verified (trust 2 unless trustLevel says otherwise): name + 身份证号 as the 人口库 knows them. */
  verifiedAs?: { name: string; idNumber: string }
  trustLevel?: 1 | 2 | 3
  disabled?: boolean
}

export async function createCitizen(db: DB, input: CreateCitizenInput = {}): Promise<{ id: string; phone: string }> {
  const id = uuidv7()
  const phone = input.phone ?? nextPhone()
  // One hash for the default password per process: argon2id is deliberately slow.
  const passwordHash = input.password ? await hashPassword(input.password) : await (hashCache ??= hashPassword(CITIZEN_PASSWORD))
  const v = input.verifiedAs
  const now = new Date()
  await db
    .insertInto('citizens')
    .values({
      id,
      phone,
      password_hash: passwordHash,
      display_name: input.displayName ?? v?.name ?? `用户${phone.slice(-4)}`,
      name: v?.name ?? null,
      id_number: v?.idNumber ?? null,
      trust_level: input.trustLevel ?? (v ? 2 : 1),
      verified_at: v ? now : null,
      verification_method: v ? 'id_card_online' : null,
      agreement_version: '2026-11',
      agreement_accepted_at: now,
      disabled: input.disabled ?? false,
    })
    .execute()
  return { id, phone }
}

export type CitizenTestSession = { cookie: string; csrf: string }

/** A live session for `citizenId`: `cookie` is ready for a Cookie header, `csrf` for `_csrf`. */
export async function citizenSession(_app: unknown, db: DB, citizenId: string, opts: { mfa?: boolean } = {}): Promise<CitizenTestSession> {
  const s = await db.transaction().execute((tx) => createCitizenSession(tx, { citizenId, ...(opts.mfa ? { mfa: true } : {}) }))
  return { cookie: `${citizenCookieName({ secureCookies: false })}=${s.token}`, csrf: s.csrfToken }
}

/**
 * A verified account for one of the fixed demo residents of the seeded 人口库 (src/modules/exchange/seed/
 * demo-identities.ts): 0 = 李明华 (legal representative of both DEMO_ENTERPRISES), 1 = 王芳 (the agent),
 * 2 = 陈志强 (unrelated), 3 = 赵秀英. Needs testApp('seeded') / testDb('seeded').
 */
export function createDemoCitizen(db: DB, n: 0 | 1 | 2 | 3, opts: Omit<CreateCitizenInput, 'verifiedAs'> = {}) {
  const r = DEMO_RESIDENTS[n]
  return createCitizen(db, { ...opts, verifiedAs: { name: r.name, idNumber: r.idNumber } })
}

/** A well-formed (GB 11643 check digit) 身份证号 that is NOT in the seeded 人口库: born 1990-01-01 in 320508, sequence 900 + n. */
export function fakeIdNumber(n: number): string {
  const first17 = `32050819900101${String(900 + (n % 100)).padStart(3, '0')}`
  return first17 + idCheckChar(first17)
}
