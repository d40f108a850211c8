import { DomainError, UnauthorizedError } from '../../platform/errors'

/** A wrong, expired or already used authenticator code (field `code`). */
export function staffTotpFailed(): DomainError {
  const message = '动态验证码不正确或已使用过，请输入验证器应用中当前显示的6位数字。 The code is wrong or was already used; enter the 6 digits your authenticator shows now.'
  return new DomainError('staff_totp_failed', message, 401, [{ field: 'code', message }])
}

/** The pending sign-in is gone (expired, locked out, account disabled): start again. */
export function staffSignInExpired(): UnauthorizedError {
  return new UnauthorizedError('登录已过期，请重新输入用户名和密码。 Your sign-in expired; enter your username and password again.', 'staff_sign_in_expired')
}
