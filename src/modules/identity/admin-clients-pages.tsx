import type { Context } from 'hono'
import type { AppEnv } from '../../platform/http/context'
import { CsrfField, Fieldset, Select, TextArea, TextInput } from '../../platform/web/form-components'
import { t, type Lang } from '../../platform/web/i18n'
import { renderBackoffice } from './admin-staff-page'
import { getStaff } from './require-staff'
import { inLang } from './staff-step-page'
import type { OauthClient, OauthClientKind } from './oauth-client'
import type { DepartmentSummary } from './ports'

/** 接入系统 (OAuth clients): list, register form, the secret shown once, one client with rotate / revoke. */
export const kindLabel = (lang: Lang, k: OauthClientKind) =>
  k === 'web' ? t(lang, '网站单点登录（授权码 + PKCE）', 'Web sign-in (authorization code + PKCE)') : t(lang, '系统对接（客户端凭证）', 'System (client credentials)')

const when = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
const statusOf = (lang: Lang, c: OauthClient) => (c.revokedAt ? t(lang, `已停用（${when(c.revokedAt)}）`, `Revoked (${when(c.revokedAt)})`) : t(lang, '启用', 'Active'))

export function renderClientList(c: Context<AppEnv>, v: { clients: OauthClient[]; departments: Map<string, string>; notice?: string | undefined }) {
  const lang = c.get('lang')
  const title = t(lang, '接入系统', 'Connected systems')
  return renderBackoffice(
    c,
    { title, notice: v.notice },
    <>
      <div class="title-row">
        <h1>{title}</h1>
        <a class="button" href="/admin/clients/new">{t(lang, '登记接入系统', 'Register a system')}</a>
      </div>
      <p>{t(lang, '部门业务系统通过这里登记后，才能使用一网通办账号为群众单点登录，或以客户端凭证调用数据共享交换接口。所有变更记入审计日志。', 'Department systems registered here may sign citizens in with their Yiwang account or call the exchange API with client credentials. Every change is audited.')}</p>
      <table class="table">
        <caption>{t(lang, `共 ${v.clients.length} 个接入系统`, `${v.clients.length} systems`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, '系统名称', 'Name')}</th>
            <th scope="col">{t(lang, '所属部门', 'Department')}</th>
            <th scope="col">{t(lang, '接入方式', 'Kind')}</th>
            <th scope="col">client_id</th>
            <th scope="col">{t(lang, '状态', 'Status')}</th>
          </tr>
        </thead>
        <tbody>
          {v.clients.map((x) => (
            <tr>
              <td><a href={`/admin/clients/${x.clientId}`}>{x.name}</a></td>
              <td>{x.departmentId ? (v.departments.get(x.departmentId) ?? '') : ''}</td>
              <td>{kindLabel(lang, x.kind)}</td>
              <td class="code">{x.clientId}</td>
              <td>{statusOf(lang, x)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>,
  )
}

export type NewClientValues = { name: string; departmentId: string; kind: string; redirectUris: string }
const FIELD_IDS = new Set(['name', 'departmentId', 'kind', 'redirectUris'])
const idOf = (field: string) => (FIELD_IDS.has(field) ? field : 'name')

export function renderNewClient(c: Context<AppEnv>, v: { values: NewClientValues; errors: { field: string; message: string }[]; departments: DepartmentSummary[] }) {
  const lang = c.get('lang')
  const title = t(lang, '登记接入系统', 'Register a system')
  const found = (f: string) => v.errors.find((e) => idOf(e.field) === f)
  const err = (f: string) => (found(f) ? inLang(lang, found(f)!.message) : undefined)
  return renderBackoffice(
    c,
    { title, errors: v.errors.map((e) => ({ href: idOf(e.field), message: inLang(lang, e.message) })) },
    <>
      <h1>{title}</h1>
      <p><a href="/admin/clients">{t(lang, '返回接入系统列表', 'Back to the list')}</a></p>
      <form method="post" action="/admin/clients/new" novalidate>
        <CsrfField token={getStaff(c).csrfToken} />
        <TextInput lang={lang} id="name" label={t(lang, '系统名称', 'Name')} value={v.values.name} error={err('name')} required width="l" maxlength={100} hint={t(lang, '群众在授权页面上看到的名称，例如“市场监管网上办事大厅”。', 'Shown to citizens on the consent page.')} />
        <Select lang={lang} id="departmentId" label={t(lang, '所属部门', 'Department')} value={v.values.departmentId} error={err('departmentId')} required empty={t(lang, '请选择', 'Choose')} options={v.departments.map((d) => ({ value: d.id, label: d.name }))} />
        <Select lang={lang} id="kind" label={t(lang, '接入方式', 'Kind')} value={v.values.kind} error={err('kind')} required empty={t(lang, '请选择', 'Choose')} options={(['web', 'system'] as const).map((k) => ({ value: k, label: kindLabel(lang, k) }))} />
        <TextArea lang={lang} id="redirectUris" label={t(lang, '回调地址（仅网站单点登录）', 'Redirect URIs (web sign-in only)')} value={v.values.redirectUris} error={err('redirectUris')} rows={3} hint={t(lang, '每行一个完整地址，须为 https://；本机开发可用 http://localhost 或 http://127.0.0.1。', 'One full URL per line, https:// (http://localhost or http://127.0.0.1 for development).')} />
        <button type="submit" class="button">{t(lang, '登记', 'Register')}</button>
      </form>
    </>,
  )
}

/** The secret, shown once (in the POST response, which is no-store — never in a URL or a log). */
export function renderSecretOnce(c: Context<AppEnv>, v: { client: OauthClient; secret: string; issuer: string; rotated: boolean }) {
  const lang = c.get('lang')
  const title = v.rotated ? t(lang, '已更换客户端密钥', 'Client secret replaced') : t(lang, '接入系统已登记', 'System registered')
  return renderBackoffice(
    c,
    { title },
    <>
      <h1>{title}</h1>
      <div class="notice" role="status">
        <p>client_id：<code>{v.client.clientId}</code></p>
        <p>client_secret：<code class="secret" id="client-secret">{v.secret}</code></p>
      </div>
      <p>{t(lang, '密钥只显示这一次，请通过安全渠道交给该系统的管理员；一网通办只保存加密后的密钥，无法再次查看。遗失时请更换密钥。', 'The secret is shown only now; hand it to the system’s administrator through a secure channel. We keep it encrypted and cannot show it again; if lost, replace it.')}</p>
      <p>{t(lang, 'OpenID Connect 发现地址：', 'OpenID Connect discovery: ')}<code>{`${v.issuer}/.well-known/openid-configuration`}</code></p>
      <p><a href={`/admin/clients/${v.client.clientId}`}>{t(lang, '查看接入系统', 'Open the system')}</a></p>
    </>,
  )
}

export function renderClientDetail(c: Context<AppEnv>, v: { client: OauthClient; departmentName: string | null; notice?: string | undefined; reasonError?: string | undefined }) {
  const lang = c.get('lang')
  const x = v.client
  const csrf = getStaff(c).csrfToken
  return renderBackoffice(
    c,
    { title: x.name, notice: v.notice, errors: v.reasonError ? [{ href: 'reason', message: v.reasonError }] : [] },
    <>
      <h1>{x.name}</h1>
      <p><a href="/admin/clients">{t(lang, '返回接入系统列表', 'Back to the list')}</a></p>
      <dl class="summary">
        <div class="summary-row"><dt>client_id</dt><dd class="code">{x.clientId}</dd></div>
        <div class="summary-row"><dt>{t(lang, '所属部门', 'Department')}</dt><dd>{v.departmentName ?? ''}</dd></div>
        <div class="summary-row"><dt>{t(lang, '接入方式', 'Kind')}</dt><dd>{kindLabel(lang, x.kind)}</dd></div>
        {x.kind === 'web' ? <div class="summary-row"><dt>{t(lang, '回调地址', 'Redirect URIs')}</dt><dd><ul>{x.redirectUris.map((u) => <li class="code">{u}</li>)}</ul></dd></div> : null}
        <div class="summary-row"><dt>{t(lang, '登记', 'Registered')}</dt><dd>{`${when(x.createdAt)} · ${x.createdBy}`}</dd></div>
        <div class="summary-row"><dt>{t(lang, '状态', 'Status')}</dt><dd>{statusOf(lang, x)}</dd></div>
      </dl>
      {x.revokedAt ? null : (
        <>
          <Fieldset legend={t(lang, '更换密钥', 'Replace the secret')} hint={t(lang, '旧密钥立即失效；已签发的令牌最多10分钟后过期。', 'The old secret stops working at once; issued tokens expire within 10 minutes.')}>
            <form method="post" action={`/admin/clients/${x.clientId}/rotate`}>
              <CsrfField token={csrf} />
              <button type="submit" class="button-secondary">{t(lang, '生成新密钥', 'Generate a new secret')}</button>
            </form>
          </Fieldset>
          <form method="post" action={`/admin/clients/${x.clientId}/revoke`} class="danger-zone" novalidate>
            <h2>{t(lang, '停用这个接入系统', 'Revoke this system')}</h2>
            <p>{t(lang, '停用后该系统无法再登录或调用接口，已签发的令牌立即失效。停用不能撤销。', 'It can no longer sign people in or call the API; issued tokens stop working at once. This cannot be undone.')}</p>
            <CsrfField token={csrf} />
            <TextInput lang={lang} id="reason" label={t(lang, '停用原因', 'Reason')} error={v.reasonError} required width="l" maxlength={200} />
            <button type="submit" class="button-warning">{t(lang, `停用“${x.name}”`, `Revoke “${x.name}”`)}</button>
          </form>
        </>
      )}
    </>,
  )
}
