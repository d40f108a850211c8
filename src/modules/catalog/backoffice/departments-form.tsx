import type { Context } from 'hono'
import type { AppEnv } from '../../../platform/http/context'
import type { FieldError } from '../../../platform/errors'
import { CsrfField, Select, TextArea, TextInput } from '../../../platform/web/form-components'
import { t } from '../../../platform/web/i18n'
import { getStaff, renderBackoffice } from '../../identity'
import type { DepartmentInput } from '../save-department-rules'
import type { DepartmentNode } from './departments-page'
import { inLang } from './field-labels'

const FIELDS = ['name', 'nameEn', 'code', 'regionCode', 'parentId', 'address', 'phone', 'description']

/** Create / edit a department. Errors: summary at the top linking to each field, message at the field. */
export function renderDepartmentForm(
  c: Context<AppEnv>,
  v: { id?: string; values: DepartmentInput; errors: FieldError[]; departments: DepartmentNode[]; regions: { code: string; name: string; level: number }[] },
) {
  const lang = c.get('lang')
  const title = v.id ? t(lang, `编辑部门：${v.values.name}`, `Edit department: ${v.values.name}`) : t(lang, '新建部门', 'New department')
  const err = new Map<string, string>()
  for (const e of v.errors) if (!err.has(e.field)) err.set(FIELDS.includes(e.field) ? e.field : 'name', inLang(lang, e.message))
  const action = v.id ? `/admin/departments/${v.id}/edit` : '/admin/departments/new'
  return renderBackoffice(
    c,
    { title, errors: [...err].map(([href, message]) => ({ href, message })) },
    <>
      <h1>{title}</h1>
      <p><a href="/admin/departments">{t(lang, '返回部门列表', 'Back to departments')}</a></p>
      <form method="post" action={action} novalidate>
        <CsrfField token={getStaff(c).csrfToken} />
        <TextInput lang={lang} id="name" label={t(lang, '部门名称', 'Name')} value={v.values.name} error={err.get('name')} required width="l" maxlength={100} />
        <TextInput lang={lang} id="nameEn" label={t(lang, '英文名称', 'English name')} value={v.values.nameEn} error={err.get('nameEn')} width="l" maxlength={200} />
        <TextInput lang={lang} id="code" label={t(lang, '统一社会信用代码', 'Unified social credit code')} hint={t(lang, '18位，按 GB 32100 校验，例如 11320500MB1970580F。', '18 characters, checked by GB 32100.')} value={v.values.code} error={err.get('code')} required width="m" maxlength={18} autocomplete="off" />
        <Select lang={lang} id="regionCode" label={t(lang, '所在行政区划', 'Region')} value={v.values.regionCode} error={err.get('regionCode')} required empty={t(lang, '请选择', 'Choose')} options={v.regions.map((r) => ({ value: r.code, label: `${'　'.repeat(Math.max(0, r.level - 1))}${r.name}（${r.code}）` }))} />
        <Select lang={lang} id="parentId" label={t(lang, '上级部门', 'Parent department')} hint={t(lang, '例如区县市场监督管理局的上级为市市场监督管理局；没有上级请留空。', 'E.g. a district bureau under the city bureau; leave empty if none.')} value={v.values.parentId} error={err.get('parentId')} empty={t(lang, '无', 'None')} options={v.departments.filter((d) => d.id !== v.id).map((d) => ({ value: d.id, label: d.name }))} />
        <TextInput lang={lang} id="address" label={t(lang, '办公地址', 'Address')} value={v.values.address} error={err.get('address')} width="l" maxlength={200} />
        <TextInput lang={lang} id="phone" type="tel" label={t(lang, '咨询电话', 'Phone')} value={v.values.phone} error={err.get('phone')} width="m" maxlength={30} />
        <TextArea lang={lang} id="description" label={t(lang, '部门职责', 'Responsibilities')} value={v.values.description} error={err.get('description')} rows={4} />
        <button type="submit" class="button">{v.id ? t(lang, '保存', 'Save') : t(lang, '创建部门', 'Create the department')}</button>
      </form>
    </>,
  )
}
