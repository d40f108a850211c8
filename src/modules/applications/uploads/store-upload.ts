import type { Readable } from 'node:stream'
import { fileTypeFromBuffer } from 'file-type'
import { recordAudit } from '../../../platform/audit'
import type { Config } from '../../../platform/config'
import type { DB } from '../../../platform/database'
import { uuidv7 } from '../../../platform/ids'
import type { BlobStorage } from '../../../platform/storage'
import { EmptyFileError, FileTooLargeError, FileTypeMismatchError, UnsupportedFileTypeError, type UploadMime } from './upload-errors'
import { extensionOf, sanitiseFileName, storedName, typeOfExtension } from './upload-name'
import type { UploadOwner } from './upload-policy'

export type UploadDeps = { db: DB; storage: BlobStorage; config: Pick<Config, 'uploadMaxBytes'> }

export type StoreUploadInput = {
  owner: UploadOwner
  /** The name the browser sent; sanitised before use. */
  filename: string
  /** The Content-Type the browser declared for the file (from its extension); content decides, this may only disagree to be refused. */
  declaredType?: string | undefined
  body: ReadableStream<Uint8Array> | Readable | AsyncIterable<Uint8Array>
  /** Defaults to config UPLOAD_MAX_BYTES. */
  maxBytes?: number
  signal?: AbortSignal
}

export type StoredUpload = { id: string; sha256: string; size: number; mime: UploadMime; name: string }

const ACCEPTED = new Set<string>(['application/pdf', 'image/jpeg', 'image/png'])
/** file-type's recommended sample: enough for every signature it knows. */
const SNIFF_BYTES = 4100

/**
 * Stores one uploaded file (issue 4, "Uploads: PDF/JPEG/PNG checked by content, size-limited and streamed,
 * stored by content hash"). The body is read once, as a stream, never held whole: the first ~4 KB decide the
 * type by magic bytes (file-type) — only PDF, JPEG and PNG, whatever the name says — and the rest streams into
 * blob storage while being counted; past `maxBytes` the source is cancelled and the partial file removed. A name
 * whose extension promises another type than the content is refused. Then one row in `uploads` and the audit
 * entry `upload.stored`, in one transaction.
 *
 * The audit entry carries the hash, size and type but NOT the file name: names like “张三身份证正面.jpg” are
 * personal data, and the audit chain can never be edited or erased. The name stays in `uploads` only.
 */
export async function storeUpload(deps: UploadDeps, input: StoreUploadInput): Promise<StoredUpload> {
  const maxBytes = input.maxBytes ?? deps.config.uploadMaxBytes
  const name = sanitiseFileName(input.filename)
  const source = chunksOf(input.body)[Symbol.asyncIterator]()
  let total = 0
  try {
    const head: Uint8Array[] = []
    while (total < SNIFF_BYTES) {
      const r = await source.next()
      if (r.done) break
      total += r.value.byteLength
      if (total > maxBytes) throw new FileTooLargeError(maxBytes)
      head.push(r.value)
    }
    if (total === 0) throw new EmptyFileError()
    const first = Buffer.concat(head)
    const mime = await detectType(first, name, input.declaredType)

    async function* rest(): AsyncGenerator<Uint8Array> {
      yield first
      for (;;) {
        const r = await source.next()
        if (r.done) return
        total += r.value.byteLength
        if (total > maxBytes) throw new FileTooLargeError(maxBytes)
        yield r.value
      }
    }
    const blob = await deps.storage.put(rest(), input.signal ? { signal: input.signal } : {})
    const id = uuidv7()
    const finalName = storedName(name, mime)
    const enterpriseId = input.owner.enterpriseId ?? null
    await deps.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('uploads')
        .values({ id, sha256: blob.sha256, size_bytes: blob.size, mime, original_name: finalName, owner_citizen_id: input.owner.citizenId, acting_enterprise_id: enterpriseId })
        .execute()
      await recordAudit(tx, {
        actor: { type: 'citizen', id: input.owner.citizenId },
        action: 'upload.stored',
        subject: { type: 'upload', id },
        details: { sha256: blob.sha256, size: blob.size, mime, actingEnterpriseId: enterpriseId },
      })
    })
    return { id, sha256: blob.sha256, size: blob.size, mime, name: finalName }
  } finally {
    // Stopped early (refused type, too large, storage error): cancel the source so the client's upload stops.
    await source.return?.(undefined)
  }
}

async function detectType(head: Buffer, name: string, declared: string | undefined): Promise<UploadMime> {
  const found = await fileTypeFromBuffer(head)
  if (!found || !ACCEPTED.has(found.mime)) throw new UnsupportedFileTypeError()
  const mime = found.mime as UploadMime
  const ext = extensionOf(name)
  const promised = typeOfExtension(ext)
  if (promised !== null && promised !== mime) throw new FileTypeMismatchError(`.${ext}`, mime)
  const declaredMime = declared?.split(';')[0]?.trim().toLowerCase()
  if (promised === null && declaredMime && ACCEPTED.has(declaredMime) && declaredMime !== mime) throw new FileTypeMismatchError(declaredMime, mime)
  return mime
}

/** Any body as async chunks: Node streams and async iterables as they are, a web ReadableStream through its reader. */
async function* chunksOf(body: StoreUploadInput['body']): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in body) {
    yield* body as AsyncIterable<Uint8Array>
    return
  }
  const reader = (body as ReadableStream<Uint8Array>).getReader()
  try {
    for (;;) {
      const r = await reader.read()
      if (r.done) return
      yield r.value
    }
  } finally {
    await reader.cancel().catch(() => {})
  }
}
