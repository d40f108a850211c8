/**
 * Citizen accounts (自然人用户, GB/T 39046 表12) — types and pure rules. See CONTEXT.md.
 *
 * 实名可信等级 (trust level), after the Guangdong unified-identity scheme (standards.md §B.2), in three steps:
 *   1 registered   — phone proven by SMS code (广东 二级: self-declared);
 *   2 verified     — name + 身份证号 + 证件有效期 matched against the 人口库 through the exchange (三级);
 *   3 strong       — verified AND a second factor (TOTP or passkey) enrolled, or verified at a counter (四级/五级).
 * Service items declare the minimum level they need (service_items.min_trust_level).
 */
export type TrustLevel = 1 | 2 | 3
export const TRUST_LEVEL_LABELS: Record<TrustLevel, { zh: string; en: string }> = {
  1: { zh: '已注册（手机号已验证）', en: 'Registered (phone verified)' },
  2: { zh: '已实名（人口库核验）', en: 'Real-name verified' },
  3: { zh: '已实名 + 第二因素', en: 'Verified with a second factor' },
}

export type CitizenUser = {
  id: string
  displayName: string
  /** Masked for display; the raw number never leaves identity's operations. */
  phoneMasked: string
  name: string | null
  idNumberMasked: string | null
  trustLevel: TrustLevel
  totpEnabled: boolean
}

/** Whom the signed-in citizen is acting for (经办人 for an enterprise, 委托代办 for another citizen). */
export type ActingFor = { type: 'enterprise' | 'citizen'; id: string; name: string; mandateId: string; scope: 'all' | 'items'; itemCodes: string[] }

export const CITIZEN_SESSION_IDLE_MS = 30 * 60 * 1000
export const CITIZEN_SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000
export const CITIZEN_SESSION_TOUCH_MS = 60 * 1000

export function meetsTrustLevel(user: Pick<CitizenUser, 'trustLevel'>, min: number): boolean {
  return user.trustLevel >= min
}
