/**
 * 办件编号 (GB/T 39046 表5: assigned at submission, unique platform-wide, an..50). Ours is short and readable:
 * YYMMDD (Asia/Shanghai date of submission) + a 6-digit (or longer) platform-wide sequence + one check digit,
 * Damm's algorithm — every single-digit error and every adjacent transposition (including with the check digit)
 * is caught. Digits only, so no
 * ambiguous letters; shown grouped as 261121-000042-7 and accepted with or without the hyphens.
 */
// Damm's totally anti-symmetric quasigroup of order 10 (H. M. Damm, 2004).
const DAMM = ['0317598642', '7092154863', '4206871359', '1750983426', '6123045978', '3674209581', '5869720134', '8945362017', '9438617205', '2581436790']

export function refNoCheckDigit(body: string): string {
  let interim = 0
  for (const ch of body) {
    const d = ch.charCodeAt(0) - 48
    if (d < 0 || d > 9) throw new Error('办件编号只含数字')
    interim = DAMM[interim]!.charCodeAt(d) - 48
  }
  return String(interim)
}

export function makeRefNo(shanghaiDate: string, seq: number | bigint | string): string {
  const body = shanghaiDate.slice(2, 4) + shanghaiDate.slice(5, 7) + shanghaiDate.slice(8, 10) + String(seq).padStart(6, '0')
  return body + refNoCheckDigit(body)
}

/** Normalises user input (spaces, hyphens, full-width digits) and returns the 办件编号, or null when invalid. */
export function parseRefNo(input: string): string | null {
  const v = input.normalize('NFKC').replace(/[\s-]/g, '')
  if (!/^\d{13,20}$/.test(v)) return null
  return refNoCheckDigit(v.slice(0, -1)) === v.slice(-1) ? v : null
}

export function formatRefNo(ref: string): string {
  return `${ref.slice(0, 6)}-${ref.slice(6, -1)}-${ref.slice(-1)}`
}

export function normalizeQueryCode(input: string): string {
  return input.normalize('NFKC').replace(/\s/g, '').toUpperCase()
}
