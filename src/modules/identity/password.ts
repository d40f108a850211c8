import { hash, verify, type Options } from '@node-rs/argon2'

/**
 * Password hashing with argon2id (OWASP parameters: m = 19 MiB, t = 2, p = 1). Passwords longer than
 * MAX_PASSWORD are refused before hashing so a huge input cannot tie up the CPU.
 */
export const MIN_PASSWORD = 8
export const MAX_PASSWORD = 256

// algorithm 2 = Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const OPTIONS: Options = { algorithm: 2 as NonNullable<Options['algorithm']>, memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

// Verified against when the username is unknown, so "no such user" takes as long as "wrong password".
let dummy: Promise<string> | undefined

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD) return false
  if (!passwordHash) {
    dummy ??= hashPassword('dummy-password-for-timing')
    await verify(await dummy, password).catch(() => false)
    return false
  }
  return verify(passwordHash, password).catch(() => false)
}
