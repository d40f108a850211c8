/**
 * Who is applying. `citizenId` is the natural person the application is for (themself, or the principal of a
 * 委托代办), `filerId` the signed-in person; `actingEnterpriseId` is set while an 经办人 acts for an enterprise.
 * The mandate is re-checked by identity on every request; here we only compare.
 */
export type ApplicantActor = { citizenId: string; filerId: string; name: string; actingEnterpriseId?: string | null }

export type OwnedRow = { applicant_citizen_id: string; subject_enterprise_id: string | null }

/** An enterprise's application belongs to whoever currently acts for it; a person's to that person (or their agent). */
export function isApplicantOf(a: ApplicantActor, row: OwnedRow): boolean {
  if (row.subject_enterprise_id) return !!a.actingEnterpriseId && a.actingEnterpriseId === row.subject_enterprise_id
  return !a.actingEnterpriseId && a.citizenId === row.applicant_citizen_id
}
