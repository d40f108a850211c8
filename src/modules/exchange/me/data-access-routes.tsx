import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../../deps'
import type { AppEnv } from '../../../platform/http/context'
import { Breadcrumbs, Notice, Pagination } from '../../../platform/web/components'
import { t } from '../../../platform/web/i18n'
import { Layout, siteTitle } from '../../../platform/web/layout'
import { getCitizen, getCitizenIdNumber, getEnterpriseUscc, requireCitizen } from '../../identity'
import { listAccess } from '../access-log-queries'
import { AccessTable } from '../access-table'
import { subjectKey } from '../read-subject'

const PAGE_SIZE = 50
const PATH = '/me/data-access'

/**
 * 我的数据使用记录: every read of the signed-in person's data (or, while acting as 经办人, the enterprise's) —
 * which department, which data, why, for which case, when, and whether it was released. The right to know
 * how one's personal information is handled: 个人信息保护法 Art. 44; purpose limitation: 国务院令第716号 Art. 7.
 * Rows are found by the HMAC pseudonym of the verified 身份证号 / 统一社会信用代码, so nobody's records can be
 * reached by anything but their own verified identity.
 */
export function registerDataAccessPage(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  app.get(PATH, requireCitizen(deps), async (c) => {
    const lang = c.get('lang')
    const session = getCitizen(c)
    const raw = c.req.query('page') ?? '1'
    const page = /^\d{1,4}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1
    const enterprise = session.actingFor?.type === 'enterprise' ? session.actingFor : null
    const identifier = enterprise ? await getEnterpriseUscc(deps.db, enterprise.id) : await getCitizenIdNumber(deps.db, session.user.id)
    const key = identifier ? subjectKey(deps.secrets, enterprise ? 'entity' : 'person', identifier) : null
    const result = key ? await listAccess(deps.db, { subjectKey: key }, page, PAGE_SIZE) : null
    const title = t(lang, '我的数据使用记录', 'Who used my data')
    const body = (
      <>
        <Breadcrumbs lang={lang} items={[{ label: t(lang, '我的账号', 'My account'), href: '/account' }, { label: title }]} />
        <h1>{title}</h1>
        <p>
          {t(
            lang,
            '政府部门之间共享数据，让您少交材料、少跑腿；每一次查询都必须说明用途，并记录在这里。如发现与您办事无关的查询，请拨打 12345 或向数据使用单位反映。',
            'Departments share data so you need not bring the same papers twice; every read must state its purpose and is recorded here. If you see a read unrelated to anything you applied for, call 12345 or contact the department.',
          )}
        </p>
        {enterprise ? (
          <Notice tone="info" title={t(lang, `以下是“${enterprise.name}”的数据使用记录`, `Records for “${enterprise.name}”`)}>
            <p>{t(lang, '您正以经办人身份代表该企业办理，因此这里显示的是企业的记录。要查看您本人的记录，请先退出代办。', 'You are acting for this enterprise, so its records are shown. Stop acting to see your own.')}</p>
          </Notice>
        ) : session.actingFor ? (
          <Notice tone="info" title={t(lang, '这里只显示您本人的记录', 'Only your own records are shown here')}>
            <p>{t(lang, `您正在代表 ${session.actingFor.name} 办理；委托人的数据使用记录只有其本人可以查看。`, `You are acting for ${session.actingFor.name}; only they can see their own records.`)}</p>
          </Notice>
        ) : null}
        {!identifier ? (
          <Notice tone="warn" title={t(lang, '完成实名认证后才能查看', 'Available once your real name is verified')}>
            <p>
              {t(lang, '数据使用记录按身份证号关联到您本人。您的账号尚未实名认证，我们无法确认哪些记录属于您，因此这里暂不显示任何记录。', 'Records are linked to you through your ID number. Your account is not verified yet, so we cannot tell which records are yours and show none.')}
            </p>
            <p><a class="button" href="/account/verify">{t(lang, '去实名认证', 'Verify your real name')}</a></p>
          </Notice>
        ) : result && result.total === 0 ? (
          <p>{t(lang, '目前还没有任何部门查询过您的数据。', 'No department has read your data yet.')}</p>
        ) : result ? (
          <>
            <AccessTable lang={lang} rows={result.rows} caption={t(lang, `共 ${result.total} 条记录，最新的在前`, `${result.total} records, newest first`)} />
            <Pagination lang={lang} page={page} pageSize={PAGE_SIZE} total={result.total} hrefFor={(p) => `${PATH}?page=${p}`} />
          </>
        ) : null}
      </>
    )
    const html = (
      <Layout lang={lang} nonce={c.get('nonce') ?? ''} title={siteTitle(lang, title)} description={title} canonical={`${deps.config.publicUrl}${PATH}`} path={page > 1 ? `${PATH}?page=${page}` : PATH} noindex headerSearch viewer={c.get('viewer') ?? { displayName: session.user.displayName }}>
        {body}
      </Layout>
    )
    return c.html(`<!doctype html>${html.toString()}`)
  })
}
