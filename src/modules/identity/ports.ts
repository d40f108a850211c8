/**
 * Ports identity needs from modules ABOVE it (ARCHITECTURE.md §2: a lower module defines the port, src/main
 * wires the provider). Every registry check goes through the exchange, so it is purpose-bound and appears in
 * the person's 我的数据使用记录.
 */

/** Who is asking, for the access log: the citizen themself during registration / claiming. */
export type PortActor = { citizenId: string; displayName: string; requestId?: string | undefined }

export type PersonCheckInput = {
  name: string
  idNumber: string
  /** 证件有效期截止 as 'YYYY-MM-DD', or 'long-term' (长期). */
  idCardValidUntil: string
}
export type PersonCheckResult =
  | { outcome: 'match'; genderCode: string; birthDate: string }
  | { outcome: 'mismatch' | 'not_found' | 'inactive' }

export type EntityCheckInput = { uscc: string; legalRepName: string; legalRepIdNumber: string }
export type EntityCheckResult =
  | { outcome: 'match'; name: string; entityType: string; status: 'active' }
  | { outcome: 'not_representative' | 'not_found' | 'inactive' }

/** 人口库 / 法人库 checks, implemented by the exchange (logged reads with purpose 实名核验 / 法人认领). */
export type RegistryPorts = {
  verifyPerson(input: PersonCheckInput, actor: PortActor): Promise<PersonCheckResult>
  verifyEntity(input: EntityCheckInput, actor: PortActor): Promise<EntityCheckResult>
}

/** Departments (owned by catalog) as identity's admin pages need them. */
export type DepartmentSummary = { id: string; name: string; code: string | null; regionCode: string | null; parentId: string | null }
export type DepartmentDirectory = {
  listDepartments(): Promise<DepartmentSummary[]>
  getDepartment(id: string): Promise<DepartmentSummary | undefined>
  /** Names of PUBLISHED service items by code (unknown or unpublished codes are absent): mandate scopes. */
  itemNames(codes: string[]): Promise<Map<string, string>>
}
