import { createHash, randomBytes } from 'node:crypto'
import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { NotFoundError } from './errors'

/**
 * Content-addressed blob storage: bytes in, SHA-256 out. The port is deliberately small (put, open, exists) so an
 * S3/MinIO adapter can replace the filesystem one without touching callers: put streams an object to a temporary
 * key while hashing and then "renames" it to its hash (S3: multipart upload + copy, or upload under the hash after
 * hashing a local spool). Identical content is stored once. Nothing is ever overwritten with different bytes —
 * the key is the content — and nothing is deleted here (rows in `uploads` are evidence; a garbage collector would
 * go by sha256 of rows that no longer exist).
 */
export type StoredBlob = { sha256: string; size: number }

export interface BlobStorage {
  /**
   * Streams `body` into storage and returns its SHA-256 (lower-case hex) and size. When `body` throws (a size
   * limit, a type check, a client that went away) or `signal` aborts, nothing is left behind and the error is
   * re-thrown as is.
   */
  put(body: AsyncIterable<Uint8Array>, opts?: { signal?: AbortSignal }): Promise<StoredBlob>
  /** The blob's bytes; BlobNotFoundError (404) when no blob has this hash. */
  open(sha256: string): Promise<Readable>
  exists(sha256: string): Promise<boolean>
}

export class BlobNotFoundError extends NotFoundError {
  constructor() {
    super('文件不存在或已不可用，请重新上传。如果问题持续，请联系客服。 The file is not available; upload it again.', 'blob_not_found')
  }
}

const SHA256_RE = /^[0-9a-f]{64}$/

/**
 * The filesystem adapter: `<root>/<aa>/<bb>/<sha256>` (aa, bb = the first two byte pairs of the hash, so no
 * folder grows past 65,536 entries). put writes `<root>/.incoming/<random>.part` — the same filesystem, so
 * the final rename is atomic — fsyncs it, makes it read-only and renames it into place; a blob that already
 * exists is kept and the new copy dropped. Readers never see a partial file.
 */
export function fileStorage(root: string): BlobStorage {
  const incoming = join(root, '.incoming')
  const pathOf = (sha256: string) => {
    if (!SHA256_RE.test(sha256)) throw new BlobNotFoundError()
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256)
  }
  const exists = async (sha256: string) => {
    try {
      return (await stat(pathOf(sha256))).isFile()
    } catch {
      return false
    }
  }
  return {
    exists,
    async put(body, opts = {}) {
      await mkdir(incoming, { recursive: true })
      const tmp = join(incoming, `${randomBytes(12).toString('hex')}.part`)
      const fh = await open(tmp, 'wx', 0o600)
      let closed = false
      try {
        const hash = createHash('sha256')
        let size = 0
        opts.signal?.throwIfAborted()
        for await (const chunk of body) {
          opts.signal?.throwIfAborted()
          hash.update(chunk)
          size += chunk.byteLength
          // Awaiting each write is the back-pressure: the source is not read faster than the disk takes it.
          let off = 0
          while (off < chunk.byteLength) off += (await fh.write(chunk, off, chunk.byteLength - off)).bytesWritten
        }
        opts.signal?.throwIfAborted()
        await fh.sync()
        await fh.close()
        closed = true
        const sha256 = hash.digest('hex')
        const final = pathOf(sha256)
        if (await exists(sha256)) {
          await rm(tmp, { force: true })
        } else {
          await mkdir(join(root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true })
          await chmod(tmp, 0o444)
          // Two concurrent puts of the same bytes both rename: the second replaces identical content, atomically.
          await rename(tmp, final)
        }
        return { sha256, size }
      } catch (err) {
        if (!closed) await fh.close().catch(() => {})
        await rm(tmp, { force: true }).catch(() => {})
        throw err
      }
    },
    async open(sha256) {
      let fh
      try {
        fh = await open(pathOf(sha256), 'r')
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError()
        throw err
      }
      return fh.createReadStream()
    },
  }
}
