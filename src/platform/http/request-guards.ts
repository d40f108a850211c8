import { createHash, timingSafeEqual } from 'node:crypto'

/** A CSRF (or other) token compared in constant time; hashing first makes unequal lengths safe to compare. */
export function sameToken(sent: string | undefined, expected: string): boolean {
  if (!sent) return false
  return timingSafeEqual(createHash('sha256').update(sent).digest(), createHash('sha256').update(expected).digest())
}

/** A request body as UTF-8 text, or null as soon as it passes `max` bytes (nothing more is buffered). */
export async function readCapped(stream: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | null, max: number): Promise<string | null> {
  if (!stream) return ''
  const chunks: Buffer[] = []
  let n = 0
  for await (const chunk of stream as AsyncIterable<Uint8Array>) {
    n += chunk.byteLength
    if (n > max) return null
    chunks.push(Buffer.from(chunk))
  }
  return Buffer.concat(chunks).toString('utf8')
}
