import type { Child } from 'hono/jsx'
import { Breadcrumbs, Notice, Zh } from '../../../platform/web/components'
import { CsrfField, ErrorSummary } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { FormFields, summaryErrors, type FieldError, type FormDefinition, type MaterialDisposition, type Material, type Prefilled, type RegionOption } from '../../catalog'
import { readableDate } from './render'

export type PlanRow = { index: number; material: Material; disposition: MaterialDisposition; /** a held e-licence satisfies it (免提交) */ licence?: { typeName: string; number: string } }
export type DraftFlash = 'saved' | 'started' | 'rows' | null

export type DraftPageProps = {
  lang: Lang
  applicationId: string
  itemCode: string
  itemName: string
  def: FormDefinition
  values: Record<string, unknown>
  errors: FieldError[]
  prefilled: Prefilled
  regions: RegionOption[]
  attachments: Record<string, { id: string; name: string }[]>
  plan: PlanRow[]
  csrf: string
  rev: number
  idempotencyKey: string
  /** Shanghai date of the guide version the draft is pinned to, and of a newer one if the guide changed since. */
  pinnedOn: string | null
  newerOn: string | null
  /** A problem that is not one field's: a conflict, an item no longer open… (Chinese + English already chosen). */
  problem?: { title: string; text: string } | null
  flash?: DraftFlash
  banner?: Child
}

/** How each material of the item is provided on this form (materialPlan): upload, 免提交 through data sharing, or the form itself. */
export function MaterialsList({ lang, plan }: { lang: Lang; plan: PlanRow[] }) {
  if (!plan.length) return null
  return (
    <section class="card" aria-labelledby="materials-h">
      <h2 id="materials-h">{t(lang, '材料清单', 'Documents')}</h2>
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr><th scope="col">{t(lang, '材料', 'Document')}</th><th scope="col">{t(lang, '怎样提交', 'How it is provided')}</th></tr>
          </thead>
          <tbody>
            {plan.map(({ material: m, disposition, licence }) => (
              <tr>
                <td><Zh lang={lang}>{m.name}</Zh>{m.required === false ? t(lang, '（非必需）', ' (if applicable)') : ''}</td>
                <td>
                  {licence ? (
                    <strong>{t(lang, `将使用您的电子证照：${licence.typeName} ${licence.number}（免提交）`, `Your e-licence will be used: ${licence.typeName} ${licence.number} (no upload needed)`)}</strong>
                  ) : disposition === 'shared' ? (
                    <>
                      <strong>{t(lang, '免提交', 'Not needed')}</strong>
                      {t(lang, `：将通过数据共享获取，无需上传（${m.sharedDataset ?? '共享数据'}）。`, `: obtained through government data sharing, no upload needed (${m.sharedDataset ?? 'shared data'}).`)}
                    </>
                  ) : disposition === 'form' ? (
                    <>
                      <strong>{t(lang, '表单即材料', 'This form')}</strong>
                      {t(lang, '：在线填写本申请表即可，无需另行提交。', ': filling in this form online is enough.')}
                    </>
                  ) : (
                    <>
                      <strong>{t(lang, '上传', 'Upload')}</strong>
                      {t(lang, '：在下方“申请材料”中选择文件（PDF、JPG 或 PNG）。', ': choose the file under “Documents” below (PDF, JPG or PNG).')}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

/**
 * 申请草稿: the pinned form with the prefilled fields locked, the materials list, and 保存草稿 / 提交申请. One
 * multipart form: files chosen in the 申请材料 fields are stored with either button, and nothing typed is lost when
 * a file or a field is refused. A hidden idempotency key generated with the page makes a double click or a
 * resubmitted refresh return the same receipt.
 */
export function DraftPage(p: DraftPageProps) {
  const { lang } = p
  const action = `/me/applications/${p.applicationId}`
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: t(lang, '我的办件', 'My applications'), href: '/me/cases' }, { label: p.itemName }]} />
      {p.banner ?? null}
      {p.flash === 'saved' ? <Notice tone="success" title={t(lang, '草稿已保存', 'Draft saved')}><p>{t(lang, '您可以随时从“我的办件”回来继续填写。', 'Come back any time from “My applications” to carry on.')}</p></Notice> : null}
      {p.flash === 'started' ? <Notice tone="info" title={t(lang, '已为您创建申请草稿', 'Your draft has been created')}><p>{t(lang, '带“来源”说明的栏目已按政府已有信息填好，不能修改；其余请如实填写。', 'Fields marked with a source were filled in from what the government already holds and cannot be changed; fill in the rest.')}</p></Notice> : null}
      {p.problem ? <Notice tone="warn" title={p.problem.title} alert><p>{p.problem.text}</p></Notice> : null}
      <ErrorSummary lang={lang} errors={summaryErrors(lang, p.errors)} />
      <h1><Zh lang={lang}>{p.itemName}</Zh><span class="hint">{t(lang, ' · 在线申请', ' · apply online')}</span></h1>
      {p.pinnedOn ? (
        <p class="hint">
          {t(lang, `本申请按 ${p.pinnedOn} 版办事指南填写。`, `This application follows the service guide of ${p.pinnedOn}. `)}
          <a href={`/services/${encodeURIComponent(p.itemCode)}`}>{t(lang, '查看办事指南', 'See the guide')}</a>
        </p>
      ) : null}
      {p.newerOn ? (
        <Notice tone="info" title={t(lang, `办事指南已于 ${p.newerOn} 更新`, `The guide was updated on ${p.newerOn}`)}>
          <p>{t(lang, '您的草稿仍按开始填写时的版本办理，已填的内容有效，可以继续填写并提交。如想按新版办理，可删除本草稿后重新申请。', 'Your draft stays with the version you started on: what you entered still counts and you can carry on and submit. To use the new version, delete this draft and start again.')}</p>
        </Notice>
      ) : null}
      <MaterialsList lang={lang} plan={p.plan} />
      <form method="post" action={action} enctype="multipart/form-data" novalidate data-autosave={`${action}/autosave`}>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="rev" value={String(p.rev)} />
        <input type="hidden" name="idempotencyKey" value={p.idempotencyKey} />
        {/* Enter in a text box submits with the first button: make that 保存草稿, not a row button. */}
        <button type="submit" name="_action" value="save" class="visually-hidden" tabindex={-1} aria-hidden="true">{t(lang, '保存草稿', 'Save draft')}</button>
        <FormFields def={p.def} values={p.values} errors={p.errors} prefilled={p.prefilled} lang={lang} regions={p.regions} attachments={p.attachments} />
        <p class="hint">{t(lang, '提交前请核对：提交后由窗口工作人员在 5 个工作日内预审；需要补正的会一次性告知。', 'Check before you submit: the service counter reviews it within 5 working days and tells you at once of anything to correct.')}</p>
        {/* Filled in by draft-autosave.js (progressive enhancement: without it, 保存草稿 is the only way to save). */}
        <p class="hint" id="autosave-status" role="status" aria-live="polite"
          data-saved={t(lang, '已自动保存', 'Saved automatically')}
          data-conflict={t(lang, '此草稿已在其他窗口保存，请刷新页面', 'This draft was saved in another window; reload the page')}
          data-invalid={t(lang, '有内容格式不对，暂未自动保存；点“保存草稿”可查看需要修改的地方', 'Something is in the wrong format, so it was not saved automatically; choose “Save draft” to see what to fix')}
          data-expired={t(lang, '登录已过期，没有自动保存；请刷新页面后再点“保存草稿”', 'Your session expired, nothing was saved automatically; reload the page and choose “Save draft”')}
          data-failed={t(lang, '暂时无法自动保存，请点“保存草稿”', 'Could not save automatically; choose “Save draft”')}
        ></p>
        <script src="/assets/draft-autosave.js" defer></script>
        <div class="button-row">
          <button type="submit" name="_action" value="submit" class="button button-primary">{t(lang, '提交申请', 'Submit application')}</button>
          <button type="submit" name="_action" value="save" class="button button-secondary">{t(lang, '保存草稿', 'Save draft')}</button>
        </div>
      </form>
      <p><a href={`/me/applications/${p.applicationId}/discard`}>{t(lang, '删除草稿', 'Delete this draft')}</a></p>
    </>
  )
}

/** Confirmation before a draft is deleted (works without JavaScript). */
export function DiscardPage({ lang, applicationId, itemName, csrf, updatedOn }: { lang: Lang; applicationId: string; itemName: string; csrf: string; updatedOn: Date }) {
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: t(lang, '我的办件', 'My applications'), href: '/me/cases' }, { label: itemName, href: `/me/applications/${applicationId}` }, { label: t(lang, '删除草稿', 'Delete draft') }]} />
      <h1>{t(lang, '确定删除这份草稿吗？', 'Delete this draft?')}</h1>
      <p>{t(lang, `“${itemName}”的申请草稿（最后保存于 ${readableDate(lang, updatedOn)}）将被删除，已填写的内容无法恢复。已上传的文件不受影响。`, `The draft for “${itemName}” (last saved ${readableDate(lang, updatedOn)}) will be deleted; what you entered cannot be recovered. Uploaded files are not affected.`)}</p>
      <form method="post" action={`/me/applications/${applicationId}/discard`} class="button-row">
        <CsrfField token={csrf} />
        <button type="submit" class="button button-warning">{t(lang, '删除草稿', 'Delete draft')}</button>
        <a class="button button-secondary" href={`/me/applications/${applicationId}`}>{t(lang, '返回继续填写', 'Back to the draft')}</a>
      </form>
    </>
  )
}
