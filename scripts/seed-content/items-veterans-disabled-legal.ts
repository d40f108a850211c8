import { area, item, seq, M } from './lib'
import { TY, CL, SF } from './depts'

area('veterans-disabled-legal')

const TYHALL = '苏州市退役军人服务中心（苏州市姑苏区三香路998号）及户籍所在地街道（镇）退役军人服务站'
const CLHALL = '户籍所在地街道（镇）残疾人工作窗口或苏州市残疾人综合服务中心（苏州市姑苏区养育巷136号）'
const vetId = M.gov('退役证件', '部队', '退出现役证、转业证或复员证；已联网的可通过退役军人信息共享核验。', { sharedDataset: '退役军人信息' })

item({
  dept: TY, name: '退役士兵报到', type: 'public_service', group: 'tyb', aud: ['individual'], themes: ['兵役退役'],
  desc: '退役士兵应当自被批准退出现役之日起三十日内，持退役证件和介绍信到安置地县级人民政府退役军人工作主管部门报到。报到时同步办理户口登记、档案移交和安置去向选择确认。',
  basis: ['《中华人民共和国退役军人保障法》', '《退役士兵安置条例》'],
  cond: '被批准退出现役、安置地为本市的退役士兵。',
  mats: [vetId, M.own('退役士兵安置介绍信', '由部队出具。', { source: 'government', issuer: '部队' }), M.id(), M.photo()],
  steps: seq(['报到', 0], ['信息核验', 0], ['登记', 0]),
  kind: 'instant', sd: 0, pd: 0, ch: ['window'], ol: 2, visits: 1, cross: 'none',
  result: { name: '退役士兵报到登记', kind: 'other' }, loc: TYHALL,
})

item({
  dept: TY, name: '退役军人优待证申领', type: 'public_service', group: 'tyb', aud: ['individual'], themes: ['兵役退役', '证件办理'],
  desc: '退役军人和其他优抚对象可以申领优待证，凭证享受交通出行、文化旅游、医疗服务等方面的优待。申请人可通过“苏周到”或退役军人服务站申请，制证后邮寄或到服务站领取。',
  basis: ['《中华人民共和国退役军人保障法》', '《退役军人、其他优抚对象优待证管理办法（试行）》'],
  cond: '户籍在本市的退役军人，或烈士遗属、因公牺牲军人遗属、病故军人遗属等其他优抚对象。',
  mats: [M.id(), vetId, M.photo('近期免冠彩色证件照片电子版。')],
  steps: seq(['申请', 0], ['审核', 5], ['制证', 20], ['发放', 5]),
  kind: 'promised', sd: 45, pd: 30, ch: ['window', 'mobile'], ol: 3, visits: 0, cross: 'none', deliv: true,
  result: { name: '中华人民共和国退役军人优待证', kind: 'license', licenseType: '退役军人优待证' }, loc: TYHALL,
})

item({
  dept: TY, name: '自主就业退役士兵一次性经济补助金发放', type: 'administrative_payment', group: 'tyb', aud: ['individual'], themes: ['兵役退役', '就业创业'],
  desc: '选择自主就业的退役士兵，由部队发给一次性退役金，安置地人民政府根据当地实际情况发给一次性经济补助金。补助金标准按本市规定执行，发放至本人账户。',
  basis: ['《退役士兵安置条例》', '《中华人民共和国退役军人保障法》'],
  cond: '安置地为本市、选择自主就业并已按时报到的退役士兵。',
  mats: [M.id(), vetId, M.bank()],
  steps: seq(['申请', 0], ['审核', 10], ['审批', 10], ['发放', 10]),
  kind: 'promised', sd: 60, pd: 30, ch: ['window'], ol: 2, visits: 1, cross: 'none',
  result: { name: '一次性经济补助金发放', kind: 'other' }, loc: TYHALL,
})

item({
  dept: TY, name: '优抚对象定期抚恤补助', type: 'administrative_payment', aud: ['individual'], themes: ['兵役退役', '社会保障'],
  desc: '对在乡复员军人、带病回乡退伍军人、参战参试退役人员以及烈士遗属、因公牺牲军人遗属、病故军人遗属等优抚对象，按照国家规定标准发给定期抚恤金或定期生活补助。',
  basis: ['《军人抚恤优待条例》', '《中华人民共和国退役军人保障法》'],
  cond: '本市户籍，经认定属于享受定期抚恤补助的优抚对象。',
  mats: [M.table('优抚对象定期抚恤补助申请表'), M.id(), M.hukou(), M.own('优抚对象身份证明材料', '烈士证明书、军人档案记载等。', { copies: 1 })],
  steps: seq(['申请', 0], ['街道初审', 10], ['审核认定', 20], ['公示', 7], ['审批', 5]),
  kind: 'promised', sd: 60, pd: 42, ch: ['window'], ol: 1, visits: 2, cross: 'none',
  result: { name: '定期抚恤补助资格认定', kind: 'other' }, loc: TYHALL,
})

item({
  dept: CL, name: '残疾人证新办', type: 'public_service', group: 'cjz', aud: ['individual'], themes: ['残疾人服务', '证件办理'],
  desc: '符合残疾标准的本市户籍居民，可以申请办理《中华人民共和国残疾人证》。申请人到指定医疗机构进行残疾评定，评定结果经残联审核后核发残疾人证；行动不便的可申请上门评残。',
  basis: ['《中华人民共和国残疾人保障法》第二条', '《中华人民共和国残疾人证管理办法》'],
  cond: '本市户籍，存在视力、听力、言语、肢体、智力、精神残疾或多重残疾，符合《残疾人残疾分类和分级》国家标准。',
  mats: [M.table('中华人民共和国残疾人证申请表'), M.id(), M.hukou(), M.photo('近期二寸免冠白底彩色照片3张。')],
  steps: seq(['申请', 0], ['受理', 1], ['残疾评定', 20], ['审核', 5], ['公示', 5], ['制证', 5]),
  kind: 'promised', sd: 45, pd: 36, ch: ['window', 'mobile'], ol: 3, visits: 1, cross: 'cross_province',
  result: { name: '中华人民共和国残疾人证', kind: 'license', licenseType: '残疾人证', validityYears: 10 },
  sp: ['检验检测'], loc: CLHALL,
  faqs: [['残疾评定要去哪里？', '由残联指定的评定医院开展评定，行动不便的重度残疾人可申请评定医生上门服务。']],
})

item({
  dept: CL, name: '残疾人证换领', type: 'public_service', group: 'cjz', aud: ['individual'], themes: ['残疾人服务', '证件办理'],
  desc: '残疾人证有效期满、残疾等级或类别发生变化、证件损坏或遗失的，持证人可申请换领或补办。有效期满换领的，残疾状况无变化的可不再重新评定。',
  basis: ['《中华人民共和国残疾人证管理办法》'],
  cond: '持有本市核发的残疾人证，证件有效期满前90日内或出现需换领补办的情形。',
  mats: [M.gov('原残疾人证', '残疾人联合会', '遗失补办的免交。', { licenseType: '残疾人证', sharedDataset: '残疾人基础信息' }), M.id(), M.photo('近期二寸免冠白底彩色照片2张。')],
  steps: seq(['申请', 0], ['审核', 5], ['制证', 5], ['发放', 2]),
  kind: 'promised', sd: 20, pd: 12, ch: ['window', 'mobile'], ol: 3, visits: 1, cross: 'cross_province',
  result: { name: '中华人民共和国残疾人证', kind: 'license', licenseType: '残疾人证', validityYears: 10 }, loc: CLHALL,
})

item({
  dept: CL, name: '残疾儿童康复救助申请', type: 'administrative_payment', group: 'cjz', aud: ['individual'], themes: ['残疾人服务', '医疗卫生'],
  desc: '0—6岁视力、听力、言语、肢体、智力等残疾儿童和孤独症儿童，可以申请康复救助，在定点康复机构接受手术、辅助器具适配和康复训练等服务，救助费用由机构直接结算。',
  basis: ['《中华人民共和国残疾人保障法》', '《残疾预防和残疾人康复条例》', '《国务院关于建立残疾儿童康复救助制度的意见》（国发〔2018〕20号）'],
  cond: '本市户籍或持本市居住证，0—6岁经医疗机构诊断或康复机构评估需要康复服务的残疾儿童。',
  mats: [M.table('残疾儿童康复救助申请审批表'), M.hukou('儿童户口簿或居住证。'), M.gov('诊断证明或评估报告', '二级以上医疗机构或定点康复机构', '残疾儿童已办残疾人证的可免交。', { licenseType: '残疾人证' })],
  steps: seq(['申请', 0], ['受理', 1], ['审核', 10], ['确定定点机构', 4]),
  kind: 'promised', sd: 20, pd: 15, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '康复救助资格确认', kind: 'other' }, loc: CLHALL,
})

item({
  dept: SF, name: '法律援助申请', type: 'public_service', aud: ['individual'], themes: ['法律服务'],
  desc: '因经济困难没有委托代理人的公民，在请求支付劳动报酬、给予社会保险待遇、请求给付赡养费抚养费、请求工伤事故人身损害赔偿等事项上，可以向法律援助机构申请法律援助。法律援助机构自收到申请之日起七日内作出是否给予法律援助的决定。',
  basis: ['《中华人民共和国法律援助法》第三十一条', '《中华人民共和国法律援助法》第四十一条', '《中华人民共和国法律援助法》第四十三条'],
  cond: '经济困难（或属于免予核查经济困难状况的情形），申请事项属于法律援助范围，且在本市法律援助机构管辖范围内。',
  mats: [M.table('法律援助申请表'), M.id(), M.own('经济困难状况说明表', '个人诚信承诺，法律援助机构可通过共享数据核查。', { sharedDataset: '社会救助对象信息' }), M.own('与申请事项相关的材料', '劳动合同、工资欠条、判决书等。', { copies: 1 })],
  steps: seq(['申请', 0], ['受理', 0], ['审查', 5], ['决定', 2], ['指派律师', 3]),
  kind: 'promised', sd: 10, pd: 7, ch: ['window', 'web', 'mobile'], ol: 3, visits: 1, cross: 'national',
  result: { name: '给予法律援助决定书', kind: 'approval_document' },
  loc: '苏州市公共法律服务中心（苏州市姑苏区竹辉路168号）及各区法律援助中心', phone: '12348',
  faqs: [['农民工讨薪可以申请法律援助吗？', '农民工请求支付劳动报酬的，免予核查经济困难状况，可直接申请法律援助。']],
})
