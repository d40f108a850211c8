import { t, type Lang } from '../../platform/web/i18n'

/**
 * "使用通行密钥登录" on /login: rendered hidden and shown by passkey.js only when the browser can use a
 * passkey, so without JavaScript the page is exactly the phone + password form. The double-submit form token
 * goes along as X-CSRF-Token.
 */
export function PasskeySignInBox({ lang, formToken, next }: { lang: Lang; formToken: string; next: string }) {
  return (
    <>
      <div class="card" hidden data-passkey="sign-in" data-csrf={formToken} data-next={next} data-options-url="/login/passkey/options" data-finish-url="/login/passkey"
        data-msg-cancelled={t(lang, '已取消通行密钥登录。', 'Passkey sign-in cancelled.')} data-msg-failed={t(lang, '通行密钥登录失败，请重试或使用手机号和密码登录。', 'Passkey sign-in failed; try again or use your phone number and password.')}>
        <h2>{t(lang, '其他登录方式', 'Other ways to sign in')}</h2>
        <p class="hint">{t(lang, '已在本机或手机上添加过通行密钥？用指纹、面容或锁屏密码即可登录，无需输入手机号和密码。', 'Added a passkey on this device or your phone? Use your fingerprint, face or screen lock — no phone number or password needed.')}</p>
        <p class="error-message" data-passkey-error role="alert" hidden></p>
        <button type="button" class="button button-secondary" data-passkey-start>{t(lang, '使用通行密钥登录', 'Sign in with a passkey')}</button>
      </div>
      <script src="/assets/passkey.js" defer></script>
    </>
  )
}
