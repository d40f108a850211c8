import { isoOfDayNumber, MAX_YEAR, MIN_YEAR, tryParseIsoDate, type CalendarEntry, type CalendarEntryKind } from './working-calendar'

/**
 * Checking and reading a year of calendar data an administrator supplies (pure: no database). Two inputs:
 *  - pasted lines `YYYY-MM-DD,holiday,国庆节` / `YYYY-MM-DD,workday,国庆节调休上班` (the /admin/calendar form);
 *  - JSON `{ "year": 2027, "source": "…", "entries": [{ "day", "kind", "name" }] }` or `{ "years": [ … ] }`,
 *    the format of src/platform/migrations/data/calendar-2024-2026.json (`yiwang calendar load`, upload).
 * Every problem names its line (or entry) and says what to change. Messages: Chinese, then English.
 */
export type CalendarYearInput = { year: number; source: string; entries: CalendarEntry[] }
/** One problem: `line` is 1-based (pasted line, or entry number in JSON); absent for year/source/whole-file problems. */
export type CalendarIssue = { line?: number; field: 'year' | 'source' | 'entries' | 'day' | 'kind' | 'name' | 'replace' | 'file'; message: string }

export const MAX_ENTRIES = 366
export const MAX_NAME = 50
export const MAX_SOURCE = 500
const WEEKDAY_ZH = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日']
const WEEKDAY_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** Kind words accepted in pasted lines: English, or the words of the notices (放假 / 上班). */
const KIND_WORDS: Record<string, CalendarEntryKind> = { holiday: 'holiday', 放假: 'holiday', 休: 'holiday', 节假日: 'holiday', workday: 'workday', 上班: 'workday', 班: 'workday', 调休上班: 'workday' }

/**
 * Reads pasted lines. Separators: comma (, or ，) or tab; blank lines and lines starting with # are skipped.
 * `line` in the entries' issues is the line number in the pasted text.
 */
export function parseCalendarLines(text: string): { entries: CalendarEntry[]; lines: number[]; issues: CalendarIssue[] } {
  const entries: CalendarEntry[] = []
  const lines: number[] = []
  const issues: CalendarIssue[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1
    const s = raw.trim()
    if (!s || s.startsWith('#')) return
    const parts = s.split(/\s*[,，\t]\s*/)
    if (parts.length < 2 || parts.length > 3) {
      issues.push({ line, field: 'entries', message: `第${line}行应为“日期,类型,名称”三项，用逗号分隔，例如 2027-10-01,holiday,国庆节。 Line ${line}: write "date,kind,name" separated by commas, e.g. 2027-10-01,holiday,国庆节.` })
      return
    }
    const [day = '', kindWord = '', name] = parts
    const kind = KIND_WORDS[kindWord.toLowerCase()]
    entries.push({ day, kind: (kind ?? kindWord) as CalendarEntryKind, ...(name ? { name } : {}) })
    lines.push(line)
  })
  return { entries, lines, issues }
}

/** Reads the JSON format: one year object, or `{ years: [...] }`. Shape problems come back as issues. */
export function parseCalendarJson(text: string): { years: CalendarYearInput[]; issues: CalendarIssue[] } {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    return { years: [], issues: [{ field: 'file', message: `文件不是有效的 JSON（${(e as Error).message}），请用文本编辑器检查括号和逗号。 The file is not valid JSON; check brackets and commas.` }] }
  }
  const list = isObject(data) && Array.isArray(data['years']) ? data['years'] : [data]
  const years: CalendarYearInput[] = []
  const issues: CalendarIssue[] = []
  for (const y of list) {
    if (!isObject(y) || !Array.isArray(y['entries'])) {
      issues.push({ field: 'file', message: '每个年份应为 {"year": 2027, "source": "通知名称和文号", "entries": [{"day": "2027-01-01", "kind": "holiday", "name": "元旦"}]}。 Each year must be an object with year, source and an entries array.' })
      continue
    }
    years.push({
      year: typeof y['year'] === 'number' ? y['year'] : Number.NaN,
      source: typeof y['source'] === 'string' ? y['source'] : '',
      entries: (y['entries'] as unknown[]).map((e) => {
        const o = isObject(e) ? e : {}
        const name = typeof o['name'] === 'string' ? o['name'] : undefined
        return { day: typeof o['day'] === 'string' ? o['day'] : '', kind: (typeof o['kind'] === 'string' ? o['kind'] : '') as CalendarEntryKind, ...(name ? { name } : {}) }
      }),
    })
  }
  if (!years.length && !issues.length) issues.push({ field: 'file', message: '文件里没有任何年份的数据。 The file holds no year.' })
  return { years, issues }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

/**
 * Checks one year: a whole year in the supported range; a source (the notice's title and number); at least one
 * holiday; every day a real date inside that year, listed once; kind holiday or workday; a make-up working day
 * (调休上班) on a Saturday or Sunday — a weekday is a working day already, so a 'workday' entry there is a mistake.
 * A holiday may fall on any day (a break includes its weekends). `lines[i]` is the line number of entries[i]
 * (default i + 1). Returns the entries normalised (names trimmed, sorted by day) when there is no issue.
 */
export function validateCalendarYear(input: CalendarYearInput, lines?: number[]): { entries: CalendarEntry[]; issues: CalendarIssue[] } {
  const issues: CalendarIssue[] = []
  const { year } = input
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    issues.push({ field: 'year', message: `年份应为${MIN_YEAR}–${MAX_YEAR}之间的四位数字，例如 2027。 The year must be a four-digit number between ${MIN_YEAR} and ${MAX_YEAR}, e.g. 2027.` })
  }
  const source = input.source.trim()
  if (!source) issues.push({ field: 'source', message: '请填写数据来源：国务院办公厅通知的名称和文号，例如“国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）”。 Give the source: the title and number of the State Council General Office notice.' })
  else if (source.length > MAX_SOURCE) issues.push({ field: 'source', message: `数据来源最多${MAX_SOURCE}个字，请缩短。 The source is too long: at most ${MAX_SOURCE} characters.` })
  if (!input.entries.length) {
    issues.push({ field: 'entries', message: '没有任何日期。请每行写一天，例如 2027-01-01,holiday,元旦。 No dates given: write one day per line, e.g. 2027-01-01,holiday,元旦.' })
    return { entries: [], issues }
  }
  if (input.entries.length > MAX_ENTRIES) {
    issues.push({ field: 'entries', message: `一年最多${MAX_ENTRIES}行，收到${input.entries.length}行；请只列放假日和调休上班日。 At most ${MAX_ENTRIES} lines per year; list only holidays and make-up working days.` })
    return { entries: [], issues }
  }
  const seen = new Map<string, number>()
  const out: CalendarEntry[] = []
  input.entries.forEach((e, i) => {
    const line = lines?.[i] ?? i + 1
    const n = tryParseIsoDate(e.day)
    if (n === undefined) {
      issues.push({ line, field: 'day', message: `第${line}行：日期“${e.day}”无效，请写成 YYYY-MM-DD，例如 ${Number.isInteger(year) ? year : 2027}-10-01。 Line ${line}: invalid date "${e.day}"; write YYYY-MM-DD.` })
      return
    }
    if (Number.isInteger(year) && Number(e.day.slice(0, 4)) !== year) {
      issues.push({ line, field: 'day', message: `第${line}行：${e.day} 不在${year}年内；每次只提交一个年份，跨年的假期请分别写进两个年份。 Line ${line}: ${e.day} is not in ${year}; submit one year at a time (a break spanning New Year goes into both years).` })
      return
    }
    const first = seen.get(e.day)
    if (first !== undefined) {
      issues.push({ line, field: 'day', message: `第${line}行：${e.day} 与第${first}行重复，请删除其中一行。 Line ${line}: ${e.day} repeats line ${first}; delete one of them.` })
      return
    }
    seen.set(e.day, line)
    if (e.kind !== 'holiday' && e.kind !== 'workday') {
      issues.push({ line, field: 'kind', message: `第${line}行：类型“${String(e.kind)}”无效，放假写 holiday，调休上班写 workday。 Line ${line}: kind must be holiday or workday.` })
      return
    }
    const wd = ((n + 3) % 7 + 7) % 7
    if (e.kind === 'workday' && wd < 5) {
      issues.push({ line, field: 'kind', message: `第${line}行：${e.day} 是${WEEKDAY_ZH[wd]}，本来就是工作日；调休上班日只能是周六或周日。请删除这一行，或核对日期。 Line ${line}: ${e.day} is a ${WEEKDAY_EN[wd]}, already a working day; a make-up working day must be a Saturday or Sunday. Delete the line or check the date.` })
      return
    }
    const name = e.name?.trim()
    if (name && name.length > MAX_NAME) {
      issues.push({ line, field: 'name', message: `第${line}行：名称最多${MAX_NAME}个字。 Line ${line}: the name is too long (at most ${MAX_NAME} characters).` })
      return
    }
    out.push({ day: isoOfDayNumber(n), kind: e.kind, ...(name ? { name } : {}) })
  })
  if (!issues.length && !out.some((e) => e.kind === 'holiday')) {
    issues.push({ field: 'entries', message: '至少应有一天法定节假日（例如元旦 holiday）；请核对是否漏写。 At least one statutory holiday is expected (e.g. New Year’s Day); check for missing lines.' })
  }
  out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
  return { entries: issues.length ? [] : out, issues }
}
