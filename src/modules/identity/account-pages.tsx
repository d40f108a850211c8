import { Notice, SummaryList } from '../../platform/web/components'
import { CsrfField } from '../../platform/web/form-components'
import { t, type Lang } from '../../platform/web/i18n'
import { TRUST_LEVEL_LABELS, type CitizenUser } from './citizen'

export type AccountFlash = 'welcome' | 'verified' | 'totp-on' | 'totp-off' | undefined

/** What raises the level from here (citizen.ts): one next step, with its link. */
function NextLevel({ lang, user }: { lang: Lang; user: CitizenUser }) {
  if (user.trustLevel === 1)
    return <p><a class="button button-primary" href="/account/verify">{t(lang, '去实名认证', 'Verify your real name')}</a> {t(lang, '实名后账号升为 2 级，可在线办理大多数事项。', 'Level 2 lets you apply online for most services.')}</p>
  if (user.trustLevel === 2)
    return <p><a href="/account/totp">{t(lang, '开启动态验证码（两步验证）', 'Turn on two-step sign-in')}</a>{t(lang, '或', ' or ')}<a href="/account/passkeys">{t(lang, '添加通行密钥', 'add a passkey')}</a>{t(lang, '，账号升为 3 级，可办理要求最高等级的事项；也可携带身份证到政务服务窗口核验。', ' to reach level 3, needed by the most sensitive services; or verify at a service counter.')}</p>
  return <p>{t(lang, '您的账号已是最高等级。', 'Your account is at the highest level.')}</p>
}

/** 我的账号: masked identifiers, trust level and how to raise it, two-step sign-in, sessions. */
export function AccountPage({ lang, user, csrfToken, flash }: { lang: Lang; user: CitizenUser; csrfToken: string; flash: AccountFlash }) {
  const level = TRUST_LEVEL_LABELS[user.trustLevel]
  return (
    <>
      {flash === 'welcome' ? <Notice tone="success" title={t(lang, '注册成功，您已登录', 'Registered and signed in')}><p>{t(lang, '下一步：完成实名认证后即可在线申请办事。', 'Next: verify your real name to apply online.')}</p></Notice> : null}
      {flash === 'verified' ? <Notice tone="success" title={t(lang, '实名认证已通过', 'Real name verified')} /> : null}
      {flash === 'totp-on' ? <Notice tone="success" title={t(lang, '已开启动态验证码登录', 'Two-step sign-in is on')} /> : null}
      {flash === 'totp-off' ? <Notice tone="warn" title={t(lang, '已关闭动态验证码登录', 'Two-step sign-in is off')} /> : null}
      <h1>{t(lang, '我的账号', 'My account')}</h1>
      <div class="card">
        <h2>{t(lang, '账号信息', 'Account details')}</h2>
        <SummaryList
          rows={[
            { key: t(lang, '昵称', 'Display name'), value: user.displayName },
            { key: t(lang, '手机号码', 'Mobile number'), value: user.phoneMasked },
            { key: t(lang, '姓名', 'Name'), value: user.name ?? t(lang, '未实名', 'Not verified') },
            { key: t(lang, '身份证号', 'ID number'), value: user.idNumberMasked ?? '—' },
          ]}
        />
        <p><a href="/account/email">{t(lang, '通知邮箱', 'Notice email')}</a>{t(lang, '：设置并验证邮箱后，办件通知也会发邮件给您。', ': set and verify an email address to get notices by email too.')}</p>
      </div>
      <div class="card">
        <h2>{t(lang, '账号等级', 'Account level')}</h2>
        <p><strong>{t(lang, `${user.trustLevel} 级：${level.zh}`, `Level ${user.trustLevel}: ${level.en}`)}</strong></p>
        <p class="hint">{t(lang, '每个事项会注明“办理所需账号等级”：1 级 已注册，2 级 已实名（人口库核验），3 级 已实名并开启第二因素或窗口核验。', 'Each service states the level it needs: 1 registered, 2 real-name verified, 3 verified with a second factor or at a counter.')}</p>
        <NextLevel lang={lang} user={user} />
      </div>
      <div class="card">
        <h2>{t(lang, '企业与委托', 'Enterprises and mandates')}</h2>
        <ul>
          <li><a href="/enterprise">{t(lang, '我的企业', 'My enterprises')}</a>{t(lang, '：法定代表人认领企业、授权经办人。', ': claim your enterprise as its legal representative and authorise agents.')}</li>
          <li><a href="/account/mandates">{t(lang, '委托代办', 'Mandates')}</a>{t(lang, '：委托他人为您办理指定事项。', ': let someone else apply for named services for you.')}</li>
          <li><a href="/me/acting">{t(lang, '我获得的授权', 'Acting for others')}</a>{t(lang, '：以经办人或受托人身份办理。', ': act as an agent for an enterprise or a person.')}</li>
        </ul>
      </div>
      <div class="card">
        <h2>{t(lang, '登录安全', 'Sign-in security')}</h2>
        <p>
          {user.totpEnabled ? t(lang, '动态验证码（两步验证）：已开启。', 'Two-step sign-in: on. ') : t(lang, '动态验证码（两步验证）：未开启。', 'Two-step sign-in: off. ')}
          <a href="/account/totp">{user.totpEnabled ? t(lang, '管理', 'Manage') : t(lang, '开启', 'Turn on')}</a>
        </p>
        <p><a href="/account/passkeys">{t(lang, '通行密钥', 'Passkeys')}</a>{t(lang, '：用指纹、面容或锁屏密码登录，可防钓鱼；与动态验证码一样算作第二因素。', ': sign in with your fingerprint, face or screen lock, safe from phishing; counts as a second factor like an authenticator code.')}</p>
        <p><a href="/me/data-access">{t(lang, '我的数据使用记录', 'Who used my data')}</a>{t(lang, '：查看哪些部门因何事查询了您的信息。', ': see which departments read your data and why.')}</p>
        <form method="post" action="/account/sessions/revoke-all">
          <CsrfField token={csrfToken} />
          <p class="hint">{t(lang, '手机丢失或在别人的电脑上登录过？退出所有设备后，包括本设备在内的所有登录都将失效。', 'Lost a phone or signed in on someone else’s computer? This ends every sign-in, including this one.')}</p>
          <button type="submit" class="button button-secondary">{t(lang, '退出所有设备', 'Sign out everywhere')}</button>
        </form>
        <form method="post" action="/logout">
          <CsrfField token={csrfToken} />
          <button type="submit" class="button button-secondary">{t(lang, '退出登录', 'Sign out')}</button>
        </form>
      </div>
    </>
  )
}
