import { existsSync, readFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { openRuntime } from './runtime'
import { MAX_DAYS } from '../platform/calendar/api'
import { parseCalendarJson, validateCalendarYear, type CalendarIssue } from '../platform/calendar/calendar-input'
import { calendarEntries, CalendarValidationError, listCalendarYears, loadCalendar, saveCalendarYear } from '../platform/calendar/calendar-store'
import { isIsoDate, isoOfDayNumber, tryParseIsoDate, weekdayOf } from '../platform/calendar/working-calendar'

/**
 * `yiwang calendar …` — the working-day calendar (README "Working-day calendar"):
 *   add-working-days FROM DAYS   prints the DAYS-th working day after FROM (FROM not counted; 0 → FROM)
 *   show YEAR                    lists the year's holidays and make-up working days, and its source
 *   load FILE.json [--replace]   adds (or with --replace overwrites) years from the JSON format of
 *                                src/platform/migrations/data/calendar-2024-2026.json
 * Bad input: a Chinese + English message on stderr and exit code 2.
 */
export const CALENDAR_USAGE = `  yiwang calendar add-working-days YYYY-MM-DD DAYS
                                    the DAYS-th working day after the date (the date itself not counted)
  yiwang calendar show YEAR         statutory holidays and 调休 make-up working days of a year
  yiwang calendar load FILE.json [--replace]
                                    add a year of holidays (admins); --replace overwrites a year that has data`

const bad = (msg: string) => {
  console.error(msg)
  return 2
}
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

export async function calendarCommand(verb: string | undefined, rest: string[]): Promise<number> {
  if (verb === 'add-working-days') {
    const [from, days, extra] = rest
    if (!from || days === undefined || extra !== undefined) return bad(`用法 usage: yiwang calendar add-working-days YYYY-MM-DD DAYS`)
    if (!isIsoDate(from)) return bad(`起算日“${from}”无效，请写成 YYYY-MM-DD 格式的真实日期，例如 2025-09-30。 Invalid start date "${from}": use a real date as YYYY-MM-DD, e.g. 2025-09-30.`)
    if (!/^\d{1,4}$/.test(days) || Number(days) > MAX_DAYS) return bad(`工作日数“${days}”无效，应为 0 到 ${MAX_DAYS} 之间的整数。 Invalid number of working days "${days}": use a whole number from 0 to ${MAX_DAYS}.`)
    const rt = await openRuntime()
    try {
      const cal = await loadCalendar(rt.handle.db)
      const n = Number(days)
      const due = cal.addWorkingDays(from, n)
      console.log(due)
      const first = n === 0 ? from : isoOfDayNumber(tryParseIsoDate(from)! + 1)
      const uncovered: number[] = []
      for (let y = Number(first.slice(0, 4)); y <= Number(due.slice(0, 4)); y++) if (!cal.covers(`${y}-01-01`)) uncovered.push(y)
      if (uncovered.length) console.error(`注意：${uncovered.join('、')}年尚未载入国务院放假安排，只按周末计算，结果为暂定（provisional）。用 yiwang calendar load 载入后再算。 Note: no official data for ${uncovered.join(', ')}; weekends only, provisional.`)
      return 0
    } catch (e) {
      if (e instanceof RangeError) return bad(e.message)
      throw e
    } finally {
      await rt.handle.close()
    }
  }
  if (verb === 'show') {
    const [yearText] = rest
    if (!yearText || !/^\d{4}$/.test(yearText)) return bad(`年份“${yearText ?? ''}”无效，请写四位年份，例如 yiwang calendar show 2025。 Give a four-digit year, e.g. yiwang calendar show 2025.`)
    const year = Number(yearText)
    const rt = await openRuntime()
    try {
      const meta = (await listCalendarYears(rt.handle.db)).find((y) => y.year === year)
      if (!meta) {
        const have = (await listCalendarYears(rt.handle.db)).map((y) => y.year).join(', ')
        console.log(`${year}年没有载入官方放假安排（只按周末计算）。已有年份：${have || '无'}。用 yiwang calendar load FILE.json 添加。 No official data for ${year} (weekends only); loaded: ${have || 'none'}.`)
        return 0
      }
      console.log(`${year}年 工作日历 working-day calendar — ${meta.source}`)
      console.log(`放假 holidays ${meta.holidays} 天, 调休上班 make-up working days ${meta.workdays} 天; updated ${meta.updatedAt.toISOString()} by ${meta.updatedBy}`)
      for (const e of await calendarEntries(rt.handle.db, year)) {
        console.log(`${e.day} 周${WEEKDAYS[weekdayOf(e.day)]}  ${e.kind === 'holiday' ? '放假 holiday' : '上班 workday'}  ${e.name ?? ''}`.trimEnd())
      }
      return 0
    } finally {
      await rt.handle.close()
    }
  }
  if (verb === 'load') {
    const { values, positionals } = parseArgs({ args: rest, options: { replace: { type: 'boolean', default: false } }, allowPositionals: true })
    const [file] = positionals
    if (!file || positionals.length > 1) return bad('用法 usage: yiwang calendar load FILE.json [--replace]')
    if (!existsSync(file)) return bad(`文件不存在 file not found: ${file}`)
    const parsed = parseCalendarJson(readFileSync(file, 'utf8'))
    const issues: [number, CalendarIssue][] = parsed.issues.map((i) => [0, i])
    // Check every year first: a file is loaded whole or not at all.
    for (const y of parsed.years) for (const i of validateCalendarYear(y).issues) issues.push([y.year, i])
    if (issues.length) {
      for (const [year, i] of issues) console.error(`${year ? `${year} ` : ''}${i.line ? `entry ${i.line} ` : ''}[${i.field}] ${i.message}`)
      return bad(`未载入：文件有 ${issues.length} 处问题，请改正后重试。 Nothing loaded: ${issues.length} problem(s).`)
    }
    const rt = await openRuntime()
    const actor = { type: 'cli' as const, name: userInfo().username || 'cli' }
    try {
      const existing = new Set((await listCalendarYears(rt.handle.db)).map((y) => y.year))
      const clash = parsed.years.filter((y) => existing.has(y.year)).map((y) => y.year)
      if (clash.length && !values.replace) return bad(`${clash.join('、')}年已有数据；确认整体替换请加 --replace。 ${clash.join(', ')} already loaded; add --replace to overwrite. Nothing loaded.`)
      for (const y of parsed.years) {
        const r = await saveCalendarYear(rt.handle.db, { ...y, actor, replace: values.replace ?? false })
        console.log(`${r.year}: ${r.replaced ? '已替换 replaced' : '已添加 added'} — 放假 holidays ${r.holidays}, 调休上班 make-up days ${r.workdays}`)
      }
      return 0
    } catch (e) {
      if (!(e instanceof CalendarValidationError)) throw e
      for (const i of e.issues) console.error(`${i.line ? `entry ${i.line} ` : ''}[${i.field}] ${i.message}`)
      return 2
    } finally {
      await rt.handle.close()
    }
  }
  return bad(`未知命令 unknown command: yiwang calendar ${verb ?? ''}\n\n${CALENDAR_USAGE}`)
}
