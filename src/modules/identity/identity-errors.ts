import { DomainError, UnauthorizedError } from '../../platform/errors'

/** Deliberately the same for "no such user", "wrong password" and "account disabled" — never say which. */
export function signInFailed(): UnauthorizedError {
  return new UnauthorizedError('用户名或密码不正确，请检查后重试。 The username or password is incorrect.', 'staff_sign_in_failed')
}
export function signInLocked(minutes: number): DomainError {
  return new DomainError(
    'staff_sign_in_locked',
    `登录失败次数过多，已暂时锁定，请${minutes}分钟后再试；如忘记密码请联系管理员。 Too many failed attempts; try again in ${minutes} minutes.`,
    429,
  )
}
