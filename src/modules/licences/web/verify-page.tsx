import { SummaryList, Zh } from '../../../platform/web/components'
import { t, type Lang } from '../../../platform/web/i18n'
import type { Tone } from '../../../platform/web/components'
import { readableDate } from '../../applications'
import type { Verification, VerificationStatus } from '../verify-licence'

/** The verdict's headline and colour: green only for valid; amber for a genuine licence that is not usable now; red when it cannot be trusted. */
export const VERDICTS: Record<VerificationStatus, { zh: string; en: string; tone: Tone; mark: string }> = {
  valid: { zh: '有效', en: 'Valid', tone: 'success', mark: '✓' },
  suspended: { zh: '已暂扣', en: 'Suspended', tone: 'warn', mark: '!' },
  revoked: { zh: '已撤销', en: 'Revoked', tone: 'danger', mark: '✕' },
  expired: { zh: '已过期', en: 'Expired', tone: 'warn', mark: '!' },
  superseded: { zh: '已被新版本替代', en: 'Superseded', tone: 'warn', mark: '!' },
  tampered: { zh: '内容被篡改', en: 'Tampered', tone: 'danger', mark: '✕' },
  invalid: { zh: '无效的核验码', en: 'Invalid code', tone: 'danger', mark: '✕' },
  unknown: { zh: '查无此证', en: 'Not found', tone: 'warn', mark: '?' },
}

const validity = (lang: Lang, from: string, until: string | null) => `${readableDate(lang, from)} — ${until ? readableDate(lang, until) : t(lang, '长期', 'no expiry')}`

/** The big verdict and the licence's public details (masked holder code; never the full 身份证号). */
export function VerdictPanel({ lang, v }: { lang: Lang; v: Verification }) {
  const d = VERDICTS[v.status]
  const l = v.licence
  return (
    <section class={`notice notice-${d.tone} verdict verdict-${v.status}`} aria-labelledby="verdict-h" role={d.tone === 'success' ? 'status' : 'alert'}>
      <h2 id="verdict-h">
        <span aria-hidden="true">{d.mark} </span>
        {t(lang, `核验结果：${d.zh}`, `Result: ${d.en}`)}
      </h2>
      <p>{lang === 'en' ? v.messageEn : v.message}</p>
      {l ? (
        <SummaryList
          rows={[
            { key: t(lang, '证照类型', 'Licence type'), value: <Zh lang={lang}>{l.typeName}</Zh> },
            { key: t(lang, '证照编号', 'Licence number'), value: l.number },
            { key: t(lang, '持证主体', 'Holder'), value: <Zh lang={lang}>{l.holderName}</Zh> },
            { key: t(lang, '持证主体代码', 'Holder ID'), value: l.holderCode },
            { key: t(lang, '发证机关', 'Issuer'), value: <><Zh lang={lang}>{l.issuer.name}</Zh>（{l.issuer.uscc}）</> },
            { key: t(lang, '颁发日期', 'Issued on'), value: readableDate(lang, l.issuedOn) },
            { key: t(lang, '有效期', 'Valid'), value: validity(lang, l.validFrom, l.validUntil) },
            { key: t(lang, '版本', 'Version'), value: t(lang, `第${l.version}版`, `Version ${l.version}`) },
            { key: t(lang, '信任等级', 'Trust level'), value: l.trustLevel },
            { key: t(lang, v.status === 'revoked' ? '撤销理由' : v.status === 'suspended' ? '暂扣理由' : '状态说明', 'Reason'), value: v.status === 'valid' ? null : l.statusReason },
            {
              key: t(lang, '新版本', 'Newer version'),
              value: l.successor ? <a href={`/licences/${encodeURIComponent(l.successor)}`}>{t(lang, '查看新版本的核验结果', 'Check the newer version')}（{l.successor}）</a> : null,
            },
            { key: t(lang, '电子证照标识', 'Licence identifier'), value: <code>{l.identifier}</code> },
          ]}
        />
      ) : null}
    </section>
  )
}

/**
 * The public verification page (what the QR code opens): the verdict when something was given, and a form to
 * paste a payload, a verification link or a 电子证照标识. GET only — it changes nothing — so it works without
 * JavaScript and the result can be bookmarked.
 */
export function VerifyPage({ lang, v, input, error }: { lang: Lang; v: Verification | null; input: string; error?: string | undefined }) {
  return (
    <>
      <h1>{t(lang, '电子证照核验', 'Verify an electronic licence')}</h1>
      <p>{t(lang, '任何人都可以在这里核验一份电子证照是否真实、是否仍然有效。扫描证照上的二维码会直接打开本页；也可以把核验码、核验链接或电子证照标识粘贴到下面。', 'Anyone can check here whether an electronic licence is genuine and still valid. Scanning the QR code on a licence opens this page; you can also paste the code, the verification link or the licence identifier below.')}</p>
      {v ? <VerdictPanel lang={lang} v={v} /> : null}
      {v && v.status === 'valid' ? (
        <p class="hint">{t(lang, '核验以发证机关的数字签名和本平台的证照状态为准；证件号码只显示部分数字。', 'The result rests on the issuer’s digital signature and the licence status on record; ID numbers are shown only in part.')}</p>
      ) : null}
      <form method="get" action="/licences/verify" novalidate>
        <div class={`form-group${error ? ' form-group-error' : ''}`}>
          <label class="label" for="p">{t(lang, '核验码、核验链接或电子证照标识', 'Code, verification link or licence identifier')}</label>
          <p class="hint" id="p-hint">{t(lang, '例如以 YWL1. 开头的二维码内容，或 1.2.156.3005.2. 开头的电子证照标识', 'For example the QR text starting YWL1., or an identifier starting 1.2.156.3005.2.')}</p>
          {error ? (
            <p class="error-message" id="p-error">
              <span class="visually-hidden">{t(lang, '错误：', 'Error: ')}</span>
              {error}
            </p>
          ) : null}
          <textarea class="textarea" id="p" name="p" rows={4} maxlength={4000} aria-describedby={error ? 'p-hint p-error' : 'p-hint'} aria-invalid={error ? 'true' : undefined}>{input}</textarea>
        </div>
        <button type="submit" class="button button-primary">{t(lang, '核验', 'Verify')}</button>
      </form>
      <p>
        <a href="/.well-known/yiwang-licence-keys.json">{t(lang, '发证机关公开密钥（离线核验用）', 'Issuers’ public keys (for offline checks)')}</a>
      </p>
    </>
  )
}
