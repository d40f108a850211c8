import { test } from 'node:test'
import assert from 'node:assert/strict'
import { newTotpSecret, totpCode, totpQrSvg, totpUri, verifyTotp } from './totp'

test('a current code verifies and returns its step; a replay of that step is refused', () => {
  const secret = newTotpSecret()
  const at = Date.UTC(2026, 10, 21, 8, 0, 10)
  const step = verifyTotp(secret, totpCode(secret, at), null, at)
  assert.equal(step, Math.floor(at / 30000))
  assert.equal(verifyTotp(secret, totpCode(secret, at), step, at), null)
})

test('codes one step off are accepted (clock drift), two steps off are not; malformed codes are refused', () => {
  const secret = newTotpSecret()
  const at = Date.UTC(2026, 10, 21, 8, 0, 10)
  assert.notEqual(verifyTotp(secret, totpCode(secret, at - 30000), null, at), null)
  assert.equal(verifyTotp(secret, totpCode(secret, at - 90000), null, at), null)
  assert.equal(verifyTotp(secret, '12345', null, at), null)
  assert.equal(verifyTotp(secret, 'abcdef', null, at), null)
})

test('the otpauth URI and QR code carry the secret', async () => {
  const secret = newTotpSecret()
  const uri = totpUri(secret, 'editor')
  assert.match(uri, new RegExp(`^otpauth://totp/.*secret=${secret}`))
  assert.match(await totpQrSvg(uri), /^<svg/)
})
