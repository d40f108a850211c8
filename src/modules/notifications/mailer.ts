import { appendFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import nodemailer from 'nodemailer'

/**
 * The e-mail port. `smtpMailer` speaks SMTP through nodemailer (SMTP_URL, e.g. smtp://user:pass@host:587;
 * smtps:// for implicit TLS; STARTTLS is used when the server offers it). Without SMTP_URL the default is
 * SIMULATED like the SMS gateway: each message is appended as one JSON line to data/outbox/mail.jsonl, with the
 * recipient masked (README "Where is my SMS code?").
 */
export type MailMessage = { to: string; subject: string; text: string }
export type Mailer = { send(message: MailMessage): Promise<void>; close?(): void }

/** `wang.fang@example.com` → `w***@example.com` (logs, delivery rows, the simulated mailbox). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at < 1) return '***'
  return `${email[0]}***${email.slice(at)}`
}

export function smtpMailer(url: string, from: string): Mailer {
  // Timeouts well below the job's 5-minute expiry: a hanging server fails the attempt, and the job retries.
  // (nodemailer reads options from the URL's query; values already in SMTP_URL win.)
  const u = new URL(url)
  for (const [k, v] of Object.entries({ connectionTimeout: '15000', greetingTimeout: '15000', socketTimeout: '30000' })) if (!u.searchParams.has(k)) u.searchParams.set(k, v)
  const transport = nodemailer.createTransport(u.toString())
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text })
    },
    close() {
      transport.close()
    },
  }
}

/** Simulated mailbox: one JSON line per message in `file` (recipient masked). */
export function fileMailer(file: string, from: string): Mailer {
  let ready: Promise<unknown> | undefined
  return {
    async send({ to, subject, text }) {
      ready ??= mkdir(dirname(file), { recursive: true })
      await ready
      const line = JSON.stringify({ at: new Date().toISOString(), from, to: maskEmail(to), subject, text })
      await appendFile(file, line + '\n', 'utf8')
    },
  }
}

/** Test fake of the outside mail server: keeps messages in memory (full address, for assertions). */
export function memoryMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = []
  return {
    sent,
    async send(m) {
      sent.push(m)
    },
  }
}
