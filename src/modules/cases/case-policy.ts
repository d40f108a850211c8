import { hasRoleIn, type StaffUser } from '../identity'

/**
 * Who may do what to a case — one line per rule, checked first in every operation (ARCHITECTURE.md §4).
 * Department roles are scoped (issue 3): the department of the case (受理 and the decision) or of the step.
 */
type Staff = Pick<StaffUser, 'grants'>
type Scope = { departmentId: string; regionCode?: string | null }

const officer = (u: Staff, s: Scope) => hasRoleIn(u, 'department_officer', s) || hasRoleIn(u, 'department_head', s)

/** 预审/受理: the window (窗口人员) or an officer of the receiving department. */
export const mayReview = (u: Staff, caseScope: Scope) => hasRoleIn(u, 'window_officer', caseScope) || officer(u, caseScope)
/** Work on a step: an officer or head of the step's department. */
export const mayWorkStep = (u: Staff, stepScope: Scope) => officer(u, stepScope)
/** Assign a step to someone: the head of the step's department. */
export const mayAssignStep = (u: Staff, stepScope: Scope) => hasRoleIn(u, 'department_head', stepScope)
/** 延长审批 needs the organ head's approval (行政许可法 Art. 42). */
export const mayExtend = (u: Staff, caseScope: Scope) => hasRoleIn(u, 'department_head', caseScope)
/** Ending a case early (终止): the head of the receiving department. */
export const mayTerminate = (u: Staff, caseScope: Scope) => hasRoleIn(u, 'department_head', caseScope)
/** Issue and deliver the result: the window or an officer of the receiving department. */
export const mayIssue = (u: Staff, caseScope: Scope) => mayReview(u, caseScope)
/** See a case: anyone working in a department that handles it, or a supervisor of its region. */
export const mayView = (u: Staff, departments: string[], regionCode: string | null) =>
  departments.some((d) => hasRoleIn(u, 'window_officer', { departmentId: d }) || officer(u, { departmentId: d })) ||
  (!!regionCode && hasRoleIn(u, 'supervisor', { regionCode }))
/** Unmask the applicant's ID and phone (audited): officers and heads of a handling department, not the window. */
export const mayUnmask = (u: Staff, departments: string[]) => departments.some((d) => officer(u, { departmentId: d }))
