import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDb } from '../../../test/db'
import type { DatabaseHandle } from '../../platform/database'
import { loadRegistry, type LoadReport } from './load-registry'
import { makeIdNumber, makeUscc } from './seed/codes'

const actor = { type: 'system' as const, name: 'test' }
const ID_A = makeIdNumber('320508', '1990-01-02', 11) // male
const ID_B = makeIdNumber('320506', '1975-05-06', 22) // female
const ID_C = makeIdNumber('110101', '2001-12-31', 33)
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0')
const errorAt = (r: LoadReport, line: number, field: string) => r.errors.find((e) => e.line === line && e.field === field)

describe('loadRegistry', () => {
  let h: DatabaseHandle
  before(async () => {
    h = await testDb('migrated')
  })
  after(() => h.close())

  it('CSV population: Chinese headers and BOM, quoted fields; bad lines reported with line, field and reason, good lines kept', async () => {
    const csv = [
      '\uFEFF身份证号,姓名,性别,出生日期,户籍地址,行政区划代码,证件有效期截止,手机号码,状态',
      `${ID_A},张三,1,1990-01-02,"江苏省苏州市姑苏区平江路1号, 2幢",320508,2030.05.01,138 0013 8999,`,
      `${ID_B.toLowerCase()},李四,女,19750506,江苏省苏州市吴中区东吴北路2号,320506,长期,,正常`,
      `${wrongCheck(ID_C)},王五,,,北京市东城区,110101,,,`, // 4: check digit
      `${ID_C},王五,2,,北京市东城区,110101,,,`, // 5: gender parity
      `${ID_C},王五,,2001-12-30,北京市东城区,110101,,,`, // 6: birth date
      `${ID_C},王五,,,北京市东城区,999999,,,`, // 7: unknown region
      `${ID_C},,,,北京市东城区,110101,,,`, // 8: name missing
      `${ID_C},王五,,,北京市东城区,110101,2031-02-30,12345,dead`, // 9: date, phone, status
      `${ID_C},${'名'.repeat(31)},,,北京市东城区,110101,,,`, // 10: too long
      `${ID_C},王五,,,北京市东城区`, // 11: column count
      `${ID_C},"王五,,,北京市东城区,110101,,,`, // 12: unclosed quote (line 13 is read again on its own)
      `${ID_C},王五,,,北京市东城区,110101,,,`, // 13: good
      `${ID_A},张三重复,1,,江苏省苏州市,320508,,,`, // 14: duplicate of line 2
      '',
    ]
    const r = await loadRegistry(h.db, { kind: 'population', format: 'csv', lines: csv, actor })
    assert.equal(r.lines, 13)
    assert.deepEqual([r.created, r.updated, r.unchanged, r.failed], [3, 0, 0, 10], JSON.stringify(r.errors, null, 1))
    assert.match(errorAt(r, 4, 'id_number')!.message, /校验位/)
    assert.match(errorAt(r, 5, 'gender_code')!.message, /第17位/)
    assert.match(errorAt(r, 6, 'birth_date')!.message, /第7至14位/)
    assert.match(errorAt(r, 7, 'region_code')!.message, /GB\/T 2260/)
    assert.match(errorAt(r, 8, 'name')!.message, /缺少姓名/)
    assert.ok(errorAt(r, 9, 'id_card_valid_until') && errorAt(r, 9, 'phone') && errorAt(r, 9, 'status'))
    assert.match(errorAt(r, 10, 'name')!.message, /最多30个字/)
    assert.match(errorAt(r, 11, '(line)')!.message, /该行有5列，表头有9列/)
    assert.match(errorAt(r, 12, '(line)')!.message, /引号未闭合/)
    assert.match(errorAt(r, 14, '(line)')!.message, /第2行/)
    // Keys in the report are masked: never a full 身份证号.
    assert.ok(r.errors.every((e) => !e.key || /^\d{3}\*{13}[\dX]{2}$/.test(e.key)), JSON.stringify(r.errors.map((e) => e.key)))
    assert.ok(!JSON.stringify(r).includes(ID_C))

    const a = await h.db.selectFrom('registry_people').selectAll().where('id_number', '=', ID_A).executeTakeFirstOrThrow()
    assert.deepEqual([a.household_address, a.id_card_valid_until, a.phone, a.gender_code, a.birth_date, a.status], ['江苏省苏州市姑苏区平江路1号, 2幢', '2030-05-01', '13800138999', '1', '1990-01-02', 'normal'])
    const b = await h.db.selectFrom('registry_people').selectAll().where('id_number', '=', ID_B).executeTakeFirstOrThrow()
    assert.deepEqual([b.id_card_valid_until, b.phone, b.gender_code], [null, null, '2'])
    const audits = await h.db.selectFrom('audit_log').select('details').where('action', '=', 'registry.load').execute()
    assert.equal(audits.length, 1, 'one audit entry for the one written chunk')
  })

  it('reloading upserts by 身份证号: same rows unchanged, a changed row updated (id kept); chunks get one audit entry each', async () => {
    const header = 'id_number,name,household_address,region_code,phone'
    const before = await h.db.selectFrom('registry_people').select(['id']).where('id_number', '=', ID_A).executeTakeFirstOrThrow()
    const auditsBefore = (await h.db.selectFrom('audit_log').select('seq').where('action', '=', 'registry.load').execute()).length
    const r = await loadRegistry(h.db, {
      kind: 'population', format: 'csv', actor, chunkSize: 1,
      lines: [header, `${ID_A},张三,"江苏省苏州市姑苏区平江路1号, 2幢",320508,13800138999`, `${ID_B},李四,江苏省苏州市吴中区新地址9号,320506,`],
    })
    // Line 2 omits id_card_valid_until: an omitted column means 长期/none, so A's row changes too.
    assert.deepEqual([r.created, r.updated, r.unchanged, r.failed], [0, 2, 0, 0], JSON.stringify(r.errors))
    const again = await loadRegistry(h.db, { kind: 'population', format: 'csv', actor, lines: [header, `${ID_B},李四,江苏省苏州市吴中区新地址9号,320506,`] })
    assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 1])
    const after = await h.db.selectFrom('registry_people').select(['id', 'household_address']).where('id_number', '=', ID_A).executeTakeFirstOrThrow()
    assert.equal(after.id, before.id)
    const audits = (await h.db.selectFrom('audit_log').select('seq').where('action', '=', 'registry.load').execute()).length
    assert.equal(audits - auditsBefore, 3)
  })

  it('JSONL entities: camelCase or snake_case keys, region defaults to USCC positions 3–8; bad lines reported', async () => {
    const U1 = makeUscc('9', '1', '320508', 'MA1TEXT1')
    const U2 = makeUscc('9', '2', '320583', '12345678')
    const good = { uscc: U1, name: '苏州市姑苏区测试餐饮有限公司', entity_type: '有限责任公司', legal_rep_name: '张三', legal_rep_id_number: ID_A, registered_address: '江苏省苏州市姑苏区平江路1号', established_on: '2020-01-02', registered_capital: 50, business_scope: '餐饮服务', status: '存续' }
    const lines = [
      JSON.stringify(good),
      JSON.stringify({ uscc: U2, name: '昆山市测试便利店', entityType: '个体工商户', legalRepName: '李四', legalRepIdNumber: ID_B, registeredAddress: '江苏省昆山市前进中路1号', establishedOn: '20150101', registeredCapital: null, businessScope: '食品销售' }),
      JSON.stringify({ ...good, uscc: U1.slice(0, 17) + (U1[17] === '0' ? '1' : '0') }), // 3: USCC check character
      JSON.stringify({ ...good, uscc: makeUscc('9', '1', '320508', 'MA1TEXT3'), legal_rep_id_number: wrongCheck(ID_A) }), // 4
      '{"uscc": "9132', // 5: not JSON
      JSON.stringify({ ...good, uscc: makeUscc('9', '1', '320508', 'MA1TEXT5'), colour: 'red' }), // 6: unknown field
      '[1, 2]', // 7
      JSON.stringify({ ...good, uscc: makeUscc('9', '1', '320508', 'MA1TEXT7'), established_on: '2999-01-01', registered_capital: '-5' }), // 8
      JSON.stringify({ ...good, uscc: makeUscc('9', '1', '320508', 'MA1TEXT8'), business_scope: 'x'.repeat(1001), status: 'open' }), // 9
    ]
    const r = await loadRegistry(h.db, { kind: 'entities', format: 'jsonl', lines, actor })
    assert.deepEqual([r.lines, r.created, r.failed], [9, 2, 7], JSON.stringify(r.errors, null, 1))
    assert.match(errorAt(r, 3, 'uscc')!.message, /校验位/)
    assert.match(errorAt(r, 4, 'legal_rep_id_number')!.message, /^法定代表人身份证号校验位/)
    assert.match(errorAt(r, 5, '(line)')!.message, /不是有效的 JSON/)
    assert.match(errorAt(r, 6, 'colour')!.message, /未知字段/)
    assert.match(errorAt(r, 7, '(line)')!.message, /JSON 对象/)
    assert.ok(errorAt(r, 8, 'established_on') && errorAt(r, 8, 'registered_capital'))
    assert.ok(errorAt(r, 9, 'business_scope') && errorAt(r, 9, 'status'))
    const e2 = await h.db.selectFrom('registry_entities').selectAll().where('uscc', '=', U2).executeTakeFirstOrThrow()
    assert.deepEqual([e2.region_code, e2.established_on, e2.registered_capital, e2.status], ['320583', '2015-01-01', null, 'active'])
  })

  it('strict: one bad line → nothing written and rolledBack; all good → everything written', async () => {
    const header = 'region_code,street,road,house_number,full_address,postcode'
    const good = ['320508,平江街道,平江路,1号,江苏省苏州市姑苏区平江街道平江路1号,215000', '320505,狮山街道,狮山路,2号,江苏省苏州市虎丘区狮山街道狮山路2号,']
    const bad = await loadRegistry(h.db, { kind: 'addresses', format: 'csv', strict: true, actor, chunkSize: 1, lines: [header, ...good, '320508,平江街道,平江路,3号,江苏省苏州市姑苏区平江街道平江路3号,21500'] })
    assert.deepEqual([bad.rolledBack, bad.created, bad.failed], [true, 0, 1])
    assert.match(errorAt(bad, 4, 'postcode')!.message, /6位数字/)
    assert.equal((await h.db.selectFrom('registry_addresses').select('id').execute()).length, 0)
    const ok = await loadRegistry(h.db, { kind: 'addresses', format: 'csv', strict: true, actor, lines: [header, ...good] })
    assert.deepEqual([ok.rolledBack, ok.created, ok.failed], [false, 2, 0])
    assert.equal((await h.db.selectFrom('registry_addresses').select('id').execute()).length, 2)
  })

  it('CSV header problems stop the load at line 1: unknown column, missing required column', async () => {
    const unknown = await loadRegistry(h.db, { kind: 'addresses', format: 'csv', actor, lines: ['region_code,street,road,house_number,full_address,colour', '320508,a,b,c,d,e'] })
    assert.deepEqual([unknown.lines, unknown.failed, unknown.created], [0, 1, 0])
    assert.match(errorAt(unknown, 1, 'colour')!.message, /不是可识别的列名/)
    const missing = await loadRegistry(h.db, { kind: 'population', format: 'csv', actor, lines: ['name,region_code', '张三,320508'] })
    assert.ok(errorAt(missing, 1, 'id_number') && errorAt(missing, 1, 'household_address'))
    assert.equal(missing.created, 0)
  })
})
