import type { Child } from 'hono/jsx'
import { Breadcrumbs, LinkCard, Notice, Zh } from '../../../platform/web/components'
import { CsrfField, ErrorSummary } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { FormFields, summaryErrors, type FieldError, type FormDefinition, type Prefilled, type RegionOption } from '../../catalog'
import type { BundleDefinition } from '../bundles/bundle-definitions'
import type { BundleMaterial, FieldSavings } from '../bundles/merge-forms'
import type { MyBundleRow } from '../bundles/bundle-queries'
import { readableDate } from './render'

const L = (lang: Lang, zh: string, en: string) => t(lang, zh, en)
export type BundleCard = { def: BundleDefinition; savings: FieldSavings; items: number }
export type BundleItemLine = { code: string; name: string; department: string; note?: string | undefined; noteEn?: string | undefined; available: boolean }

function Savings({ lang, s }: { lang: Lang; s: FieldSavings }) {
  return (
    <p>
      <strong>{L(lang, `少填 ${s.saved} 项`, `${s.saved} fewer questions`)}</strong>
      {L(lang, `：分别申请共需填写 ${s.separate} 项，合并后只需 ${s.merged} 项。`, `: ${s.separate} questions when applying separately, ${s.merged} in the merged form.`)}
    </p>
  )
}

/** GET /bundles — every 一件事. */
export function BundleListPage({ lang, cards }: { lang: Lang; cards: BundleCard[] }) {
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: L(lang, '首页', 'Home'), href: '/' }, { label: L(lang, '一件事', 'Life and business events') }]} />
      <h1>{L(lang, '一件事一次办', 'One event, one application')}</h1>
      <p>{L(lang, '一件事涉及多个部门的，只需填写一张合并申请表：共同的信息只填一次，提交后由各部门同时办理，进度在一处查看。', 'When one event involves several departments, fill in one merged form: shared details once, every department works at the same time, and you follow it all in one place.')}</p>
      <ul class="card-grid card-grid-wide">
        {cards.map((c) => (
          <LinkCard href={`/bundles/${c.def.code}`} title={L(lang, c.def.name, c.def.nameEn)} meta={L(lang, `${c.items} 个事项 · 少填 ${c.savings.saved} 项`, `${c.items} services · ${c.savings.saved} fewer questions`)}>
            <p>{L(lang, c.def.description, c.def.descriptionEn)}</p>
          </LinkCard>
        ))}
      </ul>
    </>
  )
}

export function BundleItemsTable({ lang, items, caption }: { lang: Lang; items: BundleItemLine[]; caption: string }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <caption>{caption}</caption>
        <thead>
          <tr><th scope="col">{L(lang, '事项', 'Service')}</th><th scope="col">{L(lang, '办理部门', 'Department')}</th><th scope="col">{L(lang, '说明', 'Why')}</th></tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr>
              <td><a href={`/services/${encodeURIComponent(i.code)}`}><Zh lang={lang}>{i.name}</Zh></a>{i.available ? '' : L(lang, '（暂停网上办理）', ' (not available online now)')}</td>
              <td><Zh lang={lang}>{i.department}</Zh></td>
              <td>{lang === 'en' ? (i.noteEn ?? i.note ?? '') : (i.note ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function BundleMaterialsTable({ lang, materials }: { lang: Lang; materials: BundleMaterial[] }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <caption>{L(lang, '材料清单（同一份材料只提交一次）', 'Documents (each provided once)')}</caption>
        <thead>
          <tr><th scope="col">{L(lang, '材料', 'Document')}</th><th scope="col">{L(lang, '怎样提交', 'How it is provided')}</th><th scope="col">{L(lang, '用于', 'Used for')}</th></tr>
        </thead>
        <tbody>
          {materials.map((m) => (
            <tr>
              <td><Zh lang={lang}>{m.name}</Zh>{m.required ? '' : L(lang, '（非必需）', ' (if applicable)')}</td>
              <td>
                {m.licence
                  ? <strong>{L(lang, `将使用您的电子证照：${m.licence.typeName} ${m.licence.number}（免提交）`, `Your e-licence will be used: ${m.licence.typeName} ${m.licence.number} (no upload needed)`)}</strong>
                  : m.disposition === 'shared'
                    ? <><strong>{L(lang, '免提交', 'Not needed')}</strong>{L(lang, `：通过数据共享获取（${m.sharedDataset ?? '共享数据'}）`, `: obtained through data sharing (${m.sharedDataset ?? 'shared data'})`)}</>
                    : m.disposition === 'form'
                      ? <><strong>{L(lang, '表单即材料', 'This form')}</strong>{L(lang, '：由合并申请表代替', ': replaced by the merged form')}</>
                      : <><strong>{L(lang, '上传', 'Upload')}</strong>{L(lang, '：在申请表中上传一次', ': upload once in the form')}</>}
              </td>
              <td><Zh lang={lang}>{m.items.join('、')}</Zh></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** GET /bundles/:code — the guide of one 一件事 and its start button. */
export function BundleGuidePage(p: {
  lang: Lang; def: BundleDefinition; items: BundleItemLine[]; materials: BundleMaterial[]; savings: FieldSavings; available: boolean
  /** Signed in: the CSRF token of the start form; otherwise the sign-in link is shown. */
  csrf: string | null
}) {
  const { lang, def } = p
  const departments = new Set(p.items.map((i) => i.department)).size
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: L(lang, '一件事', 'Life and business events'), href: '/bundles' }, { label: L(lang, def.name, def.nameEn) }]} />
      <h1>{L(lang, def.name, def.nameEn)}</h1>
      <p>{L(lang, def.description, def.descriptionEn)}</p>
      <Notice tone="info" title={L(lang, `一张表，${p.items.length} 个事项，${departments} 个部门同时办理`, `One form, ${p.items.length} services, ${departments} departments in parallel`)}>
        <Savings lang={lang} s={p.savings} />
        <p>{L(lang, '提交后每个事项生成各自的办件编号，由办理部门分别审批；您可以在一个页面查看全部进度。', 'Each service gets its own reference number and is decided by its department; you follow all of them on one page.')}</p>
      </Notice>
      <h2>{L(lang, '包含的事项', 'Services included')}</h2>
      <BundleItemsTable lang={lang} items={p.items} caption={L(lang, `共 ${p.items.length} 个事项`, `${p.items.length} services`)} />
      <h2>{L(lang, '需要准备的材料', 'What to prepare')}</h2>
      <BundleMaterialsTable lang={lang} materials={p.materials} />
      {!p.available ? (
        <Notice tone="warn" title={L(lang, '暂不能在线办理', 'Not available online now')}>
          <p>{L(lang, '其中有事项暂停网上办理。请按各事项办事指南到窗口办理，或拨打 12345 咨询。', 'One of the services cannot be applied for online now. Apply at the counters named in each guide, or call 12345.')}</p>
        </Notice>
      ) : p.csrf ? (
        <form method="post" action="/me/bundles" class="button-row">
          <CsrfField token={p.csrf} />
          <input type="hidden" name="bundle" value={def.code} />
          <button type="submit" class="button button-primary">{L(lang, '开始办理', 'Start')}</button>
        </form>
      ) : (
        <p><a class="button button-primary" href={`/login?next=${encodeURIComponent(`/bundles/${def.code}`)}`}>{L(lang, '登录后开始办理', 'Sign in to start')}</a></p>
      )}
    </>
  )
}

export type BundleFlash = 'saved' | 'started' | null

/** GET /me/bundles/:id — the merged form with 保存草稿 / 提交申请. */
export function BundleDraftPage(p: {
  lang: Lang; id: string; def: BundleDefinition; items: BundleItemLine[]; materials: BundleMaterial[]; savings: FieldSavings
  form: FormDefinition; values: Record<string, unknown>; errors: FieldError[]; prefilled: Prefilled; regions: RegionOption[]
  attachments: Record<string, { id: string; name: string }[]>; csrf: string; idempotencyKey: string
  problem: { title: string; text: string } | null; flash: BundleFlash; banner?: Child
}) {
  const { lang, def } = p
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: L(lang, '我的一件事', 'My bundles'), href: '/me/bundles' }, { label: L(lang, def.name, def.nameEn) }]} />
      {p.banner ?? null}
      {p.flash === 'saved' ? <Notice tone="success" title={L(lang, '草稿已保存', 'Draft saved')}><p>{L(lang, '您可以随时从“我的一件事”回来继续填写。', 'Come back any time from “My bundles” to carry on.')}</p></Notice> : null}
      {p.flash === 'started' ? <Notice tone="info" title={L(lang, '已为您创建合并申请表', 'Your merged form is ready')}><p>{L(lang, '带“来源”说明的栏目已按政府已有信息填好，不能修改；其余请如实填写。共同的信息只需填写一次。', 'Fields with a source were filled in from what the government holds and cannot be changed; shared details are asked once.')}</p></Notice> : null}
      {p.problem ? <Notice tone="warn" title={p.problem.title} alert><p>{p.problem.text}</p></Notice> : null}
      <ErrorSummary lang={lang} errors={summaryErrors(lang, p.errors)} />
      <h1>{L(lang, def.name, def.nameEn)}<span class="hint">{L(lang, ' · 合并申请表', ' · merged form')}</span></h1>
      <Savings lang={lang} s={p.savings} />
      <BundleItemsTable lang={lang} items={p.items} caption={L(lang, '提交后以下事项同时办理', 'On submission these services start at the same time')} />
      <BundleMaterialsTable lang={lang} materials={p.materials} />
      <form method="post" action={`/me/bundles/${p.id}`} enctype="multipart/form-data" novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="idempotencyKey" value={p.idempotencyKey} />
        <button type="submit" name="_action" value="save" class="visually-hidden" tabindex={-1} aria-hidden="true">{L(lang, '保存草稿', 'Save draft')}</button>
        <FormFields def={p.form} values={p.values} errors={p.errors} prefilled={p.prefilled} lang={lang} regions={p.regions} attachments={p.attachments} />
        <p class="hint">{L(lang, `提交后将同时生成 ${p.items.length} 个办件，分别由办理部门在 5 个工作日内预审；需要补正的会一次性告知。`, `Submitting opens ${p.items.length} cases at once; each department reviews its case within 5 working days and tells you at once of anything to correct.`)}</p>
        <div class="button-row">
          <button type="submit" name="_action" value="submit" class="button button-primary">{L(lang, '一次提交全部事项', 'Submit all services')}</button>
          <button type="submit" name="_action" value="save" class="button button-secondary">{L(lang, '保存草稿', 'Save draft')}</button>
        </div>
      </form>
    </>
  )
}

const STATUS = { draft: { zh: '草稿', en: 'Draft' }, submitted: { zh: '已提交', en: 'Submitted' }, withdrawn: { zh: '已撤回', en: 'Withdrawn' } }

/** GET /me/bundles — my 一件事. */
export function MyBundlesPage({ lang, rows }: { lang: Lang; rows: MyBundleRow[] }) {
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: L(lang, '我的办件', 'My applications'), href: '/me/cases' }, { label: L(lang, '我的一件事', 'My bundles') }]} />
      <h1>{L(lang, '我的一件事', 'My bundles')}</h1>
      {rows.length === 0 ? (
        <p>{L(lang, '您还没有办理过“一件事”。', 'You have not started any bundle yet.')} <a href="/bundles">{L(lang, '查看可以一次办理的事', 'See what can be done in one go')}</a></p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead><tr><th scope="col">{L(lang, '一件事', 'Bundle')}</th><th scope="col">{L(lang, '状态', 'Status')}</th><th scope="col">{L(lang, '最后更新', 'Last updated')}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td><a href={r.status === 'draft' ? `/me/bundles/${r.id}` : `/me/bundles/${r.id}/progress`}>{r.name}</a></td>
                  <td>{L(lang, STATUS[r.status].zh, STATUS[r.status].en)}</td>
                  <td>{readableDate(lang, r.updatedAt.toISOString())}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
