import type { Context } from 'hono'
import type { CalendarEntry, CalendarIssue, CalendarYearSummary } from '../../../platform/calendar'
import { weekdayOf } from '../../../platform/calendar'
import type { AppEnv } from '../../../platform/http/context'
import { CsrfField, Fieldset, TextArea, TextInput } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { getStaff } from '../../identity'
import { formatTime, renderAdmin } from './admin-page'
import { inLang } from './field-labels'

/** /admin/calendar: each year's statutory holidays and 调休 make-up working days, and the form to add or replace a year. */
export type CalendarFormValues = { year: string; source: string; lines: string; replace: boolean }
export const EMPTY_CALENDAR_FORM: CalendarFormValues = { year: '', source: '', lines: '', replace: false }
export const CALENDAR_UPLOAD_KB = 256

const WEEKDAY: [string, string][] = [['周一', 'Mon'], ['周二', 'Tue'], ['周三', 'Wed'], ['周四', 'Thu'], ['周五', 'Fri'], ['周六', 'Sat'], ['周日', 'Sun']]
const FIELD_LABEL: Record<CalendarIssue['field'], [string, string]> = {
  year: ['年份', 'Year'], source: ['数据来源', 'Source'], entries: ['日期列表', 'Dates'], day: ['日期', 'Date'], kind: ['类型', 'Kind'], name: ['名称', 'Name'], replace: ['替换', 'Replace'], file: ['JSON 文件', 'JSON file'],
}
/** Which form control an issue belongs to (the error summary links there). */
export const issueTarget = (i: CalendarIssue, fromFile: boolean): string =>
  i.field === 'year' || i.field === 'source' || i.field === 'replace' || i.field === 'file' ? i.field : fromFile ? 'file' : 'lines'

function YearEntries({ lang, year, entries }: { lang: Lang; year: number; entries: CalendarEntry[] }) {
  return (
    <details>
      <summary>{t(lang, `${year}年明细（${entries.length} 天）`, `${year} in detail (${entries.length} days)`)}</summary>
      <table class="table">
        <thead><tr><th scope="col">{t(lang, '日期', 'Date')}</th><th scope="col">{t(lang, '星期', 'Weekday')}</th><th scope="col">{t(lang, '类型', 'Kind')}</th><th scope="col">{t(lang, '名称', 'Name')}</th></tr></thead>
        <tbody>
          {entries.map((e) => {
            const w = WEEKDAY[weekdayOf(e.day)]!
            return (
              <tr>
                <td>{e.day}</td>
                <td>{t(lang, w[0], w[1])}</td>
                <td>{e.kind === 'holiday' ? t(lang, '放假', 'Holiday') : t(lang, '调休上班', 'Make-up working day')}</td>
                <td>{e.name ?? ''}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </details>
  )
}

export function renderCalendarPage(
  c: Context<AppEnv>,
  p: { years: CalendarYearSummary[]; entries: Map<number, CalendarEntry[]>; values: CalendarFormValues; issues: CalendarIssue[]; fromFile: boolean; notice?: string | undefined },
): string {
  const lang = c.get('lang')
  const title = t(lang, '工作日历', 'Working-day calendar')
  const msg = (i: CalendarIssue) => inLang(lang, i.message)
  const first = (target: string) => p.issues.find((i) => issueTarget(i, p.fromFile) === target)
  const fieldError = (target: string) => {
    const all = p.issues.filter((i) => issueTarget(i, p.fromFile) === target)
    if (!all.length) return undefined
    return all.length === 1 ? msg(all[0]!) : t(lang, `共 ${all.length} 处问题，见下表。`, `${all.length} problems, listed below.`)
  }
  const lineIssues = p.issues.filter((i) => i.line)
  const summary = p.issues.map((i) => ({ href: issueTarget(i, p.fromFile), message: `${t(lang, FIELD_LABEL[i.field][0], FIELD_LABEL[i.field][1])}：${msg(i)}` }))
  return renderAdmin(
    c,
    { title, errors: summary, notice: p.notice },
    <>
      <h1>{title}</h1>
      <p>
        {t(
          lang,
          '法定时限按工作日计算：不计法定节假日，调休上班的周六、周日计为工作日。起算日不计入，“N 个工作日”是起算日之后的第 N 个工作日。数据来自国务院办公厅每年发布的部分节假日安排通知（依据《全国年节及纪念日放假办法》，2024年修订后春节、劳动节各增加1天）；没有数据的年份只按周末计算，结果标为暂定。',
          'Statutory time limits count working days: statutory holidays are excluded and make-up Saturdays/Sundays (调休) count. The start day is not counted: "N working days" is the Nth working day after it. The data come from the State Council General Office’s yearly holiday notices; years without data count weekends only and results are marked provisional.',
        )}
      </p>
      <table class="table">
        <caption>{t(lang, '已载入的年份', 'Years loaded')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, '年份', 'Year')}</th>
            <th scope="col">{t(lang, '放假天数', 'Holidays')}</th>
            <th scope="col">{t(lang, '调休上班天数', 'Make-up working days')}</th>
            <th scope="col">{t(lang, '数据来源', 'Source')}</th>
            <th scope="col">{t(lang, '最后修改', 'Last change')}</th>
          </tr>
        </thead>
        <tbody>
          {p.years.map((y) => (
            <tr>
              <td>{y.year}</td>
              <td>{y.holidays}</td>
              <td>{y.workdays}</td>
              <td>{y.source}</td>
              <td>{`${formatTime(y.updatedAt)} ${y.updatedBy}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.years.map((y) => <YearEntries lang={lang} year={y.year} entries={p.entries.get(y.year) ?? []} />)}

      <Fieldset legend={t(lang, '添加或替换一年', 'Add or replace a year')}>
        <form method="post" action="/admin/calendar" enctype="multipart/form-data" novalidate>
          <CsrfField token={getStaff(c).csrfToken} />
          <TextInput lang={lang} id="year" label={t(lang, '年份', 'Year')} value={p.values.year} error={fieldError('year')} width="s" inputmode="numeric" maxlength={4} hint={t(lang, '例如 2027。粘贴的日期必须都在这一年内。', 'E.g. 2027. Every pasted date must be in this year.')} />
          <TextInput lang={lang} id="source" label={t(lang, '数据来源', 'Source')} value={p.values.source} error={fieldError('source')} width="l" maxlength={500} hint={t(lang, '通知名称、文号和网址，例如“国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）”。', 'The notice’s title, number and address.')} />
          <TextArea
            lang={lang}
            id="lines"
            label={t(lang, '放假和调休上班日', 'Holidays and make-up working days')}
            value={p.values.lines}
            error={fieldError('lines')}
            rows={14}
            hint={t(
              lang,
              '每行一天：日期,类型,名称。放假写 holiday（整段假期的每一天，含其中的周末），调休上班写 workday（只能是周六或周日）。例如：2027-10-01,holiday,国庆节　2027-10-09,workday,国庆节调休上班。以 # 开头的行会被忽略。',
              'One day per line: date,kind,name. holiday for every day of a break (weekends inside it included); workday for a make-up working day (Saturday or Sunday only). E.g. 2027-10-01,holiday,国庆节 and 2027-10-09,workday,国庆节调休上班. Lines starting with # are ignored.',
            )}
          />
          <div class={`form-group${first('file') ? ' form-group-error' : ''}`}>
            <label class="label" for="file">{t(lang, '或上传 JSON 文件', 'Or upload a JSON file')}</label>
            <p class="hint" id="file-hint">{t(lang, `与 yiwang calendar load 相同的格式：{"year": 2027, "source": "…", "entries": [{"day": "2027-01-01", "kind": "holiday", "name": "元旦"}]}，一次一个年份，不超过 ${CALENDAR_UPLOAD_KB} KB。上传文件时以文件中的年份和来源为准。`, `The format of yiwang calendar load, one year per file, at most ${CALENDAR_UPLOAD_KB} KB; the file’s year and source are used.`)}</p>
            {fieldError('file') ? <p class="error-message" id="file-error"><span class="visually-hidden">{t(lang, '错误：', 'Error: ')}</span>{fieldError('file')}</p> : null}
            <input class="input" id="file" name="file" type="file" accept=".json,application/json" aria-describedby={fieldError('file') ? 'file-hint file-error' : 'file-hint'} aria-invalid={fieldError('file') ? 'true' : undefined} />
          </div>
          <div class={`form-group${first('replace') ? ' form-group-error' : ''}`}>
            {fieldError('replace') ? <p class="error-message" id="replace-error"><span class="visually-hidden">{t(lang, '错误：', 'Error: ')}</span>{fieldError('replace')}</p> : null}
            <div class="checkbox">
              <input type="checkbox" id="replace" name="replace" value="1" checked={p.values.replace} aria-describedby={fieldError('replace') ? 'replace-error' : undefined} />
              <label for="replace">{t(lang, '替换该年已有数据（该年原有的全部日期将被这里的内容取代）', 'Replace the year’s data (every existing date of that year is replaced by this list)')}</label>
            </div>
          </div>
          <button type="submit" class="button">{t(lang, '检查并保存', 'Check and save')}</button>
        </form>
      </Fieldset>
      {lineIssues.length ? (
        <table class="table" id="line-problems">
          <caption>{t(lang, `逐行问题（共 ${lineIssues.length} 处，未做任何修改）`, `Problems by line (${lineIssues.length}; nothing was changed)`)}</caption>
          <thead><tr><th scope="col">{p.fromFile ? t(lang, '条目', 'Entry') : t(lang, '行号', 'Line')}</th><th scope="col">{t(lang, '项目', 'Field')}</th><th scope="col">{t(lang, '问题和改法', 'Problem and fix')}</th></tr></thead>
          <tbody>{lineIssues.map((i) => <tr><td>{i.line}</td><td>{t(lang, FIELD_LABEL[i.field][0], FIELD_LABEL[i.field][1])}</td><td>{msg(i)}</td></tr>)}</tbody>
        </table>
      ) : null}
    </>,
  )
}
