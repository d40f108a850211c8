import type { Lang } from '../../../platform/web/i18n'
import { t } from '../../../platform/web/i18n'
import { Breadcrumbs, LinkCard, SummaryList, Zh } from '../../../platform/web/components'
import type { DepartmentRow, ThemeRow } from '../catalog-queries'
import type { Audience } from '../service-item'
import type { PortalItem } from './portal-queries'
import { ResultCard } from './result-card'

const nameOf = (lang: Lang, x: { name: string; nameEn: string | null }) => (lang === 'en' && x.nameEn ? x.nameEn : x.name)

/** /departments: every department with its number of published services. */
export function DepartmentsPage({ lang, departments }: { lang: Lang; departments: DepartmentRow[] }) {
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: t(lang, '部门服务', 'Departments') }]} />
      <h1>{t(lang, '部门服务', 'Departments')}</h1>
      <p class="lead">{t(lang, `共 ${departments.length} 个部门。选择部门查看其办事服务、办公地址和咨询电话。`, `${departments.length} departments. Choose one to see its services, address and phone.`)}</p>
      <ul class="card-grid card-grid-wide">
        {departments.map((d) => (
          <LinkCard href={`/departments/${d.slug}`} title={nameOf(lang, d)} meta={t(lang, `${d.publishedItems} 项服务`, `${d.publishedItems} services`)}>
            {lang === 'en' && d.nameEn ? <p class="link-card-sub" lang="zh-CN">{d.name}</p> : null}
          </LinkCard>
        ))}
      </ul>
    </>
  )
}

type Group = { key: string; title: string; items: PortalItem[] }

/** Items grouped first by the audience they mainly serve, then by theme (an item appears once). */
export function groupItems(lang: Lang, items: PortalItem[], themes: ThemeRow[]): { audience: Audience; title: string; groups: Group[] }[] {
  const themeByName = new Map(themes.map((th) => [th.name, th]))
  const out: { audience: Audience; title: string; groups: Group[] }[] = []
  for (const aud of ['individual', 'enterprise'] as Audience[]) {
    const mine = items.filter((i) => (i.record.audience[0] === 'individual') === (aud === 'individual'))
    if (!mine.length) continue
    const groups = new Map<string, Group>()
    for (const it of mine) {
      const name = it.record.themes?.[0]
      const th = name ? themeByName.get(name) : undefined
      const key = name ?? '_other'
      const title = th ? nameOf(lang, th) : name ?? t(lang, '其他服务', 'Other services')
      if (!groups.has(key)) groups.set(key, { key, title, items: [] })
      groups.get(key)!.items.push(it)
    }
    out.push({ audience: aud, title: aud === 'individual' ? t(lang, '个人办事', 'For individuals') : t(lang, '法人办事', 'For businesses'), groups: [...groups.values()] })
  }
  return out
}

/** /departments/:slug: description, address, phone, its published services by audience and theme. */
export function DepartmentPage({ lang, department, items, themes }: { lang: Lang; department: DepartmentRow; items: PortalItem[]; themes: ThemeRow[] }) {
  const grouped = groupItems(lang, items, themes)
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: t(lang, '部门服务', 'Departments'), href: '/departments' }, { label: nameOf(lang, department) }]} />
      <h1>{nameOf(lang, department)}</h1>
      {lang === 'en' && department.nameEn ? <p class="subtitle" lang="zh-CN">{department.name}</p> : null}
      {department.description ? <p class="lead"><Zh lang={lang}>{department.description}</Zh></p> : null}
      <SummaryList
        class="contact-card"
        rows={[
          { key: t(lang, '办公地址', 'Address'), value: department.address ? <Zh lang={lang}>{department.address}</Zh> : undefined },
          { key: t(lang, '咨询电话', 'Phone'), value: department.phone ? <a href={`tel:${department.phone.replace(/[^\d+-]/g, '')}`}>{department.phone}</a> : undefined },
          { key: t(lang, '统一社会信用代码', 'Credit code'), value: department.code ?? undefined },
        ]}
      />
      <p class="more-links">
        <a href={`/search?department=${department.slug}`}>{t(lang, `搜索本部门的全部 ${department.publishedItems} 项服务`, `Search all ${department.publishedItems} services of this department`)}</a>
        <a href={`/search?department=${department.slug}&online=4`}>{t(lang, '只看全程网办', 'Fully online only')}</a>
      </p>
      {grouped.length ? (
        grouped.map((g) => (
          <section class="dept-group" aria-labelledby={`aud-${g.audience}`}>
            <h2 id={`aud-${g.audience}`}>{g.title}<span class="count">{t(lang, `（${g.groups.reduce((n, x) => n + x.items.length, 0)} 项）`, ` (${g.groups.reduce((n, x) => n + x.items.length, 0)})`)}</span></h2>
            {g.groups.map((grp) => (
              <>
                <h3>{grp.title}</h3>
                <ul class="results-list">
                  {grp.items.map((it) => (
                    <ResultCard lang={lang} headingLevel={4} item={{ code: it.code, name: it.name, onlineLevel: it.record.onlineLevel ?? null, audience: it.record.audience }} />
                  ))}
                </ul>
              </>
            ))}
          </section>
        ))
      ) : (
        <p>{t(lang, '该部门暂无对外公布的办事服务。如需办理业务，请拨打上方咨询电话或 12345。', 'This department has no published services yet. Call the phone number above or 12345.')}</p>
      )}
    </>
  )
}
