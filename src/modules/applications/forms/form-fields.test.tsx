import { test } from 'node:test'
import assert from 'node:assert/strict'
import { usccCheckChar } from '../../../platform/identifiers'
import { applyPrefill, applyRowAction, FormFields, parseFormPost, validateFormValues, type FormDefinition } from './form-fields'

/**
 * Render → (browser posts what is rendered) → parseFormPost → validateFormValues, for every field type. The
 * "browser" here reads name/value pairs back out of the HTML the way a form submission would.
 */
const def: FormDefinition = {
  schemaVersion: 1,
  sections: [
    {
      key: 'all', title: '全部类型', titleEn: 'All types',
      fields: [
        { key: 'txt', type: 'text', label: '文字', required: true, hint: '提示' },
        { key: 'area', type: 'textarea', label: '多行' },
        { key: 'num', type: 'number', label: '数字', min: 0, max: 10 },
        { key: 'day', type: 'date', label: '日期' },
        { key: 'sel', type: 'select', label: '下拉', options: [{ value: 'a', label: '甲' }, { value: 'b', label: '乙' }] },
        { key: 'rad', type: 'radio', label: '单选', options: [{ value: 'y', label: '是' }, { value: 'n', label: '否' }] },
        { key: 'chk', type: 'checkbox', label: '多选', options: [{ value: 'p', label: '丙' }, { value: 'q', label: '丁' }, { value: 'r', label: '戊' }] },
        { key: 'idn', type: 'idNumber', label: '身份证号', prefill: 'applicant.idNumber' },
        { key: 'ent', type: 'uscc', label: '信用代码' },
        { key: 'tel', type: 'phone', label: '手机' },
        { key: 'mail', type: 'email', label: '邮箱' },
        { key: 'addr', type: 'address', label: '地址' },
        { key: 'more', type: 'text', label: '补充说明', showIf: { field: 'rad', equals: 'y' } },
        { key: 'people', type: 'rows', label: '人员', min: 1, max: 3, columns: [{ key: 'name', type: 'text', label: '姓名' }, { key: 'idNumber', type: 'idNumber', label: '身份证号' }, { key: 'home', type: 'address', label: '住址' }] },
        { key: 'doc', type: 'file', label: '材料', materialIndex: 0 },
      ],
    },
  ],
}
const regions = [{ code: '320500', name: '苏州市' }, { code: '320508', name: '姑苏区' }]
const values = {
  txt: '你好 <b>&', area: '第一行\n第二行', num: 7, day: '2026-03-01', sel: 'b', rad: 'y', chk: ['p', 'r'], idn: '11010519491231002X', ent: '91320508MA1MX5NL3' + usccCheckChar('91320508MA1MX5NL3'),
  tel: '13912345678', mail: 'a@b.cn', addr: { regionCode: '320508', detail: '干将路1号' }, more: '更多',
  people: [{ name: '王五', idNumber: '11010519491231002X', home: { regionCode: '320508', detail: '人民路2号' } }, { name: '赵六', idNumber: '', home: { regionCode: '', detail: '' } }],
  doc: ['upload-1'],
}

const html = (p: Partial<Parameters<typeof FormFields>[0]> = {}) =>
  String(<FormFields def={def} values={values} errors={[]} prefilled={{}} lang="zh" regions={regions} attachments={{ doc: [{ id: 'upload-1', name: '平面图.pdf' }] }} {...p} />)

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
/** What a browser would post for this HTML (successful controls only; no JS). */
function submitted(h: string): Record<string, string | string[]> {
  const out: Record<string, string[]> = {}
  const add = (k: string, v: string) => (out[k] ??= []).push(decode(v))
  for (const m of h.matchAll(/<input ([^>]*)\/?>/g)) {
    const a = m[1]!
    const name = /name="([^"]*)"/.exec(a)?.[1]
    if (!name || / disabled/.test(a) || /type="file"/.test(a)) continue
    const value = /value="([^"]*)"/.exec(a)?.[1] ?? ''
    if (/type="(checkbox|radio)"/.test(a) && !/ checked/.test(a)) continue
    add(name, value)
  }
  for (const m of h.matchAll(/<textarea ([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = /name="([^"]*)"/.exec(m[1]!)?.[1]
    if (name && !/ disabled/.test(m[1]!)) add(name, m[2]!)
  }
  for (const m of h.matchAll(/<select ([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = /name="([^"]*)"/.exec(m[1]!)?.[1]
    if (!name || / disabled/.test(m[1]!)) continue
    add(name, /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? '')
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]))
}

test('render → post → parse → validate round trip keeps every field type', () => {
  const h = html()
  const raw = parseFormPost(def, submitted(h))
  const r = validateFormValues(def, raw, { partial: true })
  assert.deepEqual(r.errors, [])
  const { people, ...rest } = r.values
  const { people: _p, ...expected } = values
  assert.deepEqual(rest, { ...expected, txt: '你好 <b>&' })
  // The first row keeps its nested address; the second keeps only what was filled in.
  assert.deepEqual(people, [{ name: '王五', idNumber: '11010519491231002X', home: { regionCode: '320508', detail: '人民路2号' } }, { name: '赵六' }])
  // A completely blank row (as the page renders after 添加一行) is dropped.
  const blank = parseFormPost(def, { ...submitted(h), 'f.people.5.name': '', 'f.people.5.idNumber': '' })
  assert.equal((validateFormValues(def, blank, { partial: true }).values['people'] as unknown[]).length, 2)
  assert.ok(!h.includes('<b>'), 'values are escaped')
})

test('accessibility wiring: label for=, hint and error via aria-describedby, fieldsets with legends, no required attribute', () => {
  const h = html({ errors: [{ path: 'txt', message: '请填写“文字”。', messageEn: 'Enter text.' }, { path: 'people[0].name', message: '请填写“姓名”。', messageEn: 'Enter name.' }, { path: 'addr.detail', message: '请填写详细地址。', messageEn: 'Enter the street.' }] })
  assert.match(h, /<label class="label" for="f-txt">文字/)
  assert.match(h, /id="f-txt-hint"/)
  assert.match(h, /<input class="input input-error" id="f-txt" name="f\.txt"[^>]*aria-describedby="f-txt-hint f-txt-error" aria-invalid="true" aria-required="true"/)
  assert.match(h, /id="f-people-0-name-error"/)
  assert.match(h, /id="f-addr-detail-error"/)
  for (const l of ['单选', '多选', '地址', '人员']) assert.match(h, new RegExp(`<legend class="legend-small">${l}`))
  assert.ok(!/ required(=|\s|>)/.test(h), 'no browser-blocking required attribute')
  assert.match(h, /data-show-if="\{&quot;field&quot;:&quot;rad&quot;,&quot;equals&quot;:\[&quot;y&quot;\]\}"/)
  assert.match(h, /name="_action" value="addrow:people"/)
  assert.match(h, /src="\/assets\/form-fields\.js"/)
  assert.match(String(<FormFields def={def} values={{}} errors={[]} prefilled={{}} lang="en" />), /<legend class="legend">All types/)
})

test('prefilled fields are locked with their source, and posted values for them are replaced', () => {
  const { values: v, prefilled } = applyPrefill(def, { idn: '110105194912310021' }, { 'applicant.idNumber': '11010519491231002X' })
  assert.equal(v['idn'], '11010519491231002X')
  const h = html({ values: v, prefilled })
  assert.match(h, /id="f-idn"[^>]*readonly=""/)
  assert.match(h, /来源：实名认证信息（公安人口库）（不可修改）/)
})

test('read-only review lists the answers', () => {
  const h = html({ readOnly: true })
  assert.match(h, /<dt>下拉<\/dt><dd>乙/)
  assert.match(h, /<dt>多选<\/dt><dd>丙、戊/)
  assert.match(h, /姑苏区 干将路1号/)
  assert.match(h, /平面图\.pdf/)
  assert.ok(!h.includes('<input'))
})

test('rows without JS: 添加一行 appends a blank row, 删除 removes one; the count respects max', () => {
  const body = submitted(html())
  const raw = parseFormPost(def, body)
  const added = applyRowAction(def, { ...body, _action: 'addrow:people' }, raw)!
  assert.equal((added['people'] as unknown[]).length, 3)
  assert.equal((applyRowAction(def, { _action: 'addrow:people' }, added)!['people'] as unknown[]).length, 3, 'max 3')
  assert.match(html({ values: added }), /name="f\.people\.2\.name"/)
  const removed = applyRowAction(def, { _action: 'delrow:people:0' }, raw)!
  assert.deepEqual((removed['people'] as { name?: string }[]).map((r) => r.name), ['赵六'])
  assert.equal(applyRowAction(def, { _action: 'addrow:txt' }, raw), null)
  assert.equal(applyRowAction(def, { _action: 'save' }, raw), null)
})

test('parseFormPost ignores unknown names and absurd row indices', () => {
  const raw = parseFormPost(def, { 'f.evil': 'x', 'f.people.999999.name': 'x', 'f.people.1.name': 'a', 'f.people.0.name': 'b', other: 'y', 'f.chk': 'q' })
  assert.deepEqual(raw, { people: [{ name: 'b' }, { name: 'a' }], chk: ['q'] })
})
