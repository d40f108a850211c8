import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { parseConfig } from '../platform/config'
import { createScratchDatabase, dropScratchDatabase } from '../../test/db'

/**
 * `yiwang calendar …` in a child process against a store of its own (empty PGlite dir, or an empty PostgreSQL
 * database when DATABASE_URL is set): the acceptance example, bad input (exit 2 before touching the database),
 * loading a later year and showing it.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const serverUrl = parseConfig().databaseUrl

describe('yiwang calendar', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'yiwang-cal-cli-'))
  let databaseUrl: string | undefined
  const dbName = `yiwang_calcli_${randomBytes(4).toString('hex')}`
  const yiwang = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, YIWANG_DATA_DIR: tmp, LOG_LEVEL: 'warn', NODE_ENV: 'test' }
    delete env.DATABASE_URL
    if (databaseUrl) env.DATABASE_URL = databaseUrl
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'calendar', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 })
    return { code: r.status, out: r.stdout, err: r.stderr }
  }

  before(async () => {
    if (serverUrl) databaseUrl = await createScratchDatabase(serverUrl, dbName)
  })
  after(async () => {
    rmSync(tmp, { recursive: true, force: true })
    if (serverUrl) await dropScratchDatabase(serverUrl, dbName)
  })

  it('add-working-days 2025-09-30 20 prints just 2025-11-04', () => {
    const r = yiwang('add-working-days', '2025-09-30', '20')
    assert.equal(r.code, 0, r.err)
    assert.equal(r.out, '2025-11-04\n')
  })

  it('bad input: a clear Chinese + English message and exit code 2', () => {
    const cases: [string[], RegExp][] = [
      [['add-working-days', '2025-02-30', '5'], /起算日“2025-02-30”无效.*Invalid start date/],
      [['add-working-days', '2025-09-30', '-1'], /0 到 3650 之间的整数.*whole number/],
      [['add-working-days', '2025-09-30', '3651'], /3650/],
      [['add-working-days', '2025-09-30'], /usage/],
      [['show', '25'], /四位年份.*four-digit/],
      [['frobnicate'], /unknown command/],
    ]
    for (const [args, message] of cases) {
      const r = yiwang(...args)
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.out}${r.err}`)
      assert.match(r.err, message, args.join(' '))
      assert.equal(r.out, '', 'nothing on stdout')
    }
  })

  it('load adds a later year (refusing bad files whole), show lists it, and counting uses it', () => {
    const badFile = join(tmp, 'bad.json')
    writeFileSync(badFile, JSON.stringify({ year: 2027, source: '测试', entries: [{ day: '2027-01-01', kind: 'holiday' }, { day: '2027-10-08', kind: 'workday' }] }))
    const bad = yiwang('load', badFile)
    assert.equal(bad.code, 2, bad.out + bad.err)
    assert.match(bad.err, /entry 2 \[kind\].*2027-10-08 是星期五/)

    const before = yiwang('add-working-days', '2027-09-30', '1')
    assert.equal(before.out, '2027-10-01\n', 'no 2027 data yet: weekends only')
    assert.match(before.err, /2027.*provisional/)

    const file = join(tmp, '2027.json')
    const year = { year: 2027, source: '测试用通知', entries: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }, ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ day: `2027-10-0${d}`, kind: 'holiday', name: '国庆节' })), { day: '2027-10-09', kind: 'workday', name: '国庆节调休上班' }] }
    writeFileSync(file, JSON.stringify(year))
    const ok = yiwang('load', file)
    assert.equal(ok.code, 0, ok.out + ok.err)
    assert.match(ok.out, /2027: 已添加 added — 放假 holidays 8, 调休上班 make-up days 1/)
    assert.equal(yiwang('load', file).code, 2, 'the year exists: --replace needed')
    assert.equal(yiwang('load', file, '--replace').code, 0)

    const after = yiwang('add-working-days', '2027-09-30', '1')
    assert.equal(after.out, '2027-10-08\n')
    assert.equal(after.err, '')

    const show = yiwang('show', '2027')
    assert.equal(show.code, 0, show.err)
    assert.match(show.out, /测试用通知/)
    assert.match(show.out, /^2027-10-09 周六 {2}上班 workday {2}国庆节调休上班$/m)
    const none = yiwang('show', '2031')
    assert.match(none.out, /没有载入官方放假安排.*2024, 2025, 2026, 2027/)
  })
})
