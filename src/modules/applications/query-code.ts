import type { Secrets } from '../../platform/secrets'
import { normalizeQueryCode } from './ref-no'

/**
 * 查询码 for the public progress lookup: derived from the 办件编号 with the platform's keyed pseudonym, so it can
 * be shown again to the applicant (receipt, 我的办件) without storing it, and cannot be guessed without the key.
 * 6 characters without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
 */
const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679'
export function queryCodeFor(secrets: Pick<Secrets, 'pseudonym'>, refNo: string): string {
  const h = Buffer.from(secrets.pseudonym('query-code', refNo), 'base64url')
  let s = ''
  for (let i = 0; i < 6; i++) s += ALPHABET[h[i]! % ALPHABET.length]
  return s
}
export function queryCodeMatches(secrets: Pick<Secrets, 'pseudonym'>, refNo: string, code: string): boolean {
  return queryCodeFor(secrets, refNo) === normalizeQueryCode(code)
}
