/** Realistic sample faces for the tests, the bench and eyeballing (`npx tsx bench/licence-pdf.ts --samples`). */
import type { LicencePdfInput } from './index'

export function sampleCertificate(over: Partial<LicencePdfInput> = {}): LicencePdfInput {
  return {
    typeName: '食品经营许可证',
    typeNameEn: 'Food Business Licence',
    number: 'JY13205080000123',
    identifier: '1.2.156.3005.2.11100000000013338W032.11320500014160453K.0000123.001.F',
    holderName: '苏州市姑苏区喆堃燊昇餐饮管理有限公司',
    holderCode: '91320508MA1XYZ1234',
    fields: [
      { label: '法定代表人（负责人）', value: '王喆' },
      { label: '住所', value: '江苏省苏州市姑苏区人民路1688号' },
      { label: '经营场所', value: '江苏省苏州市姑苏区平江路88号一层101室、二层201室（平江历史文化街区内）' },
      { label: '主体业态', value: '餐饮服务经营者（中型餐馆）' },
      { label: '经营项目', value: '热食类食品制售；冷食类食品制售（含烧卤熟肉）；生食类食品制售（含生食水产品）；糕点类食品制售（含裱花蛋糕）；自制饮品制售（不含自酿酒）；预包装食品销售（含冷藏冷冻食品）；散装食品销售（不含散装熟食）' },
      { label: '日常监督管理机构', value: '苏州市姑苏区市场监督管理局平江分局' },
      { label: '投诉举报电话', value: '12315' },
    ],
    issuerName: '苏州市市场监督管理局',
    issuedOn: '2026-11-21',
    validFrom: '2026-11-21',
    validUntil: '2031-11-20',
    version: 1,
    template: 'certificate',
    seal: { organisation: '苏州市市场监督管理局', code: '3205000012345' },
    qr: 'https://yiwang.example/v/1.2.156.3005.2.11100000000013338W032.11320500014160453K.0000123.001.F#' + 'eyJhbGciOiJFZERTQSJ9.'.repeat(18),
    status: 'valid',
    ...over,
  }
}

export function samplePermit(over: Partial<LicencePdfInput> = {}): LicencePdfInput {
  return sampleCertificate({
    typeName: '公共场所卫生许可决定书',
    typeNameEn: 'Decision on Public Place Hygiene Licence',
    number: '苏姑卫公许字〔2026〕第0123号',
    template: 'permit',
    holderName: '李堃',
    holderCode: '320508********1234',
    fields: [
      { label: '场所名称', value: '姑苏区昇平理发店' },
      { label: '场所地址', value: '江苏省苏州市姑苏区十全街256号' },
      { label: '许可项目', value: '理发店' },
      { label: '审查意见', value: '经审查，你单位提出的公共场所卫生许可申请符合《公共场所卫生管理条例》及其实施细则的规定，决定准予许可。请在醒目位置公示本许可证，并按规定接受卫生监督检查。' },
    ],
    issuerName: '苏州市姑苏区卫生健康委员会',
    seal: { organisation: '苏州市姑苏区卫生健康委员会', code: '3205080054321' },
    validUntil: null,
    ...over,
  })
}
