import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../../../platform/http/context'
import type { SummaryError } from '../../../platform/web/form-components'
import { getStaff, renderBackoffice } from '../../identity'

/** The exchange's back-office pages use identity's shell (one navigation by role for every module). */
export function renderExchangeAdmin(c: Context<AppEnv>, page: { title: string; errors?: SummaryError[]; notice?: string | undefined }, body: Child): string {
  return renderBackoffice(c, page, body)
}

/** The signed-in staff member as the exchange's operations take them. */
export function grantActorOf(c: Context<AppEnv>) {
  const u = getStaff(c).user
  return { id: u.id, name: u.displayName, departmentId: u.departmentId, grants: u.grants }
}
