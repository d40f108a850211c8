import type { FieldError } from '../../platform/errors'
import type { RefusalCode } from './exchange-errors'

const SUBJECT_ZH: Record<string, string> = { person: '自然人（公民身份号码）', entity: '法人（统一社会信用代码）', address: '地址（标准地址编号）', licence: '电子证照' }

/** What a refused read tells the caller: Chinese first, then English, and always what to do next. */
export function readMessage(code: RefusalCode, ctx: { dataset: string; errors?: FieldError[]; unknown?: string[]; expected?: string }): string {
  const ds = ctx.dataset.slice(0, 64)
  switch (code) {
    case 'dataset_unknown':
      return `数据共享目录中没有“${ds}”这个数据集，请从 GET /api/v1/exchange/datasets 或后台“数据共享目录”中选择。 There is no dataset “${ds}”; pick one from the catalogue.`
    case 'subject_invalid':
      return ctx.errors?.length && ctx.errors[0]!.field !== 'subject'
        ? ctx.errors.map((e) => e.message).join(' ')
        : '请指明查询对象：自然人给出公民身份号码，法人给出统一社会信用代码，地址给出标准地址编号。 Name the subject: a person’s ID number, an entity’s credit code or an address id.'
    case 'subject_mismatch':
      return `数据集“${ds}”的查询对象应为${SUBJECT_ZH[ctx.expected ?? ''] ?? ctx.expected}，请更换查询对象或数据集。 This dataset is about a different kind of subject (${ctx.expected}).`
    case 'purpose_required':
      return '请说明用途（4–200个字），例如“办理××事项核验申请人户籍”。未说明用途的数据请求一律拒绝。 State the purpose (4–200 characters); reads without a purpose are refused.'
    case 'purpose_too_long':
      return '用途说明过长，最多200个字，请精简后重试。 The purpose is too long: at most 200 characters.'
    case 'fields_required':
      return '请列出需要的字段（只能取用办事必需的字段）。 List the fields you need.'
    case 'field_unknown':
      return `数据集“${ds}”中没有字段：${(ctx.unknown ?? []).slice(0, 10).join('、')}。请按数据共享目录中的字段名称请求。 Unknown field(s) for this dataset; use the field keys listed in the catalogue.`
    case 'case_ref_invalid':
      return '办件编号格式有误：应为字母、数字和 . _ - /，最长64位。没有关联办件时请不要填写。 The case reference must be up to 64 letters, digits or . _ - /; leave it out when there is no case.'
    case 'check_required':
      return `核验信息不完整或格式有误：${(ctx.errors ?? []).map((e) => e.message).join(' ')}`
    case 'not_shared':
      return `数据集“${ds}”不予共享，任何部门都不能通过共享交换取得。请向当事人本人收集所需信息。 This dataset is not shared; ask the person concerned.`
    case 'department_required':
      return '请求方没有所属部门，无法确定数据使用单位。请使用本部门的账号或系统凭证。 The caller belongs to no department; use your department’s account or client credentials.'
    case 'grant_required':
      return `本部门没有“${ds}”的已批准共享授权。请在后台“共享授权”中说明用途提出申请，经数据提供部门批准后再读取。 Your department has no approved grant for this dataset; request one and wait for the provider’s approval.`
    case 'grant_expired':
      return `本部门对“${ds}”的共享授权已过期，请重新申请。 Your department’s grant for this dataset has expired; request a new one.`
    case 'grant_revoked':
      return `本部门对“${ds}”的共享授权已被数据提供部门撤销，请联系提供部门或重新申请。 The grant was revoked by the provider; contact them or request again.`
    case 'grant_fields':
      return `请求的字段超出本部门已批准的授权范围，请只请求授权内的字段，或申请扩大授权范围。 Some fields are outside your department’s grant; request only granted fields or ask for a wider grant.`
    case 'not_found':
      if (ds.startsWith('licence.')) return '电子证照库中没有这份证照，请核对电子证照标识（或持证主体代码和证照类型名称）；如确认无误，请联系发证机关核实。 No such licence on record; check the identifier (or holder code and type name) or ask the issuer.'
      return '登记库中没有该对象的记录，请核对号码；如确认无误，请联系数据提供部门核实。 No record for this subject in the registry; check the number or contact the provider.'
  }
}
