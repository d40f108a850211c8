import type { Logger } from '../logger'
import type { Lang } from '../web/i18n'
import type { Viewer } from '../web/layout'

/** Per-request variables set by platform middleware. */
export type AppVariables = {
  requestId: string
  log: Logger
  lang: Lang
  /** CSP nonce for inline scripts (JSON-LD, small enhancements). */
  nonce: string
  /** The signed-in citizen for the portal header (set by identity when a session cookie is present). */
  viewer?: Viewer
}
export type AppEnv = { Variables: AppVariables }
