// Public surface of the identity module. Other modules use the seams (requireStaff/getStaff,
// requireCitizen/getCitizen) and the operations and types below; see CONTEXT.md.
export { requireStaff, getStaff, type IdentityDeps } from './require-staff'
export { requireCitizen, getCitizen, peekCitizen } from './require-citizen'
export type { StaffSession } from './staff-session'
export type { CitizenSession } from './citizen-session'
export { hasAnyRole, STAFF_ROLES, type StaffRole, type StaffUser } from './staff'
export { hasRoleIn, regionContains, departmentsWithRole, ROLE_LABELS, type StaffGrant, type RoleScope } from './staff-roles'
export { meetsTrustLevel, TRUST_LEVEL_LABELS, type TrustLevel, type CitizenUser, type ActingFor } from './citizen'
export type {
  RegistryPorts, PortActor, PersonCheckInput, PersonCheckResult, EntityCheckInput, EntityCheckResult, DepartmentDirectory, DepartmentSummary,
} from './ports'
export { createStaffUser, type CreateStaffUserInput } from './create-staff-user'
export { signInStaff } from './sign-in-staff'
export { signOutStaff } from './sign-out-staff'
export { seedDemoStaff } from './seed-demo-staff'
export { getCitizenIdNumber, getEnterpriseUscc } from './citizen-queries'
