import type { Lang } from '../../../platform/web/i18n'
import { t } from '../../../platform/web/i18n'
import { LinkCard } from '../../../platform/web/components'
import { SITE } from '../../../platform/web/layout'
import type { DepartmentRow, ThemeRow } from '../catalog-queries'
import type { SearchHit } from '../search/types'
import { ServiceLinks } from './result-card'

type Props = { lang: Lang; popular: SearchHit[]; themes: ThemeRow[]; departments: DepartmentRow[]; published: number }

const nameOf = (lang: Lang, x: { name: string; nameEn: string | null }) => (lang === 'en' && x.nameEn ? x.nameEn : x.name)
const count = (lang: Lang, n: number) => t(lang, `${n} 项`, `${n}`)

function ThemeGrid({ lang, themes, id, title, more }: { lang: Lang; themes: ThemeRow[]; id: string; title: string; more: string }) {
  return (
    <section class="home-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul class="card-grid">
        {themes.map((th) => (
          <LinkCard href={`/themes/${th.slug}`} title={nameOf(lang, th)} meta={count(lang, th.publishedItems)} />
        ))}
      </ul>
      <p class="more"><a href={more}>{t(lang, '查看全部', 'See all')}</a></p>
    </section>
  )
}

/** Home: a big search box, popular services, themes for individuals and businesses, departments. */
export function HomePage({ lang, popular, themes, departments, published }: Props) {
  const individual = themes.filter((th) => th.audience === 'individual' && th.publishedItems > 0)
  const enterprise = themes.filter((th) => th.audience === 'enterprise' && th.publishedItems > 0)
  return (
    <>
      <section class="hero" aria-labelledby="hero-h">
        <h1 id="hero-h">{t(lang, `${SITE.cityZh}政务服务 一网通办`, `${SITE.cityEn} government services, all in one place`)}</h1>
        <p>{t(lang, `用日常的话说出您要办的事，在 ${published} 项服务中为您查找。`, `Say what you need in everyday words; we search ${published} services for you.`)}</p>
        <form class="hero-search" action="/search" method="get" role="search">
          <label for="home-q" class="visually-hidden">{t(lang, '您要办什么事？', 'What do you need to do?')}</label>
          <input id="home-q" name="q" type="search" maxlength={100} placeholder={t(lang, '如：开饭店', 'e.g. open a restaurant')} />
          <button type="submit" class="button button-primary">{t(lang, '搜索', 'Search')}</button>
        </form>
        <p class="hero-links">
          <a href="/search?audience=individual">{t(lang, '个人办事', 'For individuals')}</a>
          <a href="/search?audience=enterprise">{t(lang, '法人办事', 'For businesses')}</a>
          <a href="/search?online=4">{t(lang, '全程网办', 'Fully online')}</a>
          <a href="/search">{t(lang, '全部服务', 'All services')}</a>
        </p>
      </section>

      <section class="home-section" aria-labelledby="popular-h">
        <h2 id="popular-h">{t(lang, '热门服务', 'Popular services')}</h2>
        {popular.length ? <ServiceLinks lang={lang} items={popular} /> : <p>{t(lang, '暂无服务，请稍后再来。', 'No services yet; please come back later.')}</p>}
      </section>

      <ThemeGrid lang={lang} themes={individual} id="individual-h" title={t(lang, '个人办事', 'For individuals')} more="/search?audience=individual" />
      <ThemeGrid lang={lang} themes={enterprise} id="enterprise-h" title={t(lang, '法人办事', 'For businesses')} more="/search?audience=enterprise" />

      <section class="home-section" aria-labelledby="dept-h">
        <h2 id="dept-h">{t(lang, '部门服务', 'By department')}</h2>
        <ul class="card-grid card-grid-wide">
          {departments.filter((d) => d.publishedItems > 0).map((d) => (
            <LinkCard href={`/departments/${d.slug}`} title={nameOf(lang, d)} meta={count(lang, d.publishedItems)} />
          ))}
        </ul>
        <p class="more"><a href="/departments">{t(lang, '查看全部部门', 'All departments')}</a></p>
      </section>
    </>
  )
}
