/**
 * Who may open an upload (the ONE rule; the routes and openUploadForOwner use it, and so may the applications
 * module when files are attached): an upload made while acting for an enterprise belongs to that enterprise and
 * opens for whoever acts for it NOW (a revoked agent loses it at once, the uploader included when no longer
 * acting); any other upload opens for the person who uploaded it.
 */
export type UploadOwner = { citizenId: string; enterpriseId?: string | null }

export function mayOpenUpload(row: { owner_citizen_id: string; acting_enterprise_id: string | null }, viewer: UploadOwner): boolean {
  if (row.acting_enterprise_id) return !!viewer.enterpriseId && viewer.enterpriseId === row.acting_enterprise_id
  return row.owner_citizen_id === viewer.citizenId
}
