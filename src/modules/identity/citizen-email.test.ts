import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { CITIZEN_PASSWORD, citizenSession, createCitizen, type CitizenTestSession } from '../../../test/citizens'
import { DELIVER_QUEUE, notify, type MailMessage } from '../notifications'
import { EMAIL_MAILS_PER_DAY, parseEmail } from './citizen-email'
import { assertNoRawIdentifiers, Browser, loginThroughForm } from './citizen-routes-test-support'

/**
 * 通知邮箱 over HTTP on a real database: set → verification mail (the fake mail server) → open the link → notices
 * are emailed; every refusal (other account, expired, used, replaced, bad address, no CSRF, the daily limit)
 * changes nothing; only masked addresses in pages and the audit record.
 */
let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('migrated')
})
after(() => t.close())

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const post = async (path: string, s: CitizenTestSession | undefined, fields: Record<string, string> = {}, csrf = true) => {
  const res = await t.app.request(path, { method: 'POST', body: new URLSearchParams({ ...(s && csrf ? { _csrf: s.csrf } : {}), ...fields }), headers: { ...FORM, ...(s ? { cookie: s.cookie } : {}) } })
  return { res, html: await res.text() }
}
const get = async (path: string, s?: CitizenTestSession) => {
  const res = await t.app.request(path, { headers: s ? { cookie: s.cookie } : {} })
  return { res, html: await res.text() }
}
const person = async () => {
  const c = await createCitizen(t.db)
  return { ...c, s: await citizenSession(t.app, t.db, c.id) }
}
const emailOf = async (id: string) => (await t.db.selectFrom('citizens').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email
const rowsOf = (id: string) => t.db.selectFrom('citizen_email_verifications').selectAll().where('citizen_id', '=', id).orderBy('created_at').orderBy('id').execute()
const audits = (id: string, action: string) => t.db.selectFrom('audit_log').selectAll().where('subject_id', '=', id).where('action', '=', action).orderBy('seq').execute()
const mailsTo = (address: string): MailMessage[] => t.mailer.sent.filter((m) => m.to === address)
/** The path of the verification link in the newest mail to `address`. */
const linkTo = (address: string): string => {
  const m = mailsTo(address).at(-1)
  assert.ok(m, `a mail was sent to ${address}`)
  const link = /http:\/\/localhost:3000(\/account\/email\/verify\?token=[A-Za-z0-9_-]{43})(?:\s|$)/.exec(m.text)?.[1]
  assert.ok(link, `the mail carries a verification link: ${m.text}`)
  return link
}
let seq = 0
const address = (name = 'li.minghua') => `${name}.${++seq}@example.com`

/** The deliveries of `recipientId`'s notices, by channel. */
const deliveries = (recipientId: string) =>
  t.db.selectFrom('notification_deliveries as d').innerJoin('notifications as n', 'n.id', 'd.notification_id').select(['d.channel', 'd.status', 'd.address_masked']).where('n.recipient_id', '=', recipientId).orderBy('d.channel').execute()
const sendNotice = (recipientId: string, key: string) =>
  t.db.transaction().execute((tx) => notify(tx, t.deps.jobs, { to: { kind: 'citizen', id: recipientId }, event: 'case.accepted', data: { refNo: 'SZ-2026-000777', itemName: '食品经营许可证核发', promisedDue: '2026-12-18', link: '/me/applications/0190aaaa-0000-7000-8000-000000000001' }, dedupeKey: `${key}:${recipientId}` }))

test('set an address → verification mail with a one-time link → open it → citizens.email set; notices are emailed only after that', async () => {
  const a = await person()
  const email = address()
  const page = await get('/account/email', a.s)
  assert.equal(page.res.status, 200)
  assert.match(page.html, /未设置/)
  assert.match(page.html, /name="_csrf"/)

  const sent = await post('/account/email', a.s, { email: `  ${email.replace('example.com', 'EXAMPLE.com')} ` })
  assert.equal(sent.res.status, 303, sent.html.slice(0, 500))
  assert.equal(sent.res.headers.get('location'), '/account/email?done=sent')
  assert.equal(mailsTo(email).length, 1, 'one mail, to the address typed (trimmed, domain in lower case)')
  assert.match(mailsTo(email)[0]!.subject, /验证您的通知邮箱/)
  assert.match(mailsTo(email)[0]!.text, /24小时/)
  const link = linkTo(email)

  // Pending only: not the account's address yet, shown masked, and the token is stored only as its hash.
  assert.equal(await emailOf(a.id), null)
  const [row] = await rowsOf(a.id)
  assert.equal(row!.email, email)
  assert.equal(row!.token_hash.length, 64)
  assert.ok(!link.includes(row!.token_hash), 'the link carries the token, not its hash')
  assert.ok(row!.expires_at.getTime() - row!.created_at.getTime() === 24 * 3600 * 1000, '24 hours')
  const pending = await get('/account/email?done=sent', a.s)
  assert.ok(pending.html.includes('验证邮件已发送') && pending.html.includes('l***@example.com') && pending.html.includes('待验证邮箱'))
  assert.ok(!pending.html.includes(email), 'the page shows the address masked')
  assertNoRawIdentifiers(pending.html, '/account/email')

  // A notice now goes by SMS only: nobody can make us mail an address they have not proved.
  await sendNotice(a.id, 'before')
  assert.deepEqual((await deliveries(a.id)).map((d) => d.channel), ['sms'])

  const opened = await get(link, a.s)
  assert.equal(opened.res.status, 303, opened.html.slice(0, 500))
  assert.equal(opened.res.headers.get('location'), '/account/email?done=verified')
  assert.equal(await emailOf(a.id), email)
  const [used] = await rowsOf(a.id)
  assert.ok(used!.verified_at, 'the link is used up')
  const done = await get('/account/email?done=verified', a.s)
  assert.ok(done.html.includes('邮箱已验证') && done.html.includes('l***@example.com（已验证）') && !done.html.includes('待验证邮箱'))

  // Audited with the address masked, never in clear.
  const requested = await audits(a.id, 'identity.citizen.email.requested')
  const verified = await audits(a.id, 'identity.citizen.email.verified')
  assert.equal(requested.length, 1)
  assert.equal(verified.length, 1)
  assert.equal((requested[0]!.details as { email: string }).email, 'l***@example.com')
  assert.equal((verified[0]!.details as { email: string }).email, 'l***@example.com')
  assert.ok(![...requested, ...verified].some((r) => JSON.stringify(r).includes(email)), 'no raw address in the audit record')

  // After verification a notice creates an e-mail delivery, and the job mails the verified address.
  const before = mailsTo(email).length
  await sendNotice(a.id, 'after')
  const after = (await deliveries(a.id)).filter((d) => d.channel === 'email')
  assert.equal(after.length, 1)
  assert.equal(after[0]!.address_masked, 'l***@example.com')
  await t.deps.jobs.drain([DELIVER_QUEUE])
  assert.equal(mailsTo(email).length, before + 1)
  assert.match(mailsTo(email).at(-1)!.subject, /申请已受理/)

  // The link works once.
  const again = await get(link, a.s)
  assert.equal(again.res.status, 409)
  assert.match(again.html, /已经用过/)
})

test('signed out, the link goes through sign-in and comes back to verify', async () => {
  const a = await createCitizen(t.db)
  const s = await citizenSession(t.app, t.db, a.id)
  const email = address('wang.fang')
  assert.equal((await post('/account/email', s, { email })).res.status, 303)
  const link = linkTo(email)
  const b = new Browser(t.app)
  const first = await b.get(link)
  assert.equal(first.res.status, 303)
  const login = first.res.headers.get('location')!
  assert.equal(login, `/login?next=${encodeURIComponent(link)}`)
  assert.equal(await emailOf(a.id), null, 'nothing happens before sign-in')
  const signed = await loginThroughForm(b, a.phone, CITIZEN_PASSWORD, link)
  assert.equal(signed.res.status, 303, signed.html.slice(0, 300))
  assert.equal(signed.res.headers.get('location'), link, 'back to the link after sign-in')
  const opened = await b.get(link)
  assert.equal(opened.res.headers.get('location'), '/account/email?done=verified')
  assert.equal(await emailOf(a.id), email)
})

test('another account opening the link is refused and nothing changes — the owner can still use it', async () => {
  const a = await person()
  const b = await person()
  const email = address()
  assert.equal((await post('/account/email', a.s, { email })).res.status, 303)
  const link = linkTo(email)
  const before = await rowsOf(a.id)
  const refused = await get(link, b.s)
  assert.equal(refused.res.status, 403)
  assert.match(refused.html, /属于另一个账号/)
  assert.match(refused.html, /href="\/account\/email"/)
  assert.equal(await emailOf(a.id), null)
  assert.equal(await emailOf(b.id), null)
  assert.deepEqual(await rowsOf(a.id), before, 'the link is not used up')
  assert.equal((await rowsOf(b.id)).length, 0)
  assert.equal((await audits(b.id, 'identity.citizen.email.verified')).length, 0)
  assert.equal((await get(link, a.s)).res.headers.get('location'), '/account/email?done=verified')
  assert.equal(await emailOf(a.id), email)
})

test('expired, replaced, malformed and unknown links are refused; nothing changes', async () => {
  const a = await person()
  const first = address()
  assert.equal((await post('/account/email', a.s, { email: first })).res.status, 303)
  const link1 = linkTo(first)

  // Expired: 24 hours passed.
  await t.db.updateTable('citizen_email_verifications').set({ expires_at: new Date(Date.now() - 1000) }).where('citizen_id', '=', a.id).execute()
  const expired = await get(link1, a.s)
  assert.equal(expired.res.status, 400)
  assert.match(expired.html, /已过期/)
  assert.equal(await emailOf(a.id), null)
  const page = await get('/account/email', a.s)
  assert.ok(page.html.includes('验证链接已过期，请重新发送') && page.html.includes('action="/account/email/resend"'))

  // Resend: a new link for the same address; the old one is replaced.
  const resent = await post('/account/email/resend', a.s)
  assert.equal(resent.res.status, 303, resent.html.slice(0, 300))
  const link2 = linkTo(first)
  assert.notEqual(link2, link1)
  const replaced = await get(link1, a.s)
  assert.equal(replaced.res.status, 409, 'replaced by the resend')

  // A newer address replaces the pending one: its link no longer works, the newest does.
  const second = address('chen')
  assert.equal((await post('/account/email', a.s, { email: second })).res.status, 303)
  const old = await get(link2, a.s)
  assert.equal(old.res.status, 409)
  assert.match(old.html, /已失效/)
  assert.equal(await emailOf(a.id), null)

  for (const bad of ['/account/email/verify', '/account/email/verify?token=short', `/account/email/verify?token=${'A'.repeat(43)}`]) {
    const r = await get(bad, a.s)
    assert.equal(r.res.status, 400, bad)
    assert.match(r.html, /验证链接无效/)
  }
  assert.equal(await emailOf(a.id), null)
  assert.equal((await get(linkTo(second), a.s)).res.headers.get('location'), '/account/email?done=verified')
  assert.equal(await emailOf(a.id), second)
})

test('a bad address is refused with a field message, the typed value kept; nothing stored or sent', async () => {
  const a = await person()
  const sentBefore = t.mailer.sent.length
  for (const bad of ['', 'not-an-email', 'a@b', 'x@y.com, victim@example.com', '<x@y.com>', '张三@例子.中国', 'a b@example.com', 'a@-x.com', `${'a'.repeat(250)}@example.com`]) {
    const r = await post('/account/email', a.s, { email: bad })
    assert.equal(r.res.status, 400, `${bad}: ${r.res.status}`)
    assert.match(r.html, /id="email-error"/, bad)
    assert.match(r.html, /class="error-summary"/, bad)
    assert.match(r.html, /邮箱地址/)
  }
  const r = await post('/account/email', a.s, { email: 'not-an-email' })
  assert.match(r.html, /value="not-an-email"/)
  assert.match(r.html, /例如 name@example.com/)
  assert.equal(t.mailer.sent.length, sentBefore)
  assert.equal((await rowsOf(a.id)).length, 0)
  assert.equal((await audits(a.id, 'identity.citizen.email.requested')).length, 0)
  // The same as the verified address: a field message, no mail.
  const email = address()
  await post('/account/email', a.s, { email })
  await get(linkTo(email), a.s)
  const same = await post('/account/email', a.s, { email })
  assert.equal(same.res.status, 400)
  assert.match(same.html, /已经是您的通知邮箱/)
  assert.equal(mailsTo(email).length, 1)
})

test('parseEmail: plain addresses only, domain lower-cased', () => {
  assert.deepEqual(parseEmail(' Wang.Fang+gov@Mail.Example.CN '), { email: 'Wang.Fang+gov@mail.example.cn', errors: [] })
  for (const bad of ['a..b@example.com', '.a@example.com', 'a@example.123', 'a@example', 'a;b@example.com', 'a@exa_mple.com', '"a"@example.com']) assert.equal(parseEmail(bad).errors.length, 1, bad)
})

test('without the CSRF token, or signed out, every POST is refused and nothing changes', async () => {
  const a = await person()
  const email = address()
  await post('/account/email', a.s, { email })
  await get(linkTo(email), a.s)
  const rows = await rowsOf(a.id)
  const sent = t.mailer.sent.length
  for (const [path, fields] of [['/account/email', { email: address() }], ['/account/email/resend', {}], ['/account/email/remove', {}]] as const) {
    const noCsrf = await post(path, a.s, fields, false)
    assert.equal(noCsrf.res.status, 403, `${path} without CSRF`)
    const wrong = await post(path, a.s, { ...fields, _csrf: 'x'.repeat(43) }, false)
    assert.equal(wrong.res.status, 403, `${path} with a wrong CSRF token`)
    const anon = await post(path, undefined, fields)
    assert.equal(anon.res.status, 403, `${path} signed out`)
  }
  assert.equal(await emailOf(a.id), email)
  assert.deepEqual(await rowsOf(a.id), rows)
  assert.equal(t.mailer.sent.length, sent)
  assert.equal((await get('/account/email')).res.headers.get('location'), '/login?next=%2Faccount%2Femail')
})

test(`at most ${EMAIL_MAILS_PER_DAY} verification mails a day: the next one is refused and not sent`, async () => {
  const a = await person()
  const other = await person()
  const sent = t.mailer.sent.length
  for (let i = 0; i < EMAIL_MAILS_PER_DAY; i++) assert.equal((await post('/account/email', a.s, { email: address('limit') })).res.status, 303)
  assert.equal(t.mailer.sent.length, sent + EMAIL_MAILS_PER_DAY)
  const page = await get('/account/email', a.s)
  assert.match(page.html, /今天还可发送0封/)
  const sixth = await post('/account/email', a.s, { email: address('limit') })
  assert.equal(sixth.res.status, 429)
  assert.match(sixth.html, /最多发送5封验证邮件/)
  const resend = await post('/account/email/resend', a.s)
  assert.equal(resend.res.status, 429)
  assert.equal(t.mailer.sent.length, sent + EMAIL_MAILS_PER_DAY)
  assert.equal((await rowsOf(a.id)).length, EMAIL_MAILS_PER_DAY)
  assert.equal((await audits(a.id, 'identity.citizen.email.requested')).length, EMAIL_MAILS_PER_DAY)
  // Per citizen: someone else is not affected; and a day later it is allowed again.
  assert.equal((await post('/account/email', other.s, { email: address('other') })).res.status, 303)
  await t.db.updateTable('citizen_email_verifications').set({ created_at: new Date(Date.now() - 25 * 3600 * 1000) }).where('citizen_id', '=', a.id).execute()
  assert.equal((await post('/account/email', a.s, { email: address('limit') })).res.status, 303)
})

test('删除邮箱 removes the verified address and cancels a pending one; notices then go by SMS only', async () => {
  const a = await person()
  const email = address()
  await post('/account/email', a.s, { email })
  await get(linkTo(email), a.s)
  const next = address('next')
  await post('/account/email', a.s, { email: next })
  const pendingLink = linkTo(next)
  const removed = await post('/account/email/remove', a.s)
  assert.equal(removed.res.status, 303)
  assert.equal(removed.res.headers.get('location'), '/account/email?done=removed')
  assert.equal(await emailOf(a.id), null)
  const cancelled = await get(pendingLink, a.s)
  assert.equal(cancelled.res.status, 409)
  assert.equal(await emailOf(a.id), null)
  const [audit] = await audits(a.id, 'identity.citizen.email.removed')
  assert.deepEqual(audit!.details, { email: 'l***@example.com', pending: 'n***@example.com' })
  await sendNotice(a.id, 'removed')
  assert.deepEqual((await deliveries(a.id)).map((d) => d.channel), ['sms'])
  const page = await get('/account/email?done=removed', a.s)
  assert.ok(page.html.includes('邮箱已删除') && page.html.includes('未设置') && !page.html.includes('action="/account/email/remove"'))
  const nothing = await post('/account/email/remove', a.s)
  assert.equal(nothing.res.headers.get('location'), '/account/email?done=nothing')
  assert.equal((await audits(a.id, 'identity.citizen.email.removed')).length, 1)
})

test('a mail server failure: the request stands, the page says to send again, and resending works', async () => {
  const a = await person()
  const email = address()
  const send = t.mailer.send
  t.mailer.send = async () => {
    throw new Error(`550 mailbox unavailable: ${email}`)
  }
  let failed
  try {
    failed = await post('/account/email', a.s, { email })
  } finally {
    t.mailer.send = send
  }
  assert.equal(failed.res.status, 503)
  assert.match(failed.html, /验证邮件暂时没能发出/)
  assert.match(failed.html, /重新发送验证邮件/)
  assert.ok(failed.html.includes('l***@example.com'))
  assert.equal((await rowsOf(a.id)).length, 1)
  const resent = await post('/account/email/resend', a.s)
  assert.equal(resent.res.status, 303)
  assert.equal(mailsTo(email).length, 1)
  assert.equal((await get(linkTo(email), a.s)).res.headers.get('location'), '/account/email?done=verified')
})

test('/account links to 通知邮箱 (in both languages)', async () => {
  const a = await person()
  const zh = await get('/account', a.s)
  assert.match(zh.html, /<a href="\/account\/email">通知邮箱<\/a>/)
  const en = await get('/account/email?lang=en', a.s)
  assert.match(en.html, /Notice email/)
  assert.match(en.html, /Send verification email/)
})
