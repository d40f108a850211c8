import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { createStaff, signIn, type Session } from '../../../../test/staff'
import { makeIdNumber } from '../seed/codes'

type App = Awaited<ReturnType<typeof testApp>>
const ID = makeIdNumber('320505', '1995-05-05', 121)
const badId = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0')

describe('/admin/registries', () => {
  let t: App
  let admin: Session
  let editor: Session
  before(async () => {
    t = await testApp('seeded')
    await createStaff(t.db, 'reg-admin', ['admin'])
    await createStaff(t.db, 'reg-editor', ['catalog_editor'])
    admin = await signIn(t.app, 'reg-admin', undefined, '/admin/registries')
    editor = await signIn(t.app, 'reg-editor')
  })
  after(() => t.close())

  const upload = (s: Partial<Session>, fields: Record<string, string>, file?: { name: string; body: string | Buffer }, csrf = true) => {
    const fd = new FormData()
    if (csrf && s.csrf) fd.set('_csrf', s.csrf)
    for (const [k, v] of Object.entries(fields)) fd.set(k, v)
    if (file) fd.set('file', new File([file.body], file.name))
    return t.app.request('/admin/registries/load', { method: 'POST', body: fd, headers: s.cookie ? { cookie: s.cookie } : {} })
  }

  it('anonymous: GET → 303 to /admin/login, POST → 403; a catalogue editor gets 403 on both', async () => {
    const anon = await t.app.request('/admin/registries')
    assert.equal(anon.status, 303)
    assert.equal(anon.headers.get('location'), '/admin/login?next=%2Fadmin%2Fregistries')
    assert.equal((await upload({}, { kind: 'population' }, { name: 'p.csv', body: 'x' })).status, 403)
    assert.equal((await t.app.request('/admin/registries', { headers: { cookie: editor.cookie } })).status, 403)
    assert.equal((await upload(editor, { kind: 'population' }, { name: 'p.csv', body: 'id_number,name\n' })).status, 403)
    assert.equal((await upload(admin, { kind: 'population' }, { name: 'p.csv', body: 'id_number,name\n' }, false)).status, 403, 'CSRF token required')
  })

  it('shows the record count of each registry, the upload form and the column reference', async () => {
    const res = await t.app.request('/admin/registries', { headers: { cookie: admin.cookie } })
    assert.equal(res.status, 200)
    const html = await res.text()
    assert.match(html, /<td>人口库<\/td><td>10,004<\/td>/)
    assert.match(html, /<td>法人库<\/td><td>2,002<\/td>/)
    assert.match(html, /<td>标准地址库<\/td><td>3,006<\/td>/)
    assert.match(html, /enctype="multipart\/form-data"/)
    assert.match(html, /<code>id_card_valid_until<\/code>/)
  })

  it('form problems → 400 with an error summary and field messages', async () => {
    const none = await upload(admin, { kind: '' })
    assert.equal(none.status, 400)
    const html = await none.text()
    assert.match(html, /存在以下问题/)
    assert.match(html, /href="#kind"/)
    assert.match(html, /href="#file"/)
    const fmt = await upload(admin, { kind: 'addresses' }, { name: 'addresses.txt', body: 'a' })
    assert.equal(fmt.status, 400)
    assert.match(await fmt.text(), /href="#format"/)
  })

  it('loads a CSV: report with counts and the problems (IDs masked); rows written', async () => {
    const csv = ['身份证号,姓名,户籍地址,行政区划代码,手机号码', `${ID},测试甲,江苏省苏州市虎丘区狮山路1号,320505,13800138555`, `${badId(ID)},测试乙,江苏省苏州市虎丘区狮山路2号,320505,`, `x${ID}`].join('\r\n')
    const res = await upload(admin, { kind: 'population', strict: '' }, { name: 'people.csv', body: csv })
    assert.equal(res.status, 200)
    const html = await res.text()
    assert.match(html, /导入结果：人口库/)
    assert.match(html, /<dt>新增<\/dt><dd>1<\/dd>/)
    assert.match(html, /<dt>未通过检查<\/dt><dd>2<\/dd>/)
    assert.match(html, /<td>3<\/td><td>320\*{13}\d[\dX]<\/td><td>公民身份号码<\/td><td>身份证号校验位不正确/)
    assert.ok(!html.includes(ID.slice(0, 17)) && !html.includes('13800138555'), 'no full ID number or phone in the page')
    const row = await t.db.selectFrom('registry_people').select(['name', 'phone']).where('id_number', '=', ID).executeTakeFirstOrThrow()
    assert.deepEqual(row, { name: '测试甲', phone: '13800138555' })
  })

  it('strict mode writes nothing when a record fails; JSON errors quoting the line are masked', async () => {
    const id2 = makeIdNumber('320505', '1996-06-06', 131)
    const lines = [JSON.stringify({ id_number: id2, name: '测试丙', household_address: '江苏省苏州市虎丘区狮山路3号', region_code: '320505' }), `x${id2}`].join('\n')
    const res = await upload(admin, { kind: 'population', format: 'jsonl', strict: '1' }, { name: 'people.data', body: lines })
    assert.equal(res.status, 200)
    const html = await res.text()
    assert.match(html, /严格模式：有记录未通过检查，本次没有导入任何记录/)
    assert.match(html, /不是有效的 JSON/)
    assert.ok(!html.includes(id2.slice(0, 17)))
    assert.equal(await t.db.selectFrom('registry_people').select('id').where('id_number', '=', id2).executeTakeFirst(), undefined)
  })

  it('reads GB 18030 files (as Excel saves CSV in Chinese) and takes uploads above the 2 MB form limit', async () => {
    const id3 = makeIdNumber('320505', '1997-07-07', 141)
    const gbk = (s: string) => Buffer.from(s, 'latin1')
    // 张三 in GB 18030 is D5 C5 C8 FD; 狮山路 is CA A8 C9 BD C2 B7.
    const body = Buffer.concat([gbk(`id_number,name,household_address,region_code\r\n${id3},`), Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), gbk(','), Buffer.from([0xca, 0xa8, 0xc9, 0xbd, 0xc2, 0xb7]), gbk('9,320505\r\n'), gbk(`${' '.repeat(1000)}\r\n`.repeat(3000))])
    assert.ok(body.length > 3_000_000)
    const res = await upload(admin, { kind: 'population' }, { name: 'gbk.csv', body })
    assert.equal(res.status, 200)
    assert.match(await res.text(), /GB 18030/)
    const row = await t.db.selectFrom('registry_people').select(['name', 'household_address']).where('id_number', '=', id3).executeTakeFirstOrThrow()
    assert.deepEqual(row, { name: '张三', household_address: '狮山路9' })
  })

  it('refuses a body above 20 MB with 413', async () => {
    const res = await upload(admin, { kind: 'addresses' }, { name: 'big.csv', body: Buffer.alloc(21 * 1024 * 1024, 0x20) })
    assert.equal(res.status, 413)
  })
})
