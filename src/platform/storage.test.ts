import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { testEnv } from './config'
import { BlobNotFoundError, fileStorage } from './storage'

let root: string
before(async () => {
  const scratch = testEnv('YIWANG_TEST_TMP') ?? tmpdir()
  await mkdir(scratch, { recursive: true })
  root = await mkdtemp(join(scratch, 'storage-'))
})
after(() => rm(root, { recursive: true, force: true }))

/** Every file under root (relative paths), folders left out. */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(relative(root, join(e.parentPath, e.name)))
  return out.sort()
}

async function* chunks(...parts: (string | Buffer)[]) {
  for (const p of parts) yield Buffer.from(p)
}
const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex')
const readAll = async (r: AsyncIterable<Buffer>) => {
  const out: Buffer[] = []
  for await (const c of r) out.push(c)
  return Buffer.concat(out).toString()
}

test('put hashes while streaming, stores under <aa>/<bb>/<sha256>, read-only; open and exists find it', async () => {
  const s = fileStorage(root)
  const blob = await s.put(chunks('hello ', 'world'))
  assert.deepEqual(blob, { sha256: sha('hello world'), size: 11 })
  const path = join(blob.sha256.slice(0, 2), blob.sha256.slice(2, 4), blob.sha256)
  assert.ok((await filesUnder(root)).includes(path))
  assert.equal((await stat(join(root, path))).mode & 0o777, 0o444)
  assert.equal(await s.exists(blob.sha256), true)
  assert.equal(await readAll(await s.open(blob.sha256)), 'hello world')
})

test('identical content is stored once', async () => {
  const s = fileStorage(root)
  const a = await s.put(chunks('same bytes'))
  const b = await s.put(chunks('same ', 'bytes'))
  assert.equal(a.sha256, b.sha256)
  assert.equal((await filesUnder(root)).filter((f) => f.endsWith(a.sha256)).length, 1)
  assert.equal((await filesUnder(join(root, '.incoming'))).length, 0, 'no temporary file left')
})

test('a source that fails half-way leaves no temporary file and no blob; the error comes through', async () => {
  const s = fileStorage(root)
  const before = await filesUnder(root)
  async function* failing() {
    yield Buffer.alloc(100_000, 1)
    throw new Error('client went away')
  }
  await assert.rejects(s.put(failing()), /client went away/)
  assert.deepEqual(await filesUnder(root), before)
})

test('an aborted put leaves nothing and stops reading the source', async () => {
  const s = fileStorage(root)
  const before = await filesUnder(root)
  const ctl = new AbortController()
  let pulled = 0
  async function* endless() {
    for (;;) {
      pulled++
      if (pulled === 3) ctl.abort()
      yield Buffer.alloc(1024, pulled)
    }
  }
  await assert.rejects(s.put(endless(), { signal: ctl.signal }), { name: 'AbortError' })
  assert.ok(pulled <= 4, `stopped after ${pulled} chunks`)
  assert.deepEqual(await filesUnder(root), before)
})

test('open of an unknown or malformed hash is a 404, never a path outside the root', async () => {
  const s = fileStorage(root)
  await assert.rejects(s.open(sha('never stored')), BlobNotFoundError)
  await assert.rejects(s.open('../../etc/passwd'), BlobNotFoundError)
  assert.equal(await s.exists('../../etc/passwd'), false)
  assert.equal(await s.exists(sha('never stored')), false)
})
