import type { Lang } from '../../../platform/web/i18n'
import { t } from '../../../platform/web/i18n'
import { Breadcrumbs, Notice, Pagination } from '../../../platform/web/components'
import type { DepartmentRow, RegionRow, ThemeRow } from '../catalog-queries'
import type { SearchResult, SearchHit } from '../search/types'
import { audienceLabel, onlineBadge, ONLINE_LEVELS, PORTAL_AUDIENCES } from './labels'
import { ResultCard, ServiceLinks } from './result-card'
import { searchQueryString, type ParamProblem, type PortalSearchParams } from './search-params'

type Props = {
  lang: Lang
  params: PortalSearchParams
  problems: ParamProblem[]
  result: SearchResult
  departments: DepartmentRow[]
  themes: ThemeRow[]
  regions: RegionRow[]
  popular: SearchHit[]
}

const nameOf = (lang: Lang, x: { name: string; nameEn: string | null }) => (lang === 'en' && x.nameEn ? x.nameEn : x.name)

function Filters({ lang, params, departments, themes, regions }: Pick<Props, 'lang' | 'params' | 'departments' | 'themes' | 'regions'>) {
  const group = (aud: 'individual' | 'enterprise') => themes.filter((th) => th.audience === aud)
  return (
    <form class="search-form" action="/search" method="get" role="search">
      <div class="search-bar">
        <label for="q" class="visually-hidden">{t(lang, '搜索词', 'Search for')}</label>
        <input id="q" name="q" type="search" value={params.q} maxlength={100} placeholder={t(lang, '例如：开饭店、身份证丢了、公积金提取', 'e.g. open a restaurant, lost ID card')} />
        <button type="submit" class="button button-primary">{t(lang, '搜索', 'Search')}</button>
      </div>
      <fieldset class="filters">
        <legend>{t(lang, '筛选条件', 'Filters')}</legend>
        <div class="field">
          <label for="f-department">{t(lang, '部门', 'Department')}</label>
          <select id="f-department" name="department">
            <option value="">{t(lang, '全部部门', 'All departments')}</option>
            {departments.filter((d) => d.publishedItems > 0).map((d) => <option value={d.slug} selected={d.slug === params.department}>{nameOf(lang, d)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="f-audience">{t(lang, '服务对象', 'For')}</label>
          <select id="f-audience" name="audience">
            <option value="">{t(lang, '全部', 'Everyone')}</option>
            {PORTAL_AUDIENCES.map((a) => <option value={a} selected={a === params.audience}>{audienceLabel(lang, a)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="f-theme">{t(lang, '主题', 'Theme')}</label>
          <select id="f-theme" name="theme">
            <option value="">{t(lang, '全部主题', 'All themes')}</option>
            <optgroup label={t(lang, '个人办事', 'For individuals')}>
              {group('individual').map((th) => <option value={th.slug} selected={th.slug === params.theme}>{nameOf(lang, th)}</option>)}
            </optgroup>
            <optgroup label={t(lang, '法人办事', 'For businesses')}>
              {group('enterprise').map((th) => <option value={th.slug} selected={th.slug === params.theme}>{nameOf(lang, th)}</option>)}
            </optgroup>
          </select>
        </div>
        {regions.length ? (
          <div class="field">
            <label for="f-region">{t(lang, '地区', 'Region')}</label>
            <select id="f-region" name="region">
              <option value="">{t(lang, '全部地区', 'All regions')}</option>
              {regions.map((r) => <option value={r.code} selected={r.code === params.region}>{r.name}</option>)}
            </select>
          </div>
        ) : null}
        <div class="field">
          <label for="f-online">{t(lang, '网办深度', 'Online depth')}</label>
          <select id="f-online" name="online">
            <option value="">{t(lang, '不限', 'Any')}</option>
            {ONLINE_LEVELS.map((l) => <option value={String(l)} selected={l === params.online}>{onlineBadge(lang, l)}</option>)}
          </select>
        </div>
        <div class="field field-actions">
          <button type="submit" class="button button-secondary">{t(lang, '应用筛选', 'Apply filters')}</button>
          <a href={`/search${searchQueryString({ q: params.q })}`}>{t(lang, '清除筛选', 'Clear filters')}</a>
        </div>
      </fieldset>
    </form>
  )
}

function EmptyState({ lang, params, popular }: { lang: Lang; params: PortalSearchParams; popular: SearchHit[] }) {
  return (
    <div class="empty">
      <h2>{params.q ? t(lang, `没有找到与“${params.q}”相关的服务`, `No services found for "${params.q}"`) : t(lang, '没有符合条件的服务', 'No services match these filters')}</h2>
      <ul>
        <li>{t(lang, '检查是否有错别字，或换个说法，用日常用语描述您要办的事，例如“开饭店”“补办身份证”。', 'Check the spelling, or describe what you need in everyday words, e.g. "open a restaurant".')}</li>
        <li>{t(lang, '减少筛选条件，或', 'Remove some filters, or ')}<a href="/search">{t(lang, '查看全部服务', 'browse all services')}</a>{t(lang, '。', '.')}</li>
        <li>{t(lang, '仍找不到？请拨打 12345 政务服务便民热线，工作人员会告诉您到哪里办。', 'Still stuck? Call the 12345 hotline and we will tell you where to go.')}</li>
      </ul>
      {popular.length ? (
        <>
          <h2>{t(lang, '大家常办的服务', 'Popular services')}</h2>
          <ServiceLinks lang={lang} items={popular} />
        </>
      ) : null}
    </div>
  )
}

/** /search: the form (GET, works without JS), results, "we also searched for", pagination, empty state. */
export function SearchPage(props: Props) {
  const { lang, params, problems, result } = props
  const last = Math.max(1, Math.ceil(result.total / result.pageSize))
  const beyond = result.total > 0 && params.page > last
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: t(lang, '搜索服务', 'Search services') }]} />
      <h1>{params.q ? t(lang, `“${params.q}”的搜索结果`, `Results for "${params.q}"`) : t(lang, '搜索办事服务', 'Search services')}</h1>
      {problems.length ? (
        <Notice tone="danger" alert title={t(lang, '部分搜索条件有误，已忽略：', 'Some search conditions were not valid and were ignored:')}>
          <ul>{problems.map((p) => <li><a href={`#${p.param === 'q' ? 'q' : p.param === 'page' ? 'results' : `f-${p.param}`}`}>{p.message}</a></li>)}</ul>
        </Notice>
      ) : null}
      <Filters {...props} />
      <section id="results" aria-labelledby="results-h" class="results">
        <h2 id="results-h" class="results-count">
          {t(lang, `共 ${result.total} 项服务`, `${result.total} service${result.total === 1 ? '' : 's'}`)}
          {result.total > 0 && !beyond ? <span class="results-range">{t(lang, `，第 ${params.page} / ${last} 页`, ` · page ${params.page} of ${last}`)}</span> : null}
        </h2>
        {result.understood.length ? (
          <p class="understood">{t(lang, '我们还为您搜索了：', 'We also searched for: ')}{result.understood.map((u, i) => <>{i ? t(lang, '、', ', ') : ''}<span lang="zh-CN">{u}</span></>)}</p>
        ) : null}
        {beyond ? (
          <Notice tone="warn" title={t(lang, `没有第 ${params.page} 页`, `There is no page ${params.page}`)}>
            <p><a href={`/search${searchQueryString(params, last)}`}>{t(lang, `查看最后一页（第 ${last} 页）`, `Go to the last page (${last})`)}</a></p>
          </Notice>
        ) : result.total === 0 ? (
          <EmptyState lang={lang} params={params} popular={props.popular} />
        ) : (
          <ol class="results-list">
            {result.items.map((h) => <ResultCard lang={lang} item={h} />)}
          </ol>
        )}
        <Pagination lang={lang} page={params.page} pageSize={result.pageSize} total={result.total} hrefFor={(p) => `/search${searchQueryString(params, p)}`} />
      </section>
    </>
  )
}
