import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { parseConfig } from '../../platform/config'
import { openDatabase } from '../../platform/database'
import { createScratchDatabase, dropScratchDatabase } from '../../../test/db'
import { makeIdNumber, makeUscc } from './seed/codes'

/**
 * `yiwang registry load` in a child process against a store of its own (empty PGlite dir, or an empty
 * PostgreSQL database when DATABASE_URL is set), like src/main/cli.test.ts. Few spawns: each pays start-up.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const serverUrl = parseConfig().databaseUrl
const ID = makeIdNumber('320508', '1988-08-08', 101)

describe('yiwang registry load', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'yiwang-registry-cli-'))
  const dbName = `yiwang_regcli_${randomBytes(4).toString('hex')}`
  let databaseUrl: string | undefined
  const yiwang = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, YIWANG_DATA_DIR: tmp, LOG_LEVEL: 'warn', NODE_ENV: 'test' }
    delete env.DATABASE_URL
    if (databaseUrl) env.DATABASE_URL = databaseUrl
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 })
    return { code: r.status, out: r.stdout, err: r.stderr }
  }
  const file = (name: string, lines: string[]) => {
    const p = join(tmp, name)
    writeFileSync(p, lines.join('\r\n') + '\r\n')
    return p
  }

  before(async () => {
    if (serverUrl) databaseUrl = await createScratchDatabase(serverUrl, dbName)
  })
  after(async () => {
    rmSync(tmp, { recursive: true, force: true })
    if (serverUrl) await dropScratchDatabase(serverUrl, dbName)
  })

  it('usage errors exit 1 without touching the database', () => {
    const kind = yiwang('registry', 'load', 'people', 'x.csv')
    assert.equal(kind.code, 1)
    assert.match(kind.err, /usage: yiwang registry load population\|entities\|addresses/)
    const format = yiwang('registry', 'load', 'population', 'x.txt')
    assert.equal(format.code, 1)
    const missing = yiwang('registry', 'load', 'population', join(tmp, 'none.csv'))
    assert.equal(missing.code, 1)
    assert.match(missing.err, /file not found/)
  })

  it('a clean CSV exits 0 with progress and a summary; bad lines exit 2, each reported with the ID masked; --strict writes nothing', async () => {
    assert.equal(yiwang('migrate').code, 0)
    const good = file('people.csv', ['id_number,name,household_address,region_code,phone', `${ID},周测试,江苏省苏州市姑苏区平江路9号,320508,13800138777`])
    const ok = yiwang('registry', 'load', 'population', good)
    assert.equal(ok.code, 0, ok.out + ok.err)
    assert.match(ok.out, /population records 1: created 1, updated 0, unchanged 0, failed 0/)
    assert.match(ok.err, /1 records processed/)

    const U = makeUscc('9', '1', '320508', 'MA1CL111')
    const bad = file('entities.jsonl', [
      JSON.stringify({ uscc: U, name: '苏州市姑苏区命令行测试有限公司', entity_type: '有限责任公司', legal_rep_name: '周测试', legal_rep_id_number: ID, registered_address: '江苏省苏州市姑苏区平江路9号', established_on: '2021-01-01', business_scope: '软件开发' }),
      JSON.stringify({ uscc: U.slice(0, 17) + (U[17] === '0' ? '1' : '0'), name: 'x' }),
    ])
    const strict = yiwang('registry', 'load', 'entities', bad, '--strict')
    assert.equal(strict.code, 2, strict.out + strict.err)
    assert.match(strict.out, /^line 2 \[[0-9A-Z]{18}\] uscc: 统一社会信用代码校验位不正确/m)
    assert.match(strict.out, /STRICT: nothing written because some lines failed\. entities records 2: created 0/)
    const h = await openDatabase(databaseUrl ? { databaseUrl, poolSize: 1 } : { pgliteDir: join(tmp, 'pglite') })
    try {
      assert.equal((await h.db.selectFrom('registry_entities').select('id').execute()).length, 0)
    } finally {
      await h.close()
    }
    const partial = yiwang('registry', 'load', 'entities', bad)
    assert.equal(partial.code, 2)
    assert.match(partial.out, /entities records 2: created 1, updated 0, unchanged 0, failed 1/)

    const badPeople = file('bad.csv', ['id_number,name,household_address,region_code', `${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'},某,某地,320508`])
    const masked = yiwang('registry', 'load', 'population', badPeople)
    assert.equal(masked.code, 2)
    assert.match(masked.out, /^line 2 \[320\*{13}\d{1}[\dX]\] id_number: /m)
    assert.ok(!masked.out.includes(ID.slice(0, 17)), 'no full ID number in the output')
  })
})
