import type { Logger } from '../logger'
import type { Lang } from '../web/i18n'

/** Per-request variables set by platform middleware. */
export type AppVariables = {
  requestId: string
  log: Logger
  lang: Lang
  /** CSP nonce for inline scripts (JSON-LD, small enhancements). */
  nonce: string
}
export type AppEnv = { Variables: AppVariables }
