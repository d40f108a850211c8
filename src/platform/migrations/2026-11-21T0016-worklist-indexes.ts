import { sql, type Kysely } from 'kysely'

/**
 * The officer worklist (case-queries.ts worklist(): 待办 of a department ordered by step deadline, keyset-paged on
 * (due_on, id)) gets an index in exactly that order. The previous (department_id, status, due_on) index could not
 * give the id order inside a day, so PostgreSQL fetched and sorted a department's WHOLE earliest-due-date group
 * before returning 50 rows — at a million cases (bench/worklist.ts) the busiest department's overdue page read 467
 * steps and their cases (2,338 buffers) for 50 rows, p99 53 ms. The new index has the old one as its prefix,
 * so the old one is dropped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index case_steps_worklist_order on case_steps (department_id, status, due_on, id)`.execute(db)
  await sql`drop index case_steps_worklist`.execute(db)
}
