import type { Child } from 'hono/jsx'
import { Breadcrumbs, Notice, SummaryList, Tag, Zh, type Tone } from '../../../platform/web/components'
import { CsrfField, ErrorSummary, Select, TextInput, type SummaryError } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import type { FieldError } from '../../../platform/errors'
import type { LicenceStatus } from '../../../platform/schema-licences'
import { readableDate } from '../../applications'
import { LICENCE_STATUS, type LicenceRow } from '../licence-lifecycle'
import { maskedHolderCode, type LicenceDocument } from '../licence-document'
import type { Verification } from '../verify-licence'
import { formatShareCode } from './share-codes'
import type { ShareCodeState, WalletCard } from './wallet-queries'

export const STATUS_TONE: Record<LicenceStatus, Tone> = { valid: 'success', suspended: 'warn', revoked: 'danger', expired: 'neutral', superseded: 'neutral' }
export const StatusTag = ({ lang, status }: { lang: Lang; status: LicenceStatus }) => <Tag tone={STATUS_TONE[status]}>{t(lang, LICENCE_STATUS[status].zh, LICENCE_STATUS[status].en)}</Tag>

const validity = (lang: Lang, from: string, until: string | null) => `${readableDate(lang, from)} – ${until ? readableDate(lang, until) : t(lang, '长期', 'no expiry')}`

/** What a status means for the holder, in plain words (what they can and cannot do now). */
function statusExplanation(lang: Lang, status: LicenceStatus, reason: string | null): string {
  const why = reason ? t(lang, `原因：${reason}。`, `Reason: ${reason}. `) : ''
  switch (status) {
    case 'valid': return t(lang, '证照有效，可下载、制作加注件、生成用证码，并在申请其他事项时免提交。', 'Valid: download it, make an annotated copy, share it with a code, or use it instead of an upload when you apply.')
    case 'suspended': return why + t(lang, '证照已被发证机关暂扣，暂扣期间不能共享，也不能作为申请材料。如有疑问请联系发证机关。', 'Suspended by the issuer: it cannot be shared or used as a material meanwhile. Contact the issuer with questions.')
    case 'revoked': return why + t(lang, '证照已被撤销，不能再使用。如有异议，可依法申请行政复议或提起行政诉讼。', 'Revoked: it can no longer be used. You may appeal under the law.')
    case 'expired': return t(lang, '证照已过有效期，不能共享或作为申请材料。需要继续经营的，请申请延续。', 'Expired: it cannot be shared or used. Apply for renewal if you need it.')
    case 'superseded': return t(lang, '这是旧版本，证照已延续或变更，请使用新版本。', 'An older version: use the newer one.')
  }
}

export function WalletListPage({ lang, cards, banner, holderNote }: { lang: Lang; cards: WalletCard[]; banner?: Child; holderNote?: string | null }) {
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: t(lang, '我的账号', 'My account'), href: '/account' }, { label: t(lang, '我的证照', 'My licences') }]} />
      {banner ?? null}
      <h1>{t(lang, '我的证照', 'My licences')}</h1>
      <p>{t(lang, '办结后签发的电子证照与纸质证照具有同等法律效力。您可以下载、出示二维码、制作仅供某一用途使用的加注件，或生成一次性的用证码授权某个部门查看。', 'Electronic licences issued when your cases are decided have the same legal effect as paper ones. Download them, show the QR code, make a copy for one use, or give a department a one-time code to check one.')}</p>
      {holderNote ? <Notice tone="info" title={holderNote} /> : null}
      {cards.length === 0 ? (
        <p>{t(lang, '您还没有电子证照。事项办结并准予许可后，证照会自动出现在这里。', 'You have no e-licences yet. When an application is approved, its licence appears here.')}</p>
      ) : (
        <ul class="link-cards">
          {cards.map((c) => (
            <li class="link-card">
              <a href={`/me/licences/${c.id}`}><span class="link-card-title"><Zh lang={lang}>{c.typeName}</Zh></span></a>
              <p><StatusTag lang={lang} status={c.status} /></p>
              <SummaryList rows={[
                { key: t(lang, '证照编号', 'Number'), value: c.number },
                { key: t(lang, '有效期', 'Valid'), value: validity(lang, c.validFrom, c.validUntil) },
                { key: t(lang, '发证机关', 'Issued by'), value: <Zh lang={lang}>{c.issuerName}</Zh> },
                { key: t(lang, '版本', 'Version'), value: c.version > 1 ? String(c.version) : null },
              ]} />
            </li>
          ))}
        </ul>
      )}
      <p><a href="/me/data-access">{t(lang, '查看我的数据使用记录：哪些部门因何事查看了您的证照', 'Who used my data — which departments checked your licences, and why')}</a></p>
    </>
  )
}

const EVENT_WORDS: Record<string, [string, string]> = {
  issued: ['新发（办结即制证）', 'Issued'], suspended: ['暂扣', 'Suspended'], reinstated: ['暂扣发还', 'Reinstated'], revoked: ['撤销', 'Revoked'],
  renewed: ['延续（新版本）', 'Renewed (new version)'], changed: ['变更（新版本）', 'Changed (new version)'], superseded: ['被新版本替代', 'Replaced by a newer version'],
  expired: ['过期失效', 'Expired'], copy_made: ['制作加注件', 'Annotated copy made'], share_code_created: ['生成用证码', 'Share code created'],
  share_code_cancelled: ['取消用证码', 'Share code cancelled'], share_code_used: ['部门凭用证码查看', 'Checked by a department with a share code'],
}
const SHARE_WORDS: Record<ShareCodeState, [string, string]> = { active: ['有效，尚未使用', 'Active, not used yet'], used: ['已使用', 'Used'], expired: ['已过期', 'Expired'], cancelled: ['已取消', 'Cancelled'] }

export type LicencePageProps = {
  lang: Lang
  row: LicenceRow
  doc: LicenceDocument | null
  status: LicenceStatus
  issuerName: string
  versions: { id: string; version: number; status: LicenceStatus; valid_from: string; valid_until: string | null; issued_on: string; mine: boolean }[]
  history: { action: string; reason: string | null; at: Date; licenceVersion: number }[]
  copies: { id: string; purpose: string; valid_until: string; created_at: Date }[]
  shareCodes: { id: string; purpose: string; departmentName: string; created_at: Date; expires_at: Date; state: ShareCodeState }[]
  departments: { id: string; name: string }[]
  csrf: string
  copyMax: string
  verifyHref: string
  errors?: FieldError[]
  form?: { purpose?: string; validUntil?: string; departmentId?: string; sharePurpose?: string }
  flash?: 'copy' | 'cancelled' | null
  banner?: Child
}

const errorOf = (errors: FieldError[] | undefined, field: string) => errors?.find((e) => e.field === field)?.message

export function LicencePage(p: LicencePageProps) {
  const { lang, row, doc } = p
  const usable = p.status === 'valid'
  const summary: SummaryError[] = (p.errors ?? []).map((e) => ({ href: e.field, message: e.message }))
  const time = (d: Date) => new Date(d).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' })
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: t(lang, '我的证照', 'My licences'), href: '/me/licences' }, { label: doc?.typeName ?? row.number }]} />
      {p.banner ?? null}
      {p.flash === 'copy' ? <Notice tone="success" title={t(lang, '加注件已制作', 'Annotated copy made')}><p>{t(lang, '请在下方“加注件”中下载。', 'Download it under “Annotated copies” below.')}</p></Notice> : null}
      {p.flash === 'cancelled' ? <Notice tone="success" title={t(lang, '用证码已取消', 'Share code cancelled')}><p>{t(lang, '这个用证码不能再使用。', 'The code can no longer be used.')}</p></Notice> : null}
      <ErrorSummary lang={lang} errors={summary} />
      <h1><Zh lang={lang}>{doc?.typeName ?? ''}</Zh></h1>
      <p><StatusTag lang={lang} status={p.status} /></p>
      <Notice tone={STATUS_TONE[p.status] === 'success' ? 'info' : STATUS_TONE[p.status]} title={t(lang, `状态：${LICENCE_STATUS[p.status].zh}`, `Status: ${LICENCE_STATUS[p.status].en}`)}>
        <p>{statusExplanation(lang, p.status, p.status === 'expired' ? null : row.status_reason)}</p>
      </Notice>
      <h2>{t(lang, '证照内容', 'Licence contents')}</h2>
      <SummaryList rows={[
        { key: t(lang, '证照编号', 'Number'), value: row.number },
        { key: t(lang, '持证主体', 'Holder'), value: doc ? <Zh lang={lang}>{doc.holder.name}</Zh> : row.holder_name },
        { key: doc?.holder.kind === 'enterprise' ? t(lang, '统一社会信用代码', 'Credit code') : t(lang, '公民身份号码', 'ID number'), value: doc ? maskedHolderCode(doc.holder) : null },
        ...(doc?.fields ?? []).map((f) => ({ key: f.label, value: <Zh lang={lang}>{f.value}</Zh> })),
        { key: t(lang, '发证机关', 'Issued by'), value: <Zh lang={lang}>{p.issuerName}</Zh> },
        { key: t(lang, '发证日期', 'Issued on'), value: readableDate(lang, row.issued_on) },
        { key: t(lang, '有效期', 'Valid'), value: validity(lang, row.valid_from, row.valid_until) },
        { key: t(lang, '可信等级', 'Trust level'), value: t(lang, `${row.trust_level}级（由实施机关直接签发）`, `${row.trust_level} (issued by the implementing body)`) },
        { key: t(lang, '电子证照标识', 'Identifier'), value: <code>{row.identifier}</code> },
        { key: t(lang, '版本', 'Version'), value: String(row.version) },
      ]} />
      <div class="button-row">
        <a class="button" href={`/me/licences/${row.id}/pdf`}>{t(lang, '下载PDF', 'Download PDF')}</a>
        <a class="button button-secondary" href={`/me/licences/${row.id}/vc`}>{t(lang, '下载可验证凭证（VC JSON）', 'Download verifiable credential (VC JSON)')}</a>
        <a class="button button-secondary" href={p.verifyHref}>{t(lang, '在线核验', 'Verify online')}</a>
      </div>

      {usable ? (
        <>
          <section class="card" aria-labelledby="share-h" id="share">
            <h2 id="share-h">{t(lang, '用证码：授权一个部门查看', 'Share code: let one department check it')}</h2>
            <p>{t(lang, '用证码只能使用一次，只对您选定的部门有效，并在生成后限时失效。部门查看后，会记录在您的“我的数据使用记录”中。', 'The code works once, only for the department you choose, and expires soon. Each check appears in “Who used my data”.')}</p>
            <form method="post" action={`/me/licences/${row.id}/share-codes`} novalidate>
              <CsrfField token={p.csrf} />
              <Select lang={lang} id="departmentId" label={t(lang, '查看证照的部门', 'Department that will check it')} options={p.departments.map((d) => ({ value: d.id, label: d.name }))} empty={t(lang, '请选择', 'Choose')} value={p.form?.departmentId} error={errorOf(p.errors, 'departmentId')} required />
              <TextInput lang={lang} id="sharePurpose" name="purpose" label={t(lang, '用途', 'Purpose')} hint={t(lang, '例如：办理食品经营许可证延续（2–200字）。', 'E.g. renewing the food business permit (2–200 characters).')} value={p.form?.sharePurpose} error={errorOf(p.errors, 'sharePurpose')} maxlength={200} required />
              <button type="submit" class="button">{t(lang, '生成用证码', 'Create share code')}</button>
            </form>
          </section>
          <section class="card" aria-labelledby="copy-h" id="copy">
            <h2 id="copy-h">{t(lang, '加注件：仅供某一用途使用的副本', 'Annotated copy for one use')}</h2>
            <p>{t(lang, '加注件带有“仅供办理……使用，有效期至……”的水印，并由发证机关的密钥签名，防止被挪作他用。', 'The copy carries the watermark “only for …, valid until …” and is signed with the issuer’s key, so it cannot be reused for something else.')}</p>
            <form method="post" action={`/me/licences/${row.id}/copies`} novalidate>
              <CsrfField token={p.csrf} />
              <TextInput lang={lang} id="purpose" label={t(lang, '用途', 'Purpose')} hint={t(lang, '例如：银行开户（2–200字）。水印写作“仅供办理银行开户使用”。', 'E.g. 银行开户 (2–200 characters).')} value={p.form?.purpose} error={errorOf(p.errors, 'purpose')} maxlength={200} required />
              <TextInput lang={lang} id="validUntil" label={t(lang, '有效期至', 'Valid until')} hint={t(lang, `格式如 2026-12-31，最晚 ${p.copyMax}。`, `As YYYY-MM-DD, at most ${p.copyMax}.`)} value={p.form?.validUntil} error={errorOf(p.errors, 'validUntil')} width="m" required />
              <button type="submit" class="button">{t(lang, '制作加注件', 'Make annotated copy')}</button>
            </form>
          </section>
        </>
      ) : (
        <Notice tone="warn" title={t(lang, '此证照当前不能共享，也不能作为申请材料', 'This licence cannot be shared or used as a material now')}>
          <p>{t(lang, `状态为“${LICENCE_STATUS[p.status].zh}”。`, `Its status is “${LICENCE_STATUS[p.status].en}”.`)}</p>
        </Notice>
      )}

      {p.shareCodes.length ? (
        <section aria-labelledby="codes-h">
          <h2 id="codes-h">{t(lang, '用证码', 'Share codes')}</h2>
          <div class="table-wrap"><table class="table">
            <thead><tr><th scope="col">{t(lang, '部门', 'Department')}</th><th scope="col">{t(lang, '用途', 'Purpose')}</th><th scope="col">{t(lang, '有效至', 'Expires')}</th><th scope="col">{t(lang, '状态', 'State')}</th><th scope="col"><span class="visually-hidden">{t(lang, '操作', 'Action')}</span></th></tr></thead>
            <tbody>
              {p.shareCodes.map((s) => (
                <tr>
                  <td><Zh lang={lang}>{s.departmentName}</Zh></td><td>{s.purpose}</td><td>{time(s.expires_at)}</td><td>{t(lang, SHARE_WORDS[s.state][0], SHARE_WORDS[s.state][1])}</td>
                  <td>{s.state === 'active' ? (
                    <form method="post" action={`/me/licences/${row.id}/share-codes/cancel`}>
                      <CsrfField token={p.csrf} />
                      <input type="hidden" name="shareCodeId" value={s.id} />
                      <button type="submit" class="button-link">{t(lang, '取消', 'Cancel')}</button>
                    </form>
                  ) : null}</td>
                </tr>
              ))}
            </tbody>
          </table></div>
        </section>
      ) : null}

      {p.copies.length ? (
        <section aria-labelledby="copies-h" id="copies">
          <h2 id="copies-h">{t(lang, '加注件', 'Annotated copies')}</h2>
          <ul>
            {p.copies.map((c) => (
              <li><a href={`/me/licence-copies/${c.id}`}>{t(lang, `仅供办理${c.purpose}使用，有效期至${readableDate('zh', c.valid_until)}`, `For ${c.purpose} only, valid until ${readableDate('en', c.valid_until)}`)}</a>{t(lang, `（${time(c.created_at)} 制作，PDF）`, ` (made ${time(c.created_at)}, PDF)`)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {p.versions.length > 1 ? (
        <section aria-labelledby="versions-h">
          <h2 id="versions-h">{t(lang, '版本', 'Versions')}</h2>
          <div class="table-wrap"><table class="table">
            <thead><tr><th scope="col">{t(lang, '版本', 'Version')}</th><th scope="col">{t(lang, '发证日期', 'Issued')}</th><th scope="col">{t(lang, '有效期', 'Valid')}</th><th scope="col">{t(lang, '状态', 'Status')}</th></tr></thead>
            <tbody>
              {p.versions.map((v) => (
                <tr>
                  <td>{v.id === row.id ? <strong>{v.version}</strong> : v.mine ? <a href={`/me/licences/${v.id}`}>{v.version}</a> : v.version}</td>
                  <td>{readableDate(lang, v.issued_on)}</td><td>{validity(lang, v.valid_from, v.valid_until)}</td><td><StatusTag lang={lang} status={v.status} /></td>
                </tr>
              ))}
            </tbody>
          </table></div>
        </section>
      ) : null}

      <section aria-labelledby="history-h">
        <h2 id="history-h">{t(lang, '状态记录', 'History')}</h2>
        <ol class="timeline">
          {p.history.map((h) => (
            <li>
              <strong>{t(lang, EVENT_WORDS[h.action]?.[0] ?? h.action, EVENT_WORDS[h.action]?.[1] ?? h.action)}</strong>
              {p.versions.length > 1 ? t(lang, `（第${h.licenceVersion}版）`, ` (version ${h.licenceVersion})`) : ''}
              {' '}<span class="hint">{time(h.at)}</span>
              {h.reason ? <p>{h.reason}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}

/** The code, shown ONCE right after it was made (never stored in clear, never shown again). */
export function ShareCodeCreatedPage({ lang, licenceId, typeName, code, departmentName, purpose, expiresAt }: { lang: Lang; licenceId: string; typeName: string; code: string; departmentName: string; purpose: string; expiresAt: Date }) {
  const until = new Date(expiresAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' })
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: t(lang, '我的证照', 'My licences'), href: '/me/licences' }, { label: typeName, href: `/me/licences/${licenceId}` }, { label: t(lang, '用证码', 'Share code') }]} />
      <h1>{t(lang, '用证码已生成', 'Share code created')}</h1>
      <div class="notice notice-success">
        <p class="notice-title">{t(lang, '请把这个用证码告诉办事部门：', 'Give this code to the department:')}</p>
        <p class="share-code"><strong id="share-code">{formatShareCode(code)}</strong></p>
      </div>
      <SummaryList rows={[
        { key: t(lang, '证照', 'Licence'), value: <Zh lang={lang}>{typeName}</Zh> },
        { key: t(lang, '授权部门', 'Department'), value: <Zh lang={lang}>{departmentName}</Zh> },
        { key: t(lang, '用途', 'Purpose'), value: purpose },
        { key: t(lang, '有效至', 'Valid until'), value: until },
      ]} />
      <p>{t(lang, '这个用证码只显示这一次，只能由上述部门使用一次。离开本页后无法再次查看；如遗失，请取消后重新生成。', 'This code is shown only now and works once, for that department only. If you lose it, cancel it and create a new one.')}</p>
      <p><a class="button button-secondary" href={`/me/licences/${licenceId}`}>{t(lang, '返回证照', 'Back to the licence')}</a></p>
    </>
  )
}

/** Back office: enter a code; on success the licence with its verification (what the holder authorised, nothing more). */
export function RedeemPage({ lang, csrf, code, error, result }: { lang: Lang; csrf: string; code?: string; error?: string | null; result?: { doc: LicenceDocument | null; verification: Verification; purpose: string; departmentName: string } | null }) {
  return (
    <>
      <h1>{t(lang, '用证码核验', 'Check a licence with a share code')}</h1>
      <p>{t(lang, '持证人在“我的证照”中为本部门生成的用证码，输入后可查看对应的电子证照一次。每次查看都会记录在持证人的“我的数据使用记录”中。', 'A holder can create a code for your department in “My licences”; enter it to see that licence once. Each check is recorded for the holder.')}</p>
      {error ? <Notice tone="warn" title={t(lang, '无法查看', 'Cannot show the licence')} alert><p>{error}</p></Notice> : null}
      {result ? (
        <section class="card" aria-labelledby="result-h">
          <h2 id="result-h">{result.doc?.typeName ?? ''}</h2>
          <Notice tone={result.verification.status === 'valid' ? 'success' : 'warn'} title={t(lang, `核验结果：${result.verification.message}`, `Verification: ${result.verification.messageEn}`)} />
          <SummaryList rows={[
            { key: t(lang, '用途', 'Purpose'), value: result.purpose },
            { key: t(lang, '授权部门', 'Department'), value: result.departmentName },
            { key: t(lang, '证照编号', 'Number'), value: result.doc?.number },
            { key: t(lang, '持证主体', 'Holder'), value: result.doc?.holder.name },
            { key: result.doc?.holder.kind === 'enterprise' ? t(lang, '统一社会信用代码', 'Credit code') : t(lang, '公民身份号码', 'ID number'), value: result.doc ? maskedHolderCode(result.doc.holder) : null },
            ...(result.doc?.fields ?? []).map((f) => ({ key: f.label, value: f.value })),
            { key: t(lang, '发证机关', 'Issued by'), value: result.doc?.issuer.name },
            { key: t(lang, '有效期', 'Valid'), value: result.doc ? validity(lang, result.doc.validFrom, result.doc.validUntil) : null },
            { key: t(lang, '可信等级', 'Trust level'), value: result.verification.licence?.trustLevel },
            { key: t(lang, '电子证照标识', 'Identifier'), value: result.doc ? <code>{result.doc.identifier}</code> : null },
          ]} />
        </section>
      ) : null}
      <form method="post" action="/admin/licences/redeem" novalidate>
        <CsrfField token={csrf} />
        <TextInput lang={lang} id="code" label={t(lang, '用证码', 'Share code')} hint={t(lang, '8位字母和数字，不区分大小写，如 ABCD-2345。', '8 letters and digits, any case, e.g. ABCD-2345.')} value={result ? '' : code} width="m" maxlength={20} required />
        <button type="submit" class="button">{t(lang, '查看证照', 'Show licence')}</button>
      </form>
    </>
  )
}
