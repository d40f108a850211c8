import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { DB } from '../database'
import { ValidationError } from '../errors'
import type { AppEnv } from '../http/context'
import { calendarEntries, listCalendarYears, loadCalendar } from './calendar-store'
import { isIsoDate, isoOfDayNumber, MAX_YEAR, MIN_YEAR, tryParseIsoDate } from './working-calendar'

/**
 * The working-day calendar's open API (public reference data, no sign-in): the due date N working days after
 * a date, and one year's holidays and make-up working days. Validation failures are 400 problem+json naming the
 * parameter (src/app.ts defaultHook). The counting rule is the platform's one rule (working-calendar.ts): the
 * start day is not counted; days=0 gives the start day itself.
 */
export const MAX_DAYS = 3650
const tags = ['工作日历 Working-day calendar']
const CACHE = 'public, max-age=300'

const dateMsg = (name: string) => `${name} 应为 YYYY-MM-DD 格式的真实日期（${MIN_YEAR}–${MAX_YEAR}年），例如 2025-09-30。 ${name} must be a real date as YYYY-MM-DD, e.g. 2025-09-30.`
const daysMsg = `days 应为 0 到 ${MAX_DAYS} 之间的整数（工作日数）。 days must be a whole number of working days from 0 to ${MAX_DAYS}.`
const yearMsg = `year 应为四位年份（${MIN_YEAR}–${MAX_YEAR}），例如 2025。 year must be a four-digit year, e.g. 2025.`

export const WorkingDaysQuery = z.object({
  from: z
    .string({ error: dateMsg('from') })
    .refine(isIsoDate, { error: dateMsg('from') })
    .openapi({ description: '起算日（不计入）。Start date (not counted).', example: '2025-09-30' }),
  days: z
    .string({ error: daysMsg })
    .regex(/^\d{1,4}$/, { error: daysMsg })
    .refine((v) => Number(v) <= MAX_DAYS, { error: daysMsg })
    .openapi({ description: `工作日数，0–${MAX_DAYS}；0 表示起算日本身。Working days, 0–${MAX_DAYS}; 0 → the start date itself.`, example: '20', type: 'integer' }),
})
export const WorkingDaysResult = z
  .object({
    from: z.string().openapi({ example: '2025-09-30' }),
    days: z.number().int().openapi({ example: 20 }),
    due: z.string().openapi({ description: '起算日之后的第 days 个工作日。The days-th working day after from.', example: '2025-11-04' }),
    provisional: z
      .literal(true)
      .optional()
      .openapi({ description: '仅当区间超出已载入国务院放假安排的年份时出现：这些年份只按周末计算，结果待官方安排公布后可能变化。Present only when the range leaves the years with official data (weekends only assumed there).' }),
  })
  .openapi('WorkingDays')

export const HolidaysQuery = z.object({
  year: z
    .string({ error: yearMsg })
    .regex(/^\d{4}$/, { error: yearMsg })
    .refine((v) => Number(v) >= MIN_YEAR && Number(v) <= MAX_YEAR, { error: yearMsg })
    .openapi({ description: '年份 Year', example: '2025', type: 'integer' }),
})
export const CalendarDay = z
  .object({
    day: z.string().openapi({ example: '2025-10-01' }),
    kind: z.enum(['holiday', 'workday']).openapi({ description: 'holiday = 放假；workday = 调休上班（周末上班）。holiday = day off; workday = make-up working day on a weekend.' }),
    name: z.string().nullable().openapi({ example: '国庆节、中秋节' }),
  })
  .openapi('CalendarDay')
export const HolidayList = z
  .object({
    year: z.number().int(),
    covered: z.boolean().openapi({ description: '该年是否已载入官方放假安排；false 时 entries 为空，只按周末计算。Whether official data is loaded for the year; false → entries empty, weekends only.' }),
    source: z.string().nullable().openapi({ description: '数据来源（国务院办公厅通知）Source notice' }),
    entries: z.array(CalendarDay),
  })
  .openapi('HolidayList')

const CalendarProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().openapi({ description: '稳定的错误码 Stable code: invalid_parameter' }),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  requestId: z.string().optional(),
})
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: CalendarProblem } } })

const workingDaysRoute = createRoute({
  method: 'get',
  path: '/api/v1/calendar/working-days',
  tags,
  summary: '计算工作日到期日 Due date after N working days',
  description:
    '起算日不计入：from 之后的第 days 个工作日（排除法定节假日，调休上班日计为工作日，Asia/Shanghai 日历日）。The days-th working day after from (from itself not counted; statutory holidays excluded, 调休 make-up days count).',
  request: { query: WorkingDaysQuery },
  responses: {
    200: { description: '到期日 Due date', content: { 'application/json': { schema: WorkingDaysResult } } },
    400: problem('参数有误，errors 中列出每个参数 Invalid parameter(s), each named in errors[]'),
  },
})
const holidaysRoute = createRoute({
  method: 'get',
  path: '/api/v1/calendar/holidays',
  tags,
  summary: '某年的放假和调休上班日 Holidays and make-up working days of a year',
  request: { query: HolidaysQuery },
  responses: {
    200: { description: '放假与调休安排 Holidays and make-up days', content: { 'application/json': { schema: HolidayList } } },
    400: problem('参数有误 Invalid parameter'),
  },
})

export function registerCalendarApi(app: OpenAPIHono<AppEnv>, deps: { db: DB }): void {
  app.openapi(workingDaysRoute, async (c) => {
    const q = c.req.valid('query')
    const days = Number(q.days)
    const cal = await loadCalendar(deps.db)
    let due: string
    try {
      due = cal.addWorkingDays(q.from, days)
    } catch (e) {
      if (!(e instanceof RangeError)) throw e
      throw new ValidationError('请求参数有误：days。 Invalid request parameter: days.', [{ field: 'days', message: e.message }], 'invalid_parameter')
    }
    // The days that decide the answer are (from, due] (just from when days = 0): provisional when any of their years lacks data.
    const first = days === 0 ? q.from : isoOfDayNumber(tryParseIsoDate(q.from)! + 1)
    const provisional = yearsOf(first, due).some((y) => !cal.covers(`${y}-01-01`))
    c.header('Cache-Control', CACHE)
    return c.json({ from: q.from, days, due, ...(provisional ? { provisional: true as const } : {}) }, 200)
  })

  app.openapi(holidaysRoute, async (c) => {
    const year = Number(c.req.valid('query').year)
    const meta = (await listCalendarYears(deps.db)).find((y) => y.year === year)
    const entries = meta ? await calendarEntries(deps.db, year) : []
    c.header('Cache-Control', CACHE)
    return c.json({ year, covered: !!meta, source: meta?.source ?? null, entries: entries.map((e) => ({ day: e.day, kind: e.kind, name: e.name ?? null })) }, 200)
  })
}

/** The years from a's to b's, inclusive (a range may pass through a year without data). */
function yearsOf(a: string, b: string): number[] {
  const out: number[] = []
  for (let y = Number(a.slice(0, 4)); y <= Number(b.slice(0, 4)); y++) out.push(y)
  return out
}
