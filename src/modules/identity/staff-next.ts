/** Only back-office paths on this host are valid places to return to after sign-in (no open redirect). */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 500) return '/admin'
  if (!/^\/admin(?:[/?#]|$)/.test(next) || next.includes('\\') || /^\/admin\/log(?:in|out)\b/.test(next)) return '/admin'
  return next
}
