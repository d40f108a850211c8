/**
 * Import benchmark (issue: 10,000 lines in under 30 s). Generates N valid, varied lines in the shared format,
 * imports them the way `yiwang catalog import` does (streamed file → importCatalog) into a FRESH database —
 * a PGlite dir in a temp folder, or a new database on the server when DATABASE_URL is set — then imports the
 * same file again (all unchanged) and prints the figures.
 *   npx tsx bench/import.ts [lines=10000]
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { parseConfig } from '../src/platform/config'
import { openDatabase } from '../src/platform/database'
import { migrateToLatest } from '../src/platform/migrations'
import { usccCheckChar } from '../src/platform/identifiers'
import { importCatalog, type ServiceItemRecord } from '../src/modules/catalog'

const N = Number(process.argv[2] ?? 10_000)
const TYPES = ['administrative_license', 'administrative_confirmation', 'administrative_payment', 'public_service', 'other_administrative_power'] as const
const REGIONS = ['320500', '320505', '320506', '320507', '320508', '320509', '320581', '320582', '320583', '320585']
const VERBS = ['核发', '变更', '注销', '延续', '补办', '备案', '登记', '审批', '查询', '认定']
const OBJECTS = ['食品经营许可证', '道路运输经营许可', '建筑工程施工许可', '医师执业注册', '社会保障卡', '住房公积金提取', '不动产登记', '出生医学证明', '残疾人证', '养老保险待遇', '排污许可', '民办学校办学许可', '户口迁移', '机动车驾驶证', '导游证']
const THEMES = ['开办企业', '准营准办', '生育收养', '户籍办理', '社会保障', '住房保障', '交通出行', '退休养老', '教育科研', '医疗卫生']
const deps = Array.from({ length: 40 }, (_, i) => {
  const body = `11320500MB${String(100000 + i * 37).padStart(6, '0')}${i % 10}`
  return { name: `苏州市第${i + 1}业务局`, code: body + usccCheckChar(body) }
})
const pick = <T>(a: readonly T[], i: number): T => a[i % a.length]!

function item(i: number): ServiceItemRecord {
  const dep = pick(deps, i * 7)
  const statutory = 5 + (i % 40)
  const steps = [{ name: '受理', department: dep.name, days: 1 }, { name: '审查', department: dep.name, days: 3, after: ['受理'] }]
  if (i % 3 === 0) steps.push({ name: '会商', department: pick(deps, i + 1).name, days: 5, after: ['受理'] }, { name: '决定', department: dep.name, days: 1, after: ['审查', '会商'] })
  return {
    code: `BENCH-${String(i).padStart(6, '0')}`,
    name: `${pick(OBJECTS, i)}${pick(VERBS, Math.floor(i / 15))}（${i}）`,
    type: pick(TYPES, i),
    department: dep,
    region: { code: pick(REGIONS, i) },
    audience: i % 2 ? ['individual'] : ['enterprise', 'individual'],
    themes: [pick(THEMES, i), pick(THEMES, i + 3)],
    description: `依申请对${pick(OBJECTS, i)}事项进行${pick(VERBS, i)}。第${i}号测试事项，用于导入性能测试。`.repeat(1 + (i % 3)),
    legalBasis: [`《某某管理条例》第${1 + (i % 60)}条`],
    conditions: '申请人具有完全民事行为能力；材料齐全、符合法定形式。',
    materials: Array.from({ length: 2 + (i % 5) }, (_, m) => ({ name: `申请材料${m + 1}`, required: m < 2, form: 'electronic' as const, source: 'applicant' as const })),
    steps,
    caseKind: 'promised',
    statutoryDays: statutory,
    promisedDays: Math.max(1, Math.floor(statutory / 2)),
    fee: { charged: false },
    channels: ['window', 'web'],
    onlineLevel: 1 + (i % 4),
    ...(i % 5 === 0 ? { keywords: ['测试', pick(OBJECTS, i).slice(0, 2)] } : {}),
  }
}

const cfg = parseConfig()
const tmp = mkdtempSync(join(tmpdir(), 'yiwang-bench-import-'))
const file = join(tmp, 'catalogue.jsonl')
writeFileSync(file, Array.from({ length: N }, (_, i) => JSON.stringify(item(i))).join('\n') + '\n')

let dbName: string | undefined
const admin = cfg.databaseUrl ? new URL(cfg.databaseUrl) : undefined
if (admin) admin.pathname = '/postgres'
async function onServer(q: string) {
  const c = new pg.Client({ connectionString: admin!.toString() })
  await c.connect()
  await c.query(q)
  await c.end()
}
let url: string | undefined
if (cfg.databaseUrl) {
  dbName = `yiwang_bench_${randomBytes(4).toString('hex')}`
  await onServer(`create database ${dbName}`)
  const u = new URL(cfg.databaseUrl)
  u.pathname = `/${dbName}`
  url = u.toString()
}

const t0 = performance.now()
const h = await openDatabase(url ? { databaseUrl: url } : { pgliteDir: join(tmp, 'pglite') })
await migrateToLatest(h.db)
const setupS = (performance.now() - t0) / 1000

const run = async () => {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })
  const t = performance.now()
  const r = await importCatalog(h.db, lines)
  return { r, s: (performance.now() - t) / 1000 }
}
const first = await run()
const again = await run()
const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024)
await h.close()
if (dbName) await onServer(`drop database if exists ${dbName} with (force)`)
rmSync(tmp, { recursive: true, force: true })

const fmt = (x: { r: { lines: number; created: number; updated: number; unchanged: number; failed: number }; s: number }) =>
  `${x.r.lines} lines in ${x.s.toFixed(1)} s = ${Math.round(x.r.lines / x.s)} lines/s (created ${x.r.created}, updated ${x.r.updated}, unchanged ${x.r.unchanged}, failed ${x.r.failed})`
console.log(`database: ${h.kind}${dbName ? ` (${dbName})` : ''}; fresh database + migrations: ${setupS.toFixed(1)} s`)
console.log(`import (fresh):      ${fmt(first)}`)
console.log(`re-import (no-op):   ${fmt(again)}`)
console.log(`RSS after: ${rssMb} MB; target: ${N} lines < 30 s → ${first.s < 30 ? 'MET' : 'NOT MET'}`)
if (first.r.failed || first.r.created !== N || again.r.unchanged !== N) process.exit(1)
