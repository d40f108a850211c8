/** The working-day calendar (工作日历): pure core, database store, input checks, open API. See working-calendar.ts. */
export { buildCalendar, shanghaiDate, shanghaiToday, isIsoDate, weekdayOf, isWeekend, type IsoDate, type WorkingCalendar, type CalendarEntry, type CalendarEntryKind } from './working-calendar'
export { loadCalendar, invalidateCalendar, saveCalendarYear, listCalendarYears, calendarEntries, CalendarValidationError, type SaveCalendarYearInput, type SavedCalendarYear, type CalendarYearSummary } from './calendar-store'
export { parseCalendarLines, parseCalendarJson, validateCalendarYear, type CalendarIssue, type CalendarYearInput } from './calendar-input'
