import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import type { Child } from 'hono/jsx'
import type { Deps } from '../../deps'
import type { AppEnv } from '../../platform/http/context'
import { Breadcrumbs, Pagination, Tag } from '../../platform/web/components'
import { CsrfField } from '../../platform/web/form-components'
import { t, type Lang } from '../../platform/web/i18n'
import { Layout, siteTitle } from '../../platform/web/layout'
import { renderErrorPage } from '../../platform/web/error-page'
import type { Recipient } from './contacts'
import { listInbox, markMessageRead, type InboxMessage } from './inbox'

type Session = { user: { id: string; displayName: string }; csrfToken: string }
/**
 * identity's seams, handed in by src/routes.ts: notifications is the leaf every module may call, so it cannot
 * import identity itself (eslint boundaries).
 */
export type InboxSeams = {
  requireCitizen: (deps: Deps) => MiddlewareHandler<AppEnv>
  getCitizen: (c: Context) => Session
  requireStaff: (deps: Deps) => MiddlewareHandler<AppEnv>
  getStaff: (c: Context) => Session
  renderBackoffice: (c: Context<AppEnv>, page: { title: string; notice?: string | undefined }, body: Child) => string
}

const PAGE_SIZE = 20
const CITIZEN = '/me/messages'
const STAFF = '/admin/messages'

const pageOf = (raw: string | undefined) => (raw && /^\d{1,4}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1)
const when = (d: Date, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(d)

function MessageList({ lang, base, rows, csrf, page }: { lang: Lang; base: string; rows: InboxMessage[]; csrf: string; page: number }) {
  return (
    <ol class="inbox">
      {rows.map((m) => (
        <li class={m.readAt ? 'inbox-item' : 'inbox-item inbox-unread'} id={`m-${m.id}`}>
          <h2>
            {m.readAt ? null : <><Tag tone="info">{t(lang, '未读', 'Unread')}</Tag>{' '}</>}
            {t(lang, m.title.zh, m.title.en)}
          </h2>
          <p class="meta"><time datetime={m.createdAt.toISOString()}>{when(m.createdAt, lang)}</time>{m.caseRef ? ` · ${t(lang, '办件编号', 'Reference')} ${m.caseRef}` : ''}</p>
          {t(lang, m.body.zh, m.body.en).split('\n').map((line) => <p>{line}</p>)}
          <p>
            {m.link ? <a href={m.link}>{t(lang, '查看办件', 'Open the case')}</a> : null}
          </p>
          {m.readAt ? null : (
            <form method="post" action={`${base}/${m.id}/read`}>
              <CsrfField token={csrf} />
              <input type="hidden" name="page" value={String(page)} />
              <button type="submit" class="button-secondary">{t(lang, '标为已读', 'Mark as read')}</button>
            </form>
          )}
        </li>
      ))}
    </ol>
  )
}

async function inboxBody(deps: Deps, lang: Lang, who: Recipient, base: string, csrf: string, page: number) {
  const r = await listInbox(deps.db, who, page, PAGE_SIZE)
  return (
    <>
      <p>
        {r.total === 0
          ? t(lang, '还没有消息。申请提交、受理、补正、决定和结果出具时，我们会在这里通知您，并按您账号中的手机和邮箱发送提醒。', 'No messages yet. When an application is submitted, accepted, needs corrections, is decided or its result is ready, you will find it here, and we also send a text or e-mail to your account’s phone and address.')
          : t(lang, `共 ${r.total} 条消息，${r.unread} 条未读，最新的在前。`, `${r.total} messages, ${r.unread} unread, newest first.`)}
      </p>
      {r.rows.length ? <MessageList lang={lang} base={base} rows={r.rows} csrf={csrf} page={page} /> : null}
      <Pagination lang={lang} page={page} pageSize={PAGE_SIZE} total={r.total} hrefFor={(p) => `${base}?page=${p}`} />
    </>
  )
}

/** 我的消息 for citizens (/me/messages) and 消息 for staff (/admin/messages): the in-app inbox of notices. */
export function registerInboxRoutes(app: OpenAPIHono<AppEnv>, deps: Deps, seams: InboxSeams): void {
  app.get(CITIZEN, seams.requireCitizen(deps), async (c) => {
    const lang = c.get('lang')
    const s = seams.getCitizen(c)
    const page = pageOf(c.req.query('page'))
    const title = t(lang, '我的消息', 'My messages')
    const body = await inboxBody(deps, lang, { kind: 'citizen', id: s.user.id }, CITIZEN, s.csrfToken, page)
    const html = (
      <Layout lang={lang} nonce={c.get('nonce') ?? ''} title={siteTitle(lang, title)} description={title} canonical={`${deps.config.publicUrl}${CITIZEN}`} path={page > 1 ? `${CITIZEN}?page=${page}` : CITIZEN} noindex headerSearch viewer={c.get('viewer') ?? { displayName: s.user.displayName }}>
        <Breadcrumbs lang={lang} items={[{ label: t(lang, '我的账号', 'My account'), href: '/account' }, { label: title }]} />
        <h1>{title}</h1>
        {body}
      </Layout>
    )
    return c.html(`<!doctype html>${html.toString()}`)
  })

  app.post(`${CITIZEN}/:id/read`, seams.requireCitizen(deps), async (c) => {
    const s = seams.getCitizen(c)
    return markAndReturn(c, deps, { kind: 'citizen', id: s.user.id }, CITIZEN)
  })

  app.get(STAFF, seams.requireStaff(deps), async (c) => {
    const lang = c.get('lang')
    const s = seams.getStaff(c)
    const page = pageOf(c.req.query('page'))
    const title = t(lang, '消息', 'Messages')
    const body = await inboxBody(deps, lang, { kind: 'staff', id: s.user.id }, STAFF, s.csrfToken, page)
    return c.html(seams.renderBackoffice(c, { title }, <><h1>{title}</h1>{body}</>))
  })

  app.post(`${STAFF}/:id/read`, seams.requireStaff(deps), async (c) => {
    const s = seams.getStaff(c)
    return markAndReturn(c, deps, { kind: 'staff', id: s.user.id }, STAFF)
  })
}

async function markAndReturn(c: Context<AppEnv>, deps: Deps, who: Recipient, base: string) {
  const ok = await markMessageRead(deps.db, who, c.req.param('id') ?? '')
  if (!ok) {
    const lang = c.get('lang')
    return c.html(renderErrorPage(c, 404, t(lang, `找不到这条消息。它可能不属于当前登录的账号；请回到“消息”列表（${base}）查看。`, `Message not found. It may belong to another account; go back to your messages (${base}).`)), 404)
  }
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
  const page = pageOf(typeof form['page'] === 'string' ? form['page'] : undefined)
  return c.redirect(`${base}${page > 1 ? `?page=${page}` : ''}`, 303)
}
