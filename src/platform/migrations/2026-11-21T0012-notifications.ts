import { sql, type Kysely } from 'kysely'
import PgBoss from 'pg-boss'

/**
 * Notices (issue 4, Deliver 11) and the job queue they are sent by.
 *  - notifications: the in-app inbox (站内消息) of a citizen or a staff member. `dedupe_key` is unique: the same
 *    notice written twice (a retried operation, a deadline scan that runs every 15 minutes) is ONE message.
 *    title/body hold the Chinese text as sent; `data` the template values, so pages render either language.
 *  - notification_deliveries: one row per channel (email, SMS) of a message, with the address MASKED (the full
 *    address is read at send time from the account); status pending → sending → sent | failed | skipped.
 *    `claimed_at` marks a send in progress (a second run of the job waits rather than sending twice).
 *  - staff_users.email: where staff notices (deadline warnings, assignments) go by email; optional.
 *  - pg-boss 10's own schema `pgboss` (job, queue, schedule, archive …), installed here so every database —
 *    `npm start`, the test templates and their copies — has it before the first business transaction enqueues a
 *    job (pg-boss would otherwise install it on its first start). The SQL is pg-boss's own construction plan
 *    (`PgBoss.getConstructionPlans`) without its BEGIN/COMMIT wrapper (the migrator already runs in a
 *    transaction); later pg-boss versions migrate their schema themselves on start (its `version` table).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table notifications (
      id uuid primary key,
      recipient_kind text not null check (recipient_kind in ('citizen', 'staff')),
      recipient_id uuid not null,
      event text not null check (char_length(event) between 1 and 60),
      title text not null check (char_length(title) between 1 and 200),
      body text not null check (char_length(body) between 1 and 4000),
      link text check (link is null or link ~ '^/[^/]'),
      case_ref text,
      data jsonb not null default '{}',
      dedupe_key text not null unique check (char_length(dedupe_key) between 1 and 300),
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notifications_recipient on notifications (recipient_kind, recipient_id, created_at desc);
    create index notifications_unread on notifications (recipient_kind, recipient_id) where read_at is null;
    create table notification_deliveries (
      id uuid primary key,
      notification_id uuid not null references notifications (id),
      channel text not null check (channel in ('email', 'sms')),
      address_masked text,
      status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'skipped')),
      attempts integer not null default 0,
      last_error text,
      claimed_at timestamptz,
      sent_at timestamptz,
      created_at timestamptz not null default now(),
      unique (notification_id, channel)
    );
    create index notification_deliveries_open on notification_deliveries (status) where status in ('pending', 'sending', 'failed');
    alter table staff_users add column email text check (email is null or (char_length(email) <= 254 and email ~ '^[^@\\s]+@[^@\\s]+$'));
  `.execute(db)
  const installed = await sql<{ name: string | null }>`select to_regclass('pgboss.version')::text as name`.execute(db)
  if (!installed.rows[0]?.name) await sql.raw(pgBossSchemaSql()).execute(db)
  // The notification queues exist from the start, so a business transaction can enqueue even in a process that
  // never started the job runner (CLI, benchmarks); jobs.start() keeps their retry settings in line with the code.
  for (const [name, options] of Object.entries({
    'notification.deliver': { policy: 'standard', retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 },
    'deadline.warnings': { policy: 'standard', retryLimit: 1, retryDelay: 60, retryBackoff: true, expireInSeconds: 600 },
  })) {
    await sql`select pgboss.create_queue(${name}, ${JSON.stringify(options)}::json)`.execute(db)
  }
}

/** pg-boss's construction plan, unwrapped from its own transaction (fails loudly if its shape ever changes). */
function pgBossSchemaSql(): string {
  const plan = PgBoss.getConstructionPlans('pgboss')
  const body = plan
    .replace(/^\s*BEGIN;/, '')
    .replace(/COMMIT;\s*$/, '')
    .replace(/SET LOCAL lock_timeout = '30s';/, '')
    .replace(/SET LOCAL idle_in_transaction_session_timeout = '30s';/, '')
  if (body === plan || /\bBEGIN;|\bCOMMIT;|SET LOCAL/.test(body)) throw new Error('unexpected pg-boss construction plan: check the pg-boss version')
  return body
}
