import pino, { type Logger } from 'pino'
import { maskText } from './privacy'

export type { Logger }

/**
 * pino JSON logs with PII redaction: known sensitive keys are censored, and every string that looks like a
 * 身份证号 or a mobile number is masked wherever it appears (messages, urls, nested fields).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ['password', '*.password', 'req.headers.cookie', 'req.headers.authorization', 'headers.cookie', '*.token', 'token'],
        censor: '[redacted]',
      },
      formatters: {
        log(obj) {
          return maskDeep(obj) as Record<string, unknown>
        },
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskText(a) : a)) as Parameters<typeof method>
          return method.apply(this, masked)
        },
      },
    },
    destination,
  )
}

function maskDeep(v: unknown, depth = 0): unknown {
  if (depth > 6) return v
  if (typeof v === 'string') return maskText(v)
  if (Array.isArray(v)) return v.map((x) => maskDeep(x, depth + 1))
  if (v && typeof v === 'object' && !(v instanceof Error)) {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) out[k] = maskDeep(x, depth + 1)
    return out
  }
  if (v instanceof Error) return { type: v.name, message: maskText(v.message), stack: v.stack ? maskText(v.stack) : undefined }
  return v
}
