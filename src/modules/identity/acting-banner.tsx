import type { Executor } from '../../platform/database'
import { CsrfField } from '../../platform/web/form-components'
import { t, type Lang } from '../../platform/web/i18n'
import type { ActingFor } from './citizen'
import type { CitizenSession } from './citizen-session'
import { lastDayOf } from './mandate-dates'
import { getMandate } from './mandate-queries'

/**
 * The banner every citizen page shows while the session acts for someone else, so nobody files for an
 * enterprise or another person without seeing it: who, until when, and a button back to oneself.
 */
export function ActingBanner({ lang, acting, lastDay, csrf }: { lang: Lang; acting: ActingFor; lastDay: string; csrf: string }) {
  const kind = acting.type === 'enterprise' ? t(lang, '经办人', 'agent') : t(lang, '受托人', 'proxy')
  return (
    <div class="notice notice-warn acting-banner" role="region" aria-label={t(lang, '代办身份', 'Acting for')}>
      <p class="notice-title">
        {t(lang, `您正在代表 ${acting.name} 办理（授权至 ${lastDay}）`, `You are acting for ${acting.name} (authorised until ${lastDay})`)}
      </p>
      <p>
        {t(lang, `身份：${kind}；范围：`, `Role: ${kind}; scope: `)}
        {acting.scope === 'all' ? t(lang, '全部事项', 'all services') : t(lang, `指定的 ${acting.itemCodes.length} 个事项`, `${acting.itemCodes.length} named services`)}
      </p>
      <form method="post" action="/me/acting/stop">
        <CsrfField token={csrf} />
        <button type="submit" class="button button-secondary">{t(lang, '退出代办，切换回本人', 'Stop acting; back to myself')}</button>
      </form>
    </div>
  )
}

/** The banner for this session, or null when acting for oneself — for any citizen page (one query). */
export async function actingBannerFor(db: Executor, lang: Lang, session: Pick<CitizenSession, 'actingFor' | 'csrfToken'>) {
  const acting = session.actingFor
  if (!acting) return null
  const m = await getMandate(db, acting.mandateId)
  return m ? <ActingBanner lang={lang} acting={acting} lastDay={lastDayOf(m.validUntil)} csrf={session.csrfToken} /> : null
}
