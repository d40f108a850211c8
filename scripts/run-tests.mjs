#!/usr/bin/env node
// Runs the node:test suite with an EXPLICIT file list (Node 20's runner silently runs 0 tests when given a
// folder — ARCHITECTURE.md §8) and fails when the list is empty. Prepares the template databases first.
// Usage: node scripts/run-tests.mjs [unit|e2e] [filter...]
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const [kind = 'unit', ...filters] = process.argv.slice(2)
const dirs = kind === 'e2e' ? ['e2e'] : ['src', 'test', 'scripts']

function walk(dir, out = []) {
  let entries = []
  try { entries = readdirSync(dir) } catch { return out }
  for (const e of entries) {
    if (e === 'node_modules' || e.startsWith('.')) continue
    const p = join(dir, e)
    if (statSync(p).isDirectory()) walk(p, out)
    else if (/\.test\.tsx?$/.test(e)) out.push(relative(root, p))
  }
  return out
}
let files = dirs.flatMap((d) => walk(join(root, d))).sort()
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)))
if (files.length === 0) {
  console.error(`no test files found for ${kind} ${filters.join(' ')}`)
  process.exit(1)
}

const setup = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test/global-setup.ts')], { stdio: 'inherit', cwd: root })
if (setup.status !== 0) process.exit(setup.status ?? 1)

const concurrency = process.env.TEST_CONCURRENCY ?? (kind === 'e2e' ? '1' : '2')
const args = ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files]
console.log(`running ${files.length} test files (${kind}) on ${process.env.DATABASE_URL || process.env.E2E_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`)
const r = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_ENV: 'test' } })
process.exit(r.status ?? 1)
