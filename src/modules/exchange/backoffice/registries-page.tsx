import type { Context } from 'hono'
import type { AppEnv } from '../../../platform/http/context'
import { CsrfField, Fieldset, Select } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { getStaff } from '../../identity'
import type { LoadReport } from '../load-registry'
import { FIELDS, fieldOf, LOAD_KINDS, type LoadKind } from '../registry-loader-fields'
import { renderExchangeAdmin } from './admin-shell'

/** Pages of /admin/registries: counts + upload form + column reference, and the load report. */
export const KIND_LABELS: Record<LoadKind, [string, string]> = { population: ['人口库', 'Population'], entities: ['法人库', 'Legal entities'], addresses: ['标准地址库', 'Standard addresses'] }
export const SHOWN_ERRORS = 100
export const UPLOAD_MB = 20

export type RegistryCounts = { people: number; peopleNormal: number; entities: number; entitiesActive: number; addresses: number }
export type UploadValues = { kind: string; format: string; strict: boolean }
type FieldErrors = { field: string; message: string }[]

const kindLabel = (lang: Lang, k: LoadKind) => t(lang, KIND_LABELS[k][0], KIND_LABELS[k][1])
const n = (x: number) => x.toLocaleString('en-US')

function ColumnReference({ lang }: { lang: Lang }) {
  return (
    <section>
      <h2>{t(lang, '文件格式', 'File format')}</h2>
      <p>{t(lang, 'CSV 第一行为表头（可用英文列名或中文列名，UTF-8 或 GB 18030 编码）；JSON Lines 每行一个对象，键为英文列名。日期写成 2024-05-01 或 20240501；证件有效期为“长期”时留空或写“长期”；注册资本以万元计。', 'CSV: the first row is the header (English or Chinese column names; UTF-8 or GB 18030). JSON Lines: one object per line keyed by the English names. Dates as 2024-05-01 or 20240501; leave the ID card validity empty (or 长期) for long-term; registered capital in 10,000 yuan.')}</p>
      {LOAD_KINDS.map((k) => (
        <details>
          <summary>{t(lang, `${KIND_LABELS[k][0]}的列`, `${KIND_LABELS[k][1]} columns`)}</summary>
          <table class="table">
            <thead><tr><th scope="col">{t(lang, '列名', 'Column')}</th><th scope="col">{t(lang, '中文列名', 'Chinese name')}</th><th scope="col">{t(lang, '必填', 'Required')}</th></tr></thead>
            <tbody>
              {FIELDS[k].map((f) => (
                <tr><td><code>{f.key}</code></td><td>{[f.zh, ...f.aliases].join('、')}</td><td>{f.required ? t(lang, '是', 'yes') : t(lang, '否', 'no')}</td></tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </section>
  )
}

export function renderRegistriesPage(c: Context<AppEnv>, p: { counts: RegistryCounts; values: UploadValues; errors: FieldErrors }): string {
  const lang = c.get('lang')
  const title = t(lang, '基础库管理', 'Base registries')
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message
  const rows: [LoadKind, number, string][] = [
    ['population', p.counts.people, t(lang, `其中正常 ${n(p.counts.peopleNormal)}`, `${n(p.counts.peopleNormal)} normal`)],
    ['entities', p.counts.entities, t(lang, `其中存续 ${n(p.counts.entitiesActive)}`, `${n(p.counts.entitiesActive)} active`)],
    ['addresses', p.counts.addresses, ''],
  ]
  return renderExchangeAdmin(
    c,
    { title, errors: p.errors.map((e) => ({ href: e.field, message: e.message })) },
    <>
      <h1>{title}</h1>
      <p>{t(lang, '人口库、法人库和标准地址库。本演示系统中为模拟数据；可从文件导入，按身份证号、统一社会信用代码或标准地址更新已有记录。', 'Population, legal-entity and standard-address registries — simulated in this demo. Files update existing records by ID number, credit code or full address.')}</p>
      <table class="table">
        <caption>{t(lang, '各基础库记录数', 'Records per registry')}</caption>
        <thead><tr><th scope="col">{t(lang, '基础库', 'Registry')}</th><th scope="col">{t(lang, '记录数', 'Records')}</th><th scope="col">{t(lang, '说明', 'Notes')}</th></tr></thead>
        <tbody>{rows.map(([k, count, note]) => <tr><td>{kindLabel(lang, k)}</td><td>{n(count)}</td><td>{note}</td></tr>)}</tbody>
      </table>
      <Fieldset legend={t(lang, '导入数据', 'Load a file')}>
        <form method="post" action="/admin/registries/load" enctype="multipart/form-data" novalidate>
          <CsrfField token={getStaff(c).csrfToken} />
          <Select lang={lang} id="kind" label={t(lang, '基础库', 'Registry')} value={p.values.kind} error={err('kind')} required empty={t(lang, '请选择', 'Choose')} options={LOAD_KINDS.map((k) => ({ value: k, label: kindLabel(lang, k) }))} />
          <Select lang={lang} id="format" label={t(lang, '文件格式', 'Format')} value={p.values.format} error={err('format')} options={[{ value: '', label: t(lang, '按文件扩展名（.csv / .jsonl）', 'From the file extension (.csv / .jsonl)') }, { value: 'csv', label: 'CSV' }, { value: 'jsonl', label: 'JSON Lines' }]} />
          <div class={`form-group${err('file') ? ' form-group-error' : ''}`}>
            <label class="label" for="file">{t(lang, '文件', 'File')}<span class="required-mark">{t(lang, '（必填）', ' (required)')}</span></label>
            <p class="hint" id="file-hint">{t(lang, `CSV 或 JSON Lines，不超过 ${UPLOAD_MB} MB。`, `CSV or JSON Lines, at most ${UPLOAD_MB} MB.`)}</p>
            {err('file') ? <p class="error-message" id="file-error"><span class="visually-hidden">{t(lang, '错误：', 'Error: ')}</span>{err('file')}</p> : null}
            <input class="input" id="file" name="file" type="file" accept=".csv,.jsonl,.ndjson,.json,text/csv" aria-describedby={err('file') ? 'file-hint file-error' : 'file-hint'} aria-invalid={err('file') ? 'true' : undefined} />
          </div>
          <div class="checkbox">
            <input type="checkbox" id="strict" name="strict" value="1" checked={p.values.strict} />
            <label for="strict">{t(lang, '严格模式：全部记录正确才导入，有一条出错就全部不导入', 'Strict: load only if every record is valid, otherwise nothing')}</label>
          </div>
          <button type="submit" class="button">{t(lang, '上传并导入', 'Upload and load')}</button>
        </form>
      </Fieldset>
      <ColumnReference lang={lang} />
    </>,
  )
}

export function renderLoadReport(c: Context<AppEnv>, p: { report: LoadReport; fileName: string; encoding: string }): string {
  const lang = c.get('lang')
  const r = p.report
  const title = t(lang, `导入结果：${KIND_LABELS[r.kind][0]}`, `Load report: ${KIND_LABELS[r.kind][1]}`)
  const shown = r.errors.slice(0, SHOWN_ERRORS)
  const label = (f: string) => fieldOf(r.kind, f)?.zh ?? (f === '(line)' ? t(lang, '整行', 'whole line') : f)
  const facts: [string, string][] = [
    [t(lang, '文件', 'File'), `${p.fileName}（${r.format === 'csv' ? 'CSV' : 'JSON Lines'}，${p.encoding}）`],
    [t(lang, '记录数', 'Records'), n(r.lines)],
    [t(lang, '新增', 'Created'), n(r.created)],
    [t(lang, '更新', 'Updated'), n(r.updated)],
    [t(lang, '未变化', 'Unchanged'), n(r.unchanged)],
    [t(lang, '未通过检查', 'Failed'), n(r.failed)],
    [t(lang, '用时', 'Time'), `${(r.durationMs / 1000).toFixed(1)} s`],
  ]
  const notice = r.rolledBack
    ? t(lang, '严格模式：有记录未通过检查，本次没有导入任何记录。请按下表修改后重新上传。', 'Strict mode: some records failed, so nothing was loaded. Fix them as listed and upload again.')
    : r.failed
      ? t(lang, '其余记录已导入；下表中的记录未导入，请修改后重新上传（已导入的记录不会重复）。', 'The other records were loaded; fix the ones below and upload again (loaded records are not duplicated).')
      : t(lang, '全部记录已导入。', 'Every record was loaded.')
  return renderExchangeAdmin(
    c,
    { title, notice },
    <>
      <h1>{title}</h1>
      <dl class="summary">{facts.map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}</dl>
      {shown.length ? (
        <table class="table">
          <caption>{r.errors.length > SHOWN_ERRORS ? t(lang, `问题（显示前 ${SHOWN_ERRORS} 条，共 ${r.errors.length} 条；完整报告请用命令行 yiwang registry load）`, `Problems (first ${SHOWN_ERRORS} of ${r.errors.length}; use the yiwang registry load command for all)`) : t(lang, `问题（共 ${r.errors.length} 条）`, `Problems (${r.errors.length})`)}</caption>
          <thead><tr><th scope="col">{t(lang, '行号', 'Line')}</th><th scope="col">{t(lang, '记录', 'Record')}</th><th scope="col">{t(lang, '字段', 'Field')}</th><th scope="col">{t(lang, '问题和改法', 'Problem and fix')}</th></tr></thead>
          <tbody>{shown.map((e) => <tr><td>{e.line}</td><td>{e.key ?? ''}</td><td>{label(e.field)}</td><td>{e.message}</td></tr>)}</tbody>
        </table>
      ) : null}
      <p><a href="/admin/registries">{t(lang, '返回基础库管理', 'Back to base registries')}</a></p>
    </>,
  )
}
