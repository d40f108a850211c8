// Public surface of the identity module (minimal staff sign-in until the identity issue).
export { requireStaff, getStaff, type IdentityDeps } from './require-staff'
export type { StaffSession } from './staff-session'
export { hasAnyRole, STAFF_ROLES, type StaffRole, type StaffUser } from './staff'
export { createStaffUser, type CreateStaffUserInput } from './create-staff-user'
export { signInStaff } from './sign-in-staff'
export { signOutStaff } from './sign-out-staff'
export { seedDemoStaff } from './seed-demo-staff'
