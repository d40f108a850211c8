import { SITE } from '../../../platform/web/layout'
import type { ItemRow } from '../catalog-queries'
import { AUDIENCE_LABELS, ITEM_TYPE_LABELS } from '../service-item'

/** schema.org GovernmentService for a guide page (https://schema.org/GovernmentService). */
export function governmentServiceJsonLd(item: ItemRow, opts: { url: string; departmentUrl: string; departmentPhone?: string | null; departmentAddress?: string | null }) {
  const r = item.record
  const phone = r.consultPhone ?? opts.departmentPhone ?? undefined
  const location = r.location ?? opts.departmentAddress ?? undefined
  const channel: Record<string, unknown> = { '@type': 'ServiceChannel', name: '网上办理', serviceUrl: opts.url }
  if (phone) channel.servicePhone = { '@type': 'ContactPoint', telephone: phone, contactType: '咨询' }
  if (location) channel.serviceLocation = { '@type': 'Place', name: location, address: location }
  channel.availableLanguage = { '@type': 'Language', name: 'Chinese', alternateName: 'zh-CN' }
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: r.name,
    identifier: r.code,
    serviceType: ITEM_TYPE_LABELS[r.type]?.zh ?? r.type,
    url: opts.url,
    provider: {
      '@type': 'GovernmentOrganization',
      name: item.department.name,
      ...(item.department.code ? { identifier: item.department.code } : {}),
      url: opts.departmentUrl,
    },
    areaServed: { '@type': 'AdministrativeArea', name: r.region?.name ?? SITE.cityZh, ...(r.region?.code ? { identifier: r.region.code } : {}) },
    audience: { '@type': 'Audience', audienceType: r.audience.map((a) => AUDIENCE_LABELS[a]?.zh ?? a).join('、') },
    availableChannel: channel,
    inLanguage: 'zh-CN',
  }
  if (r.description) ld.description = r.description
  if (r.legalBasis?.length) ld.termsOfService = r.legalBasis.join('；')
  if (r.result?.name) ld.serviceOutput = { '@type': 'Thing', name: r.result.name }
  if (r.themes?.length) ld.category = r.themes
  return ld
}
