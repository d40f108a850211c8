import { area, item, seq, st, instantSteps, M, HOURS_SAT } from './lib'
import { JJ, SW } from './depts'

area('traffic')

const VMS = '苏州市公安局交通警察支队车辆管理所（苏州市吴中区东方大道1266号）及各区车驾管服务站'
const DMS = '苏州市公安局交通警察支队车辆管理所驾驶证窗口、各区车驾管服务站及交警队便民服务点'
const vl = (notes = '机动车行驶证原件或电子行驶证。') => M.gov('机动车行驶证', '公安机关交通管理部门', notes, { licenseType: '机动车行驶证' })
const reg = (notes = '机动车登记证书原件。') => M.gov('机动车登记证书', '公安机关交通管理部门', notes, { licenseType: '机动车登记证书' })
const health = M.gov('机动车驾驶人身体条件证明', '县级或者部队团级以上医疗机构', '可在“交管12123”查看已联网的体检机构，体检信息联网上传的免交纸质证明。', { sharedDataset: '驾驶人体检信息' })

item({
  dept: JJ, name: '机动车注册登记', type: 'administrative_confirmation', group: 'vehicle', aud: ['individual', 'enterprise'], themes: ['交通出行'],
  desc: '初次申领机动车号牌、行驶证的，机动车所有人应当向住所地车辆管理所申请注册登记。新车购置税完税信息由税务部门联网推送，车辆查验和完税核验同步进行，符合条件的当日发放号牌和行驶证。',
  basis: ['《中华人民共和国道路交通安全法》第八条', '《中华人民共和国道路交通安全法》第九条', '《机动车登记规定》（公安部令第164号）第十四条'],
  cond: '机动车所有人住所在本市；车辆已缴纳车辆购置税（或免税）并投保机动车交通事故责任强制保险，属于国产车型的已列入公告。',
  mats: [M.id('机动车所有人身份证明；单位车辆提供营业执照并加盖公章。'), M.gov('机动车整车出厂合格证明', '机动车生产企业', '国产车辆合格证电子信息联网核验。'),
    M.own('购车发票', '机动车销售统一发票，已联网的可通过发票信息核验。', { sharedDataset: '机动车销售发票信息' }),
    M.gov('车辆购置税完税证明或免税证明', '税务部门', '已实现电子信息交换，无需提交纸质凭证。', { sharedDataset: '车辆购置税完税信息' }),
    M.own('机动车交通事故责任强制保险凭证', '电子保单信息联网核验。')],
  steps: [st('申请', 0, []), st('受理', 0, ['申请']), st('机动车查验', 0, ['受理'], JJ), st('车购税完税信息核验', 0, ['受理'], SW), st('选号', 0, ['机动车查验', '车购税完税信息核验']), st('核发号牌和行驶证', 0, ['选号'])],
  kind: 'instant', sd: 2, pd: 0, fee: { charged: true, standard: '号牌100元/副（小型汽车），行驶证10元，登记证书10元', basis: '国家发展改革委、财政部关于机动车号牌工本费收费标准的规定', amountYuan: 120 },
  ch: ['window', 'web', 'mobile'], ol: 3, visits: 1, cross: 'none', deliv: true,
  result: { name: '机动车号牌、机动车行驶证、机动车登记证书', kind: 'license', licenseType: '机动车行驶证' },
  loc: VMS, hours: HOURS_SAT,
  faqs: [['新车上牌可以在4S店办吗？', '本市已在部分汽车销售企业设立登记服务站，购车后可在店内完成选号和注册登记。'],
    ['可以网上选号吗？', '可以，在“交管12123”App上选择互联网选号，每次随机提供50个号码供选择。']],
})

item({
  dept: JJ, name: '机动车转移登记', type: 'administrative_confirmation', group: 'vehicle', aud: ['individual', 'enterprise'], themes: ['交通出行'],
  desc: '已注册登记的机动车所有权发生转移的（即二手车过户），现机动车所有人应当于机动车交付之日起三十日内申请转移登记。小型非营运载客汽车在全国范围内实行异地交易登记“跨省通办”。',
  basis: ['《中华人民共和国道路交通安全法》第十二条', '《机动车登记规定》（公安部令第164号）第二十五条'],
  cond: '机动车已注册登记且无未处理的交通违法和交通事故记录、未被查封或抵押（抵押权人同意的除外），已过户的车辆检验合格。',
  mats: [M.id('现机动车所有人身份证明。'), reg(), vl(), M.own('机动车来历证明', '二手车销售统一发票或人民法院调解书、判决书等。', { copies: 1 })],
  steps: seq(['申请', 0], ['受理', 0], ['机动车查验', 0], ['审核', 0], ['制证', 0]),
  kind: 'instant', sd: 1, pd: 0, fee: { charged: true, standard: '行驶证10元，更换号牌的另收号牌工本费', basis: '国家发展改革委、财政部关于机动车号牌工本费收费标准的规定', amountYuan: 10 },
  ch: ['window'], ol: 2, visits: 1, cross: 'national',
  result: { name: '机动车行驶证', kind: 'license', licenseType: '机动车行驶证' },
  loc: VMS, hours: HOURS_SAT,
})

item({
  dept: JJ, name: '机动车抵押登记', type: 'administrative_confirmation', group: 'vehicle', aud: ['individual', 'enterprise'], themes: ['交通出行'],
  desc: '机动车作为抵押物抵押的，机动车所有人和抵押权人应当共同申请抵押登记；主债权消灭后申请解除抵押登记。银行业金融机构可通过“交管12123”在线代办。',
  basis: ['《中华人民共和国民法典》第四百零三条', '《机动车登记规定》（公安部令第164号）第三十二条'],
  cond: '机动车已注册登记，抵押双方已签订书面抵押合同。',
  mats: [M.id('机动车所有人和抵押权人身份证明。'), reg(), M.own('机动车抵押合同', '主合同和抵押合同原件。', { copies: 1 })],
  steps: instantSteps(),
  kind: 'instant', sd: 1, pd: 0, ch: ['window', 'web'], ol: 4, visits: 0, cross: 'none',
  result: { name: '机动车登记证书（抵押登记栏签注）', kind: 'other' },
  loc: VMS,
})

item({
  dept: JJ, name: '机动车检验合格标志核发', type: 'administrative_confirmation', group: 'vehicle', aud: ['individual', 'enterprise'], themes: ['交通出行', '年检年审'],
  desc: '对检验合格或者免予上线检验的机动车核发检验合格标志。6年以内的非营运小微型载客汽车（面包车除外）免予上线检验，可在“交管12123”直接申领电子检验合格标志。',
  basis: ['《中华人民共和国道路交通安全法》第十三条', '《中华人民共和国道路交通安全法实施条例》第十六条'],
  cond: '机动车在检验有效期满前三个月内，交通违法和交通事故已处理完毕，已投保交强险。',
  mats: [vl(), M.own('机动车交通事故责任强制保险凭证', '电子保单联网核验。'), M.opt('机动车安全技术检验报告', '需上线检验的车辆由检验机构联网上传报告。', { source: 'intermediary', issuer: '机动车安全技术检验机构' })],
  steps: seq(['申请', 0], ['审核', 0], ['核发', 0]),
  kind: 'instant', sd: 0, pd: 0, ch: ['window', 'mobile'], ol: 4, visits: 0, cross: 'national',
  result: { name: '机动车检验合格标志（电子）', kind: 'license', licenseType: '机动车检验合格标志', validityYears: 2 },
  loc: VMS,
  faqs: [['新车6年免检还需要办什么？', '第6年、第10年仍需申领检验合格标志，免检车辆在“交管12123”在线申领电子标志即可。']],
})

item({
  dept: JJ, name: '机动车临时通行牌证核发', type: 'administrative_confirmation', group: 'vehicle', aud: ['individual', 'enterprise'], themes: ['交通出行'],
  desc: '未销售的机动车需要临时上道路行驶，或购买的机动车需要从购车地驶往登记地、到外地进行安全技术检验的，可申领临时行驶车号牌。',
  basis: ['《中华人民共和国道路交通安全法》第八条', '《机动车登记规定》（公安部令第164号）第六十一条'],
  cond: '车辆已投保交强险，属于需要临时上道路行驶的情形。',
  mats: [M.id('机动车所有人身份证明。'), M.own('机动车来历证明', '购车发票等。'), M.gov('机动车整车出厂合格证明', '机动车生产企业', '国产车辆合格证电子信息联网核验。'), M.own('机动车交通事故责任强制保险凭证', '电子保单联网核验。')],
  steps: instantSteps(),
  kind: 'instant', sd: 1, pd: 0, fee: { charged: true, standard: '每张5元', basis: '国家发展改革委、财政部关于机动车临时号牌工本费收费标准的规定', amountYuan: 5 },
  ch: ['window', 'mobile'], ol: 4, visits: 0, cross: 'none',
  result: { name: '临时行驶车号牌', kind: 'license', licenseType: '临时行驶车号牌' },
  loc: VMS,
})

item({
  dept: JJ, name: '机动车驾驶证有效期满换证', type: 'administrative_license', group: 'jsz', aud: ['individual'], themes: ['交通出行', '证件办理'],
  desc: '机动车驾驶人应当于驾驶证有效期满前九十日内，向驾驶证核发地或者核发地以外的车辆管理所申请换证。驾驶证换证已实现全国通办，通过“交管12123”提交体检信息后可全程网办、邮寄送证。',
  basis: ['《中华人民共和国道路交通安全法》第十九条', '《机动车驾驶证申领和使用规定》（公安部令第162号）第六十一条'],
  cond: '驾驶证有效期满前九十日内，且无未处理的交通违法、交通事故记录，身体条件符合规定。',
  mats: [M.id(), M.dl(), health, M.photo('由体检机构或车驾管服务站采集的数码照片。')],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 1], ['制证', 1], ['送达', 1]),
  kind: 'promised', sd: 3, pd: 1, fee: { charged: true, standard: '每本10元', basis: '国家发展改革委、财政部关于机动车驾驶证工本费收费标准的规定', amountYuan: 10 },
  ch: ['window', 'mobile'], ol: 4, visits: 0, cross: 'national', deliv: true,
  result: { name: '中华人民共和国机动车驾驶证', kind: 'license', licenseType: '机动车驾驶证', validityYears: 10 },
  loc: DMS, hours: HOURS_SAT,
  faqs: [['驾驶证到期了可以在手机上换吗？', '可以。在“交管12123”选择“期满换领”，上传联网体检信息并缴费，新证邮寄到家。'],
    ['驾驶证过期一年内还能换吗？', '超过有效期不满一年的仍可申请换证；超过一年以上的将被注销，需在注销后两年内参加科目一考试恢复驾驶资格。']],
})

item({
  dept: JJ, name: '机动车驾驶证补证', type: 'administrative_license', group: 'jsz', aud: ['individual'], themes: ['交通出行', '证件办理'],
  desc: '机动车驾驶证遗失的，机动车驾驶人应当向驾驶证核发地或者核发地以外的车辆管理所申请补发。补证期间可在“交管12123”申领电子驾驶证临时使用。',
  basis: ['《机动车驾驶证申领和使用规定》（公安部令第162号）第六十六条'],
  cond: '驾驶证遗失且驾驶证状态正常，无未处理的交通违法记录。',
  mats: [M.id(), M.photo('车驾管服务站现场采集。')],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 1], ['制证', 1], ['送达', 1]),
  kind: 'promised', sd: 3, pd: 1, fee: { charged: true, standard: '每本10元', basis: '国家发展改革委、财政部关于机动车驾驶证工本费收费标准的规定', amountYuan: 10 },
  ch: ['window', 'mobile'], ol: 4, visits: 0, cross: 'national', deliv: true,
  result: { name: '中华人民共和国机动车驾驶证', kind: 'license', licenseType: '机动车驾驶证' },
  loc: DMS, hours: HOURS_SAT,
})

item({
  dept: JJ, name: '机动车驾驶证初次申领', type: 'administrative_license', group: 'jsz', aud: ['individual'], themes: ['交通出行'],
  desc: '初次申请机动车驾驶证的，可以申请准驾车型为小型汽车、小型自动挡汽车等车型。申请人通过道路交通安全法律法规和相关知识考试、场地驾驶技能考试和道路驾驶技能考试后核发驾驶证，实习期为十二个月。',
  basis: ['《中华人民共和国道路交通安全法》第十九条', '《机动车驾驶证申领和使用规定》（公安部令第162号）第十一条'],
  cond: '年满十八周岁，身体条件符合规定，不存在不得申请驾驶证的情形；非本市户籍的凭居住证申请。',
  mats: [M.id(), health, M.table('机动车驾驶证申请表', '由驾驶培训机构在线代为填报的，申请人确认签字即可。')],
  steps: seq(['申请', 0], ['受理', 0], ['考试预约', 10], ['科目考试', 20], ['审核', 1], ['制证', 1]),
  kind: 'promised', sd: 60, pd: 45, fee: { charged: true, standard: '考试费按江苏省核定标准收取，驾驶证工本费10元', basis: '江苏省机动车驾驶人考试收费标准', amountYuan: 10 },
  ch: ['window', 'mobile'], ol: 2, visits: 3, cross: 'none',
  result: { name: '中华人民共和国机动车驾驶证', kind: 'license', licenseType: '机动车驾驶证', validityYears: 6 },
  loc: DMS,
})

item({
  dept: JJ, name: '机动车驾驶人提交身体条件证明', type: 'public_service', group: 'jsz', aud: ['individual'], themes: ['交通出行', '退休养老'],
  desc: '年龄在七十周岁以上的机动车驾驶人，以及持有大中型客货车驾驶证的驾驶人，应当每年提交一次身体条件证明。体检信息已联网的，系统自动确认，无需驾驶人另行提交。',
  basis: ['《中华人民共和国道路交通安全法实施条例》第二十六条', '《机动车驾驶证申领和使用规定》（公安部令第162号）第七十五条'],
  cond: '年满七十周岁的驾驶人，或按规定需每年提交身体条件证明的驾驶人。',
  mats: [M.dl(), health],
  steps: seq(['申请', 0], ['审核', 0], ['办结', 0]),
  kind: 'instant', sd: 0, pd: 0, ch: ['window', 'mobile'], ol: 4, visits: 0, cross: 'national',
  result: { name: '身体条件证明提交确认', kind: 'other' },
  loc: DMS,
})

item({
  dept: JJ, name: '道路交通事故认定', type: 'administrative_confirmation', aud: ['individual', 'enterprise'], themes: ['交通出行'],
  desc: '公安机关交通管理部门根据交通事故现场勘验、检查、调查情况和有关检验、鉴定结论，及时制作交通事故认定书，作为处理交通事故的证据。财产损失轻微的事故可通过“交管12123”在线快处快赔。',
  basis: ['《中华人民共和国道路交通安全法》第七十三条', '《道路交通事故处理程序规定》（公安部令第146号）第六十二条'],
  cond: '在本市道路上发生的道路交通事故，当事人报警或申请认定。',
  mats: [M.id('当事人身份证明。'), M.dl('当事人机动车驾驶证。'), vl('事故车辆行驶证。'), M.opt('现场照片、视频等证据材料', '快处快赔的按提示拍摄上传。', { form: 'electronic', originals: 0 })],
  steps: seq(['报案受理', 0], ['现场勘查', 1], ['调查取证', 5], ['事故认定', 3], ['送达', 1]),
  kind: 'promised', sd: 10, pd: 10, ch: ['window', 'mobile'], ol: 3, visits: 1, cross: 'none',
  result: { name: '道路交通事故认定书', kind: 'approval_document' },
  sp: ['检验检测'],
  loc: '事故发生地交警大队事故处理中队', hours: '24小时受理报警（122），事故处理窗口' + HOURS_SAT,
})

item({
  dept: JJ, name: '电动自行车登记', type: 'administrative_confirmation', aud: ['individual'], themes: ['交通出行'],
  desc: '在本市道路上行驶的电动自行车应当依法登记，取得号牌后方可上道路行驶。车辆须为列入目录、符合强制性国家标准的产品，销售网点可代为办理登记。',
  basis: ['《中华人民共和国道路交通安全法》第十八条', '《江苏省电动自行车管理条例》第十四条'],
  cond: '车辆符合《电动自行车安全技术规范》（GB 17761-2018），已取得强制性产品认证，车主在本市有住所。',
  mats: [M.id(), M.own('电动自行车购车发票', '或其他合法来历证明。'), M.own('产品合格证', '含CCC认证信息。')],
  steps: seq(['申请', 0], ['车辆查验', 0], ['发放号牌', 0]),
  kind: 'instant', sd: 0, pd: 0, ch: ['window', 'mobile'], ol: 3, visits: 1, cross: 'none',
  result: { name: '电动自行车号牌及行驶证', kind: 'license', licenseType: '电动自行车行驶证' },
  loc: '各区交警大队非机动车登记点及电动自行车销售网点',
})
