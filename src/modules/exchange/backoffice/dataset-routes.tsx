import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../../deps'
import type { AppEnv } from '../../../platform/http/context'
import { SummaryList, Tag, type Tone } from '../../../platform/web/components'
import { t, type Lang } from '../../../platform/web/i18n'
import { requireStaff } from '../../identity'
import { departmentNames } from '../access-log-queries'
import { getDataset, listDatasets, SHARE_TYPE_LABELS, SUBJECT_TYPE_LABELS, UPDATE_CYCLE_LABELS, type Dataset } from '../dataset-queries'
import { renderExchangeAdmin } from './admin-shell'

const SHARE_TONE: Record<Dataset['shareType'], Tone> = { unconditional: 'success', conditional: 'info', none: 'danger' }

export function ShareTag({ lang, ds }: { lang: Lang; ds: Pick<Dataset, 'shareType'> }) {
  const l = SHARE_TYPE_LABELS[ds.shareType]
  return <Tag tone={SHARE_TONE[ds.shareType]}>{t(lang, l.zh, l.en)}</Tag>
}

/** 数据共享目录 in the back office: every dataset with provider, share type and update cycle; a page per dataset. */
export function registerDatasetRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const anyStaff = requireStaff(deps)

  app.get('/admin/exchange/datasets', anyStaff, async (c) => {
    const lang = c.get('lang')
    const [datasets, names] = await Promise.all([listDatasets(deps.db), departmentNames(deps.db)])
    const title = t(lang, '数据共享目录', 'Shared datasets')
    return c.html(
      renderExchangeAdmin(
        c,
        { title },
        <>
          <h1>{title}</h1>
          <p>
            {t(lang, '各部门可共享的数据资源（GB/T 39046 表16）。无条件共享的数据说明用途即可读取；有条件共享的数据需经提供部门批准授权；不予共享的数据任何部门都不能通过交换取得。', 'Data departments share (GB/T 39046 table 16). Unconditional data is read with a stated purpose; conditional data needs the provider’s approved grant; data marked not shared cannot be read through the exchange.')}
          </p>
          <table class="table">
            <caption>{t(lang, `共 ${datasets.length} 个数据集`, `${datasets.length} datasets`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, '数据集', 'Dataset')}</th>
                <th scope="col">{t(lang, '提供部门', 'Provider')}</th>
                <th scope="col">{t(lang, '对象', 'Subject')}</th>
                <th scope="col">{t(lang, '共享类型', 'Share type')}</th>
                <th scope="col">{t(lang, '更新周期', 'Updated')}</th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <tr>
                  <td><a href={`/admin/exchange/datasets/${d.code}`}>{t(lang, d.name, d.nameEn ?? d.name)}</a><div class="code">{d.code}</div></td>
                  <td>{d.providerDepartmentId ? (names.get(d.providerDepartmentId) ?? '—') : '—'}</td>
                  <td>{t(lang, SUBJECT_TYPE_LABELS[d.subjectType].zh, SUBJECT_TYPE_LABELS[d.subjectType].en)}</td>
                  <td><ShareTag lang={lang} ds={d} /></td>
                  <td>{t(lang, UPDATE_CYCLE_LABELS[d.updateCycle].zh, UPDATE_CYCLE_LABELS[d.updateCycle].en)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>,
      ),
    )
  })

  app.get('/admin/exchange/datasets/:code', anyStaff, async (c) => {
    const lang = c.get('lang')
    const ds = await getDataset(deps.db, c.req.param('code'))
    if (!ds) return c.notFound()
    const provider = ds.providerDepartmentId ? (await departmentNames(deps.db)).get(ds.providerDepartmentId) : undefined
    const title = t(lang, ds.name, ds.nameEn ?? ds.name)
    return c.html(
      renderExchangeAdmin(
        c,
        { title },
        <>
          <p><a href="/admin/exchange/datasets">{t(lang, '返回数据共享目录', 'Back to the catalogue')}</a></p>
          <h1>{title}</h1>
          <SummaryList
            rows={[
              { key: t(lang, '编码', 'Code'), value: <span class="code">{ds.code}</span> },
              { key: t(lang, '数据提供方', 'Provider'), value: provider ?? '—' },
              { key: t(lang, '数据摘要', 'Summary'), value: ds.summary },
              { key: t(lang, '查询对象', 'Subject'), value: t(lang, SUBJECT_TYPE_LABELS[ds.subjectType].zh, SUBJECT_TYPE_LABELS[ds.subjectType].en) },
              { key: t(lang, '共享类型', 'Share type'), value: <ShareTag lang={lang} ds={ds} /> },
              { key: t(lang, '更新周期', 'Update cycle'), value: t(lang, UPDATE_CYCLE_LABELS[ds.updateCycle].zh, UPDATE_CYCLE_LABELS[ds.updateCycle].en) },
              { key: t(lang, '数据来源', 'Source'), value: ds.source },
            ]}
          />
          <h2>{t(lang, '字段', 'Fields')}</h2>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t(lang, '字段名', 'Key')}</th>
                <th scope="col">{t(lang, '中文名称', 'Chinese label')}</th>
                <th scope="col">{t(lang, '英文名称', 'English label')}</th>
                <th scope="col">{t(lang, '个人信息', 'Personal data')}</th>
              </tr>
            </thead>
            <tbody>
              {ds.fields.map((f) => (
                <tr>
                  <td class="code">{f.key}</td>
                  <td>{f.label}</td>
                  <td>{f.labelEn}</td>
                  <td>{f.personal ? t(lang, '是', 'Yes') : t(lang, '否', 'No')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {ds.shareType === 'conditional' ? (
            <p><a class="button" href={`/admin/exchange/grants?dataset=${encodeURIComponent(ds.code)}#request`}>{t(lang, '为本部门申请共享授权', 'Request a grant for my department')}</a></p>
          ) : null}
        </>,
      ),
    )
  })
}
