import { area, item, seq, instantSteps, M } from './lib'
import { SW } from './depts'

area('tax')

const HALL = '各区税务局办税服务厅、苏州市政务服务中心税务窗口及江苏省电子税务局'
const HOURS_TAX = '办税服务厅 周一至周五 9:00—12:00，13:30—17:00；江苏省电子税务局24小时在线'

item({
  dept: SW, name: '新办纳税人涉税事项套餐', type: 'other_administrative_power', group: 'xb', aud: ['enterprise', 'individual'], themes: ['税收财务', '设立变更'],
  desc: '新设立登记的企业、个体工商户领取营业执照后，登记信息由市场监管部门共享至税务部门，纳税人通过电子税务局一次确认涉税信息，即可同时完成财务会计制度备案、存款账户报告、税费种认定、发票票种核定和数电发票开票额度确定等事项。',
  basis: ['《中华人民共和国税收征收管理法》第十五条', '《中华人民共和国税收征收管理法实施细则》第十二条', '《中华人民共和国发票管理办法》第十五条'],
  cond: '已领取营业执照的新办纳税人，法定代表人（负责人）、财务负责人和办税人员已完成实名认证。',
  mats: [M.bl(), M.legalRep(), M.own('财务会计制度及核算软件备案报告', '在电子税务局在线填报。', { form: 'electronic', originals: 0 }), M.own('存款账户账号报告', '开立基本存款账户后在线报告。', { form: 'electronic', originals: 0 })],
  steps: seq(['信息确认', 0], ['税费种认定', 0], ['发票票种核定', 0], ['办结', 0]),
  kind: 'instant', sd: 1, pd: 0, ch: ['web', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '涉税信息确认及发票开票额度', kind: 'other' }, loc: HALL, hours: HOURS_TAX,
  faqs: [['新公司还要去税务局报到吗？', '不需要单独办理税务登记，营业执照即具有税务登记证的作用，在电子税务局确认信息即可开票。']],
})

item({
  dept: SW, name: '发票领用', type: 'other_administrative_power', group: 'fp', aud: ['enterprise', 'individual'], themes: ['税收财务'],
  desc: '需要领用发票的单位和个人，应当持设立登记证件或者税务登记证件以及经办人身份证明，向主管税务机关办理发票领用手续。使用全面数字化电子发票的纳税人无需领用，税务机关根据信用等级自动赋予开具金额总额度。',
  basis: ['《中华人民共和国发票管理办法》第十五条', '《中华人民共和国发票管理办法实施细则》第十五条'],
  cond: '已完成涉税信息确认和发票票种核定的纳税人。',
  mats: [M.id('经办人居民身份证。'), M.bl()],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'window', 'mail'], ol: 4, visits: 0, cross: 'none', deliv: true,
  result: { name: '发票（或数电发票开票额度）', kind: 'other' }, loc: HALL, hours: HOURS_TAX,
})

item({
  dept: SW, name: '增值税一般纳税人登记', type: 'administrative_confirmation', group: 'fp', aud: ['enterprise'], themes: ['税收财务'],
  desc: '增值税纳税人年应税销售额超过规定标准的，应当向主管税务机关办理一般纳税人登记；未超过标准但会计核算健全、能够提供准确税务资料的，也可以申请登记。',
  basis: ['《中华人民共和国增值税暂行条例》第十三条', '《增值税一般纳税人登记管理办法》（国家税务总局令第43号）第三条'],
  cond: '年应税销售额超过500万元，或未超过标准但会计核算健全、能够提供准确税务资料。',
  mats: [M.table('增值税一般纳税人登记表', '在电子税务局在线填写。'), M.bl()],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '增值税一般纳税人登记信息', kind: 'other' }, loc: HALL, hours: HOURS_TAX,
})

item({
  dept: SW, name: '个人所得税综合所得年度汇算', type: 'administrative_collection', group: 'gs', aud: ['individual'], themes: ['税收财务', '就业创业'],
  desc: '居民个人取得工资薪金、劳务报酬、稿酬、特许权使用费等综合所得，需要补税或者申请退税的，应当在取得所得的次年3月1日至6月30日内办理年度汇算。纳税人可通过“个人所得税”App填报，系统预填收入和已缴税款信息。',
  basis: ['《中华人民共和国个人所得税法》第十一条', '《中华人民共和国个人所得税法实施条例》第二十五条'],
  cond: '取得综合所得的居民个人，需要补税（年收入超过12万元且补税超过400元）或者申请退税。',
  mats: [M.own('专项附加扣除信息', '子女教育、赡养老人、住房贷款利息等，在App上填报。', { form: 'electronic', originals: 0 }), M.bank('用于退税的本人银行账户（需为一类账户）。')],
  steps: seq(['申报', 0], ['审核', 3], ['退（补）税', 2]),
  kind: 'promised', sd: 10, pd: 5, ch: ['web', 'mobile', 'window'], ol: 4, visits: 0, cross: 'national', appt: false, pay: true,
  result: { name: '个人所得税年度汇算申报回执', kind: 'other' }, loc: '“个人所得税”App、自然人电子税务局或办税服务厅',
  hours: '每年3月1日至6月30日',
  faqs: [['年度汇算一定要办吗？', '无需补税或补税金额不超过400元、且不申请退税的，可以不办理年度汇算。']],
})

item({
  dept: SW, name: '开具个人所得税纳税记录', type: 'public_service', group: 'gs', aud: ['individual'], themes: ['税收财务', '户籍办理'],
  desc: '纳税人可以申请开具本人在一定期间内的个人所得税纳税记录，用于购房、落户、积分入学等。纳税记录带有防伪校验码，可在自然人电子税务局验证真伪。',
  basis: ['《国家税务总局关于将个人所得税〈税收完税证明〉（文书式）调整为〈纳税记录〉有关事项的公告》'],
  cond: '本人在税务系统中有个人所得税申报或扣缴记录。',
  mats: [M.id()],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'mobile', 'window'], ol: 4, visits: 0, cross: 'national', appt: false,
  result: { name: '个人所得税纳税记录', kind: 'other' }, loc: '“个人所得税”App或办税服务厅',
})

item({
  dept: SW, name: '车辆购置税申报', type: 'administrative_collection', aud: ['individual', 'enterprise'], themes: ['交通出行', '税收财务'],
  desc: '在中华人民共和国境内购置汽车、有轨电车、汽车挂车、排气量超过一百五十毫升的摩托车的单位和个人，应当自纳税义务发生之日起六十日内申报缴纳车辆购置税，税率为百分之十。完税信息电子化传递至公安机关交通管理部门，办理注册登记时无需提供纸质完税证明。',
  basis: ['《中华人民共和国车辆购置税法》第一条', '《中华人民共和国车辆购置税法》第四条', '《中华人民共和国车辆购置税法》第十二条'],
  cond: '购置应税车辆的单位和个人；新能源汽车按国家规定享受免征或减征。',
  mats: [M.id('纳税人身份证明。'), M.own('机动车销售统一发票', '电子发票信息联网核验。', { sharedDataset: '机动车销售发票信息' }), M.gov('机动车整车出厂合格证', '机动车生产企业', '电子信息联网核验。')],
  steps: seq(['申报', 0], ['审核', 0], ['缴税', 0]),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'window', 'mobile'], ol: 4, visits: 0, cross: 'none', pay: true,
  result: { name: '车辆购置税完税信息', kind: 'other' }, loc: HALL + '及汽车销售企业代办点', hours: HOURS_TAX,
})

item({
  dept: SW, name: '清税申报', type: 'other_administrative_power', aud: ['enterprise', 'individual'], themes: ['法人注销', '税收财务'],
  desc: '纳税人因解散、破产、撤销等情形需要注销的，应当向税务机关申报清税，结清应纳税款、滞纳金、罚款，缴销发票。未办理过涉税事宜或符合条件的纳税人可“即办”清税，清税信息实时共享至市场监管部门。',
  basis: ['《中华人民共和国税收征收管理法》第十六条', '《中华人民共和国税收征收管理法实施细则》第十五条'],
  cond: '已结清应纳税款、滞纳金、罚款，已缴销发票和其他税务证件。',
  mats: [M.table('清税申报表', '通过企业注销“一网服务”平台或电子税务局提交。'), M.own('注销决议或相关文件', '股东会决议、上级主管部门批复等。')],
  steps: seq(['申报', 0], ['受理', 0], ['清税审核', 5], ['出具清税文书', 0]),
  kind: 'promised', sd: 20, pd: 5, ch: ['web', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '清税证明', kind: 'other' }, loc: HALL, hours: HOURS_TAX,
})

item({
  dept: SW, name: '城乡居民基本医疗保险费缴纳', type: 'administrative_collection', aud: ['individual'], themes: ['医疗卫生', '社会保障'],
  desc: '已参加城乡居民基本医疗保险的人员，在每年集中缴费期内缴纳次年度城乡居民医保费。参保人可通过“江苏税务”App、微信、支付宝或合作银行渠道缴费，电子缴费凭证可在线查询。',
  basis: ['《中华人民共和国社会保险法》第二十五条', '《中共中央办公厅 国务院办公厅关于印发〈国税地税征管体制改革方案〉的通知》'],
  cond: '已在医保部门办理城乡居民医保参保登记。',
  mats: [M.id('参保人公民身份号码，代他人缴费的输入被缴费人信息。')],
  steps: seq(['缴费', 0], ['到账确认', 0]),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'mobile', 'window'], ol: 4, visits: 0, cross: 'none', appt: false, pay: true,
  result: { name: '社会保险费电子缴费凭证', kind: 'other' }, loc: '“江苏税务”App、合作银行网点及办税服务厅', hours: '每年9月1日至12月31日集中缴费',
})
