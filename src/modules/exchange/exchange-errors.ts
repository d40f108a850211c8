import { DomainError, type FieldError } from '../../platform/errors'

/**
 * Why a read of shared data was refused. Each code is stable (API problem+json `code`, access-log
 * `refusal_code`) and each message says what to do next.
 */
export type RefusalCode =
  | 'dataset_unknown'
  | 'subject_invalid'
  | 'subject_mismatch'
  | 'purpose_required'
  | 'purpose_too_long'
  | 'fields_required'
  | 'field_unknown'
  | 'case_ref_invalid'
  | 'check_required'
  | 'not_shared'
  | 'department_required'
  | 'grant_required'
  | 'grant_expired'
  | 'grant_revoked'
  | 'grant_fields'
  | 'not_found'

const STATUS: Record<RefusalCode, number> = {
  dataset_unknown: 404,
  not_found: 404,
  subject_invalid: 400,
  subject_mismatch: 400,
  purpose_required: 400,
  purpose_too_long: 400,
  fields_required: 400,
  field_unknown: 400,
  case_ref_invalid: 400,
  check_required: 400,
  not_shared: 403,
  department_required: 403,
  grant_required: 403,
  grant_expired: 403,
  grant_revoked: 403,
  grant_fields: 403,
}

/** Plain-language labels of the refusal codes (access-log pages). */
export const REFUSAL_LABELS: Record<RefusalCode, { zh: string; en: string }> = {
  dataset_unknown: { zh: '数据集不存在', en: 'Unknown dataset' },
  not_found: { zh: '登记库中无此记录', en: 'No such record in the registry' },
  subject_invalid: { zh: '证件号码或代码无效', en: 'Invalid identifier' },
  subject_mismatch: { zh: '查询对象类型与数据集不符', en: 'Wrong kind of subject' },
  purpose_required: { zh: '未说明用途', en: 'No purpose given' },
  purpose_too_long: { zh: '用途说明过长', en: 'Purpose too long' },
  fields_required: { zh: '未指定字段', en: 'No fields named' },
  field_unknown: { zh: '字段不属于该数据集', en: 'Field not in the dataset' },
  case_ref_invalid: { zh: '办件编号格式有误', en: 'Invalid case reference' },
  check_required: { zh: '核验信息不完整', en: 'Check data missing' },
  not_shared: { zh: '不予共享的数据', en: 'Dataset not shared' },
  department_required: { zh: '请求方不属于任何部门', en: 'No consuming department' },
  grant_required: { zh: '没有已批准的共享授权', en: 'No approved grant' },
  grant_expired: { zh: '共享授权已过期', en: 'Grant expired' },
  grant_revoked: { zh: '共享授权已被撤销', en: 'Grant revoked' },
  grant_fields: { zh: '字段超出授权范围', en: 'Fields outside the grant' },
}

/** A refused read. `accessId` is the access-log row that records the refusal (null when no subject was named). */
export class ReadRefusedError extends DomainError {
  constructor(
    readonly refusal: RefusalCode,
    message: string,
    readonly accessId: string | null,
    fields: FieldError[] = [],
  ) {
    super(refusal, message, STATUS[refusal], fields)
  }
}
