import { Tag, type Tone } from '../../platform/web/components'
import { CsrfField } from '../../platform/web/form-components'
import { t, type Lang } from '../../platform/web/i18n'
import { lastDayOf } from './mandate-dates'
import { mandateState, type Mandate, type MandateState } from './mandate-queries'

/** Tables of mandates: given (agent columns, revoke link) or held (grantor columns, start-acting button). */
const STATES: Record<MandateState, [string, string, Tone]> = {
  active: ['有效', 'Active', 'success'],
  pending: ['未生效', 'Not started', 'info'],
  expired: ['已过期', 'Expired', 'neutral'],
  revoked: ['已撤销', 'Revoked', 'danger'],
}

export function StateTag({ lang, m, now }: { lang: Lang; m: Mandate; now: Date }) {
  const [zh, en, tone] = STATES[mandateState(m, now)]
  return <Tag tone={tone}>{t(lang, zh, en)}</Tag>
}

export function ScopeText({ lang, m, names }: { lang: Lang; m: Pick<Mandate, 'scope' | 'itemCodes'>; names: Map<string, string> }) {
  if (m.scope === 'all') return <>{t(lang, '全部事项', 'All services')}</>
  return (
    <ul class="scope-items">
      {m.itemCodes.map((c) => <li>{names.get(c) ?? t(lang, '（已下线的事项）', '(withdrawn service)')} <code>{c}</code></li>)}
    </ul>
  )
}

/** Column heads shared by the given and held tables; only the first column (who) differs. */
function MandateHead({ lang, first }: { lang: Lang; first: string }) {
  return (
    <thead><tr>
      <th scope="col">{first}</th><th scope="col">{t(lang, '授权范围', 'Scope')}</th>
      <th scope="col">{t(lang, '授权至', 'Until')}</th><th scope="col">{t(lang, '状态', 'State')}</th>
      <th scope="col"><span class="visually-hidden">{t(lang, '操作', 'Actions')}</span></th>
    </tr></thead>
  )
}

export function GivenMandatesTable(p: { lang: Lang; mandates: Mandate[]; names: Map<string, string>; now: Date; revokeHref?: (m: Mandate) => string; caption: string }) {
  const { lang } = p
  if (!p.mandates.length) return <p class="empty">{t(lang, '还没有授权记录。', 'No authorisations yet.')}</p>
  return (
    <table class="table">
      <caption>{p.caption}</caption>
      <MandateHead lang={lang} first={t(lang, '被授权人', 'Agent')} />
      <tbody>
        {p.mandates.map((m) => (
          <tr>
            <td>{m.agentName}<br /><span class="hint">{m.agentIdNumberMasked}</span></td>
            <td><ScopeText lang={lang} m={m} names={p.names} /></td>
            <td>{lastDayOf(m.validUntil)}</td>
            <td><StateTag lang={lang} m={m} now={p.now} />{m.revokeReason ? <><br /><span class="hint">{m.revokeReason}</span></> : null}</td>
            <td>{p.revokeHref && mandateState(m, p.now) !== 'revoked' && mandateState(m, p.now) !== 'expired' ? <a href={p.revokeHref(m)}>{t(lang, '撤销', 'Revoke')}<span class="visually-hidden">{m.agentName}</span></a> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function HeldMandatesTable(p: { lang: Lang; mandates: Mandate[]; names: Map<string, string>; now: Date; csrf: string; actingMandateId: string | null; caption: string }) {
  const { lang } = p
  if (!p.mandates.length) return <p class="empty">{t(lang, '目前没有人授权您代办。', 'Nobody has authorised you yet.')}</p>
  return (
    <table class="table">
      <caption>{p.caption}</caption>
      <MandateHead lang={lang} first={t(lang, '授权人', 'Grantor')} />
      <tbody>
        {p.mandates.map((m) => (
          <tr>
            <td>{m.grantorName}<br /><span class="hint">{m.grantorType === 'enterprise' ? t(lang, '企业（我是经办人）', 'Enterprise (I am its agent)') : t(lang, '个人委托', 'Personal')}</span></td>
            <td><ScopeText lang={lang} m={m} names={p.names} /></td>
            <td>{lastDayOf(m.validUntil)}</td>
            <td><StateTag lang={lang} m={m} now={p.now} /></td>
            <td>
              {p.actingMandateId === m.id ? t(lang, '正在代办', 'Acting now') : mandateState(m, p.now) === 'active' ? (
                <form method="post" action="/me/acting">
                  <CsrfField token={p.csrf} />
                  <input type="hidden" name="mandateId" value={m.id} />
                  <button type="submit" class="button button-secondary">{t(lang, '代表其办理', 'Act for them')}<span class="visually-hidden">{m.grantorName}</span></button>
                </form>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
