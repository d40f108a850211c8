/**
 * The DomainError family and the ONE mapping from errors to HTTP problem+json (RFC 9457).
 * Messages are user-facing: Chinese first, then English, and they say what to do next.
 */
export type FieldError = { field: string; message: string }

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly fields: FieldError[] = [],
  ) {
    super(message)
    this.name = new.target.name
  }
}
export class ValidationError extends DomainError {
  constructor(message: string, fields: FieldError[] = [], code = 'validation_failed') {
    super(code, message, 400, fields)
  }
}
export class NotFoundError extends DomainError {
  constructor(message: string, code = 'not_found') {
    super(code, message, 404)
  }
}
export class ConflictError extends DomainError {
  constructor(message: string, code = 'conflict') {
    super(code, message, 409)
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = '您没有权限执行此操作。如需权限请联系管理员。 You are not allowed to do this; ask an administrator.', code = 'forbidden') {
    super(code, message, 403)
  }
}
export class UnauthorizedError extends DomainError {
  constructor(message = '请先登录。 Please sign in first.', code = 'unauthorized') {
    super(code, message, 401)
  }
}

export type Problem = {
  type: string
  title: string
  status: number
  code: string
  detail?: string
  instance?: string
  errors?: FieldError[]
  requestId?: string
}

export function problemOf(err: unknown, requestId?: string): Problem {
  if (err instanceof DomainError) {
    return {
      type: `https://yiwang.example/problems/${err.code}`,
      title: err.message,
      status: err.status,
      code: err.code,
      ...(err.fields.length ? { errors: err.fields } : {}),
      ...(requestId ? { requestId } : {}),
    }
  }
  return {
    type: 'https://yiwang.example/problems/internal',
    title: '系统繁忙，请稍后再试；如果问题持续，请联系客服并提供请求编号。 Something went wrong on our side; try again later.',
    status: 500,
    code: 'internal',
    ...(requestId ? { requestId } : {}),
  }
}
