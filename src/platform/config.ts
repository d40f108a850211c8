import { z } from 'zod'
import { resolve } from 'node:path'

/**
 * The only reader of process.env. Parsed once; everything else receives a Config.
 * Each variable is documented in .env.example.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://').optional(),
  YIWANG_DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SESSION_SECRET: z.string().min(16).optional(),
  SEARCH_REFRESH_MS: z.coerce.number().int().min(100).default(2000),
  YIWANG_ADMIN_PASSWORD: z.string().min(8).optional(),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  SEARCH_RESULT_CACHE: z.coerce.number().int().min(0).max(1_000_000).default(2000),
  YIWANG_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'YIWANG_SECRET_KEY must be 32 random bytes in base64 (openssl rand -base64 32)')
    .optional(),
  SMS_OUTBOX: z.string().optional(),
  UPLOAD_DIR: z.string().optional(),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(10 * 1024 * 1024),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps:// (e.g. smtp://user:pass@mail.example.gov.cn:587)').optional(),
  MAIL_FROM: z.string().min(3).default('一网通办 <noreply@localhost>'),
  MAIL_OUTBOX: z.string().optional(),
  LICENCE_SHARE_CODE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
})

export type Config = {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  publicUrl: string
  logLevel: z.infer<typeof schema>['LOG_LEVEL']
  env: z.infer<typeof schema>['NODE_ENV']
  searchRefreshMs: number
  /** Password for the demo editor account created by `seed`; random when unset (printed once). */
  adminPassword: string | undefined
  /** Cookies get the Secure flag when the public URL is https. */
  secureCookies: boolean
  /** Web processes to run (node:cluster); more than one needs PostgreSQL — PGlite is a single process. */
  webConcurrency: number
  /** Recent search results kept per process (0 = off); cleared on every catalogue or synonym change. */
  searchResultCache: number
  /** Platform secret key (base64, 32 bytes); unset = a key file in the data directory (platform/secrets.ts). */
  secretKey: string | undefined
  /** Where the simulated SMS gateway writes messages (JSON lines); default <data dir>/outbox/sms.jsonl. */
  smsOutbox: string
  /** Root of the filesystem blob storage for uploads (content-addressed); default <data dir>/uploads. */
  uploadDir: string
  /** Largest accepted upload in bytes (default 10 MiB); enforced while the file streams in. */
  uploadMaxBytes: number
  /** SMTP server for notices by e-mail (smtp://user:pass@host:587); unset = the simulated mailbox file. */
  smtpUrl: string | undefined
  /** Sender of notice e-mails. */
  mailFrom: string
  /** Where the simulated mailbox writes messages (JSON lines) when SMTP_URL is unset; default <data dir>/outbox/mail.jsonl. */
  mailOutbox: string
  /** How long a 用证码 (one-time licence share code) stays valid, in minutes (default 30). */
  licenceShareCodeMinutes: number
}

export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration (see .env.example):\n${lines.join('\n')}`)
  }
  const e = parsed.data
  if (e.NODE_ENV === 'production' && !e.YIWANG_SECRET_KEY) {
    throw new Error('Invalid configuration (see .env.example):\n  YIWANG_SECRET_KEY: required in production (openssl rand -base64 32)')
  }
  const dataDir = resolve(e.YIWANG_DATA_DIR)
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '')
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    env: e.NODE_ENV,
    searchRefreshMs: e.SEARCH_REFRESH_MS,
    adminPassword: e.YIWANG_ADMIN_PASSWORD,
    secureCookies: publicUrl.startsWith('https://'),
    webConcurrency: e.WEB_CONCURRENCY,
    searchResultCache: e.SEARCH_RESULT_CACHE,
    secretKey: e.YIWANG_SECRET_KEY,
    smsOutbox: resolve(e.SMS_OUTBOX ?? resolve(dataDir, 'outbox', 'sms.jsonl')),
    uploadDir: resolve(e.UPLOAD_DIR ?? resolve(dataDir, 'uploads')),
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailOutbox: resolve(e.MAIL_OUTBOX ?? resolve(dataDir, 'outbox', 'mail.jsonl')),
    licenceShareCodeMinutes: e.LICENCE_SHARE_CODE_MINUTES,
  }
}

let cached: Config | undefined
/** The process-wide config, parsed on first use. */
export function config(): Config {
  cached ??= parseConfig()
  return cached
}

/** Test and tooling seam: environment variables that only test support reads (template database locations). */
export function testEnv(name: 'YIWANG_TEST_TMP' | 'E2E_DATABASE_URL' | 'YIWANG_TEST_TEMPLATE' | 'YIWANG_TEST_PG_TEMPLATE' | 'CHROMIUM_PATH' | 'E2E_BASE_URL'): string | undefined {
  return process.env[name]
}
