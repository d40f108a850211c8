import { area, item, seq, instantSteps, M } from './lib'
import { GJJ } from './depts'

area('housing-fund')

const HALL = '苏州市住房公积金管理中心服务大厅（苏州市姑苏区三香路118号）及各分中心'
const BASIS = '《住房公积金管理条例》第二十四条'

item({
  dept: GJJ, name: '住房公积金单位缴存登记', type: 'public_service', group: 'jc', aud: ['enterprise', 'public_institution', 'social_organization'], themes: ['人力资源', '设立变更'],
  desc: '新设立的单位应当自设立之日起三十日内到住房公积金管理中心办理住房公积金缴存登记，并自登记之日起二十日内为本单位职工办理住房公积金账户设立手续。企业开办“一件事”中可同步办理。',
  basis: ['《住房公积金管理条例》第十四条', '《住房公积金管理条例》第十五条'],
  cond: '在本市依法设立的机关、事业单位、企业、民办非企业单位和社会团体。',
  mats: [M.bl(), M.legalRep(), M.table('住房公积金单位登记表', '通过公积金网上业务大厅在线填写。')],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '住房公积金单位登记信息', kind: 'other' }, loc: HALL,
})

item({
  dept: GJJ, name: '住房公积金个人账户设立', type: 'public_service', group: 'jc', aud: ['individual', 'enterprise'], themes: ['住房保障', '人力资源'],
  desc: '单位录用职工的，应当自录用之日起三十日内为职工办理住房公积金账户设立或者转移手续。灵活就业人员可自愿申请开户缴存住房公积金。',
  basis: ['《住房公积金管理条例》第十五条'],
  cond: '单位已办理缴存登记；灵活就业人员年满16周岁且在本市就业。',
  mats: [M.own('职工开户信息', '单位在网上业务大厅批量录入，身份信息通过人口基础信息核验。', { form: 'electronic', originals: 0, sharedDataset: '人口基础信息' })],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web'], ol: 4, visits: 0, cross: 'none', appt: false,
  result: { name: '住房公积金个人账户', kind: 'other' }, loc: '苏州市住房公积金网上业务大厅',
})

item({
  dept: GJJ, name: '住房公积金提取（购买自住住房）', type: 'public_service', group: 'tq', aud: ['individual'], themes: ['住房保障', '不动产登记'],
  desc: '职工购买自住住房的，可以提取本人及配偶住房公积金账户内的存储余额。购房合同网签备案和不动产登记信息已与公积金系统联网，通过手机即可申请，资金实时到账。',
  basis: [BASIS],
  cond: '购买本市或户籍地自住住房，在购房合同备案或不动产权证书登记之日起两年内申请；提取总额不超过实际购房支出。',
  mats: [M.id(), M.property('已取得不动产权证书的通过不动产登记信息核验；期房提供网签购房合同。'), M.own('购房发票或付款凭证', '新建商品房提供购房发票，存量房提供契税完税凭证。'), M.marriage('提取配偶账户时提供，可共享核验。')],
  steps: seq(['申请', 0], ['审核', 0], ['支付', 0]),
  kind: 'instant', sd: 3, pd: 0, ch: ['web', 'mobile', 'window'], ol: 4, visits: 0, cross: 'cross_province',
  result: { name: '住房公积金提取到账', kind: 'other' }, loc: HALL,
  faqs: [['买二手房能提公积金吗？', '可以。存量房过户完成后两年内，凭不动产权证书和契税完税凭证申请提取，信息联网的可全程网办。']],
})

item({
  dept: GJJ, name: '住房公积金提取（租赁住房）', type: 'public_service', group: 'tq', aud: ['individual'], themes: ['住房保障'],
  desc: '职工及配偶在本市无自有住房且租赁住房的，可以按月或按年提取住房公积金支付房租。租赁合同已备案的按实际租金提取，未备案的按本市规定的限额提取。',
  basis: [BASIS, '《住房城乡建设部 财政部 人民银行关于放宽提取住房公积金支付房租条件的通知》'],
  cond: '职工本人及配偶在本市无自有住房；连续足额缴存住房公积金满3个月。',
  mats: [M.id(), M.lease('已办理住房租赁登记备案的可按实际租金提取。'), M.opt('无房情况说明', '系统自动查询不动产登记信息，无需提交。', { sharedDataset: '不动产登记信息' })],
  steps: seq(['申请', 0], ['审核', 0], ['支付', 0]),
  kind: 'instant', sd: 3, pd: 0, ch: ['web', 'mobile'], ol: 4, visits: 0, cross: 'none',
  result: { name: '住房公积金提取到账', kind: 'other' }, loc: HALL,
  faqs: [['租房提取每年能提多少？', '未办理租赁备案的按本市规定的月度限额提取；办理备案的按实际租金提取，但不超过账户余额。']],
})

item({
  dept: GJJ, name: '住房公积金提取（离休、退休）', type: 'public_service', group: 'tq', aud: ['individual'], themes: ['住房保障', '退休养老'],
  desc: '职工离休、退休的，可以提取住房公积金账户内的全部余额并销户。退休信息已由人社部门共享，职工无需提交退休证明，也可通过“退休一件事”一并办理。',
  basis: [BASIS],
  cond: '职工已办理离休、退休手续。',
  mats: [M.id(), M.gov('离退休证明', '人力资源和社会保障部门', '通过退休人员信息共享核验。', { sharedDataset: '社保参保信息' })],
  steps: seq(['申请', 0], ['审核', 0], ['支付', 0]),
  kind: 'instant', sd: 3, pd: 0, ch: ['web', 'mobile', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '住房公积金销户提取到账', kind: 'other' }, loc: HALL,
})

item({
  dept: GJJ, name: '住房公积金提取（偿还购房贷款）', type: 'public_service', group: 'tq', aud: ['individual'], themes: ['住房保障'],
  desc: '职工偿还购买自住住房贷款本息的，可以提取住房公积金。办理本市公积金贷款的职工可签订按月冲还贷协议，由系统每月自动划转偿还贷款。',
  basis: [BASIS],
  cond: '职工本人或配偶名下有正常还款的自住住房贷款，提取金额不超过已偿还的贷款本息。',
  mats: [M.id(), M.own('借款合同及还款明细', '商业银行贷款提供，公积金贷款系统自动核验。', { copies: 1 })],
  steps: seq(['申请', 0], ['审核', 1], ['支付', 1]),
  kind: 'promised', sd: 5, pd: 2, ch: ['web', 'mobile', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '住房公积金提取到账', kind: 'other' }, loc: HALL,
})

item({
  dept: GJJ, name: '住房公积金个人住房贷款', type: 'public_service', aud: ['individual'], themes: ['住房保障', '不动产登记'],
  desc: '缴存职工在购买、建造、翻建、大修自住住房时，可以申请住房公积金个人住房贷款。贷款额度根据缴存余额、还款能力和房价确定，最长贷款期限30年。',
  basis: ['《住房公积金管理条例》第二十六条', '《住房公积金管理条例》第二十七条'],
  cond: '连续足额缴存住房公积金满6个月；借款人具有完全民事行为能力和稳定收入，信用状况良好；购买本市自住住房并支付首付款。',
  mats: [M.id('借款人及配偶居民身份证。'), M.marriage('已婚的提供，未婚或离异的由本人书面声明。'), M.own('购房合同', '网签备案合同可联网核验。'), M.own('首付款付款凭证', '银行转账凭证或开发企业出具的首付款收据。'), M.own('收入证明', '用人单位出具或由银行流水代替。')],
  steps: seq(['申请', 0], ['受理', 1], ['贷前审查', 5], ['审批', 3], ['签订合同', 2], ['抵押登记', 3], ['放款', 1]),
  kind: 'promised', sd: 20, pd: 15, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '住房公积金借款合同', kind: 'other' }, loc: HALL + '或受委托银行网点',
  faqs: [['公积金最多能贷多少？', '单职工缴存的最高额度与双职工缴存不同，具体以本市当期政策为准，可在公积金网上业务大厅试算。']],
})
