import { MalformedUploadError } from './upload-errors'

/**
 * A streaming multipart/form-data reader (RFC 7578) — just enough for file uploads, because Hono's parseBody
 * holds the whole body in memory and busboy is not a dependency. Parts come one at a time; a part's body is an
 * async iterable that must be read to its end (or the part skipped with `drain`) before the next part. Memory
 * stays at one network chunk plus a boundary's length. Header blocks and text fields are size-limited; a body
 * that ends before the closing boundary is an error, so a truncated upload is never taken for a whole file.
 */
export type Part = {
  name: string
  filename: string | undefined
  contentType: string | undefined
  body: AsyncIterable<Uint8Array>
}

const CRLF = Buffer.from('\r\n')
const HEADER_END = Buffer.from('\r\n\r\n')
const MAX_HEADER_BYTES = 8 * 1024

/** The boundary of a multipart/form-data Content-Type, or undefined. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType)
  return m?.[1] ?? m?.[2]
}

class ChunkReader {
  buf: Buffer = Buffer.alloc(0)
  ended = false
  constructor(private readonly it: AsyncIterator<Uint8Array>) {}
  /** Reads one more chunk into buf; false at the end of the stream. */
  async fill(): Promise<boolean> {
    if (this.ended) return false
    const r = await this.it.next()
    if (r.done) {
      this.ended = true
      return false
    }
    const chunk = Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength)
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk
    return true
  }
  /** Waits until buf holds at least n bytes; false if the stream ends first. */
  async need(n: number): Promise<boolean> {
    while (this.buf.length < n) if (!(await this.fill())) return false
    return true
  }
  take(n: number): Buffer {
    const out = this.buf.subarray(0, n)
    this.buf = this.buf.subarray(n)
    return out
  }
}

/**
 * The parts of a multipart body. Stops after `maxParts` parts (400) — a form with thousands of tiny fields is an
 * attack, not a form.
 */
export async function* readMultipart(body: AsyncIterable<Uint8Array>, boundary: string, opts: { maxParts?: number } = {}): AsyncGenerator<Part> {
  const maxParts = opts.maxParts ?? 20
  const source = body[Symbol.asyncIterator]()
  const r = new ChunkReader(source)
  const dash = Buffer.from(`--${boundary}`)
  const delimiter = Buffer.from(`\r\n--${boundary}`)
  try {
    // Preamble (ignored) up to the first "--boundary" at the start of a line.
    for (;;) {
      const at = r.buf.indexOf(dash)
      if (at === 0 || (at > 1 && r.buf[at - 2] === 0x0d && r.buf[at - 1] === 0x0a)) {
        r.take(at + dash.length)
        break
      }
      if (r.buf.length > MAX_HEADER_BYTES || !(await r.fill())) throw new MalformedUploadError()
    }
    for (let n = 0; ; n++) {
      // After a boundary: "--" ends the body, else transport padding then CRLF, then the part's headers.
      if (!(await r.need(2))) throw new MalformedUploadError()
      if (r.buf[0] === 0x2d && r.buf[1] === 0x2d) return
      if (n >= maxParts) throw new MalformedUploadError()
      for (;;) {
        const eol = r.buf.indexOf(CRLF)
        if (eol >= 0) {
          if (r.buf.subarray(0, eol).toString('latin1').trim() !== '') throw new MalformedUploadError()
          r.take(eol + 2)
          break
        }
        if (r.buf.length > 256 || !(await r.fill())) throw new MalformedUploadError()
      }
      let headerEnd = -1
      for (;;) {
        // An empty header block ("\r\n" right away) is allowed by RFC 2046 but useless to us: no name.
        headerEnd = r.buf.indexOf(HEADER_END)
        if (headerEnd >= 0) break
        if (r.buf.length > MAX_HEADER_BYTES || !(await r.fill())) throw new MalformedUploadError()
      }
      const headers = parseHeaders(r.take(headerEnd + HEADER_END.length).subarray(0, headerEnd).toString('utf8'))
      const disposition = parseDisposition(headers.get('content-disposition'))
      if (!disposition) throw new MalformedUploadError()
      let finished = false
      const partBody = (async function* (): AsyncGenerator<Uint8Array> {
        for (;;) {
          const at = r.buf.indexOf(delimiter)
          if (at >= 0) {
            if (at > 0) yield r.take(at)
            r.take(delimiter.length)
            finished = true
            return
          }
          // Keep the last delimiter.length - 1 bytes: they may be the start of the delimiter.
          const safe = r.buf.length - (delimiter.length - 1)
          if (safe > 0) yield Buffer.from(r.take(safe))
          if (!(await r.fill())) throw new MalformedUploadError()
        }
      })()
      yield { name: disposition.name, filename: disposition.filename, contentType: headers.get('content-type'), body: partBody }
      // The consumer did not read the whole part: skip the rest of it.
      if (!finished) for await (const _ of partBody) void _
      if (!finished) throw new MalformedUploadError()
    }
  } finally {
    await source.return?.(undefined)
  }
}

/** Reads a text field's value (UTF-8), refusing one longer than maxBytes. */
export async function readField(part: Part, maxBytes = 4096): Promise<string> {
  const chunks: Buffer[] = []
  let n = 0
  for await (const c of part.body) {
    n += c.byteLength
    if (n > maxBytes) throw new MalformedUploadError()
    chunks.push(Buffer.from(c))
  }
  return Buffer.concat(chunks).toString('utf8')
}

function parseHeaders(block: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    out.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return out
}

/**
 * `form-data; name="file"; filename="张三.pdf"` → { name, filename }. Browsers send the name as raw UTF-8 in
 * quotes with `"` escaped as %22 (WHATWG HTML); RFC 5987 `filename*=UTF-8''…` wins when present.
 */
export function parseDisposition(value: string | undefined): { name: string; filename: string | undefined } | undefined {
  if (!value || !/^form-data\s*(;|$)/i.test(value)) return undefined
  const params = new Map<string, string>()
  const re = /;\s*([\w*.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const raw = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '').trim()
    params.set(m[1]!.toLowerCase(), raw)
  }
  const name = params.get('name')
  if (name === undefined) return undefined
  let filename = params.get('filename')
  const star = params.get('filename*')
  if (star) {
    const m = /^utf-8'[^']*'(.*)$/i.exec(star)
    if (m) {
      try {
        filename = decodeURIComponent(m[1]!)
      } catch {
        /* keep the plain filename */
      }
    }
  }
  if (filename !== undefined) filename = filename.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n')
  return { name: name.replace(/%22/g, '"'), filename }
}
