import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createLogger } from './logger'
import { maskIdNumber, maskPhone, maskText } from './privacy'

test('masking helpers keep only the ends', () => {
  assert.equal(maskIdNumber('11010519491231002X'), '110*************2X')
  assert.equal(maskPhone('13912345678'), '139****5678')
  assert.equal(maskText('申请人 11010519491231002X 电话 13912345678'), '申请人 110*************2X 电话 139****5678')
})

test('log lines never carry a full ID or mobile number, wherever they appear', () => {
  const lines: string[] = []
  const log = createLogger('info', { write: (s: string) => void lines.push(s) })
  log.info({ applicant: { id: '11010519491231002X', phone: '13912345678' }, url: '/x?phone=13912345678' }, 'lookup 11010519491231002X')
  log.info({ password: 'secret-pass', token: 'tok' }, 'sign in')
  const out = lines.join('')
  assert.doesNotMatch(out, /11010519491231002X|13912345678|secret-pass/)
  assert.match(out, /110\*+2X/)
  assert.match(out, /139\*\*\*\*5678/)
})
