import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { userInfo } from 'node:os'
import cluster from 'node:cluster'
import { openRuntime } from './runtime'
import { loadSecrets } from '../platform/secrets'
import { CALENDAR_USAGE, calendarCommand } from './calendar-cli'
import { LICENCE_USAGE, licenceCommand } from '../modules/licences/cli'
// Everything else is imported inside the command that needs it: the whole application takes about 2 s to load,
// and `help`, `calendar …`, `licence verify` and `audit verify` need only a small part of it.

const USAGE = `yiwang — 一网通办 command line

  yiwang start                      migrate, seed demo data if the database is empty, serve (npm start)
  yiwang serve                      serve the portal, back office and API (never seeds)
  yiwang migrate                    apply pending database migrations
  yiwang seed                       load the demo catalogue, synonyms and editor account (idempotent)
  yiwang catalog import FILE.jsonl [--strict]
                                    import service items in the shared JSON Lines format
  yiwang catalog export [FILE]      export every item (stdout when FILE is omitted)
  yiwang registry load population|entities|addresses FILE.csv|FILE.jsonl [--strict] [--format csv|jsonl]
                                    load a base registry (columns: README "Loading registries"); exit 2 when any line failed
  yiwang audit verify               check the audit chain; report the first edited, deleted or reordered entry
  yiwang worker [--drain]           run the job queue only (notices by e-mail/SMS, deadline warnings); --drain: run
                                    every due job once and exit. The web process runs it too (PostgreSQL: any number)
${CALENDAR_USAGE}
${LICENCE_USAGE}

Database: DATABASE_URL=postgres://… or embedded PGlite under YIWANG_DATA_DIR (default ./data).`

async function main(argv: string[]): Promise<number> {
  const [noun, verb, ...rest] = argv
  if (!noun || noun === 'help' || noun === '--help' || noun === '-h') {
    console.log(USAGE)
    return noun ? 0 : 1
  }
  if ((noun === 'start' || noun === 'serve') && !cluster.isPrimary) {
    // A web worker forked by the primary (WEB_CONCURRENCY > 1): the primary migrated and seeded already.
    const { startWeb } = await import('./web')
    await startWeb(await openRuntime({ migrate: false }))
    return -1
  }
  if (noun === 'start' || noun === 'serve') {
    const [{ startWeb }, { isEmpty, seedDemo }] = await Promise.all([import('./web'), import('./seed')])
    const rt = await openRuntime()
    if (noun === 'start' && (await isEmpty(rt.handle.db))) {
      rt.log.info('empty database: seeding demo data')
      const r = await seedDemo(rt.handle.db, { log: rt.log, adminPassword: rt.cfg.adminPassword, secrets: loadSecrets(rt.cfg) })
      if (r.editorPassword) console.log(`\n  Demo staff (editor, admin, window1, officer1, head1, supervisor1): password "${r.editorPassword}" (set YIWANG_ADMIN_PASSWORD to choose it); each sets up an authenticator app at first sign-in\n`)
      printDemoClients(r)
    }
    await startWeb(rt)
    return -1 // keep running
  }
  if (noun === 'migrate') {
    const rt = await openRuntime()
    console.log(`database migrated (${rt.handle.kind})`)
    await rt.handle.close()
    return 0
  }
  if (noun === 'seed') {
    const { seedDemo } = await import('./seed')
    const rt = await openRuntime()
    const r = await seedDemo(rt.handle.db, { log: rt.log, adminPassword: rt.cfg.adminPassword, secrets: loadSecrets(rt.cfg) })
    console.log(`seeded: ${r.items} service items`)
    if (r.editorPassword) console.log(`demo staff (editor, admin, window1, window2, officer1, head1, district1, supervisor1): password "${r.editorPassword}"`)
    printDemoClients(r)
    await rt.handle.close()
    return 0
  }
  if (noun === 'catalog' && verb === 'import') {
    const { values, positionals } = parseArgs({ args: rest, options: { strict: { type: 'boolean', default: false } }, allowPositionals: true })
    const file = positionals[0]
    if (!file) return fail('usage: yiwang catalog import FILE.jsonl [--strict]')
    if (!existsSync(file)) return fail(`文件不存在 file not found: ${file}`)
    const { importCatalog } = await import('../modules/catalog')
    const rt = await openRuntime()
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })
    const tty = process.stderr.isTTY
    const report = await importCatalog(rt.handle.db, lines, {
      actor: { type: 'cli', name: userInfo().username || 'cli' },
      strict: values.strict ?? false,
      onProgress: (n) => process.stderr.write(tty ? `\r  ${n} lines processed…` : `  ${n} lines processed\n`),
    })
    if (tty) process.stderr.write('\n')
    for (const e of report.errors) console.log(`line ${e.line}${e.code ? ` [${e.code}]` : ''} ${e.field}: ${e.message}`)
    console.log(
      `${report.rolledBack ? 'STRICT: nothing written because some lines failed. ' : ''}` +
        `lines ${report.lines}: created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, failed ${report.failed} (${(report.durationMs / 1000).toFixed(1)} s)`,
    )
    await rt.handle.close()
    return report.failed ? 2 : 0
  }
  if (noun === 'catalog' && verb === 'export') {
    const file = rest[0]
    const { exportCatalog } = await import('../modules/catalog')
    const rt = await openRuntime()
    const out = file ? createWriteStream(file, 'utf8') : process.stdout
    const n = await exportCatalog(rt.handle.db, (line) => {
      if (!out.write(`${line}\n`)) return new Promise<void>((r) => out.once('drain', () => r()))
    })
    if (file) await new Promise<void>((r) => (out as ReturnType<typeof createWriteStream>).end(() => r()))
    process.stderr.write(`exported ${n} items${file ? ` to ${file}` : ''}\n`)
    await rt.handle.close()
    return 0
  }
  if (noun === 'registry' && verb === 'load') {
    const { formatOfFile, isLoadFormat, isLoadKind, loadRegistry, loadReportLines } = await import('../modules/exchange')
    const { values, positionals } = parseArgs({ args: rest, options: { strict: { type: 'boolean', default: false }, format: { type: 'string' } }, allowPositionals: true })
    const [kind, file] = positionals
    const format = values.format ?? formatOfFile(file)
    if (!isLoadKind(kind) || !file || !isLoadFormat(format)) return fail('usage: yiwang registry load population|entities|addresses FILE.csv|FILE.jsonl [--strict] [--format csv|jsonl]')
    if (!existsSync(file)) return fail(`文件不存在 file not found: ${file}`)
    const rt = await openRuntime()
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })
    const tty = process.stderr.isTTY
    const report = await loadRegistry(rt.handle.db, {
      kind, format, lines, strict: values.strict ?? false, source: file.split(/[\\/]/).pop(),
      actor: { type: 'cli', name: userInfo().username || 'cli' },
      onProgress: (n) => process.stderr.write(tty ? `\r  ${n} records processed…` : `  ${n} records processed\n`),
    })
    if (tty) process.stderr.write('\n')
    for (const line of loadReportLines(report)) console.log(line)
    await rt.handle.close()
    return report.failed ? 2 : 0
  }
  if (noun === 'calendar') return calendarCommand(verb, rest)
  if (noun === 'licence') {
    return licenceCommand(verb, rest, {
      open: async () => {
        const rt = await openRuntime()
        return { db: rt.handle.db, secrets: loadSecrets(rt.cfg), close: () => rt.handle.close() }
      },
    })
  }
  if (noun === 'worker') {
    const drain = verb === '--drain' || rest.includes('--drain')
    if (verb && verb !== '--drain') return fail('usage: yiwang worker [--drain]')
    const { buildDeps } = await import('./bootstrap')
    const rt = await openRuntime()
    if (rt.handle.kind === 'pglite' && !drain) rt.log.warn('the embedded database belongs to one process: do not run `yiwang worker` beside `yiwang start` (the web process already runs the jobs)')
    const deps = await buildDeps(rt, { jobsPoll: !drain })
    if (drain) {
      const n = await deps.jobs.drain()
      console.log(`jobs run: ${n}`)
      await deps.jobs.stop()
      deps.search.close()
      deps.mailer.close?.()
      await rt.handle.close()
      return 0
    }
    rt.log.info({ database: rt.handle.kind }, 'job worker running (Ctrl+C to stop)')
    const stop = async () => {
      await deps.jobs.stop()
      deps.search.close()
      deps.mailer.close?.()
      await rt.handle.close()
      process.exit(0)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    return -1
  }
  if (noun === 'audit' && verb === 'verify') {
    const { verifyAudit } = await import('../platform/audit')
    const rt = await openRuntime()
    const r = await verifyAudit(rt.handle.db)
    await rt.handle.close()
    if (r.ok) {
      console.log(`audit chain intact: ${r.checked} entries verified`)
      return 0
    }
    console.log(`AUDIT CHAIN BROKEN at entry ${r.firstProblem!.seq} (${r.firstProblem!.kind}): ${r.firstProblem!.message}; ${r.checked} entries before it verified`)
    return 3
  }
  return fail(`unknown command: ${argv.join(' ')}\n\n${USAGE}`)
}

/** Demo OAuth clients' secrets, printed once when the seed creates them (README "Single sign-on"). */
function printDemoClients(r: Record<string, unknown>): void {
  if (r['webClientId']) console.log(`  Demo SSO website (市场监管网上办事大厅): client_id ${String(r['webClientId'])}  client_secret ${String(r['webClientSecret'])}`)
  if (r['systemClientId']) console.log(`  Demo exchange system (client credentials): client_id ${String(r['systemClientId'])}  client_secret ${String(r['systemClientSecret'])}\n`)
}

function fail(msg: string): number {
  console.error(msg)
  return 1
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code)
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  },
)
