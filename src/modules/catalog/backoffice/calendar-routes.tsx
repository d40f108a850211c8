import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import {
  calendarEntries,
  CalendarValidationError,
  listCalendarYears,
  parseCalendarJson,
  parseCalendarLines,
  saveCalendarYear,
  validateCalendarYear,
  type CalendarEntry,
  type CalendarIssue,
} from '../../../platform/calendar'
import type { AppEnv } from '../../../platform/http/context'
import { t } from '../../../platform/web/i18n'
import { getStaff, requireStaff, requireStaffUpload } from '../../identity'
import { CALENDAR_UPLOAD_KB, EMPTY_CALENDAR_FORM, renderCalendarPage, type CalendarFormValues } from './calendar-page'

/**
 * /admin/calendar (administrators): the working-day calendar's years and the form that adds a later year or
 * replaces one, by pasted lines or a JSON file, through saveCalendarYear (all or nothing, audited). Bad input →
 * 400 with every problem by line and nothing changed; success → redirect with a notice.
 */
export function registerCalendarAdmin(app: OpenAPIHono<AppEnv>, deps: Pick<Deps, 'db' | 'config'>): void {
  const admin = requireStaff(deps, 'admin')
  const upload = requireStaffUpload(deps, CALENDAR_UPLOAD_KB * 1024 + 64 * 1024, 'admin')

  async function page(c: Context<AppEnv>, values: CalendarFormValues, issues: CalendarIssue[] = [], fromFile = false, notice?: string) {
    const years = await listCalendarYears(deps.db)
    const entries = new Map<number, CalendarEntry[]>()
    for (const y of years) entries.set(y.year, await calendarEntries(deps.db, y.year))
    return c.html(renderCalendarPage(c, { years, entries, values, issues, fromFile, notice }), issues.length ? 400 : 200)
  }

  app.get('/admin/calendar', admin, (c) => {
    const lang = c.get('lang')
    const done = /^(\d{4})-(added|replaced)$/.exec(c.req.query('done') ?? '')
    const notice = done ? (done[2] === 'added' ? t(lang, `已添加${done[1]}年的工作日历，时限计算立即使用新数据。`, `${done[1]} added; deadlines use it from now on.`) : t(lang, `已替换${done[1]}年的工作日历，时限计算立即使用新数据。`, `${done[1]} replaced; deadlines use it from now on.`)) : undefined
    return page(c, EMPTY_CALENDAR_FORM, [], false, notice)
  })

  app.post('/admin/calendar', upload, async (c) => {
    const form = await c.req.parseBody()
    const str = (k: string, max: number) => (typeof form[k] === 'string' ? (form[k] as string).slice(0, max) : '')
    const values: CalendarFormValues = { year: str('year', 10).trim(), source: str('source', 600), lines: str('lines', 40_000), replace: str('replace', 2) === '1' }
    const file = form['file']
    const hasFile = file instanceof File && file.size > 0
    const staff = getStaff(c).user
    const actor = { type: 'staff' as const, id: staff.id, name: staff.displayName }

    let input: { year: number; source: string; entries: CalendarEntry[]; lines?: number[] }
    if (hasFile) {
      if (file.size > CALENDAR_UPLOAD_KB * 1024) return page(c, values, [{ field: 'file', message: `文件超过 ${CALENDAR_UPLOAD_KB} KB；一个年份的数据通常不到 10 KB，请检查是否选错了文件。 The file is larger than ${CALENDAR_UPLOAD_KB} KB; check you chose the right file.` }], true)
      if (values.lines.trim()) return page(c, values, [{ field: 'file', message: '请只用一种方式提交：粘贴日期，或上传 JSON 文件。 Paste lines or upload a file, not both.' }], true)
      const parsed = parseCalendarJson(await file.text())
      if (parsed.issues.length) return page(c, values, parsed.issues, true)
      if (parsed.years.length !== 1) return page(c, values, [{ field: 'file', message: `文件含 ${parsed.years.length} 个年份；网页一次保存一个年份，多个年份请用命令行 yiwang calendar load。 The file holds ${parsed.years.length} years; upload one year at a time or use yiwang calendar load.` }], true)
      input = parsed.years[0]!
    } else {
      const parsed = parseCalendarLines(values.lines)
      input = { year: /^\d{4}$/.test(values.year) ? Number(values.year) : Number.NaN, source: values.source, entries: parsed.entries, lines: parsed.lines }
      // Every problem at once: the lines that could not be read and the checks on the others, in line order.
      if (parsed.issues.length) {
        const all = [...parsed.issues, ...validateCalendarYear(input, input.lines).issues]
        return page(c, values, all.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)))
      }
    }
    try {
      const r = await saveCalendarYear(deps.db, { ...input, actor, replace: values.replace })
      return c.redirect(`/admin/calendar?done=${r.year}-${r.replaced ? 'replaced' : 'added'}`, 303)
    } catch (e) {
      if (!(e instanceof CalendarValidationError)) throw e
      return page(c, values, e.issues, hasFile)
    }
  })
}
