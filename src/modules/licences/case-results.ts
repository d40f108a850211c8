import type { DB } from '../../platform/database'
import type { Secrets } from '../../platform/secrets'
import type { CaseResultIssuer } from '../cases'
import { issueLicenceForCase } from './issue-licence'

/** The cases module's result port, provided by licences (wired in src/main/compose.ts). */
export function createCaseResultIssuer(deps: { db: DB; secrets: Secrets }): CaseResultIssuer {
  return async (tx, c, ctx) => {
    const l = await issueLicenceForCase(tx, deps.secrets, c, { actor: { type: 'staff', id: ctx.staff.id, name: ctx.staff.displayName }, now: ctx.now, today: ctx.today })
    return l ? { name: l.typeName, number: l.number, licenceId: l.id } : null
  }
}
