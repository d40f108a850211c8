import type { DB } from '../../../platform/database'
import { UUID_RE } from '../../../platform/ids'
import type { LicenceStatus } from '../../../platform/schema-licences'
import { departmentsWithRole, hasRoleIn, type StaffUser } from '../../identity'
import { parseSignedText, type LicenceDocument } from '../licence-document'
import { mayManageLicence, type LicenceRow } from '../licence-lifecycle'

/**
 * What the licence back office reads (issue 5 Deliver 7): the list of the staff member's departments' licences
 * (status filter, number / identifier search, keyset paging on the uuid v7 id = newest first), one licence with
 * its versions chain and history, and the signing keys of the departments a head manages.
 */
export const PAGE_SIZE = 30
export const LICENCE_STATUSES: readonly LicenceStatus[] = ['valid', 'suspended', 'revoked', 'expired', 'superseded']
const DEPARTMENT_ROLES = ['window_officer', 'department_officer', 'department_head'] as const

/** Departments whose licences this person sees: where they hold a department role; 'all' for an admin. */
export function licenceScope(u: Pick<StaffUser, 'grants'>): 'all' | string[] {
  const lists = DEPARTMENT_ROLES.map((r) => departmentsWithRole(u, r))
  return lists.some((l) => l === 'all') ? 'all' : [...new Set(lists.flatMap((l) => (l === 'all' ? [] : l)))]
}

/** May this person open the licence at all (any department role in the issuing department)? */
export const mayViewLicence = (u: Pick<StaffUser, 'grants'>, issuerDepartmentId: string) => DEPARTMENT_ROLES.some((r) => hasRoleIn(u, r, { departmentId: issuerDepartmentId }))

export type ListQuery = { status: LicenceStatus | null; q: string; after: string | null }

export function parseListQuery(get: (k: string) => string | undefined): ListQuery {
  const status = LICENCE_STATUSES.find((s) => s === get('status')) ?? null
  const q = (get('q') ?? '').trim().slice(0, 120)
  const after = get('after') ?? ''
  return { status, q, after: UUID_RE.test(after) ? after : null }
}

export type ListRow = { id: string; number: string; version: number; typeName: string; holderName: string; status: LicenceStatus; issuedOn: string; validUntil: string | null; issuer: string }

export async function listLicences(db: DB, u: Pick<StaffUser, 'grants'>, q: ListQuery): Promise<{ rows: ListRow[]; next: string | null }> {
  const scope = licenceScope(u)
  if (scope !== 'all' && scope.length === 0) return { rows: [], next: null }
  let query = db.selectFrom('licences as l').innerJoin('licence_types as ty', 'ty.code', 'l.type_code').innerJoin('departments as d', 'd.id', 'l.issuer_department_id')
    .select(['l.id', 'l.number', 'l.version', 'ty.name as typeName', 'l.holder_name', 'l.status', 'l.issued_on', 'l.valid_until', 'd.name as issuer'])
  if (scope !== 'all') query = query.where('l.issuer_department_id', 'in', scope)
  if (q.status) query = query.where('l.status', '=', q.status)
  if (q.q) {
    const term = q.q
    if (term.startsWith('1.2.156.')) query = query.where('l.identifier', '=', term)
    else if (UUID_RE.test(term)) query = query.where('l.id', '=', term)
    else query = query.where('l.number', 'like', `${term.toUpperCase().replace(/[%_\\]/g, '')}%`)
  }
  if (q.after) query = query.where('l.id', '<', q.after)
  const rows = await query.orderBy('l.id', 'desc').limit(PAGE_SIZE + 1).execute()
  const page = rows.slice(0, PAGE_SIZE).map((r) => ({ id: r.id, number: r.number, version: r.version, typeName: r.typeName, holderName: r.holder_name, status: r.status, issuedOn: r.issued_on, validUntil: r.valid_until, issuer: r.issuer }))
  return { rows: page, next: rows.length > PAGE_SIZE ? page[page.length - 1]!.id : null }
}

export type LicenceView = {
  row: LicenceRow
  doc: LicenceDocument | null
  typeName: string
  typeFields: { key: string; label: string }[]
  renewable: boolean
  issuerName: string
  versions: { id: string; version: number; identifier: string; status: LicenceStatus; issuedOn: string }[]
  events: { version: number; action: string; reason: string | null; actorName: string | null; actorType: string; at: Date; details: Record<string, unknown> }[]
  mayManage: boolean
}

/** The licence if this person may see it (a department role in the issuing department), else null (→ 404). */
export async function loadLicenceView(db: DB, id: string, u: Pick<StaffUser, 'grants'>): Promise<LicenceView | null> {
  if (!UUID_RE.test(id)) return null
  const row = await db.selectFrom('licences').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row || !mayViewLicence(u, row.issuer_department_id)) return null
  const [type, dept, versions] = await Promise.all([
    db.selectFrom('licence_types').select(['name', 'fields', 'validity_years']).where('code', '=', row.type_code).executeTakeFirstOrThrow(),
    db.selectFrom('departments').select('name').where('id', '=', row.issuer_department_id).executeTakeFirstOrThrow(),
    db.selectFrom('licences').select(['id', 'version', 'identifier', 'status', 'issued_on']).where('type_code', '=', row.type_code).where('number', '=', row.number).orderBy('version').execute(),
  ])
  const ids = versions.map((v) => v.id)
  const versionOf = new Map(versions.map((v) => [v.id, v.version]))
  const events = await db.selectFrom('licence_events').select(['licence_id', 'action', 'reason', 'actor_name', 'actor_type', 'at', 'details']).where('licence_id', 'in', ids).orderBy('at').orderBy('id').execute()
  return {
    row,
    doc: parseSignedText(row.signed_json),
    typeName: type.name,
    typeFields: (type.fields as unknown as { key: string; label: string }[]).map((f) => ({ key: f.key, label: f.label })),
    renewable: type.validity_years !== null,
    issuerName: dept.name,
    versions: versions.map((v) => ({ id: v.id, version: v.version, identifier: v.identifier, status: v.status, issuedOn: v.issued_on })),
    events: events.map((e) => ({ version: versionOf.get(e.licence_id) ?? 0, action: e.action, reason: e.reason, actorName: e.actor_name, actorType: e.actor_type, at: e.at, details: (typeof e.details === 'string' ? JSON.parse(e.details) : e.details) as Record<string, unknown> })),
    mayManage: mayManageLicence(u, row.issuer_department_id),
  }
}

export type LicenceAction = 'suspend' | 'reinstate' | 'revoke' | 'renew' | 'change'
export const LICENCE_ACTIONS: readonly LicenceAction[] = ['suspend', 'reinstate', 'revoke', 'renew', 'change']
export const isLicenceAction = (a: string): a is LicenceAction => (LICENCE_ACTIONS as readonly string[]).includes(a)

/** The actions the page offers now (the operations check again). */
export function availableActions(v: LicenceView): Set<LicenceAction> {
  const out = new Set<LicenceAction>()
  if (!v.mayManage) return out
  const s = v.row.status
  if (s === 'valid') out.add('suspend').add('revoke').add('change')
  if (s === 'suspended') out.add('reinstate').add('revoke')
  if ((s === 'valid' || s === 'expired') && v.renewable) out.add('renew')
  return out
}

export type KeyRow = { kid: string; algorithm: string; createdAt: Date; retiredAt: Date | null; licences: number }
export type DepartmentKeys = { id: string; name: string; code: string | null; keys: KeyRow[] }

/** Departments this person may rotate keys for (department head; admin: every department with a USCC) and their keys. */
export async function keysFor(db: DB, u: Pick<StaffUser, 'grants'>): Promise<DepartmentKeys[]> {
  const scope = departmentsWithRole(u, 'department_head')
  if (scope !== 'all' && scope.length === 0) return []
  let q = db.selectFrom('departments').select(['id', 'name', 'code']).where('code', 'is not', null)
  if (scope !== 'all') q = q.where('id', 'in', scope)
  const depts = await q.orderBy('code').execute()
  if (!depts.length) return []
  const keys = await db.selectFrom('licence_keys as k').leftJoin('licences as l', 'l.kid', 'k.kid')
    .select((eb) => ['k.kid', 'k.department_id', 'k.algorithm', 'k.created_at', 'k.retired_at', eb.fn.count<string>('l.id').as('n')])
    .where('k.department_id', 'in', depts.map((d) => d.id)).groupBy(['k.kid', 'k.department_id', 'k.algorithm', 'k.created_at', 'k.retired_at']).orderBy('k.created_at', 'desc').execute()
  return depts.map((d) => ({
    id: d.id, name: d.name, code: d.code,
    keys: keys.filter((k) => k.department_id === d.id).map((k) => ({ kid: k.kid, algorithm: k.algorithm, createdAt: k.created_at, retiredAt: k.retired_at, licences: Number(k.n) })),
  }))
}
