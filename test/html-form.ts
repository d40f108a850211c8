/**
 * Reads the fields of the first POST form in server-rendered HTML the way a browser would submit it: text
 * inputs and hidden fields, checked checkboxes, textareas, and the selected option of each select.
 * Enough for our own markup (hono/jsx output); not a general HTML parser.
 */
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)
  return m ? unescape(m[1]!) : undefined
}

export function formFields(html: string, action?: string): [string, string][] {
  const forms = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)]
  const form = forms.find((f) => /method="post"/.test(f[0]) && (!action || f[0].includes(`action="${action}"`)))
  if (!form) throw new Error('no matching form')
  const body = form[1]!
  const out: [string, string][] = []
  const re = /<input\b[^>]*>|<textarea\b[^>]*>([\s\S]*?)<\/textarea>|<select\b[^>]*>([\s\S]*?)<\/select>/g
  for (const m of body.matchAll(re)) {
    const tag = m[0]
    const name = attr(tag, 'name')
    if (!name) continue
    if (tag.startsWith('<input')) {
      const type = attr(tag, 'type') ?? 'text'
      if (type === 'checkbox' || type === 'radio') {
        if (/\schecked(=""|\s|>|\/)/.test(tag)) out.push([name, attr(tag, 'value') ?? 'on'])
      } else if (type !== 'submit') out.push([name, attr(tag, 'value') ?? ''])
    } else if (tag.startsWith('<textarea')) {
      out.push([name, unescape(m[1] ?? '')])
    } else {
      const opts = [...(m[2] ?? '').matchAll(/<option\b[^>]*>/g)].map((o) => o[0])
      const sel = opts.find((o) => /\sselected(=""|\s|>)/.test(o)) ?? opts[0]
      out.push([name, sel ? (attr(sel, 'value') ?? '') : ''])
    }
  }
  return out
}

export function toRecord(fields: [string, string][]): Record<string, string | string[]> {
  const r: Record<string, string | string[]> = {}
  for (const [k, v] of fields) {
    const cur = r[k]
    r[k] = cur === undefined ? v : Array.isArray(cur) ? [...cur, v] : [cur, v]
  }
  return r
}
