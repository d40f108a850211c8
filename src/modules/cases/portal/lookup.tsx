import { Notice, SummaryList, Zh } from '../../../platform/web/components'
import { ErrorSummary, TextInput } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { formatRefNo, readableDate } from '../../applications'
import type { CaseStatus } from '../case'
import { StatusTag, expectedText } from './case-pages'

/**
 * Per-IP attempt window for the public progress lookup, in memory, one per app instance (so per process). The
 * budget is deliberately per process rather than shared: a 6-character query code over a 25-letter alphabet has
 * 244 million values, so even N processes × 20 tries per 15 minutes cannot guess one. Attempts are counted
 * whether they succeed or not; a restart forgets the window.
 */
export function lookupThrottle(opts: { max: number; windowMs: number; maxKeys?: number } = { max: 20, windowMs: 15 * 60 * 1000 }) {
  const tries = new Map<string, number[]>()
  const maxKeys = opts.maxKeys ?? 50_000
  return {
    /** Records an attempt; false when this address has used its budget (the attempt is then not made). */
    attempt(ip: string, now = Date.now()): boolean {
      const since = now - opts.windowMs
      const recent = (tries.get(ip) ?? []).filter((at) => at > since)
      if (recent.length >= opts.max) {
        tries.set(ip, recent)
        return false
      }
      recent.push(now)
      tries.delete(ip)
      tries.set(ip, recent)
      // Bounded memory: forget the addresses seen longest ago.
      while (tries.size > maxKeys) tries.delete(tries.keys().next().value as string)
      return true
    },
  }
}

export type LookupResult =
  | { kind: 'form' }
  | { kind: 'found'; refNo: string; itemName: string; status: CaseStatus; submittedAt: Date; promisedDue: string | null; preReviewDue: string; paused: boolean }
  | { kind: 'no_match' }
  | { kind: 'invalid'; errors: { href: string; message: string }[] }
  | { kind: 'throttled' }

/**
 * 办件查询 (public, no sign-in): 办件编号 + 查询码 → the status only (item, status, submitted, expected) — no name,
 * no ID number, no department staff. An unknown number and a wrong code get the same answer.
 */
export function ProgressPage({ lang, result, refInput, codeInput }: { lang: Lang; result: LookupResult; refInput: string; codeInput: string }) {
  const errors = result.kind === 'invalid' ? result.errors : []
  const errorOf = (id: string) => errors.find((e) => e.href === id)?.message
  return (
    <>
      <ErrorSummary lang={lang} errors={errors} />
      <h1>{t(lang, '办件查询', 'Track progress')}</h1>
      <p>{t(lang, '输入提交申请时得到的办件编号和查询码，查看办理进度。不需要登录；页面只显示办理状态，不显示任何个人信息。', 'Enter the reference number and query code you got when the application was submitted. No sign-in needed; only the status is shown, never personal details.')}</p>
      {result.kind === 'no_match' ? (
        <Notice tone="warn" title={t(lang, '没有查到', 'Nothing found')} alert>
          <p>{t(lang, '办件编号或查询码不正确。请核对回执或短信上的编号（13 位以上数字）和 6 位查询码后重试；申请人本人也可以登录后在“我的办件”查看。', 'The reference number or the query code is not right. Check both against the receipt or the text message and try again; the applicant can also sign in and look under “My applications”.')}</p>
        </Notice>
      ) : null}
      {result.kind === 'throttled' ? (
        <Notice tone="warn" title={t(lang, '查询过于频繁', 'Too many tries')} alert>
          <p>{t(lang, '为保护办件信息，同一网络 15 分钟内最多查询 20 次。请稍后再试，或登录后在“我的办件”查看。', 'To protect case information, one network may try 20 times in 15 minutes. Try again later, or sign in and look under “My applications”.')}</p>
        </Notice>
      ) : null}
      {result.kind === 'found' ? (
        <section class="card" aria-labelledby="result-h">
          <h2 id="result-h">{t(lang, '办理进度', 'Progress')}</h2>
          <SummaryList
            rows={[
              { key: t(lang, '办件编号', 'Reference number'), value: formatRefNo(result.refNo) },
              { key: t(lang, '事项', 'Service'), value: <Zh lang={lang}>{result.itemName}</Zh> },
              { key: t(lang, '状态', 'Status'), value: <StatusTag lang={lang} status={result.status} /> },
              { key: t(lang, '提交日期', 'Submitted'), value: readableDate(lang, result.submittedAt) },
              { key: t(lang, '预计办结', 'Expected completion'), value: expectedText(lang, result) },
            ]}
          />
          {result.paused ? <p class="hint">{t(lang, '正在进行特别程序（如现场核查），这段时间不计入办理时限。', 'A special procedure (such as an on-site inspection) is under way; this time does not count towards the deadline.')}</p> : null}
        </section>
      ) : null}
      <form method="post" action="/progress" novalidate>
        <TextInput lang={lang} id="ref" label={t(lang, '办件编号', 'Reference number')} hint={t(lang, '例如 251103-0000427-3，可以不输横线', 'e.g. 251103-0000427-3; the dashes are optional')} value={refInput} error={errorOf('ref')} inputmode="numeric" autocomplete="off" width="m" maxlength={30} />
        <TextInput lang={lang} id="code" label={t(lang, '查询码', 'Query code')} hint={t(lang, '6 位字母或数字，在回执和短信上', '6 letters or digits, on the receipt and in the text message')} value={codeInput} error={errorOf('code')} autocomplete="off" width="s" maxlength={10} />
        <button type="submit" class="button button-primary">{t(lang, '查询', 'Look up')}</button>
      </form>
    </>
  )
}
