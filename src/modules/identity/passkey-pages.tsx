import type { FieldError } from '../../platform/errors'
import { Notice } from '../../platform/web/components'
import { CsrfField, ErrorSummary, TextInput } from '../../platform/web/form-components'
import { t, type Lang } from '../../platform/web/i18n'
import { MAX_PASSKEY_LABEL, MAX_PASSKEYS, type Passkey } from './passkey-queries'

export type PasskeyFlash = 'added' | 'removed' | 'renamed' | undefined
const when = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '—')
const enc = (id: string) => encodeURIComponent(id)

/** The list with rename / delete links; empty state says what a passkey is for. */
function PasskeyTable({ lang, passkeys }: { lang: Lang; passkeys: Passkey[] }) {
  if (!passkeys.length) return <p class="empty">{t(lang, '您还没有添加通行密钥。', 'You have no passkeys yet.')}</p>
  return (
    <table class="table">
      <caption>{t(lang, `已添加的通行密钥（${passkeys.length} 个）`, `Your passkeys (${passkeys.length})`)}</caption>
      <thead><tr>
        <th scope="col">{t(lang, '名称', 'Name')}</th><th scope="col">{t(lang, '添加时间', 'Added')}</th><th scope="col">{t(lang, '最近使用', 'Last used')}</th>
        <th scope="col"><span class="visually-hidden">{t(lang, '操作', 'Actions')}</span></th>
      </tr></thead>
      <tbody>
        {passkeys.map((p) => (
          <tr>
            <td>{p.label}</td>
            <td>{when(p.createdAt)}</td>
            <td>{p.lastUsedAt ? when(p.lastUsedAt) : t(lang, '尚未用于登录', 'Not used yet')}</td>
            <td>
              <a href={`/account/passkeys/${enc(p.id)}/rename`}>{t(lang, '重命名', 'Rename')}<span class="visually-hidden">{p.label}</span></a>{' '}
              <a href={`/account/passkeys/${enc(p.id)}/delete`}>{t(lang, '删除', 'Remove')}<span class="visually-hidden">{p.label}</span></a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** 通行密钥 (/account/passkeys). The add form needs WebAuthn: rendered hidden, shown by passkey.js. */
export function PasskeysPage(p: { lang: Lang; csrfToken: string; passkeys: Passkey[]; flash: PasskeyFlash; verified: boolean }) {
  const { lang } = p
  const full = p.passkeys.length >= MAX_PASSKEYS
  return (
    <div class="narrow">
      {p.flash === 'added' ? <Notice tone="success" title={t(lang, '已添加通行密钥', 'Passkey added')}><p>{t(lang, '下次可在登录页选择“使用通行密钥登录”。', 'Next time choose “Sign in with a passkey” on the sign-in page.')}</p></Notice> : null}
      {p.flash === 'removed' ? <Notice tone="warn" title={t(lang, '已删除通行密钥', 'Passkey removed')} /> : null}
      {p.flash === 'renamed' ? <Notice tone="success" title={t(lang, '已修改名称', 'Name changed')} /> : null}
      <h1>{t(lang, '通行密钥', 'Passkeys')}</h1>
      <p>{t(lang, '通行密钥让您用本机的指纹、面容或锁屏密码登录，无需输入手机号和密码；它只对本网站有效，不会被仿冒网站骗取。', 'A passkey lets you sign in with your fingerprint, face or screen lock instead of your phone number and password. It only works on this site, so fake sites cannot trick you out of it.')}</p>
      <p class="hint">{p.verified ? t(lang, '通行密钥与动态验证码一样算作第二因素：已实名账号添加后为 3 级。', 'Like an authenticator code, a passkey is a second factor: a verified account with one is level 3.') : t(lang, '完成实名认证后，通行密钥可将账号升为 3 级。', 'Once your real name is verified, a passkey raises your account to level 3.')}</p>
      <PasskeyTable lang={lang} passkeys={p.passkeys} />
      {full ? <p>{t(lang, '已达到10个的上限；要添加新的，请先删除不再使用的。', 'You have reached the limit of 10; remove one to add another.')}</p> : (
        <>
          <form class="card" hidden data-passkey="register" data-csrf={p.csrfToken} data-options-url="/account/passkeys/options" data-finish-url="/account/passkeys"
            data-msg-cancelled={t(lang, '已取消，未添加通行密钥。', 'Cancelled; no passkey was added.')} data-msg-failed={t(lang, '添加失败，请重试。', 'Could not add the passkey; try again.')}
            data-msg-exists={t(lang, '这台设备上已有本网站的通行密钥。', 'This device already holds a passkey for this site.')}>
            <h2>{t(lang, '添加通行密钥', 'Add a passkey')}</h2>
            <TextInput lang={lang} id="passkey-label" name="label" label={t(lang, '名称（选填）', 'Name (optional)')} hint={t(lang, `便于您区分设备，如“我的手机”，不超过${MAX_PASSKEY_LABEL}个字`, `To tell your devices apart, e.g. “my phone”; up to ${MAX_PASSKEY_LABEL} characters`)} width="m" maxlength={MAX_PASSKEY_LABEL} />
            <p class="error-message" data-passkey-error role="alert" hidden></p>
            <button type="submit" class="button button-primary">{t(lang, '添加通行密钥', 'Add a passkey')}</button>
          </form>
          <p data-passkey-fallback>{t(lang, '添加通行密钥需要支持通行密钥的浏览器和设备（并开启 JavaScript）。您仍可使用手机号、密码和动态验证码登录。', 'Adding a passkey needs a browser and device that support passkeys (with JavaScript on). You can still sign in with your phone number, password and authenticator code.')}</p>
          <script src="/assets/passkey.js" defer></script>
        </>
      )}
      <p><a href="/account">{t(lang, '返回我的账号', 'Back to my account')}</a></p>
    </div>
  )
}

/** Rename one passkey (works without JavaScript). */
export function PasskeyRenamePage(p: { lang: Lang; csrfToken: string; passkey: Passkey; errors: FieldError[]; value?: string }) {
  const { lang } = p
  const error = p.errors.find((e) => e.field === 'label')?.message
  return (
    <div class="narrow">
      <ErrorSummary lang={lang} errors={p.errors.map((e) => ({ href: 'label', message: e.message }))} />
      <h1>{t(lang, '修改通行密钥名称', 'Rename a passkey')}</h1>
      <form method="post" action={`/account/passkeys/${enc(p.passkey.id)}/rename`} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextInput lang={lang} id="label" label={t(lang, '名称', 'Name')} width="m" maxlength={MAX_PASSKEY_LABEL} value={p.value ?? p.passkey.label} error={error} />
        <button type="submit" class="button button-primary">{t(lang, '保存', 'Save')}</button>
      </form>
      <p><a href="/account/passkeys">{t(lang, '返回通行密钥', 'Back to passkeys')}</a></p>
    </div>
  )
}

/** Confirm before removing; says when the account level drops because of it. */
export function PasskeyDeletePage(p: { lang: Lang; csrfToken: string; passkey: Passkey; lowersLevel: boolean }) {
  const { lang } = p
  return (
    <div class="narrow">
      <h1>{t(lang, `删除通行密钥“${p.passkey.label}”？`, `Remove the passkey “${p.passkey.label}”?`)}</h1>
      <p>{t(lang, `添加于 ${when(p.passkey.createdAt)}。删除后，这台设备将不能再用通行密钥登录本网站。`, `Added ${when(p.passkey.createdAt)}. Once removed, that device can no longer sign in here with it.`)}</p>
      {p.lowersLevel ? <Notice tone="warn" title={t(lang, '账号等级将降为 2 级', 'Your account will drop to level 2')}><p>{t(lang, '这是您唯一的第二因素；删除后要求 3 级的事项将无法办理。', 'This is your only second factor; services needing level 3 will be unavailable.')}</p></Notice> : null}
      <form method="post" action={`/account/passkeys/${enc(p.passkey.id)}/delete`}>
        <CsrfField token={p.csrfToken} />
        <button type="submit" class="button button-warning">{t(lang, '确认删除', 'Remove')}</button>
      </form>
      <p><a href="/account/passkeys">{t(lang, '取消，返回通行密钥', 'Cancel, back to passkeys')}</a></p>
    </div>
  )
}
