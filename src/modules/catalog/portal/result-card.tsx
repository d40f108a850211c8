import type { Lang } from '../../../platform/web/i18n'
import { Tag, Zh } from '../../../platform/web/components'
import type { Audience } from '../service-item'
import { audienceLabel, onlineBadge } from './labels'

export type CardItem = { code: string; name: string; departmentName?: string; summary?: string; onlineLevel: number | null; audience: Audience[] }

/** One service in a list: name linking to its guide, department, summary, badges. */
export function ResultCard({ lang, item, headingLevel = 3 }: { lang: Lang; item: CardItem; headingLevel?: 2 | 3 | 4 }) {
  const Heading = headingLevel === 2 ? 'h2' : headingLevel === 4 ? 'h4' : 'h3'
  const badge = onlineBadge(lang, item.onlineLevel)
  return (
    <li class="result">
      <Heading class="result-title">
        <a href={`/services/${encodeURIComponent(item.code)}`}><Zh lang={lang}>{item.name}</Zh></a>
      </Heading>
      {item.departmentName ? <p class="result-dept"><Zh lang={lang}>{item.departmentName}</Zh></p> : null}
      {item.summary ? <p class="result-summary"><Zh lang={lang}>{item.summary}</Zh></p> : null}
      <p class="tags">
        {badge ? <Tag tone={(item.onlineLevel ?? 0) >= 3 ? 'success' : 'neutral'}>{badge}</Tag> : null}
        {item.audience.slice(0, 2).map((a) => <Tag tone="info">{audienceLabel(lang, a)}</Tag>)}
      </p>
    </li>
  )
}

/** A compact list of service links (home page popular services). */
export function ServiceLinks({ lang, items }: { lang: Lang; items: CardItem[] }) {
  return (
    <ul class="service-links">
      {items.map((it) => (
        <li>
          <a href={`/services/${encodeURIComponent(it.code)}`}><Zh lang={lang}>{it.name}</Zh></a>
          {it.departmentName ? <span class="service-links-dept"><Zh lang={lang}>{it.departmentName}</Zh></span> : null}
        </li>
      ))}
    </ul>
  )
}
