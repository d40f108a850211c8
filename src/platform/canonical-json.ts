/**
 * Canonical JSON — RFC 8785 (JSON Canonicalization Scheme, JCS). Used for content hashes, the audit chain and
 * the signed e-licence documents (eddsa-jcs-2022 proofs, compact QR payloads).
 *
 *  - §3.2.1 / §3.2.3: object members sorted by their names as arrays of UTF-16 code units (Array#sort's default
 *    order), no whitespace; arrays keep their order.
 *  - §3.2.2.2 strings: as ECMAScript JSON.stringify — `"` and `\` escaped, U+0008/9/A/C/D as \b \t \n \f \r,
 *    other U+0000–U+001F as \u00hh (lower-case hex), everything else (CJK, non-BMP pairs, U+007F, U+2028)
 *    as is (UTF-8 once encoded).
 *  - §3.2.2.3 numbers: ECMAScript Number#toString (JSON.stringify): 1e21 → "1e+21", 1e-7 → "1e-7", -0 → "0";
 *    NaN and ±Infinity are not JSON and throw.
 *
 * Beyond RFC 8785 (values that are not JSON): undefined members are dropped and undefined array elements (and
 * holes) become null, as JSON.stringify does; a Date becomes its ISO-8601 string. Functions, symbols and
 * bigints throw a TypeError (they have no JSON form).
 *
 * Lone surrogates: RFC 8785 §3.1 requires I-JSON input (RFC 7493 §2.1: no lone surrogates). By default they are
 * written as JSON.stringify does (escaped, e.g. "\ud800") so that hashing arbitrary stored text never fails;
 * pass { iJson: true } — as the licence signatures do — to refuse them (TypeError) like a strict JCS does.
 */
export function canonicalJson(value: unknown, options?: { iJson?: boolean }): string {
  return write(value, options?.iJson === true)
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function str(s: string, iJson: boolean): string {
  if (iJson && LONE_SURROGATE.test(s)) throw new TypeError('canonical JSON: string contains a lone surrogate (not I-JSON)')
  return JSON.stringify(s)
}

function write(value: unknown, iJson: boolean): string {
  switch (typeof value) {
    case 'string':
      return str(value, iJson)
    case 'number':
      if (!Number.isFinite(value)) throw new Error('non-finite number')
      return JSON.stringify(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'undefined':
      return 'null'
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new TypeError(`canonical JSON: a ${typeof value} has no JSON form`)
  }
  if (value === null) return 'null'
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value)) {
    const parts: string[] = []
    for (let i = 0; i < value.length; i++) parts.push(write(value[i], iJson)) // holes → undefined → null
    return `[${parts.join(',')}]`
  }
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort()
  return `{${keys.map((k) => `${str(k, iJson)}:${write(obj[k], iJson)}`).join(',')}}`
}
