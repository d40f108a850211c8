import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { sql } from 'kysely'
import type { Deps } from '../../../deps'
import type { AppEnv } from '../../../platform/http/context'
import { maskText } from '../../../platform/privacy'
import { t } from '../../../platform/web/i18n'
import { getStaff, requireStaff, requireStaffUpload } from '../../identity'
import { loadRegistry } from '../load-registry'
import { formatOfFile, isLoadFormat, isLoadKind } from '../load-registry-report'
import { renderLoadReport, renderRegistriesPage, UPLOAD_MB, type RegistryCounts, type UploadValues } from './registries-page'

/**
 * /admin/registries (administrators): record counts of the base registries and a file upload that runs the
 * same loader as `yiwang registry load`. The report is the POST's own response (no-store, like any staff
 * page) rather than a redirect: it exists only for this upload and is not stored anywhere.
 */
async function counts(deps: Pick<Deps, 'db'>): Promise<RegistryCounts> {
  const r = await sql<Record<keyof RegistryCounts, string | number>>`
    select (select count(*) from registry_people) as people,
           (select count(*) from registry_people where status = 'normal') as "peopleNormal",
           (select count(*) from registry_entities) as entities,
           (select count(*) from registry_entities where status = 'active') as "entitiesActive",
           (select count(*) from registry_addresses) as addresses`.execute(deps.db)
  const row = r.rows[0]!
  return { people: Number(row.people), peopleNormal: Number(row.peopleNormal), entities: Number(row.entities), entitiesActive: Number(row.entitiesActive), addresses: Number(row.addresses) }
}

/** UTF-8 when the bytes are valid UTF-8 (BOM or not), else GB 18030 — what Excel in Chinese saves as "CSV". */
function decode(bytes: Uint8Array): { text: string; encoding: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' }
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB 18030' }
  }
}

export function registerRegistryAdmin(app: OpenAPIHono<AppEnv>, deps: Pick<Deps, 'db' | 'config'>): void {
  const admin = requireStaff(deps, 'admin')
  // A little above the file limit: the multipart envelope and the other fields ride along.
  const upload = requireStaffUpload(deps, UPLOAD_MB * 1024 * 1024 + 64 * 1024, 'admin')

  const page = async (c: Context<AppEnv>, values: UploadValues, errors: { field: string; message: string }[] = []) =>
    c.html(renderRegistriesPage(c, { counts: await counts(deps), values, errors }), errors.length ? 400 : 200)

  app.get('/admin/registries', admin, (c) => page(c, { kind: '', format: '', strict: false }))

  app.post('/admin/registries/load', upload, async (c) => {
    const lang = c.get('lang')
    const form = await c.req.parseBody()
    const str = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '')
    const values: UploadValues = { kind: str('kind'), format: str('format'), strict: str('strict') === '1' }
    const file = form['file']
    const errors: { field: string; message: string }[] = []
    if (!isLoadKind(values.kind)) errors.push({ field: 'kind', message: t(lang, '请选择要导入的基础库。', 'Choose the registry to load.') })
    if (!(file instanceof File) || file.size === 0) {
      errors.push({ field: 'file', message: t(lang, '请选择要上传的文件（CSV 或 JSON Lines），文件不能为空。', 'Choose a non-empty CSV or JSON Lines file.') })
    } else if (file.size > UPLOAD_MB * 1024 * 1024) {
      errors.push({ field: 'file', message: t(lang, `文件超过 ${UPLOAD_MB} MB，请拆分后分批上传，或使用命令行 yiwang registry load。`, `The file is larger than ${UPLOAD_MB} MB; split it or use the yiwang registry load command.`) })
    }
    const format = values.format || formatOfFile(file instanceof File ? file.name : '')
    if (file instanceof File && file.size > 0 && !isLoadFormat(format)) {
      errors.push({ field: 'format', message: t(lang, '无法从文件扩展名判断格式，请选择 CSV 或 JSON Lines。', 'The format cannot be told from the file name; choose CSV or JSON Lines.') })
    }
    if (errors.length || !(file instanceof File) || !isLoadKind(values.kind) || !isLoadFormat(format)) return page(c, values, errors)

    const { text, encoding } = decode(new Uint8Array(await file.arrayBuffer()))
    const staff = getStaff(c).user
    const report = await loadRegistry(deps.db, {
      kind: values.kind,
      format,
      lines: text.split(/\r?\n/),
      strict: values.strict,
      source: file.name.slice(0, 200),
      actor: { type: 'staff', id: staff.id, name: staff.displayName },
    })
    return c.html(renderLoadReport(c, { report, fileName: maskText(file.name), encoding }))
  })
}
