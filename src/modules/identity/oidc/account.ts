import type { Account, AccountClaims } from 'oidc-provider'
import type { DB } from '../../../platform/database'
import { maskPhone } from '../../../platform/privacy'

/**
 * Citizens as OpenID Connect accounts (sub = citizens.id, a uuid that says nothing about the person).
 *
 * What each scope releases (OpenID Connect Core 1.0 §5.4, plus our own claims):
 *   openid  → sub, trust_level (1/2/3, 实名可信等级) — and acr urn:yiwang:loa:<level> set at sign-in;
 *   profile → nickname (the display name), name (the real name — only once verified against the 人口库);
 *   phone   → phone_number MASKED (139****1234): we never release a full number (privacy.ts); systems that
 *             need to call the person ask the exchange with a purpose, which is logged.
 * No 身份证号 claim exists at all.
 */
export const CLAIMS = {
  acr: null,
  auth_time: null,
  iss: null,
  sid: null,
  // acr under openid: always in the ID token, not only when a client sends acr_values (Core §2, §5.5.1.1).
  openid: ['sub', 'trust_level', 'acr'],
  profile: ['nickname', 'name'],
  phone: ['phone_number'],
}

export const acrOf = (trustLevel: number) => `urn:yiwang:loa:${trustLevel}`
export const ACR_VALUES = [1, 2, 3].map(acrOf)

export async function findCitizenAccount(db: DB, sub: string): Promise<Account | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(sub)) return undefined
  const found = await readCitizen(db, sub)
  if (!found) return undefined
  return {
    accountId: sub,
    // Read again per use, so a token issued before a real-name upgrade or disabling reflects the account now.
    async claims(): Promise<AccountClaims> {
      const c = (await readCitizen(db, sub)) ?? found
      const verified = c.trust_level >= 2 && !!c.verified_at && !!c.name
      return {
        sub,
        trust_level: c.trust_level,
        nickname: c.display_name,
        ...(verified ? { name: c.name! } : {}),
        phone_number: maskPhone(c.phone),
      }
    },
  }
}

function readCitizen(db: DB, id: string) {
  return db
    .selectFrom('citizens')
    .select(['id', 'display_name', 'name', 'phone', 'trust_level', 'verified_at'])
    .where('id', '=', id)
    .where('disabled', '=', false)
    .executeTakeFirst()
}
