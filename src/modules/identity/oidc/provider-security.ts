import type { KoaContextWithOIDC } from 'oidc-provider'

/**
 * Security headers for responses oidc-provider writes itself. They bypass Hono's securityHeaders middleware
 * (the provider writes to the raw Node response and routes.ts returns RESPONSE_ALREADY_SENT), so the same
 * rules are set here, before the provider runs:
 *  - script-src 'self' and no nonce: our provider pages have no inline script; the form_post response mode
 *    (OAuth 2.0 Form Post Response Mode §2) appends the SHA-256 of its one auto-submit script to script-src;
 *  - no form-action: form_post submits to the client's registered redirect_uri, another origin by design;
 *  - frame-ancestors 'none' / X-Frame-Options DENY: no framing of sign-in or consent (RFC 6749 §10.13).
 */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"

export async function securityHeadersForProvider(ctx: KoaContextWithOIDC, next: () => Promise<unknown>): Promise<void> {
  ctx.set('Content-Security-Policy', CSP)
  ctx.set('X-Content-Type-Options', 'nosniff')
  ctx.set('Referrer-Policy', 'strict-origin-when-cross-origin')
  ctx.set('X-Frame-Options', 'DENY')
  ctx.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
  await next()
}
