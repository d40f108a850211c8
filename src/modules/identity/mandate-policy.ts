import { meetsTrustLevel } from './citizen'
import type { CitizenSession } from './citizen-session'
import type { Enterprise } from './enterprise-queries'
import type { Mandate } from './mandate-queries'

/**
 * Who may do what with enterprises and mandates — one line per rule, checked by the operations first and by
 * the pages to decide what to show. Claiming and granting need a real-name account (trust ≥ 2, standards.md
 * §B.2: 法人注册 by comparison against the 法人库; 法定代表人 authorises 经办人), and are done as oneself,
 * never while acting for someone else (an agent cannot pass on what they were given).
 */
type Who = Pick<CitizenSession, 'user' | 'actingFor'>
type Ent = Pick<Enterprise, 'id' | 'legalRepCitizenId' | 'status'>
type Mand = Pick<Mandate, 'grantorType' | 'grantorId' | 'agentCitizenId' | 'revokedAt' | 'validFrom' | 'validUntil'>

export const actingAsSelf = (s: Who) => s.actingFor === null
export const isActingFor = (s: Who, type: 'enterprise' | 'citizen', id: string) => s.actingFor?.type === type && s.actingFor.id === id
export const isLegalRep = (s: Who, e: Ent) => e.legalRepCitizenId === s.user.id
export const canClaimEnterprise = (s: Who) => meetsTrustLevel(s.user, 2) && actingAsSelf(s)
export const canViewEnterprise = (s: Who, e: Ent) => isLegalRep(s, e) || isActingFor(s, 'enterprise', e.id)
export const canManageAgents = (s: Who, e: Ent) => isLegalRep(s, e) && actingAsSelf(s) && e.status === 'active'
export const canEditEnterpriseContact = (s: Who, e: Ent) => e.status === 'active' && (canManageAgents(s, e) || (isActingFor(s, 'enterprise', e.id) && s.actingFor?.scope === 'all'))
export const canGiveCitizenMandate = (s: Who) => meetsTrustLevel(s.user, 2) && actingAsSelf(s)
export const isGrantorOf = (s: Who, m: Mand) => m.grantorType === 'citizen' && m.grantorId === s.user.id
export const canRevokeCitizenMandate = (s: Who, m: Mand) => isGrantorOf(s, m) && actingAsSelf(s)
export const isMandateLive = (m: Mand, now: Date) => !m.revokedAt && m.validFrom.getTime() <= now.getTime() && now.getTime() < m.validUntil.getTime()
export const canStartActing = (s: Who, m: Mand, now: Date) => m.agentCitizenId === s.user.id && isMandateLive(m, now)
