/**
 * Where a citizen may be sent after signing in or registering: only same-site paths of the citizen side
 * (no open redirect — OWASP ASVS 5.1.5). Anything else falls back to /account.
 */
const ALLOWED = /^\/(?:oidc\/interaction\/[^/?#]|me(?:[/?#]|$)|account(?:[/?#]|$)|enterprises?(?:[/?#]|$)|apply(?:[/?#]|$)|services\/[^/?#])/

export function safeNextCitizen(next: unknown, fallback = '/account'): string {
  if (typeof next !== 'string' || next.length > 500) return fallback
  // "//host", "/\host" and control characters are how browsers get talked into leaving the site.
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\') || [...next].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return fallback
  return ALLOWED.test(next) ? next : fallback
}
