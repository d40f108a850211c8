import { CsrfField } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { TRUST_LEVEL_LABELS, type TrustLevel } from '../../identity'
import type { ItemRow } from '../catalog-queries'
import { inLang } from './field-labels'

/** The 办理所需账号等级 select on the item page (its own small form; not part of the versioned record). */
export function TrustLevelForm({ lang, item, csrf, error }: { lang: Lang; item: ItemRow; csrf: string; error?: string | undefined }) {
  const path = `/admin/items/${encodeURIComponent(item.code)}/trust-level`
  return (
    <section aria-labelledby="trust-level-title">
      <h2 id="trust-level-title">{t(lang, '办理所需账号等级', 'Account level needed')}</h2>
      <form method="post" action={path} class={error ? 'form-group form-group-error' : 'form-group'}>
        <CsrfField token={csrf} />
        <label class="label" for="minTrustLevel">{t(lang, '在线办理本事项，申请人账号至少需要：', 'To apply online, the applicant’s account must be at least:')}</label>
        {error ? <p class="error-message" id="minTrustLevel-error"><span class="visually-hidden">{t(lang, '错误：', 'Error: ')}</span>{inLang(lang, error)}</p> : null}
        <select class="input input-l" id="minTrustLevel" name="minTrustLevel" aria-describedby={error ? 'minTrustLevel-error' : undefined}>
          {([1, 2, 3] as TrustLevel[]).map((l) => (
            <option value={String(l)} selected={item.minTrustLevel === l}>{t(lang, `${l} 级：${TRUST_LEVEL_LABELS[l].zh}`, `Level ${l}: ${TRUST_LEVEL_LABELS[l].en}`)}</option>
          ))}
        </select>
        <button type="submit" class="button button-secondary">{t(lang, '保存等级', 'Save level')}</button>
      </form>
    </section>
  )
}
