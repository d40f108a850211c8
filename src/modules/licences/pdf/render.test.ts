/**
 * The licence PDF face, checked the way a person would: poppler reads the text back (pdftotext — proves the CJK
 * subset and its ToUnicode map), renders the page (pdftoppm) and we look at pixels where the seal, the QR code,
 * the watermark and the status band must (and must not) be; pdfinfo gives metadata and the page count.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import QRCode from 'qrcode'
import { testEnv } from '../../../platform/config'
import { ValidationError } from '../../../platform/errors'
import { FACE_GEOMETRY, renderLicencePdf, unsupportedCharacters, type LicencePdfInput } from './index'
import { sampleCertificate, samplePermit } from './sample'

let dir: string
let n = 0
before(async () => {
  const scratch = testEnv('YIWANG_TEST_TMP') ?? tmpdir()
  await mkdir(scratch, { recursive: true })
  dir = await mkdtemp(join(scratch, 'licence-pdf-'))
})
after(() => rm(dir, { recursive: true, force: true }))

async function pdfFile(input: LicencePdfInput): Promise<string> {
  const file = join(dir, `face-${++n}.pdf`)
  await writeFile(file, await renderLicencePdf(input))
  return file
}
const text = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
/** Text with all whitespace removed: wrapped values come back as one run. */
const flat = (file: string) => text(file).replace(/\s+/g, '')
function info(file: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' }).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line)
    if (m) out[m[1]!] = m[2]!
  }
  return out
}

type Image = { w: number; h: number; dpi: number; px: Buffer }
/** pdftoppm's PPM (P6) output: header, then RGB bytes. */
function raster(file: string, dpi = 50): Image {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-singlefile', file], { maxBuffer: 64 << 20 })
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))
  assert.ok(header, 'pdftoppm wrote a P6 image')
  return { w: +header[1]!, h: +header[2]!, dpi, px: ppm.subarray(header[0].length) }
}
/** Pixels in a rectangle given in PDF points that satisfy `pred`, and the rectangle's pixel count. */
function count(img: Image, box: { x: number; y: number; w: number; h: number }, pred: (r: number, g: number, b: number) => boolean) {
  const k = img.dpi / 72
  const x0 = Math.max(0, Math.round(box.x * k))
  const y0 = Math.max(0, Math.round(box.y * k))
  const x1 = Math.min(img.w, Math.round((box.x + box.w) * k))
  const y1 = Math.min(img.h, Math.round((box.y + box.h) * k))
  let hit = 0
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.w + x) * 3
      if (pred(img.px[i]!, img.px[i + 1]!, img.px[i + 2]!)) hit++
    }
  }
  return { hit, all: (x1 - x0) * (y1 - y0) }
}
const red = (r: number, g: number, b: number) => r > 170 && g < 130 && b < 130
const bluish = (r: number, _g: number, b: number) => b > 150 && b > r + 20
const dark = (r: number, g: number, b: number) => r + g + b < 300
const notWhite = (r: number, g: number, b: number) => r + g + b < 3 * 235

const { seal, qr, page } = FACE_GEOMETRY
const sealBox = { x: seal.cx - seal.r, y: seal.cy - seal.r, w: seal.r * 2, h: seal.r * 2 }
const middle = { x: 90, y: 300, w: page.w - 180, h: 220 }
const annotated = { text: '仅供办理食品经营许可使用，有效期至2026年12月31日' }

describe('text comes back from the PDF (CJK subset + ToUnicode)', () => {
  test('certificate: title, holder, every label and value, issuer, Chinese dates, identifier, number, version, QR caption', async () => {
    const input = sampleCertificate()
    const t = flat(await pdfFile(input))
    for (const s of [
      '食品经营许可证',
      'FoodBusinessLicence',
      input.holderName,
      '统一社会信用代码',
      input.holderCode,
      ...input.fields.flatMap((f) => [f.label, f.value]),
      input.issuerName,
      '2026年11月21日',
      '2026年11月21日至2031年11月20日',
      input.identifier,
      input.number,
      '第1版',
      '扫码核验 Scan to verify',
    ]) {
      assert.ok(t.includes(s.replace(/\s+/g, '')), `pdftotext output contains ${s}`)
    }
    assert.ok(!t.includes('长期'))
  })

  test('rare characters in the font (喆 堃 燊 昇) print and read back as themselves', async () => {
    const t = flat(await pdfFile(sampleCertificate({ holderName: '喆堃燊昇商贸有限公司', fields: [{ label: '法定代表人', value: '张燊昇' }] })))
    assert.ok(t.includes('喆堃燊昇商贸有限公司'))
    assert.ok(t.includes('张燊昇'))
  })

  test('a character outside the font (𠮷, CJK Extension B) is reported and printed as 〓, never as an empty box', async () => {
    const input = sampleCertificate({ holderName: '𠮷野家餐饮有限公司' })
    assert.deepEqual(unsupportedCharacters(input), ['𠮷'])
    assert.deepEqual(unsupportedCharacters(sampleCertificate()), [])
    const t = flat(await pdfFile(input))
    assert.ok(t.includes('〓野家餐饮有限公司'))
    assert.ok(!t.includes('𠮷'))
  })

  test('permit: red-header layout with issuer, title, colon labels, masked ID label, and 长期 for an open-ended validity', async () => {
    const input = samplePermit()
    const t = flat(await pdfFile(input))
    for (const s of ['苏州市姑苏区卫生健康委员会', '公共场所卫生许可决定书', '持证主体：李堃', '公民身份号码：320508********1234', '2026年11月21日至长期', '审查意见：', input.number]) {
      assert.ok(t.includes(s), `permit text contains ${s}`)
    }
  })

  test('加注件: the annotation text is in the footer as text; the watermark itself (outlines) does not scramble the text layer', async () => {
    const t = text(await pdfFile(sampleCertificate({ annotation: annotated })))
    const f = t.replace(/\s+/g, '')
    assert.ok(f.includes('加注件'))
    assert.ok(f.includes(annotated.text))
    // The title and every field line still read in order — rotated watermark fragments would interleave here.
    assert.ok(t.includes('食品经营许可证\nFood Business Licence\n'))
    assert.ok(t.includes('经营场所\n\n江苏省苏州市姑苏区平江路88号一层101室、二层201室\n（平江历史文化街区内）'))
  })

  test('status other than valid: the face says so in Chinese and English (the band is artwork, so the fields still read in order)', async () => {
    for (const [status, zh, en] of [['revoked', '已撤销', 'REVOKED'], ['suspended', '已暂扣', 'SUSPENDED'], ['expired', '已过期', 'EXPIRED']] as const) {
      const t = text(await pdfFile(sampleCertificate({ status })))
      assert.ok(t.includes(`证照状态 Status：${zh} ${en}`), `${status} status line`)
      assert.ok(t.includes('经营场所\n\n江苏省苏州市姑苏区平江路88号一层101室、二层201室\n（平江历史文化街区内）'), `${status}: fields not interleaved`)
    }
    const valid = flat(await pdfFile(sampleCertificate()))
    for (const s of ['已撤销', 'REVOKED', '已暂扣', '已过期']) assert.ok(!valid.includes(s))
  })
})

describe('metadata, determinism, one page', () => {
  test('Title = type name + number, Subject = identifier, Creator = Yiwang 一网通办, dates from issuedOn; A4, one page', async () => {
    const input = sampleCertificate()
    const i = info(await pdfFile(input))
    assert.equal(i.Title, `${input.typeName} ${input.number}`)
    assert.equal(i.Subject, input.identifier)
    assert.equal(i.Creator, 'Yiwang 一网通办')
    const issued = new Date('2026-11-21T00:00:00+08:00').getTime() // 发证日期, Beijing time
    assert.equal(new Date(i.CreationDate!).getTime(), issued)
    assert.equal(new Date(i.ModDate!).getTime(), issued)
    assert.equal(i.Pages, '1')
    assert.match(i['Page size']!, /595\.28 x 841\.89 pts \(A4\)/)
  })

  test('the same input gives the same bytes; any change gives different bytes', async () => {
    for (const input of [sampleCertificate(), samplePermit({ annotation: annotated, status: 'revoked' })]) {
      const a = await renderLicencePdf(input)
      const b = await renderLicencePdf(structuredClone(input))
      assert.ok(a.equals(b), `${input.template}: byte-identical`)
    }
    const base = await renderLicencePdf(sampleCertificate())
    assert.ok(!base.equals(await renderLicencePdf(sampleCertificate({ issuedOn: '2026-11-22' }))))
    assert.ok(!base.equals(await renderLicencePdf(sampleCertificate({ holderName: '苏州市姑苏区喆堃燊昇餐饮管理有限公司二' }))))
  })

  test('pathological face (40 fields × 300 characters, very long names) stays one page, truncates with …, keeps the validity row', async () => {
    const long = (s: string, len: number) => s.repeat(Math.ceil(len / s.length)).slice(0, len)
    const input = sampleCertificate({
      typeName: long('中华人民共和国道路运输经营许可证', 60),
      typeNameEn: long('Road Transport Business Licence of the People’s Republic of China ', 200),
      holderName: long('喆堃燊昇餐饮管理有限公司', 300),
      issuerName: long('苏州市市场监督管理局', 80),
      seal: { organisation: long('苏州市市场监督管理局', 60), code: '32050000123456789012' },
      annotation: { text: long('仅供办理食品经营许可使用，有效期至2026年12月31日', 300) },
      fields: Array.from({ length: 40 }, (_, i) => ({ label: `字段${i + 1}`, value: long('经营项目喆堃燊昇，', 300) })),
    })
    const file = await pdfFile(input)
    assert.equal(info(file).Pages, '1')
    const t = flat(file)
    assert.ok(t.includes('…'), 'long text is cut with an ellipsis')
    assert.ok(/另有\d+项未能在版面上显示/.test(t), 'the fields that do not fit are summarised')
    assert.ok(t.includes('有效期限2026年11月21日至2031年11月20日'), 'the validity row is never dropped')
    assert.ok(t.includes('字段1经营项目'))

    // One enormous field: shown, capped, still one page.
    const one = await pdfFile(sampleCertificate({ fields: [{ label: '经营项目', value: long('热食类食品制售；', 20_000) }] }))
    assert.equal(info(one).Pages, '1')
    assert.ok(flat(one).includes('…'))
    assert.ok(flat(one).includes('有效期限'))
  })
})

describe('pixels (pdftoppm -r 50)', () => {
  test('the red e-seal is drawn over the issuer block and nowhere in the fields', async () => {
    const img = raster(await pdfFile(sampleCertificate()))
    const s = count(img, sealBox, red)
    assert.ok(s.hit / s.all > 0.08, `seal area is reddish (${s.hit}/${s.all})`)
    assert.equal(count(img, middle, red).hit, 0, 'no red in the middle of a valid face')
    // The seal is generated from the organisation: a different name changes the seal pixels.
    const other = raster(await pdfFile(sampleCertificate({ seal: { organisation: '苏州市姑苏区卫生健康委员会' } })))
    assert.notEqual(count(other, sealBox, red).hit, s.hit)
  })

  test('the QR area has a dark/light module pattern inside a white quiet zone (also on a 加注件)', async () => {
    for (const input of [sampleCertificate(), sampleCertificate({ annotation: annotated })]) {
      const img = raster(await pdfFile(input), 100)
      const m = qr.size / (QRCode.create(input.qr, { errorCorrectionLevel: 'M' }).modules.size + 2 * 4) // module size in points
      const code = count(img, { x: qr.x + 4 * m, y: qr.y + 4 * m, w: qr.size - 8 * m, h: qr.size - 8 * m }, dark)
      assert.ok(code.hit / code.all > 0.3 && code.hit / code.all < 0.7, `modules are ~half dark (${code.hit}/${code.all})`)
      // Quiet zone: the outer 3 of the 4 modules on every side are pure white (no border, no watermark).
      const q = 3 * m
      for (const side of [
        { x: qr.x, y: qr.y, w: qr.size, h: q },
        { x: qr.x, y: qr.y + qr.size - q, w: qr.size, h: q },
        { x: qr.x, y: qr.y, w: q, h: qr.size },
        { x: qr.x + qr.size - q, y: qr.y, w: q, h: qr.size },
      ]) {
        assert.equal(count(img, side, notWhite).hit, 0, 'quiet zone is white')
      }
    }
  })

  test('a 加注件 has watermark pixels in the middle of the page where the plain face has none; text stays dark', async () => {
    const plain = raster(await pdfFile(sampleCertificate()))
    const copy = raster(await pdfFile(sampleCertificate({ annotation: annotated })))
    assert.equal(count(plain, middle, bluish).hit, 0)
    const w = count(copy, middle, bluish)
    assert.ok(w.hit / w.all > 0.01, `watermark visible (${w.hit}/${w.all})`)
    // Semi-transparent: no watermark pixel is as dark as text, and the text pixels are still there.
    assert.equal(count(copy, middle, (r, g, b) => bluish(r, g, b) && r + g + b < 450).hit, 0)
    const textPlain = count(plain, middle, dark).hit
    const textCopy = count(copy, middle, dark).hit
    assert.ok(Math.abs(textCopy - textPlain) / textPlain < 0.1, `text unchanged under the watermark (${textPlain} vs ${textCopy})`)
  })

  test('a revoked face carries a large red band across the middle', async () => {
    const img = raster(await pdfFile(sampleCertificate({ status: 'revoked' })))
    const band = count(img, middle, red)
    assert.ok(band.hit / band.all > 0.03, `red band in the middle (${band.hit}/${band.all})`)
  })
})

describe('bad input', () => {
  test('impossible or malformed dates, a bad version and an unknown layout are refused with a ValidationError that says what to fix', async () => {
    for (const over of [
      { issuedOn: '2026-02-30' },
      { issuedOn: '21/11/2026' },
      { validFrom: '' },
      { validUntil: '2031-13-01' },
      { version: 0 },
      { version: 1.5 },
      { template: 'poster' as never },
      { qr: '' },
      { qr: 'x'.repeat(3000) },
    ] satisfies Partial<LicencePdfInput>[]) {
      await assert.rejects(renderLicencePdf(sampleCertificate(over)), (err: unknown) => {
        assert.ok(err instanceof ValidationError, JSON.stringify(over))
        assert.match(err.message, /请检查|请使用|请缩短/)
        return true
      })
    }
  })

  test('control characters are dropped and empty values still render one page', async () => {
    const file = await pdfFile(sampleCertificate({ holderName: '王\u0000喆\u0007', fields: [{ label: '', value: '' }, { label: '备注', value: 'a\r\nb\tc' }] }))
    assert.equal(info(file).Pages, '1')
    const t = flat(file)
    assert.ok(t.includes('王喆'))
    assert.ok(t.includes('备注abc'))
  })
})
