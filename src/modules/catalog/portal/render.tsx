import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { Config } from '../../../platform/config'
import type { AppEnv } from '../../../platform/http/context'
import { Layout } from '../../../platform/web/layout'
import { pageUrls, requestMeta } from './page-meta'

export type PageOptions = {
  /** Full <title> (use siteTitle). */
  title: string
  description: string
  /** Path plus meaningful query, never lang — for canonical, hreflang and the language switch. */
  pathAndQuery: string
  jsonLd?: unknown
  noindex?: boolean
  headerSearch?: boolean
}

/** Renders a portal page inside the shared layout. */
export function renderPage(c: Context<AppEnv>, config: Config, opts: PageOptions, body: Child, status: 200 | 400 | 404 = 200) {
  const { lang, nonce } = requestMeta(c)
  const html = (
    <Layout
      lang={lang}
      nonce={nonce}
      title={opts.title}
      description={opts.description}
      {...pageUrls(config, lang, opts.pathAndQuery)}
      jsonLd={opts.jsonLd}
      noindex={opts.noindex}
      headerSearch={opts.headerSearch ?? true}
      viewer={c.get('viewer')}
    >
      {body}
    </Layout>
  )
  c.header('Vary', 'Cookie, Accept-Encoding')
  return c.html(`<!doctype html>${html.toString()}`, status)
}
