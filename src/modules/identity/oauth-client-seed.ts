import type { DB } from '../../platform/database'
import type { Secrets } from '../../platform/secrets'
import type { DepartmentDirectory } from './ports'
import { registerOauthClient } from './register-oauth-client'

/**
 * Demo OAuth clients for 苏州市市场监督管理局 (README "Single sign-on"): a website that signs citizens in
 * (redirect URI on localhost:8080 for a local demo relying party) and a back-end system with client
 * credentials for the exchange API. Secrets are random and returned so `yiwang start` / `seed` print them
 * once, like the editor password. Does nothing for a client that already exists (by name).
 */
export const DEMO_DEPARTMENT = '苏州市市场监督管理局'
export const DEMO_CLIENTS = {
  web: { name: '市场监管网上办事大厅（演示）', redirectUris: ['http://localhost:8080/callback', 'http://127.0.0.1:8080/callback'] },
  system: { name: '市场监管数据对接系统（演示）', redirectUris: [] },
} as const

export async function seedDemoOauthClients(db: DB, secrets: Secrets, directory: DepartmentDirectory): Promise<Record<string, string>> {
  const department = (await directory.listDepartments()).find((d) => d.name === DEMO_DEPARTMENT)
  const out: Record<string, string> = {}
  for (const kind of ['web', 'system'] as const) {
    const demo = DEMO_CLIENTS[kind]
    const exists = await db.selectFrom('oauth_clients').select('client_id').where('name', '=', demo.name).executeTakeFirst()
    if (exists) continue
    const made = await registerOauthClient(db, secrets, { name: demo.name, departmentId: department?.id ?? null, kind, redirectUris: [...demo.redirectUris], actor: { type: 'system', name: 'seed' } })
    out[`${kind}ClientId`] = made.clientId
    out[`${kind}ClientSecret`] = made.clientSecret
  }
  return out
}
