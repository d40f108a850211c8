import type { FieldError } from '../../platform/errors'
import { addDays, chinaDate, DEFAULT_MANDATE_DAYS, endOfChinaDay, isCalendarDate, MAX_MANDATE_DAYS } from './mandate-dates'
import type { DepartmentDirectory } from './ports'

/**
 * The fields of a new mandate as typed in the form, and their checks. Field names are the form's names so
 * the page can put each message beside its field.
 */
export type MandateFields = { agentName: string; agentIdNumber: string; scope: string; itemCodes: string[]; validUntil: string }
export type CheckedMandate = { scope: 'all' | 'items'; itemCodes: string[]; validUntil: Date; lastDay: string }

/** GB/T 39046 表12 姓名 a..30. */
export const MAX_NAME = 30
export const MAX_ITEMS = 20
export const MAX_ITEM_CODE = 64

/** Splits what people type into a list of codes (one per line, or separated by commas / 、 / spaces). */
export function splitItemCodes(s: string): string[] {
  return s.split(/[\s,，、;；]+/).map((x) => x.trim()).filter(Boolean)
}

export async function checkMandateFields(
  directory: Pick<DepartmentDirectory, 'itemNames'>,
  f: MandateFields,
  grantorType: 'enterprise' | 'citizen',
  now: Date,
): Promise<{ errors: FieldError[]; value?: CheckedMandate }> {
  const errors: FieldError[] = []
  const add = (field: string, message: string) => errors.push({ field, message })
  const name = f.agentName.trim()
  if (!name) add('agentName', '请输入被授权人的姓名（与身份证一致）。 Enter the agent’s name as on their ID card.')
  else if (name.length > MAX_NAME) add('agentName', `姓名最多${MAX_NAME}个字，请核对。 A name has at most ${MAX_NAME} characters.`)
  if (!f.agentIdNumber.trim()) add('agentIdNumber', '请输入被授权人的18位身份证号。 Enter the agent’s 18-character ID number.')

  let scope: 'all' | 'items' | undefined
  if (f.scope === 'all' && grantorType === 'citizen') add('scope', '个人委托代办须写明委托办理的具体事项，不能全部委托。 A personal authorisation must name the services.')
  else if (f.scope === 'all' || f.scope === 'items') scope = f.scope
  else add('scope', '请选择授权范围。 Choose what the agent may do.')

  let itemCodes: string[] = []
  if (scope === 'items') {
    itemCodes = [...new Set(f.itemCodes.map((c) => c.trim()).filter(Boolean))]
    if (itemCodes.length === 0) add('itemCodes', '请至少填写一个事项编码（办事指南中的“实施编码”）。 Enter at least one service code.')
    else if (itemCodes.length > MAX_ITEMS) add('itemCodes', `一次最多授权${MAX_ITEMS}个事项，请分次授权。 At most ${MAX_ITEMS} services per authorisation.`)
    else if (itemCodes.some((c) => c.length > MAX_ITEM_CODE)) add('itemCodes', `事项编码最长${MAX_ITEM_CODE}位，请核对。 A service code has at most ${MAX_ITEM_CODE} characters.`)
    else {
      const known = await directory.itemNames(itemCodes)
      const unknown = itemCodes.filter((c) => !known.has(c))
      if (unknown.length) add('itemCodes', `以下事项编码不存在或未上线：${unknown.join('、')}。请在办事指南的“实施编码”一栏核对。 Unknown or unpublished service codes: ${unknown.join(', ')}.`)
    }
  }

  const today = chinaDate(now)
  const latest = addDays(today, MAX_MANDATE_DAYS)
  const lastDay = f.validUntil.trim() || addDays(today, DEFAULT_MANDATE_DAYS)
  if (!isCalendarDate(lastDay)) add('validUntil', '请按“2027-03-01”的格式填写授权截止日期。 Enter the end date like 2027-03-01.')
  else if (lastDay < today) add('validUntil', `授权截止日期不能早于今天（${today}）。 The end date cannot be in the past.`)
  else if (lastDay > latest) add('validUntil', `授权期限最长一年，请选择${latest}或更早的日期。 An authorisation lasts at most one year: choose ${latest} or earlier.`)

  if (errors.length || !scope) return { errors }
  return { errors, value: { scope, itemCodes, validUntil: endOfChinaDay(lastDay), lastDay } }
}
