import type { Readable } from 'node:stream'
import type { DB } from '../../../platform/database'
import { UUID_RE } from '../../../platform/ids'
import type { BlobStorage } from '../../../platform/storage'
import { uploadNotFound, type UploadMime } from './upload-errors'
import { mayOpenUpload, type UploadOwner } from './upload-policy'

export type OpenUploadDeps = { db: DB; storage: BlobStorage }
export type OpenedUpload = { stream: Readable; mime: UploadMime; size: number; name: string }
export type UploadInfo = { id: string; sha256: string; size: number; mime: UploadMime; name: string; ownerCitizenId: string; actingEnterpriseId: string | null; createdAt: Date }

/** An upload's metadata (no access check: callers check), or undefined. */
export async function getUpload(db: DB, uploadId: string): Promise<UploadInfo | undefined> {
  if (!UUID_RE.test(uploadId)) return undefined
  const r = await db.selectFrom('uploads').selectAll().where('id', '=', uploadId).executeTakeFirst()
  if (!r) return undefined
  return { id: r.id, sha256: r.sha256, size: r.size_bytes, mime: r.mime, name: r.original_name, ownerCitizenId: r.owner_citizen_id, actingEnterpriseId: r.acting_enterprise_id, createdAt: new Date(r.created_at) }
}

/**
 * Opens an upload for the person asking (mayOpenUpload). Anyone else gets the same 404 as for an id that does not
 * exist — whether a file exists is not revealed.
 */
export async function openUploadForOwner(deps: OpenUploadDeps, uploadId: string, viewer: UploadOwner): Promise<OpenedUpload> {
  const u = await getUpload(deps.db, uploadId)
  if (!u || !mayOpenUpload({ owner_citizen_id: u.ownerCitizenId, acting_enterprise_id: u.actingEnterpriseId }, viewer)) throw uploadNotFound()
  return { stream: await deps.storage.open(u.sha256), mime: u.mime, size: u.size, name: u.name }
}

/** Opens an upload WITHOUT an access check — for the cases module, which checks its officers itself. */
export async function openUpload(deps: OpenUploadDeps, uploadId: string): Promise<OpenedUpload> {
  const u = await getUpload(deps.db, uploadId)
  if (!u) throw uploadNotFound()
  return { stream: await deps.storage.open(u.sha256), mime: u.mime, size: u.size, name: u.name }
}
