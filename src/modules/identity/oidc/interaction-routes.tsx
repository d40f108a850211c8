import type { IncomingMessage, ServerResponse } from 'node:http'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type Provider from 'oidc-provider'
import type { Deps } from '../../../deps'
import type { AppEnv } from '../../../platform/http/context'
import { getCitizen, requireCitizen } from '../require-citizen'
import { renderConsent, renderInteractionGone } from './consent-page'
import { grantConsent, loginResult, refuseConsent } from './grant-consent'
import { getOidcProvider, interactionPath } from './provider'

/**
 * /oidc/interaction/:uid — where the provider sends the browser when it needs the person (login or consent
 * prompt). Behind requireCitizen: without a Yiwang session the citizen goes to /login?next=<this page> and
 * comes back. A login prompt finishes at once with the signed-in citizen; a consent prompt shows what the
 * system will receive, with 同意 / 拒绝 (POST, session CSRF token).
 *
 * The provider binds an interaction to the browser that started it with a signed cookie (path = this URL);
 * interactionDetails reads only the request's cookies, so a minimal request object is enough here.
 */
function cookieOnly(c: Context<AppEnv>): [IncomingMessage, ServerResponse] {
  const req = { headers: { cookie: c.req.header('cookie') ?? '' }, url: c.req.path, method: c.req.method, socket: {} }
  return [req as unknown as IncomingMessage, {} as ServerResponse]
}

async function currentInteraction(c: Context<AppEnv>, provider: Provider) {
  try {
    const [req, res] = cookieOnly(c)
    const interaction = await provider.interactionDetails(req, res)
    return interaction.uid === c.req.param('uid') ? interaction : undefined
  } catch (err) {
    const { errors } = await import('oidc-provider') // already loaded: the provider made it to here
    if (err instanceof errors.SessionNotFound) return undefined
    throw err
  }
}

export function registerInteractionRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const citizen = requireCitizen(deps)
  const gone = (c: Context<AppEnv>) => c.html(renderInteractionGone(c), 400)

  app.get('/oidc/interaction/:uid', citizen, async (c) => {
    const provider = await getOidcProvider(deps)
    const interaction = await currentInteraction(c, provider)
    if (!interaction) return gone(c)
    const [req, res] = cookieOnly(c)
    if (interaction.prompt.name === 'login') {
      // Signed in to Yiwang already: that is the authentication; the provider continues (maybe to consent).
      return c.redirect(await provider.interactionResult(req, res, { login: loginResult(getCitizen(c)) }, { mergeWithLastSubmission: false }), 303)
    }
    const clientId = String(interaction.params['client_id'] ?? '')
    const client = await deps.db.selectFrom('oauth_clients').select(['name', 'department_id']).where('client_id', '=', clientId).where('revoked_at', 'is', null).executeTakeFirst()
    if (!client) return gone(c)
    const department = client.department_id ? await deps.directory.getDepartment(client.department_id) : undefined
    const requested = String(interaction.params['scope'] ?? 'openid').split(' ')
    const s = getCitizen(c)
    return c.html(
      renderConsent(c, {
        clientName: client.name,
        departmentName: department?.name ?? null,
        scopes: ['openid', 'profile', 'phone'].filter((x) => requested.includes(x)),
        citizenName: s.user.displayName,
        csrf: s.csrfToken,
        action: interactionPath(interaction.uid),
      }),
    )
  })

  app.post('/oidc/interaction/:uid', citizen, async (c) => {
    const provider = await getOidcProvider(deps)
    const interaction = await currentInteraction(c, provider)
    if (!interaction || interaction.prompt.name !== 'consent') return gone(c)
    const form = await c.req.parseBody()
    const s = getCitizen(c)
    const result = form['decision'] === 'allow' ? await grantConsent(deps.db, provider, interaction, s) : await refuseConsent(deps.db, interaction, s)
    const [req, res] = cookieOnly(c)
    return c.redirect(await provider.interactionResult(req, res, result, { mergeWithLastSubmission: false }), 303)
  })
}
