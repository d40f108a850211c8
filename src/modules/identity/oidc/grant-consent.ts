import type Provider from 'oidc-provider'
import type { InteractionResults } from 'oidc-provider'
import { recordAudit } from '../../../platform/audit'
import type { DB } from '../../../platform/database'
import type { CitizenSession } from '../citizen-session'
import { acrOf } from './account'

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>

/**
 * The authentication part of an interaction result: the signed-in citizen, with acr urn:yiwang:loa:<n>
 * (OpenID Connect Core 1.0 §2, acr). Level 3 needs the second factor in THIS session; a level-3 account
 * signed in with a password only is reported as level 2.
 */
export function loginResult(citizen: CitizenSession): NonNullable<InteractionResults['login']> {
  const level = citizen.user.trustLevel === 3 && !citizen.mfaAt ? 2 : citizen.user.trustLevel
  return { accountId: citizen.user.id, acr: acrOf(level) }
}

/**
 * The citizen agreed to share the requested scopes with this client: a Grant holding exactly what the
 * consent prompt said was missing (oidc-provider "consent" prompt details), audited. Returns the
 * interaction result to finish with.
 */
export async function grantConsent(db: DB, provider: Provider, interaction: Interaction, citizen: CitizenSession): Promise<InteractionResults> {
  const accountId = citizen.user.id
  const clientId = String(interaction.params['client_id'])
  const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined
  const grant = existing && existing.accountId === accountId && existing.clientId === clientId ? existing : new provider.Grant({ accountId, clientId })
  const details = interaction.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> }
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '))
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims)
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '))
  const grantId = await grant.save()
  await db.transaction().execute((tx) =>
    recordAudit(tx, {
      actor: { type: 'citizen', id: accountId, name: citizen.user.displayName },
      action: 'identity.oidc.consent_granted',
      subject: { type: 'oauth_client', id: clientId },
      details: { scopes: details.missingOIDCScope ?? [], claims: details.missingOIDCClaims ?? [] },
    }),
  )
  return { login: loginResult(citizen), consent: { grantId } }
}

/** The citizen refused: the client gets error=access_denied (RFC 6749 §4.1.2.1). Audited. */
export async function refuseConsent(db: DB, interaction: Interaction, citizen: CitizenSession): Promise<InteractionResults> {
  await db.transaction().execute((tx) =>
    recordAudit(tx, {
      actor: { type: 'citizen', id: citizen.user.id, name: citizen.user.displayName },
      action: 'identity.oidc.consent_refused',
      subject: { type: 'oauth_client', id: String(interaction.params['client_id']) },
    }),
  )
  return { error: 'access_denied', error_description: 'The citizen refused to share their Yiwang account with this system.' }
}
