import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { sql } from 'kysely'
import { SMTPServer } from 'smtp-server'
import { testDb } from '../../../test/db'
import { createCitizen } from '../../../test/citizens'
import { staffIn } from '../../../test/exchange'
import type { DatabaseHandle } from '../../platform/database'
import { createJobs, type Jobs } from '../../platform/jobs'
import { createLogger } from '../../platform/logger'
import { maskPhone } from '../../platform/privacy'
import {
  deliverNotification, DELIVER_QUEUE, maskEmail, memoryMailer, memorySmsGateway, notify, NOTIFICATION_QUEUES, registerNotificationJobs,
  renderNotice, smtpMailer, NOTICE_EVENTS, type DeliveryDeps, type Mailer,
} from './index'

/**
 * Notices end to end on a real database: the outbox (nothing without a commit), dedupe (one message, one send),
 * at-most-once delivery, retries with backoff against a REAL local SMTP server (smtp-server), masking.
 */
let h: DatabaseHandle
const logLines: string[] = []
const log = createLogger('debug', { write: (s: string) => void logLines.push(s) })
const config = { publicUrl: 'https://zwfw.example.gov.cn' }
before(async () => {
  h = await testDb('migrated')
})
after(() => h.close())

function harness(mailer: Mailer = memoryMailer()) {
  const sms = memorySmsGateway()
  const jobs: Jobs = createJobs(h.db, h.kind, log, { poll: false, queues: NOTIFICATION_QUEUES })
  const deps: DeliveryDeps = { db: h.db, log, sms, mailer, config }
  registerNotificationJobs(jobs, deps)
  return { sms, mailer, jobs, deps }
}
async function citizenWithEmail(email: string | null = null) {
  const c = await createCitizen(h.db)
  if (email) await h.db.updateTable('citizens').set({ email }).where('id', '=', c.id).execute()
  return { ...c, email }
}
const deliveriesOf = (recipientId: string) =>
  h.db.selectFrom('notification_deliveries as d').innerJoin('notifications as n', 'n.id', 'd.notification_id')
    .select(['d.id', 'd.channel', 'd.status', 'd.attempts', 'd.address_masked', 'd.last_error', 'd.sent_at']).where('n.recipient_id', '=', recipientId).orderBy('d.channel').execute()
const jobsFor = async (deliveryIds: string[]) =>
  (await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = ${DELIVER_QUEUE} and data->>'deliveryId' = any(${deliveryIds})`.execute(h.db)).rows[0]!.n
const makeDue = () => sql`update pgboss.job set start_after = now() - interval '1 second' where name = ${DELIVER_QUEUE} and state = 'retry'`.execute(h.db)

test('the same dedupe key twice: one inbox message, one delivery per channel, one job each — and one SMS and e-mail after the jobs ran', async () => {
  const x = harness()
  const c = await citizenWithEmail('li.minghua@example.com')
  const n = { to: { kind: 'citizen' as const, id: c.id }, event: 'case.accepted' as const, data: { refNo: 'SZ-2026-000123', itemName: '食品经营许可证核发', promisedDue: '2026-12-18', link: '/me/applications/0190aaaa-0000-7000-8000-000000000001' }, dedupeKey: `case.accepted:${c.id}` }
  assert.equal(await h.db.transaction().execute((tx) => notify(tx, x.jobs, n)), true)
  assert.equal(await h.db.transaction().execute((tx) => notify(tx, x.jobs, n)), false)
  const inbox = await h.db.selectFrom('notifications').selectAll().where('recipient_id', '=', c.id).execute()
  assert.equal(inbox.length, 1)
  assert.equal(inbox[0]!.case_ref, 'SZ-2026-000123')
  assert.match(inbox[0]!.body, /已受理/)
  const d = await deliveriesOf(c.id)
  assert.deepEqual(d.map((r) => [r.channel, r.status, r.address_masked]), [['email', 'pending', 'l***@example.com'], ['sms', 'pending', maskPhone(c.phone)]])
  assert.equal(await jobsFor(d.map((r) => r.id)), 2)
  assert.equal(await x.jobs.drain([DELIVER_QUEUE]), 2)
  assert.equal(x.sms.sent.filter((m) => m.phone === c.phone).length, 1)
  const sms = x.sms.last(c.phone)!
  assert.match(sms.text, /^【一网通办】.*SZ-2026-000123/)
  assert.ok(sms.text.length <= 70, `SMS is short (${sms.text.length})`)
  const mail = (x.mailer as ReturnType<typeof memoryMailer>).sent.find((m) => m.to === c.email)!
  assert.match(mail.subject, /申请已受理 Application accepted/)
  assert.match(mail.text, /https:\/\/zwfw\.example\.gov\.cn\/me\/applications\/0190aaaa-0000-7000-8000-000000000001/)
  assert.match(mail.text, /was accepted/)
  assert.deepEqual((await deliveriesOf(c.id)).map((r) => [r.status, r.attempts]), [['sent', 1], ['sent', 1]])
})

test('a delivery job that runs twice sends once', async () => {
  const x = harness()
  const c = await citizenWithEmail()
  await h.db.transaction().execute((tx) => notify(tx, x.jobs, { to: { kind: 'citizen', id: c.id }, event: 'case.result_issued', data: { refNo: 'SZ-2' }, dedupeKey: `twice:${c.id}` }))
  const [d] = await deliveriesOf(c.id)
  assert.equal(d!.channel, 'sms', 'no e-mail on the account: SMS only')
  assert.equal(await x.jobs.drain([DELIVER_QUEUE]), 1)
  // The same job again (a worker crashed after sending, pg-boss redelivers; or someone re-enqueued it by hand).
  await h.db.transaction().execute((tx) => x.jobs.enqueue(tx, DELIVER_QUEUE, { deliveryId: d!.id }))
  assert.equal(await x.jobs.drain([DELIVER_QUEUE]), 1)
  assert.equal(await deliverNotification(x.deps, d!.id), 'done-before')
  assert.equal(x.sms.sent.filter((m) => m.phone === c.phone).length, 1)
})

test('a send in progress elsewhere is not repeated: the second run waits (throws → retried later)', async () => {
  const x = harness()
  const c = await citizenWithEmail()
  await h.db.transaction().execute((tx) => notify(tx, x.jobs, { to: { kind: 'citizen', id: c.id }, event: 'case.withdrawn', data: { refNo: 'SZ-3' }, dedupeKey: `claim:${c.id}` }))
  const [d] = await deliveriesOf(c.id)
  await h.db.updateTable('notification_deliveries').set({ status: 'sending', claimed_at: new Date() }).where('id', '=', d!.id).execute()
  await assert.rejects(deliverNotification(x.deps, d!.id), /being sent by another worker/)
  assert.equal(x.sms.sent.length, 0)
  // A claim older than 5 minutes is a crashed sender: the delivery is tried again.
  await h.db.updateTable('notification_deliveries').set({ claimed_at: new Date(Date.now() - 6 * 60_000) }).where('id', '=', d!.id).execute()
  assert.equal(await deliverNotification(x.deps, d!.id), 'sent')
  assert.equal(x.sms.sent.length, 1)
})

test('a rolled-back business transaction leaves no message, no delivery, no job — nothing is sent', async () => {
  const x = harness()
  await x.jobs.drain([DELIVER_QUEUE]) // whatever earlier tests left queued
  const c = await citizenWithEmail('wang.fang@example.com')
  await assert.rejects(
    h.db.transaction().execute(async (tx) => {
      await notify(tx, x.jobs, { to: { kind: 'citizen', id: c.id }, event: 'case.decided', data: { refNo: 'SZ-4', decision: '准予许可' }, dedupeKey: `rollback:${c.id}` })
      throw new Error('the decision failed a later check')
    }),
    /later check/,
  )
  assert.equal((await h.db.selectFrom('notifications').select('id').where('recipient_id', '=', c.id).execute()).length, 0)
  assert.equal((await deliveriesOf(c.id)).length, 0)
  assert.equal(await x.jobs.drain([DELIVER_QUEUE]), 0)
  assert.equal(x.sms.sent.length + (x.mailer as ReturnType<typeof memoryMailer>).sent.length, 0)
  // …and the key is still free for the notice of the retried, successful operation.
  assert.equal(await h.db.transaction().execute((tx) => notify(tx, x.jobs, { to: { kind: 'citizen', id: c.id }, event: 'case.decided', data: { refNo: 'SZ-4' }, dedupeKey: `rollback:${c.id}` })), true)
})

test('staff: e-mail when the account has one, inbox only when not; no SMS channel for staff', async () => {
  const x = harness()
  await x.jobs.drain([DELIVER_QUEUE]) // whatever earlier tests left queued
  const withMail = await staffIn(h.db, 'notice-staff-mail', ['supervisor'], null)
  const without = await staffIn(h.db, 'notice-staff-nomail', ['supervisor'], null)
  await h.db.updateTable('staff_users').set({ email: 'officer1@amr.suzhou.example.gov.cn' }).where('id', '=', withMail.id).execute()
  await h.db.transaction().execute(async (tx) => {
    await notify(tx, x.jobs, { to: { kind: 'staff', id: withMail.id }, event: 'step.due_soon', data: { refNo: 'SZ-5', step: '材料审查', dueOn: '2026-12-01', link: '/admin/cases/0190aaaa-0000-7000-8000-000000000005' }, dedupeKey: `due:${withMail.id}` })
    await notify(tx, x.jobs, { to: { kind: 'staff', id: without.id }, event: 'step.due_soon', data: { refNo: 'SZ-5', dueOn: '2026-12-01' }, dedupeKey: `due:${without.id}` })
    // Asked for SMS explicitly, but staff accounts have no mobile number: recorded as skipped, nothing enqueued.
    await notify(tx, x.jobs, { to: { kind: 'staff', id: without.id }, event: 'step.assigned', data: { refNo: 'SZ-6' }, dedupeKey: `assigned:${without.id}`, channels: ['sms'] })
  })
  assert.deepEqual((await deliveriesOf(withMail.id)).map((r) => [r.channel, r.status, r.address_masked]), [['email', 'pending', 'o***@amr.suzhou.example.gov.cn']])
  assert.deepEqual((await deliveriesOf(without.id)).map((r) => [r.channel, r.status, r.last_error]), [['sms', 'skipped', 'no mobile number on the account']])
  const sent = (x.mailer as ReturnType<typeof memoryMailer>).sent
  sent.length = 0
  assert.equal(await x.jobs.drain([DELIVER_QUEUE]), 1)
  assert.equal(sent.length, 1)
  const mail = sent[0]!
  assert.equal(mail.to, 'officer1@amr.suzhou.example.gov.cn')
  assert.match(mail.subject, /办理时限即将届满/)
  assert.match(mail.text, /材料审查.*2026-12-01/)
  assert.match(mail.text, /\/admin\/cases\/0190aaaa-0000-7000-8000-000000000005/)
})

test('bad calls are programming errors that roll the business transaction back', async () => {
  const x = harness()
  const c = await citizenWithEmail()
  const bad: Parameters<typeof notify>[2][] = [
    { to: { kind: 'citizen' as const, id: c.id }, event: 'case.exploded' as never, data: {}, dedupeKey: 'k1' },
    { to: { kind: 'citizen' as const, id: c.id }, event: 'case.accepted' as const, data: {}, dedupeKey: ' ' },
    { to: { kind: 'citizen' as const, id: c.id }, event: 'case.accepted' as const, data: { link: 'https://evil.example/phish' }, dedupeKey: 'k3' },
    { to: { kind: 'citizen' as const, id: c.id }, event: 'case.accepted' as const, data: { link: '//evil.example/phish' }, dedupeKey: 'k4' },
    { to: { kind: 'citizen' as const, id: '0190aaaa-0000-7000-8000-00000000dead' }, event: 'case.accepted' as const, data: {}, dedupeKey: 'k5' },
  ]
  for (const n of bad) await assert.rejects(h.db.transaction().execute((tx) => notify(tx, x.jobs, n)), /notify|unknown notice event/)
})

test('every event renders in both languages with what to do next, and never shows a full ID or phone number', () => {
  const data = { refNo: 'SZ-2026-000777', itemName: '食品经营许可证核发', reason: '申请人 320508198503151230 电话 13800138001 材料不全', items: '营业执照：不清晰', step: '材料审查', dueOn: '2026-12-01', decision: '不予许可', resultName: '食品经营许可证', promisedDue: '2026-12-18', preReviewDue: '2026-11-28' }
  for (const e of NOTICE_EVENTS) {
    const r = renderNotice(e, data)
    for (const s of [r.title.zh, r.title.en, r.body.zh, r.body.en, r.sms]) {
      assert.ok(s.length > 0, e)
      assert.doesNotMatch(s, /undefined|null|320508198503151230|13800138001/, `${e}: ${s}`)
    }
    assert.match(r.body.zh, /请|无需|查看/, `${e} says what to do next`)
    assert.match(r.sms, /^【一网通办】/)
    assert.ok(r.sms.length <= 80, `${e}: SMS of ${r.sms.length} characters`)
  }
  // Missing values are left out, not printed.
  assert.doesNotMatch(renderNotice('case.accepted', { refNo: 'X' }).body.zh, /undefined|承诺在/)
})

/** A real SMTP server on a free port: records what arrives; `failNext` answers 451 to that many messages. */
async function smtpServer() {
  const received: { to: string[]; raw: string }[] = []
  const state = { failNext: 0 }
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (state.failNext > 0) {
          state.failNext--
          return cb(Object.assign(new Error('Greylisted, please try again later'), { responseCode: 451 }))
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') })
        cb()
      })
    },
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.server.address() as AddressInfo).port
  return { received, state, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) }
}

/** Header value with RFC 2047 encoded words decoded (what a mail client shows). */
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ')
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? ''
  return line.slice(name.length + 1).trim()
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'))
}
function textBody(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/)
  const body = rest.join('\n\n')
  const enc = /content-transfer-encoding:\s*([\w-]+)/i.exec(head!)?.[1]?.toLowerCase()
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (enc === 'quoted-printable') return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
  return body
}

test('e-mail over real SMTP: a temporary failure is retried with backoff, then To, the Chinese subject and the body arrive; addresses stay masked in the table and logs', async () => {
  const smtp = await smtpServer()
  const mailer = smtpMailer(smtp.url, '一网通办 <noreply@zwfw.example.gov.cn>')
  try {
    const x = harness(mailer)
    const c = await citizenWithEmail('zhao.xiuying@example.com')
    logLines.length = 0
    await h.db.transaction().execute((tx) => notify(tx, x.jobs, { to: { kind: 'citizen', id: c.id }, event: 'case.correction_requested', data: { refNo: 'SZ-2026-000888', itemName: '食品经营许可证核发', items: '平面图：缺少比例尺', link: '/me/applications/0190aaaa-0000-7000-8000-000000000888' }, dedupeKey: `smtp:${c.id}` }))
    smtp.state.failNext = 2
    assert.equal(await x.jobs.drain([DELIVER_QUEUE]), 2, 'SMS and e-mail attempted')
    let mail = (await deliveriesOf(c.id)).find((d) => d.channel === 'email')!
    assert.deepEqual([mail.status, mail.attempts], ['pending', 1])
    assert.match(mail.last_error ?? '', /451|try again later/i)
    const retry = (await sql<{ delay: number }>`select extract(epoch from (start_after - now()))::float8 as delay from pgboss.job where name = ${DELIVER_QUEUE} and state = 'retry'`.execute(h.db)).rows
    assert.equal(retry.length, 1)
    assert.ok(retry[0]!.delay >= 29 && retry[0]!.delay <= 61, `first backoff 30–60 s: ${retry[0]!.delay}`)
    await makeDue()
    assert.equal(await x.jobs.drain([DELIVER_QUEUE]), 1)
    const second = (await sql<{ delay: number }>`select extract(epoch from (start_after - now()))::float8 as delay from pgboss.job where name = ${DELIVER_QUEUE} and state = 'retry'`.execute(h.db)).rows
    assert.ok(second[0]!.delay >= 59 && second[0]!.delay <= 121, `second backoff 60–120 s: ${second[0]!.delay}`)
    await makeDue()
    assert.equal(await x.jobs.drain([DELIVER_QUEUE]), 1)
    mail = (await deliveriesOf(c.id)).find((d) => d.channel === 'email')!
    assert.deepEqual([mail.status, mail.attempts, mail.last_error, mail.address_masked], ['sent', 3, null, 'z***@example.com'])
    assert.equal(smtp.received.length, 1)
    const got = smtp.received[0]!
    assert.deepEqual(got.to, ['zhao.xiuying@example.com'])
    assert.match(got.raw, /^Subject: =\?UTF-8\?/m, 'the Chinese subject is RFC 2047 encoded')
    assert.equal(header(got.raw, 'Subject'), '【一网通办】请补正材料 Please correct your application')
    assert.match(header(got.raw, 'From'), /noreply@zwfw\.example\.gov\.cn/)
    const body = textBody(got.raw)
    assert.match(body, /需要补正的内容：平面图：缺少比例尺/)
    assert.match(body, /https:\/\/zwfw\.example\.gov\.cn\/me\/applications\/0190aaaa-0000-7000-8000-000000000888/)
    assert.match(body, /What to correct/)
    const logs = logLines.join('\n')
    assert.match(logs, /z\*\*\*@example\.com/, 'logs name the masked address')
    assert.doesNotMatch(logs, /zhao\.xiuying@example\.com/)
    assert.doesNotMatch(logs, new RegExp(c.phone))
    const stored = JSON.stringify(await h.db.selectFrom('notification_deliveries').selectAll().execute())
    assert.doesNotMatch(stored, /zhao\.xiuying@example\.com/)
    assert.doesNotMatch(stored, new RegExp(c.phone))
  } finally {
    mailer.close?.()
    await smtp.close()
  }
})

test('after the last retry the delivery is marked failed and nothing more is tried', async () => {
  const smtp = await smtpServer()
  const mailer = smtpMailer(smtp.url, 'noreply@zwfw.example.gov.cn')
  try {
    const x = harness(mailer)
    const c = await citizenWithEmail('chen.zhiqiang@example.com')
    await h.db.transaction().execute((tx) => notify(tx, x.jobs, { to: { kind: 'citizen', id: c.id }, event: 'case.terminated', data: { refNo: 'SZ-9' }, dedupeKey: `fail:${c.id}`, channels: ['email'] }))
    await sql`update pgboss.job set retry_limit = 1 where name = ${DELIVER_QUEUE} and state = 'created'`.execute(h.db)
    smtp.state.failNext = 5
    await x.jobs.drain([DELIVER_QUEUE])
    await makeDue()
    await x.jobs.drain([DELIVER_QUEUE])
    const [d] = await deliveriesOf(c.id)
    assert.deepEqual([d!.status, d!.attempts], ['failed', 2])
    assert.equal(await x.jobs.drain([DELIVER_QUEUE]), 0)
    assert.equal(await deliverNotification(x.deps, d!.id), 'done-before')
    assert.equal(smtp.received.length, 0)
  } finally {
    mailer.close?.()
    await smtp.close()
  }
})

test('masking helpers', () => {
  assert.equal(maskEmail('wang.fang@example.com'), 'w***@example.com')
  assert.equal(maskEmail('nobody'), '***')
})
