import type { Context } from 'hono'
import type { AppEnv } from '../../../platform/http/context'
import { t, type Lang } from '../../../platform/web/i18n'
import { renderBackoffice } from '../../identity'

export type DepartmentNode = { id: string; name: string; code: string | null; regionCode: string | null; parentId: string | null; address: string | null; phone: string | null }

/** Departments whose parent sits in this region are nested under it; others start a tree of their own. */
function Tree({ lang, nodes, all, parentId, names, depth }: { lang: Lang; nodes: DepartmentNode[]; all: Map<string, DepartmentNode>; parentId: string | null; names: Map<string, string>; depth: number }) {
  const here = nodes.filter((d) => (parentId === null ? !d.parentId || !nodes.some((p) => p.id === d.parentId) : d.parentId === parentId))
  if (!here.length || depth > 20) return null
  return (
    <ul>
      {here.map((d) => {
        const outside = parentId === null && d.parentId ? all.get(d.parentId) : undefined
        return (
          <li>
            <a href={`/admin/departments/${d.id}/edit`}>{d.name}</a> <span class="meta">{d.code ?? t(lang, '（无统一社会信用代码）', '(no USCC)')}</span>
            {outside ? <span class="meta"> · {t(lang, `上级：${outside.name}`, `Under: ${outside.name}`)}</span> : null}
            <Tree lang={lang} nodes={nodes} all={all} parentId={d.id} names={names} depth={depth + 1} />
          </li>
        )
      })}
    </ul>
  )
}

/** 部门管理: departments grouped by GB/T 2260 region, then as a tree of parent departments. */
export function renderDepartmentList(c: Context<AppEnv>, v: { departments: DepartmentNode[]; regionNames: Map<string, string>; notice?: string | undefined }) {
  const lang = c.get('lang')
  const title = t(lang, '部门管理', 'Departments')
  const all = new Map(v.departments.map((d) => [d.id, d]))
  const regions = [...new Set(v.departments.map((d) => d.regionCode ?? ''))].sort()
  return renderBackoffice(
    c,
    { title, notice: v.notice },
    <>
      <div class="title-row">
        <h1>{title}</h1>
        <a class="button" href="/admin/departments/new">{t(lang, '新建部门', 'New department')}</a>
      </div>
      <p>{t(lang, `共 ${v.departments.length} 个部门，按所在行政区划和上级部门排列。部门信息显示在办事指南和部门服务页面上。`, `${v.departments.length} departments by region and parent department. They appear on guides and department pages.`)}</p>
      {regions.map((r) => (
        <section aria-labelledby={`region-${r || 'none'}`}>
          <h2 id={`region-${r || 'none'}`}>{r ? `${v.regionNames.get(r) ?? ''}（${r}）` : t(lang, '未指定行政区划', 'No region')}</h2>
          <Tree lang={lang} nodes={v.departments.filter((d) => (d.regionCode ?? '') === r)} all={all} parentId={null} names={v.regionNames} depth={0} />
        </section>
      ))}
    </>,
  )
}
