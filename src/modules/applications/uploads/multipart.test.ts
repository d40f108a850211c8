import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { boundaryOf, parseDisposition, readField, readMultipart } from './multipart'
import { BOUNDARY, multipartBody, type FormPart } from './upload-test-support'

/** Feeds `body` in the given chunk sizes (cycled), like a network would. */
async function* inChunks(body: Buffer, sizes: number[]) {
  let i = 0
  for (let at = 0; at < body.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length]!)
    yield body.subarray(at, at + n)
    at += n
  }
}

async function collect(body: AsyncIterable<Uint8Array>, boundary = BOUNDARY) {
  const out: { name: string; filename: string | undefined; contentType: string | undefined; data: Buffer }[] = []
  for await (const p of readMultipart(body, boundary)) {
    const chunks: Buffer[] = []
    for await (const c of p.body) chunks.push(Buffer.from(c))
    out.push({ name: p.name, filename: p.filename, contentType: p.contentType, data: Buffer.concat(chunks) })
  }
  return out
}

test('boundaryOf reads quoted and bare boundaries of multipart/form-data only', () => {
  assert.equal(boundaryOf('multipart/form-data; boundary=abc'), 'abc')
  assert.equal(boundaryOf('multipart/form-data; charset=utf-8; boundary="a b"'), 'a b')
  assert.equal(boundaryOf('application/x-www-form-urlencoded'), undefined)
  assert.equal(boundaryOf('multipart/form-data'), undefined)
  assert.equal(boundaryOf(undefined), undefined)
})

test('Content-Disposition: UTF-8 names as browsers send them, %22 for quotes, filename* wins', () => {
  assert.deepEqual(parseDisposition('form-data; name="file"; filename="张三 身份证.pdf"'), { name: 'file', filename: '张三 身份证.pdf' })
  assert.deepEqual(parseDisposition('form-data; name="file"; filename="a%22b.png"'), { name: 'file', filename: 'a"b.png' })
  assert.deepEqual(parseDisposition(`form-data; name="file"; filename="x.pdf"; filename*=UTF-8''%E6%96%87.pdf`), { name: 'file', filename: '文.pdf' })
  assert.deepEqual(parseDisposition('form-data; name="_csrf"'), { name: '_csrf', filename: undefined })
  assert.equal(parseDisposition('attachment; filename="x"'), undefined)
  assert.equal(parseDisposition('form-data; filename="x"'), undefined, 'a part needs a name')
})

test('property: any contents, split anywhere, come back byte for byte (boundary look-alikes and CRLFs included)', async () => {
  const tricky = fc.constantFrom(Buffer.from('\r\n'), Buffer.from(`\r\n--${BOUNDARY.slice(0, 10)}`), Buffer.from(`--${BOUNDARY}`), Buffer.from('\r\n-'), Buffer.from([0, 255, 13]))
  const content = fc.array(fc.oneof(fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)), tricky), { maxLength: 12 }).map((xs) => Buffer.concat(xs))
  await fc.assert(
    fc.asyncProperty(fc.array(content, { minLength: 1, maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }), async (files, sizes) => {
      // A sender picks a boundary that its contents do not contain (RFC 2046 §5.1.1); look-alikes are fair game.
      fc.pre(files.every((f) => !Buffer.concat([Buffer.from('\r\n'), f]).includes(`\r\n--${BOUNDARY}`)))
      const parts: FormPart[] = [{ name: '_csrf', value: 'token' }, ...files.map((data, i) => ({ name: `f${i}`, filename: `f${i}.bin`, data }))]
      const got = await collect(inChunks(multipartBody(parts), sizes))
      assert.equal(got.length, parts.length)
      assert.equal(got[0]!.data.toString(), 'token')
      files.forEach((f, i) => assert.ok(got[i + 1]!.data.equals(f), `file ${i}`))
    }),
    { numRuns: 200 },
  )
})

test('a body cut before the closing boundary is an error, not a shorter file', async () => {
  const full = multipartBody([{ name: 'file', filename: 'a.pdf', data: Buffer.alloc(5000, 7) }])
  for (const cut of [10, 200, full.length - 10, full.length - 4]) {
    await assert.rejects(collect(inChunks(full.subarray(0, cut), [64])), { code: 'upload_malformed' }, `cut at ${cut}`)
  }
})

test('garbage, oversized headers and too many parts are refused', async () => {
  await assert.rejects(collect(inChunks(Buffer.alloc(20_000, 65), [1000])), { code: 'upload_malformed' })
  const hugeHeader = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="x"\r\nX-Pad: ${'a'.repeat(10_000)}\r\n\r\nv\r\n--${BOUNDARY}--\r\n`)
  await assert.rejects(collect(inChunks(hugeHeader, [512])), { code: 'upload_malformed' })
  const many = multipartBody(Array.from({ length: 25 }, (_, i) => ({ name: `f${i}`, value: 'x' })))
  await assert.rejects(collect(inChunks(many, [4096])), { code: 'upload_malformed' })
})

test('parts the consumer does not read are skipped; text fields are size-limited', async () => {
  const body = multipartBody([{ name: 'skip', filename: 'x.bin', data: Buffer.alloc(3000, 1) }, { name: 'keep', value: '值' }, { name: 'big', value: 'x'.repeat(5000) }])
  const names: string[] = []
  let keep = ''
  await assert.rejects(
    (async () => {
      for await (const p of readMultipart(inChunks(body, [100]), BOUNDARY)) {
        names.push(p.name)
        if (p.name === 'keep') keep = await readField(p)
        if (p.name === 'big') await readField(p)
      }
    })(),
    { code: 'upload_malformed' },
  )
  assert.deepEqual(names, ['skip', 'keep', 'big'])
  assert.equal(keep, '值')
})

test('stopping early cancels the source (the client upload is not read to its end)', async () => {
  let pulled = 0
  async function* source() {
    yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n`)
    for (;;) {
      pulled++
      yield Buffer.alloc(1024)
    }
  }
  for await (const p of readMultipart(source(), BOUNDARY)) {
    for await (const _ of p.body) break
    break
  }
  assert.ok(pulled <= 2, `pulled ${pulled} chunks after stopping`)
})
