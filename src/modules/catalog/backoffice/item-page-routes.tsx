import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import { DomainError, type FieldError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { CsrfField, TextArea } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { getStaff, requireStaff } from '../../identity'
import { getItemByCode, type ItemRow } from '../catalog-queries'
import { changeItemStatus, STATUS_TRANSITIONS, type StatusAction } from '../change-item-status'
import { setItemTrustLevel } from '../set-item-trust-level'
import { TrustLevelForm } from './trust-level-form'
import { ITEM_TYPE_LABELS } from '../service-item'
import { fieldLabel, inLang, statusLabel } from './field-labels'
import { formatTime, renderAdmin } from './admin-page'

const STATUS_TAG: Record<string, string> = { draft: 'tag', published: 'tag tag-success', suspended: 'tag tag-warn', cancelled: 'tag tag-danger' }
export function StatusTag({ lang, status }: { lang: Lang; status: string }) {
  return <strong class={STATUS_TAG[status] ?? 'tag'}>{statusLabel(lang, status)}</strong>
}

const DONE: Record<string, [string, string]> = {
  created: ['事项已创建（草稿）。核对无误后可以发布。', 'The item was created as a draft. Publish it when ready.'],
  updated: ['修改已保存为新版本。', 'Your changes were saved as a new version.'],
  unchanged: ['内容没有变化，未生成新版本。', 'Nothing changed; no new version was made.'],
  published: ['事项已发布，门户搜索立即可见。', 'The item is published and searchable now.'],
  suspended: ['事项已暂停，门户不再展示。', 'The item is suspended and hidden from the portal.'],
  cancelled: ['事项已取消。', 'The item is cancelled.'],
  trust_level: ['办理所需账号等级已保存。', 'The account level the item needs was saved.'],
}

function actionLabel(lang: Lang, a: StatusAction, status: string): string {
  if (a === 'publish') return status === 'draft' ? t(lang, '发布', 'Publish') : t(lang, '重新发布', 'Re-publish')
  return a === 'suspend' ? t(lang, '暂停', 'Suspend') : t(lang, '取消事项', 'Cancel item')
}

function StatusForm({ lang, item, action, csrf, error, reason }: { lang: Lang; item: ItemRow; action: StatusAction; csrf: string; error?: string | undefined; reason?: string }) {
  const rule = STATUS_TRANSITIONS[action]
  const id = `reason-${action}`
  return (
    <form method="post" action={`/admin/items/${encodeURIComponent(item.code)}/status`} class="status-form">
      <CsrfField token={csrf} />
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="expectedVersion" value={String(item.version)} />
      <h3>{actionLabel(lang, action, item.status)}</h3>
      <TextArea
        lang={lang}
        id={id}
        name="reason"
        rows={2}
        label={rule.reasonRequired ? t(lang, '原因', 'Reason') : t(lang, '说明（可选）', 'Note (optional)')}
        required={rule.reasonRequired}
        hint={rule.reasonRequired ? t(lang, '必填，会记入版本历史和审计日志。', 'Required; kept in the history and audit log.') : undefined}
        error={error}
        value={reason}
      />
      <button type="submit" class={action === 'publish' ? 'button' : 'button-warning'}>
        {actionLabel(lang, action, item.status)}
      </button>
    </form>
  )
}

async function renderItemPage(c: Context<AppEnv>, item: ItemRow, opts: { errors?: FieldError[]; action?: StatusAction; reason?: string; notice?: string } = {}) {
  const lang = c.get('lang')
  const csrf = getStaff(c).csrfToken
  const path = `/admin/items/${encodeURIComponent(item.code)}`
  const actions = (Object.keys(STATUS_TRANSITIONS) as StatusAction[]).filter((a) => STATUS_TRANSITIONS[a].from.includes(item.status))
  const errorFor = (a: StatusAction) => (opts.action === a ? opts.errors?.find((e) => e.field === 'reason')?.message : undefined)
  const r = item.record
  return renderAdmin(
    c,
    {
      title: item.name,
      notice: opts.notice,
      errors: (opts.errors ?? []).map((e) => ({ href: e.field === 'minTrustLevel' ? 'minTrustLevel' : e.field === 'reason' && opts.action ? `reason-${opts.action}` : 'status-actions', message: inLang(lang, e.message) })),
    },
    <>
      <h1>
        {item.name} <StatusTag lang={lang} status={item.status} />
      </h1>
      <dl class="summary">
        <div><dt>{fieldLabel(lang, 'code')}</dt><dd>{item.code}</dd></div>
        <div><dt>{fieldLabel(lang, 'type')}</dt><dd>{lang === 'en' ? ITEM_TYPE_LABELS[r.type]?.en : ITEM_TYPE_LABELS[r.type]?.zh}</dd></div>
        <div><dt>{fieldLabel(lang, 'department')}</dt><dd>{item.department.name}</dd></div>
        <div><dt>{t(lang, '当前版本', 'Current version')}</dt><dd>{t(lang, `第 ${item.version} 版`, `Version ${item.version}`)}</dd></div>
        <div><dt>{t(lang, '最后修改', 'Last change')}</dt><dd>{formatTime(item.updatedAt)}</dd></div>
      </dl>
      <ul class="action-links">
        <li><a href={`${path}/edit`}>{t(lang, '修改事项内容', 'Edit the item')}</a></li>
        <li><a href={`${path}/form`}>{t(lang, '申请表单', 'Application form')}</a></li>
        <li><a href={`${path}/versions`}>{t(lang, '版本历史', 'Version history')}</a></li>
        {item.version > 1 ? <li><a href={`${path}/diff?from=${item.version - 1}&to=${item.version}`}>{t(lang, '与上一版比较', 'Compare with the previous version')}</a></li> : null}
        {item.status === 'published' ? <li><a href={`/services/${encodeURIComponent(item.code)}`}>{t(lang, '在门户查看办事指南', 'View the guide on the portal')}</a></li> : null}
      </ul>
      <TrustLevelForm lang={lang} item={item} csrf={csrf} error={opts.errors?.find((e) => e.field === 'minTrustLevel')?.message} />
      <section id="status-actions" aria-labelledby="status-actions-title" tabindex={-1}>
        <h2 id="status-actions-title">{t(lang, '发布与状态', 'Publication status')}</h2>
        <div class="status-forms">
          {actions.map((a) => (
            <StatusForm lang={lang} item={item} action={a} csrf={csrf} error={errorFor(a) ? inLang(lang, errorFor(a)!) : undefined} {...(opts.action === a && opts.reason ? { reason: opts.reason } : {})} />
          ))}
        </div>
      </section>
    </>,
  )
}

export function registerItemPageRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const editor = requireStaff(deps, 'catalog_editor')

  app.get('/admin/items/:code', editor, async (c) => {
    const item = await getItemByCode(deps.db, c.req.param('code'))
    if (!item) return c.notFound()
    const done = DONE[c.req.query('done') ?? '']
    const v = c.req.query('v')
    const notice = done ? `${t(c.get('lang'), done[0], done[1])}${v && /^\d+$/.test(v) ? t(c.get('lang'), `（第 ${v} 版）`, ` (version ${v})`) : ''}` : undefined
    return c.html(await renderItemPage(c, item, notice ? { notice } : {}))
  })

  app.post('/admin/items/:code/trust-level', editor, async (c) => {
    const item = await getItemByCode(deps.db, c.req.param('code'))
    if (!item) return c.notFound()
    const form = await c.req.parseBody()
    const level = Number(typeof form['minTrustLevel'] === 'string' ? form['minTrustLevel'] : NaN)
    const s = getStaff(c)
    try {
      await setItemTrustLevel(deps.db, { code: item.code, level, actor: { type: 'staff', id: s.user.id, name: s.user.displayName } })
      return c.redirect(`/admin/items/${encodeURIComponent(item.code)}?done=trust_level`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status !== 400) throw err
      return c.html(await renderItemPage(c, item, { errors: err.fields }), 400)
    }
  })

  app.post('/admin/items/:code/status', editor, async (c) => {
    const item = await getItemByCode(deps.db, c.req.param('code'))
    if (!item) return c.notFound()
    const form = await c.req.parseBody()
    const action = String(form['action'] ?? '') as StatusAction
    const reason = typeof form['reason'] === 'string' ? form['reason'] : ''
    const expectedVersion = Number(form['expectedVersion'])
    if (!Object.hasOwn(STATUS_TRANSITIONS, action)) return c.html(await renderItemPage(c, item, { errors: [{ field: 'action', message: '未知的操作，请从页面上的按钮提交。 Unknown action.' }] }), 400)
    const s = getStaff(c)
    try {
      const r = await changeItemStatus(deps.db, { code: item.code, action, reason, expectedVersion, actor: { type: 'staff', id: s.user.id, name: s.user.displayName } })
      await deps.search.refresh()
      return c.redirect(`/admin/items/${encodeURIComponent(item.code)}?done=${r.status}&v=${r.version}`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err
      const errors = err.fields.length ? err.fields.map((f) => (f.field === 'reason' ? f : { field: 'action', message: f.message })) : [{ field: 'action', message: err.message }]
      if (err.code === 'item_invalid') errors.unshift({ field: 'action', message: '事项内容有误，不能发布。请先修改事项内容。 The item has errors; edit it before publishing.' })
      const fresh = (await getItemByCode(deps.db, item.code)) ?? item
      return c.html(await renderItemPage(c, fresh, { errors: err.code === 'item_invalid' ? errors.slice(0, 1) : errors, action, reason }), err.status as 400)
    }
  })
}
