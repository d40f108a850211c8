import { DomainError, UnauthorizedError } from '../../platform/errors'

/** Deliberately the same for "no such phone", "wrong password" and "account disabled" — never say which. */
export function citizenSignInFailed(): UnauthorizedError {
  return new UnauthorizedError('手机号或密码不正确，请检查后重试；连续输错5次将暂时锁定15分钟。 The phone number or password is incorrect.', 'citizen_sign_in_failed')
}
export function citizenTotpFailed(): UnauthorizedError {
  return new UnauthorizedError('动态验证码不正确或已使用，请输入身份验证器中当前显示的6位数字。 The authenticator code is wrong or was already used; enter the current one.', 'citizen_totp_failed')
}
export function citizenSignInLocked(minutes: number, by: 'account' | 'ip'): DomainError {
  return by === 'account'
    ? new DomainError('citizen_sign_in_locked', `登录失败次数过多，账号已暂时锁定，请${minutes}分钟后再试；如忘记密码，请拨打 12345 或到政务服务窗口办理。 Too many failed attempts; try again in ${minutes} minutes.`, 429)
    : new DomainError('citizen_sign_in_ip_limited', `您所在网络的登录失败次数过多，请${minutes}分钟后再试；如需帮助请拨打 12345。 Too many failed sign-ins from your network; try again in ${minutes} minutes.`, 429)
}
export function citizenSignInExpired(): UnauthorizedError {
  return new UnauthorizedError('登录步骤已超时，请重新输入手机号和密码。 The sign-in step timed out; start again.', 'citizen_sign_in_expired')
}
