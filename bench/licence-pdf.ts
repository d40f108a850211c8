/**
 * Licence PDF speed (pure renderer, no database): renders per second, ms per render and bytes per PDF for each
 * layout (certificate, permit, 加注件, revoked, and a pathological 40 × 300-character face).
 *   npx tsx bench/licence-pdf.ts            # the figures
 *   npx tsx bench/licence-pdf.ts --samples  # also writes PDFs + 100 dpi PNGs to .tmp/pdf-samples/ (needs pdftoppm)
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderLicencePdf, type LicencePdfInput } from '../src/modules/licences/pdf/index'
import { sampleCertificate, samplePermit } from '../src/modules/licences/pdf/sample'

const cases: [string, LicencePdfInput][] = [
  ['certificate', sampleCertificate()],
  ['certificate-annotated', sampleCertificate({ annotation: { text: '仅供办理食品经营许可使用，有效期至2026年12月31日' } })],
  ['certificate-revoked', sampleCertificate({ status: 'revoked' })],
  ['permit', samplePermit()],
  ['permit-annotated-suspended', samplePermit({ annotation: { text: '仅供办理公共场所卫生许可变更使用，有效期至2026年12月31日' }, status: 'suspended' })],
  ['pathological', sampleCertificate({ fields: Array.from({ length: 40 }, (_, i) => ({ label: `字段${i + 1}`, value: '经营项目喆堃燊昇'.repeat(38).slice(0, 300) })) })],
]

const t0 = performance.now()
await renderLicencePdf(cases[0]![1]) // first render reads the fonts (~20 MB) once
console.log(`first render (reads fonts): ${(performance.now() - t0).toFixed(0)} ms`)

for (const [name, input] of cases) {
  for (let i = 0; i < 3; i++) await renderLicencePdf(input) // warm-up
  const n = 20
  let bytes = 0
  const t = performance.now()
  for (let i = 0; i < n; i++) bytes = (await renderLicencePdf(input)).length
  const ms = (performance.now() - t) / n
  console.log(`${name.padEnd(28)} ${(1000 / ms).toFixed(1).padStart(6)} renders/s  ${ms.toFixed(1).padStart(6)} ms/render  ${(bytes / 1024).toFixed(1).padStart(6)} KB`)
}

if (process.argv.includes('--samples')) {
  const dir = join(process.cwd(), '.tmp/pdf-samples')
  mkdirSync(dir, { recursive: true })
  for (const [name, input] of cases) {
    const file = join(dir, `${name}.pdf`)
    writeFileSync(file, await renderLicencePdf(input))
    execFileSync('pdftoppm', ['-r', '100', '-png', '-singlefile', file, join(dir, name)])
    console.log(`wrote ${file} and ${join(dir, name)}.png`)
  }
}
