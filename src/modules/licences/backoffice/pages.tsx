import { SummaryList, Tag, type Tone } from '../../../platform/web/components'
import { CsrfField, Select, TextArea, TextInput } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import type { LicenceStatus } from '../../../platform/schema-licences'
import { maskedHolderCode } from '../licence-document'
import { LICENCE_STATUS } from '../licence-lifecycle'
import { availableActions, LICENCE_STATUSES, type DepartmentKeys, type LicenceAction, type LicenceView, type ListQuery, type ListRow } from './licence-view'

const STATUS_TONE: Record<LicenceStatus, Tone> = { valid: 'success', suspended: 'warn', revoked: 'danger', expired: 'neutral', superseded: 'neutral' }
const STATUS_SHORT: Record<LicenceStatus, { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'Valid' }, suspended: { zh: '暂扣', en: 'Suspended' }, revoked: { zh: '撤销', en: 'Revoked' },
  expired: { zh: '过期失效', en: 'Expired' }, superseded: { zh: '已替代', en: 'Superseded' },
}
export const StatusTag = ({ lang, status }: { lang: Lang; status: LicenceStatus }) => <Tag tone={STATUS_TONE[status]}>{t(lang, STATUS_SHORT[status].zh, STATUS_SHORT[status].en)}</Tag>

/** Date-time in Asia/Shanghai, to the minute. */
const cst = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

const EVENT_LABELS: Record<string, { zh: string; en: string }> = {
  issued: { zh: '新发（办结即制证）', en: 'Issued' }, suspended: { zh: '暂扣', en: 'Suspended' }, reinstated: { zh: '暂扣发还', en: 'Reinstated' },
  revoked: { zh: '撤销', en: 'Revoked' }, renewed: { zh: '延续（新版本）', en: 'Renewed (new version)' }, changed: { zh: '变更（新版本）', en: 'Changed (new version)' },
  superseded: { zh: '被新版本替代', en: 'Superseded' }, expired: { zh: '过期失效', en: 'Expired' },
}

export const ACTION_TEXT: Record<LicenceAction, { zh: string; en: string; done: { zh: string; en: string } }> = {
  suspend: { zh: '暂扣', en: 'Suspend', done: { zh: '证照已暂扣。核验时显示“已暂扣”及理由。', en: 'The licence is suspended; checks show it with the reason.' } },
  reinstate: { zh: '发还', en: 'Reinstate', done: { zh: '证照已发还，恢复有效。', en: 'The licence is valid again.' } },
  revoke: { zh: '撤销', en: 'Revoke', done: { zh: '证照已撤销，并已列入撤销状态列表。', en: 'The licence is revoked and in the revocation list.' } },
  renew: { zh: '延续', en: 'Renew', done: { zh: '已延续：这是新签发的版本，旧版本显示为“已替代”。', en: 'Renewed: this is the new version; the old one reads superseded.' } },
  change: { zh: '变更', en: 'Change', done: { zh: '已变更：这是新签发的版本，旧版本显示为“已替代”。', en: 'Changed: this is the new version; the old one reads superseded.' } },
}

export type FormError = { action: LicenceAction; message: string; fields: { field: string; message: string }[]; values: Record<string, string> }

const listHref = (q: Partial<ListQuery>) => {
  const p = new URLSearchParams()
  if (q.status) p.set('status', q.status)
  if (q.q) p.set('q', q.q)
  if (q.after) p.set('after', q.after)
  const s = p.toString()
  return `/admin/licences${s ? `?${s}` : ''}`
}

export function ListPage({ lang, q, rows, next, mayRotate }: { lang: Lang; q: ListQuery; rows: ListRow[]; next: string | null; mayRotate: boolean }) {
  return (
    <>
      <h1>{t(lang, '电子证照', 'Electronic licences')}</h1>
      <p>{t(lang, '本部门签发的电子证照（最新的在前）。打开证照编号可查看历史、版本，并办理暂扣、发还、撤销、延续或变更。', 'Licences your departments issued, newest first. Open a number to see its history and versions, or to suspend, reinstate, revoke, renew or change it.')}</p>
      <p><a href="/admin/licences/types">{t(lang, '证照目录（证照类型及内容来源）', 'Licence types and where their fields come from')}</a>{mayRotate ? <> · <a href="/admin/licences/keys">{t(lang, '签名密钥管理', 'Signing keys')}</a></> : null}</p>
      <form method="get" action="/admin/licences" class="filters" role="search">
        <Select lang={lang} id="status" label={t(lang, '状态', 'Status')} value={q.status ?? ''} empty={t(lang, '全部', 'All')} options={LICENCE_STATUSES.map((s) => ({ value: s, label: t(lang, STATUS_SHORT[s].zh, STATUS_SHORT[s].en) }))} />
        <TextInput lang={lang} id="q" label={t(lang, '证照编号或电子证照标识', 'Number or identifier')} hint={t(lang, '编号可只输入开头部分', 'The start of a number is enough')} value={q.q} width="l" maxlength={120} />
        <button type="submit" class="button">{t(lang, '查找', 'Search')}</button>
      </form>
      {rows.length ? (
        <table class="table">
          <caption>{t(lang, '电子证照', 'Licences')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, '证照编号', 'Number')}</th>
              <th scope="col">{t(lang, '类型', 'Type')}</th>
              <th scope="col">{t(lang, '持证主体', 'Holder')}</th>
              <th scope="col">{t(lang, '版本', 'Version')}</th>
              <th scope="col">{t(lang, '状态', 'Status')}</th>
              <th scope="col">{t(lang, '颁发日期', 'Issued')}</th>
              <th scope="col">{t(lang, '有效期至', 'Valid until')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td><a href={`/admin/licences/${r.id}`}>{r.number}</a></td>
                <td>{r.typeName}<br /><span class="meta">{r.issuer}</span></td>
                <td>{r.holderName}</td>
                <td>{r.version}</td>
                <td><StatusTag lang={lang} status={r.status} /></td>
                <td>{r.issuedOn}</td>
                <td>{r.validUntil ?? t(lang, '长期', 'No expiry')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">{q.q || q.status ? t(lang, '没有符合条件的证照。请换一个状态或编号再查。', 'No licences match; try another status or number.') : t(lang, '本部门还没有签发电子证照。办件出具结果时会自动制证。', 'Your departments have issued no licences yet; they are made when a case result is issued.')}</p>
      )}
      {next || q.after ? (
        <nav class="pagination" aria-label={t(lang, '分页', 'Pagination')}>
          <ul>
            {q.after ? <li><a href={listHref({ status: q.status, q: q.q })}>{t(lang, '回到第一页', 'First page')}</a></li> : null}
            {next ? <li><a href={listHref({ status: q.status, q: q.q, after: next })} rel="next">{t(lang, '下一页', 'Next page')}</a></li> : null}
          </ul>
        </nav>
      ) : null}
    </>
  )
}

const fieldError = (e: FormError | undefined, action: LicenceAction, field: string) => (e?.action === action ? e.fields.find((f) => f.field === field)?.message : undefined)

/** One action form: the CSRF token and the row version the officer saw (a stale page gets a clear conflict). */
function ActionForm({ lang, v, action, csrf, children, error, warning }: { lang: Lang; v: LicenceView; action: LicenceAction; csrf: string; children?: unknown; error?: FormError | undefined; warning?: boolean }) {
  const text = ACTION_TEXT[action]
  return (
    <form method="post" action={`/admin/licences/${v.row.id}/${action}`} id={action} class="section" novalidate>
      <h3>{t(lang, text.zh, text.en)}</h3>
      {error?.action === action && !error.fields.length ? <p class="error-message" role="alert">{error.message}</p> : null}
      <CsrfField token={csrf} />
      <input type="hidden" name="expectedVersion" value={String(v.row.lock_version)} />
      {children}
      <button type="submit" class={`button${warning ? ' button-warning' : ''}`}>{t(lang, `${text.zh}证照`, `${text.en} the licence`)}</button>
    </form>
  )
}

export function LicencePage({ lang, v, csrf, error }: { lang: Lang; v: LicenceView; csrf: string; error?: FormError | undefined }) {
  const r = v.row
  const doc = v.doc
  const actions = availableActions(v)
  const values = (a: LicenceAction, k: string) => (error?.action === a ? error.values[k] : undefined)
  const face = new Map((doc?.fields ?? []).map((f) => [f.key, f.value]))
  const successor = v.versions.find((x) => x.version === r.version + 1)
  return (
    <>
      <h1>{t(lang, `${v.typeName} ${r.number}`, `${v.typeName} ${r.number}`)} <StatusTag lang={lang} status={r.status} /></h1>
      <SummaryList
        rows={[
          { key: t(lang, '状态', 'Status'), value: `${t(lang, LICENCE_STATUS[r.status].zh, LICENCE_STATUS[r.status].en)}（${LICENCE_STATUS[r.status].code}）${r.status_reason ? `：${r.status_reason}` : ''}` },
          { key: t(lang, '持证主体', 'Holder'), value: r.holder_name },
          { key: t(lang, '持证主体代码', 'Holder ID'), value: doc ? maskedHolderCode(doc.holder) : null },
          { key: t(lang, '发证机关', 'Issuer'), value: v.issuerName },
          { key: t(lang, '颁发日期', 'Issued on'), value: r.issued_on },
          { key: t(lang, '有效期', 'Valid'), value: `${r.valid_from} — ${r.valid_until ?? t(lang, '长期', 'no expiry')}` },
          { key: t(lang, '版本', 'Version'), value: t(lang, `第${r.version}版`, `Version ${r.version}`) },
          { key: t(lang, '电子证照标识', 'Identifier'), value: <code>{r.identifier}</code> },
          { key: t(lang, '签名密钥', 'Signing key'), value: <code>{r.kid}</code> },
          { key: t(lang, '信任等级', 'Trust level'), value: r.trust_level },
          { key: t(lang, '公开核验', 'Public check'), value: <a href={`/licences/${r.id}`}>{t(lang, '打开核验页面', 'Open the verification page')}</a> },
          { key: t(lang, '新版本', 'Newer version'), value: successor ? <a href={`/admin/licences/${successor.id}`}>{t(lang, `第${successor.version}版`, `Version ${successor.version}`)}</a> : null },
        ]}
      />
      {doc ? (
        <section class="section" aria-labelledby="face-h">
          <h2 id="face-h">{t(lang, '证照内容', 'Face')}</h2>
          <SummaryList rows={doc.fields.map((f) => ({ key: f.label, value: f.value }))} />
        </section>
      ) : (
        <p class="error-message">{t(lang, '该证照的存档内容无法读取（可能被篡改），请联系系统管理员核查。', 'The stored licence cannot be read (it may have been altered); ask an administrator.')}</p>
      )}
      <section class="section" aria-labelledby="versions-h">
        <h2 id="versions-h">{t(lang, '版本', 'Versions')}</h2>
        <table class="table">
          <caption class="visually-hidden">{t(lang, '各版本', 'Versions')}</caption>
          <thead><tr><th scope="col">{t(lang, '版本', 'Version')}</th><th scope="col">{t(lang, '电子证照标识', 'Identifier')}</th><th scope="col">{t(lang, '颁发日期', 'Issued')}</th><th scope="col">{t(lang, '状态', 'Status')}</th></tr></thead>
          <tbody>
            {v.versions.map((x) => (
              <tr>
                <td>{x.id === r.id ? <strong>{t(lang, `第${x.version}版（本页）`, `Version ${x.version} (this page)`)}</strong> : <a href={`/admin/licences/${x.id}`}>{t(lang, `第${x.version}版`, `Version ${x.version}`)}</a>}</td>
                <td><code>{x.identifier}</code></td>
                <td>{x.issuedOn}</td>
                <td><StatusTag lang={lang} status={x.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="section" aria-labelledby="history-h">
        <h2 id="history-h">{t(lang, '历史记录', 'History')}</h2>
        <table class="table">
          <caption class="visually-hidden">{t(lang, '历史记录', 'History')}</caption>
          <thead><tr><th scope="col">{t(lang, '时间', 'When')}</th><th scope="col">{t(lang, '版本', 'Version')}</th><th scope="col">{t(lang, '事项', 'What')}</th><th scope="col">{t(lang, '理由', 'Reason')}</th><th scope="col">{t(lang, '经办', 'By')}</th></tr></thead>
          <tbody>
            {v.events.map((e) => (
              <tr>
                <td>{cst(e.at)}</td>
                <td>{e.version}</td>
                <td>{EVENT_LABELS[e.action] ? t(lang, EVENT_LABELS[e.action]!.zh, EVENT_LABELS[e.action]!.en) : e.action}</td>
                <td>{e.reason ?? '—'}</td>
                <td>{e.actorType === 'system' ? t(lang, '系统', 'System') : (e.actorName ?? '—')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="section" id="actions" aria-labelledby="actions-h">
        <h2 id="actions-h">{t(lang, '办理', 'Actions')}</h2>
        {!v.mayManage ? <p>{t(lang, '只有发证部门的承办人员或负责人可以暂扣、撤销、延续或变更证照。', 'Only officers or heads of the issuing department may change a licence.')}</p> : null}
        {v.mayManage && !actions.size ? <p>{t(lang, `该证照当前状态为“${LICENCE_STATUS[r.status].zh}”，没有可办理的操作。`, 'Nothing can be done in the current status.')}</p> : null}
        {actions.has('suspend') ? (
          <ActionForm lang={lang} v={v} action="suspend" csrf={csrf} error={error}>
            <TextArea lang={lang} id="suspend-reason" name="reason" label={t(lang, '暂扣理由', 'Reason for suspension')} hint={t(lang, '2–500字；核验证照的人和持证人都会看到。', '2–500 characters; shown to anyone who checks the licence.')} value={values('suspend', 'reason')} error={fieldError(error, 'suspend', 'reason')} required />
          </ActionForm>
        ) : null}
        {actions.has('reinstate') ? (
          <ActionForm lang={lang} v={v} action="reinstate" csrf={csrf} error={error}>
            <TextInput lang={lang} id="reinstate-reason" name="reason" label={t(lang, '说明（可不填）', 'Note (optional)')} value={values('reinstate', 'reason')} width="l" maxlength={500} />
          </ActionForm>
        ) : null}
        {actions.has('renew') ? (
          <ActionForm lang={lang} v={v} action="renew" csrf={csrf} error={error}>
            <p class="hint">{t(lang, '延续会签发新版本（有效期自今日起按证照类型计算），本版本显示为“已替代”。', 'Renewal signs a new version valid from today; this one becomes superseded.')}</p>
            <TextInput lang={lang} id="renew-reason" name="reason" label={t(lang, '说明（可不填）', 'Note (optional)')} value={values('renew', 'reason')} width="l" maxlength={500} />
          </ActionForm>
        ) : null}
        {actions.has('change') ? (
          <ActionForm lang={lang} v={v} action="change" csrf={csrf} error={error}>
            <p class="hint">{t(lang, '只修改需要变更的栏目；变更会签发新版本，有效期不变。', 'Edit only what changes; a new version is signed with the same validity.')}</p>
            {v.typeFields.map((f) => (
              <TextInput lang={lang} id={`change-${f.key}`} name={`field.${f.key}`} label={f.label} value={values('change', `field.${f.key}`) ?? face.get(f.key) ?? ''} error={fieldError(error, 'change', `changes.${f.key}`)} width="l" maxlength={1000} />
            ))}
            <TextArea lang={lang} id="change-reason" name="reason" label={t(lang, '变更理由', 'Reason for the change')} hint={t(lang, '2–500字。', '2–500 characters.')} value={values('change', 'reason')} error={fieldError(error, 'change', 'reason')} required />
          </ActionForm>
        ) : null}
        {actions.has('revoke') ? (
          <ActionForm lang={lang} v={v} action="revoke" csrf={csrf} error={error} warning>
            <p class="hint">{t(lang, '撤销不可恢复。证照会列入撤销状态列表，核验时显示“已撤销”及理由。', 'Revocation is final: the licence goes into the revocation list and checks show the reason.')}</p>
            <TextArea lang={lang} id="revoke-reason" name="reason" label={t(lang, '撤销理由', 'Reason for revocation')} hint={t(lang, '2–500字；核验证照的人和持证人都会看到。', '2–500 characters; shown to anyone who checks the licence.')} value={values('revoke', 'reason')} error={fieldError(error, 'revoke', 'reason')} required />
          </ActionForm>
        ) : null}
      </section>
    </>
  )
}

export function KeysPage({ lang, depts, csrf, values, error }: { lang: Lang; depts: DepartmentKeys[]; csrf: string; values?: { departmentId?: string; algorithm?: string }; error?: { field: string; message: string } | undefined }) {
  const withKeys = depts.filter((d) => d.keys.length)
  return (
    <>
      <h1>{t(lang, '电子证照签名密钥', 'Licence signing keys')}</h1>
      <p>{t(lang, '每个部门有一个当前密钥用于签发证照；轮换后旧密钥停止签发，但其公钥继续公布，用它签发的证照仍可核验。', 'Each department signs with one current key. After a rotation the old key signs nothing new, but its public key stays published so licences signed with it still verify.')} <a href="/.well-known/yiwang-licence-keys.json">{t(lang, '已公布的公钥', 'Published keys')}</a></p>
      {withKeys.length ? withKeys.map((d) => (
        <section class="section" aria-labelledby={`d-${d.id}`}>
          <h2 id={`d-${d.id}`}>{d.name}<span class="meta">（{d.code}）</span></h2>
          <table class="table">
            <caption class="visually-hidden">{t(lang, `${d.name}的密钥`, `Keys of ${d.name}`)}</caption>
            <thead><tr><th scope="col">{t(lang, '密钥标识', 'Key id')}</th><th scope="col">{t(lang, '算法', 'Algorithm')}</th><th scope="col">{t(lang, '生成时间', 'Created')}</th><th scope="col">{t(lang, '状态', 'State')}</th><th scope="col">{t(lang, '签发证照数', 'Licences')}</th></tr></thead>
            <tbody>
              {d.keys.map((k) => (
                <tr>
                  <td><code>{k.kid}</code></td>
                  <td>{k.algorithm === 'SM2' ? 'SM2（SM3）' : 'Ed25519'}</td>
                  <td>{cst(k.createdAt)}</td>
                  <td>{k.retiredAt ? <Tag tone="neutral">{t(lang, `已停用 ${cst(k.retiredAt)}`, `Retired ${cst(k.retiredAt)}`)}</Tag> : <Tag tone="success">{t(lang, '当前', 'Current')}</Tag>}</td>
                  <td>{k.licences}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )) : <p class="empty">{t(lang, '还没有签名密钥：部门第一次签发证照时会自动生成 Ed25519 密钥。', 'No keys yet: an Ed25519 key is made when the department first issues a licence.')}</p>}
      {depts.length ? (
        <form method="post" action="/admin/licences/keys/rotate" class="section" id="rotate" novalidate>
          <h2>{t(lang, '轮换密钥', 'Rotate a key')}</h2>
          <CsrfField token={csrf} />
          <Select lang={lang} id="departmentId" label={t(lang, '部门', 'Department')} value={values?.departmentId ?? (depts.length === 1 ? depts[0]!.id : '')} empty={depts.length === 1 ? undefined : t(lang, '请选择', 'Choose')} options={depts.map((d) => ({ value: d.id, label: `${d.name}（${d.code}）` }))} error={error?.field === 'departmentId' ? error.message : undefined} required />
          <Select lang={lang} id="algorithm" label={t(lang, '签名算法', 'Algorithm')} hint={t(lang, 'Ed25519 为默认；SM2（SM3 摘要，GB/T 32918）适用于要求国密算法的部门。', 'Ed25519 by default; SM2 with SM3 (GB/T 32918) where national algorithms are required.')} value={values?.algorithm ?? 'Ed25519'} options={[{ value: 'Ed25519', label: 'Ed25519' }, { value: 'SM2', label: 'SM2（SM3）' }]} error={error?.field === 'algorithm' ? error.message : undefined} required />
          <button type="submit" class="button button-warning">{t(lang, '轮换密钥', 'Rotate the key')}</button>
        </form>
      ) : null}
    </>
  )
}
