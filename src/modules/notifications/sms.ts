import { appendFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { maskPhone } from '../../platform/privacy'

/**
 * The SMS gateway port. A real gateway (运营商/云短信) implements `send`; the default is SIMULATED: messages
 * are appended as JSON lines to a file (README: "Where is my SMS code?"), with the number masked.
 */
export type SmsMessage = { phone: string; text: string; purpose: string }
export type SmsGateway = { send(message: SmsMessage): Promise<void> }

/** Simulated gateway: one JSON line per message in `file`. */
export function fileSmsGateway(file: string): SmsGateway {
  let ready: Promise<unknown> | undefined
  return {
    async send({ phone, text, purpose }) {
      ready ??= mkdir(dirname(file), { recursive: true })
      await ready
      const line = JSON.stringify({ at: new Date().toISOString(), to: maskPhone(phone), purpose, text })
      await appendFile(file, line + '\n', 'utf8')
    },
  }
}

/** Test fake of the outside SMS gateway: keeps messages in memory (with the full number, for assertions). */
export function memorySmsGateway(): SmsGateway & { sent: SmsMessage[]; last(phone: string): SmsMessage | undefined } {
  const sent: SmsMessage[] = []
  return {
    sent,
    async send(m) {
      sent.push(m)
    },
    last(phone) {
      return [...sent].reverse().find((m) => m.phone === phone)
    },
  }
}
