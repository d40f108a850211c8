import type { Lang } from '../../../platform/web/i18n'
import { t } from '../../../platform/web/i18n'
import { Breadcrumbs, LinkCard, Pagination, Zh } from '../../../platform/web/components'
import type { ThemeRow } from '../catalog-queries'
import type { SearchResult } from '../search/types'
import { ResultCard } from './result-card'

const nameOf = (lang: Lang, x: { name: string; nameEn: string | null }) => (lang === 'en' && x.nameEn ? x.nameEn : x.name)

/** /themes/:slug: a life or business event with its services (most used first) and related themes. */
export function ThemePage({ lang, theme, result, related, page }: { lang: Lang; theme: ThemeRow; result: SearchResult; related: ThemeRow[]; page: number }) {
  const audienceTitle = theme.audience === 'individual' ? t(lang, '个人办事', 'For individuals') : t(lang, '法人办事', 'For businesses')
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: audienceTitle, href: `/search?audience=${theme.audience}` }, { label: nameOf(lang, theme) }]} />
      <h1>{nameOf(lang, theme)}</h1>
      {lang === 'en' && theme.nameEn ? <p class="subtitle" lang="zh-CN">{theme.name}</p> : null}
      {theme.description ? <p class="lead"><Zh lang={lang}>{theme.description}</Zh></p> : null}
      <section aria-labelledby="theme-items-h">
        <h2 id="theme-items-h">{t(lang, `相关服务（${result.total} 项）`, `Services (${result.total})`)}</h2>
        {result.items.length ? (
          <ol class="results-list">
            {result.items.map((h) => <ResultCard lang={lang} item={h} />)}
          </ol>
        ) : (
          <p>{page > 1 ? <a href={`/themes/${theme.slug}`}>{t(lang, '没有这一页，返回第 1 页', 'No such page; go to page 1')}</a> : t(lang, '该主题暂无服务。可以用搜索查找，或拨打 12345 咨询。', 'No services in this theme yet. Try the search or call 12345.')}</p>
        )}
        <Pagination lang={lang} page={page} pageSize={result.pageSize} total={result.total} hrefFor={(p) => `/themes/${theme.slug}${p > 1 ? `?page=${p}` : ''}`} />
        <p class="more-links"><a href={`/search?theme=${theme.slug}`}>{t(lang, '按部门、地区等条件筛选本主题的服务', 'Filter these services by department, region and more')}</a></p>
      </section>
      {related.length ? (
        <section aria-labelledby="related-h">
          <h2 id="related-h">{t(lang, `${audienceTitle}的其他主题`, `Other themes ${theme.audience === 'individual' ? 'for individuals' : 'for businesses'}`)}</h2>
          <ul class="card-grid">
            {related.map((th) => <LinkCard href={`/themes/${th.slug}`} title={nameOf(lang, th)} meta={t(lang, `${th.publishedItems} 项`, `${th.publishedItems}`)} />)}
          </ul>
        </section>
      ) : null}
    </>
  )
}
