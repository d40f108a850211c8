import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { checkIdNumber, checkMobilePhone, checkUscc, idCheckChar, isMobilePhone, normalizeMobilePhone, usccCheckChar } from './identifiers'

test('GB 32100 example code is valid; a changed character is not', () => {
  assert.equal(checkUscc('91350100M000100Y43'), null) // the standard's own example
  assert.match(checkUscc('91350100M000100Y44')!, /校验位/)
  assert.match(checkUscc('91350100M000100Y4')!, /18位/)
  assert.match(checkUscc('91350100I000100Y43')!, /I、O、Z、S、V/)
})

test('GB 11643 examples are valid; wrong check digit and impossible dates are not', () => {
  assert.equal(checkIdNumber('11010519491231002X'), null) // GB 11643-1999 example
  assert.match(checkIdNumber('440524188001010014')!, /出生日期/) // born 1880: before 1900 is refused
  assert.match(checkIdNumber('110105194912310021')!, /校验位/)
  assert.match(checkIdNumber('110105194902310025')!, /出生日期/) // 31 February
  assert.match(checkIdNumber('11010519491231002')!, /18位/)
})

test('any 17 characters + computed check character validate (property)', () => {
  const usccChar = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY')
  fc.assert(fc.property(fc.array(usccChar, { minLength: 17, maxLength: 17 }), (cs) => {
    const s = cs.join('')
    return checkUscc(s + usccCheckChar(s)) === null
  }))
  fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.date({ min: new Date('1920-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }), (r, d, seq) => {
    const region = String(110000 + (r % 800000)).padStart(6, '0')
    const ymd = d.toISOString().slice(0, 10).replace(/-/g, '')
    const s = `${region}${ymd}${String(seq).padStart(3, '0')}`
    return checkIdNumber(s + idCheckChar(s)) === null
  }))
})

test('mainland mobile numbers: 1[3-9] + 9 digits; typed prefixes and separators are normalised', () => {
  for (const ok of ['13800138000', '19912345678', '16612345678']) assert.ok(isMobilePhone(ok), ok)
  for (const bad of ['12800138000', '1380013800', '138001380000', '23800138000', '1380013800a', '', '+8613800138000']) assert.ok(!isMobilePhone(bad), bad)
  assert.equal(normalizeMobilePhone('+86 138-0013-8000'), '13800138000')
  assert.equal(normalizeMobilePhone('0086 13800138000'), '13800138000')
  assert.equal(normalizeMobilePhone('8613800138000'), '13800138000')
  assert.equal(normalizeMobilePhone('86123'), '86123')
  assert.equal(checkMobilePhone('13800138000'), null)
  assert.match(checkMobilePhone('')!, /请输入/)
  assert.match(checkMobilePhone('1380013800')!, /11位，当前为10位/)
  assert.match(checkMobilePhone('12800138000')!, /13至19/)
  assert.match(checkMobilePhone('1380013800x')!, /只能包含数字/)
})
