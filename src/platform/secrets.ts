import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from './config'

/**
 * The platform secret key and what is derived from it (HKDF-SHA256, one sub-key per use):
 *  - seal/open: AES-256-GCM for secrets we must read back (TOTP seeds, OAuth client secrets);
 *  - pseudonym: HMAC-SHA256 of an identifier (data-access-log subjects), so logs never hold a raw 身份证号
 *    yet a person's own records can be found.
 * The key comes from YIWANG_SECRET_KEY (base64, 32 bytes). Without it a key file is created once in the data
 * directory (fine for one machine; production with several hosts must set the variable — config refuses to
 * start in production without it).
 */
export type Secrets = {
  seal(plaintext: string): string
  open(sealed: string): string
  pseudonym(kind: string, value: string): string
}

export function createSecrets(masterKey: Buffer): Secrets {
  if (masterKey.length !== 32) throw new Error('the secret key must be 32 bytes')
  const sub = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32))
  const sealKey = sub('yiwang/seal/v1')
  const pseudoKey = sub('yiwang/pseudonym/v1')
  return {
    seal(plaintext) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv)
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
      return `v1.${iv.toString('base64url')}.${ct.toString('base64url')}`
    },
    open(sealed) {
      const [v, ivText, ctText] = sealed.split('.')
      if (v !== 'v1' || !ivText || !ctText) throw new Error('not a sealed value')
      const data = Buffer.from(ctText, 'base64url')
      const decipher = createDecipheriv('aes-256-gcm', sealKey, Buffer.from(ivText, 'base64url'))
      decipher.setAuthTag(data.subarray(data.length - 16))
      return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8')
    },
    pseudonym(kind, value) {
      return createHmac('sha256', pseudoKey).update(`${kind}:${value}`).digest('base64url')
    },
  }
}

/** The key from config, else the data directory's key file (created on first use, mode 0600). */
export function loadSecrets(cfg: Pick<Config, 'secretKey' | 'dataDir'>): Secrets {
  if (cfg.secretKey) return createSecrets(Buffer.from(cfg.secretKey, 'base64'))
  const file = join(cfg.dataDir, 'secret.key')
  if (!existsSync(file)) {
    mkdirSync(cfg.dataDir, { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 })
    chmodSync(file, 0o600)
  }
  return createSecrets(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'))
}

/** A fixed key for tests only. */
export const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString('base64')
