/** What the HTTP benches share: flags, and a scratch PostgreSQL database (dropped and re-created). */
import pg from 'pg'

/** `--name value` from the command line, or the default. */
export const arg = (name: string, def: string): string => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1]! : def
}

/** Drops and re-creates the database the URL names (refuses the maintenance database). */
export async function freshPostgres(url: string): Promise<void> {
  const u = new URL(url)
  const name = u.pathname.slice(1)
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || name === 'postgres') throw new Error(`--pg must name a scratch database (it is dropped and re-created), not "${name}"`)
  u.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: u.toString() })
  await admin.connect()
  await admin.query(`drop database if exists ${name} with (force)`)
  await admin.query(`create database ${name}`)
  await admin.end()
}
