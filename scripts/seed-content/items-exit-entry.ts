import { area, item, seq, M, HOURS_SAT } from './lib'
import { CRJ } from './depts'

area('exit-entry')

const LOC = '苏州市出入境接待大厅（苏州市姑苏区人民路1109号）或就近的出入境办证窗口'
const id = M.id('核验本人居民身份证原件，外省户籍居民凭身份证即可在本市办理。')
const photoCRJ = M.photo('窗口现场免费采集出入境证件数码照片，无需自带照片。')

item({
  dept: CRJ, name: '普通护照签发', type: 'administrative_license', group: 'passport', aud: ['individual'], themes: ['出境入境', '证件办理'],
  desc: '中国公民因前往外国定居、探亲、学习、就业、旅行、从事商务活动等非公务原因出国的，可申请签发普通护照。自2019年起实行全国通办，群众可在全国任一出入境管理机构申请，无需返回户籍地。',
  basis: ['《中华人民共和国护照法》第四条', '《中华人民共和国护照法》第五条', '《中华人民共和国护照法》第六条'],
  cond: '中国公民，不存在《中华人民共和国护照法》第十三条规定的不予签发情形；未满十六周岁的由监护人陪同申请。',
  mats: [id, M.table('中国公民出入境证件申请表', '可在“移民局12367”App在线填报，凭回执号到窗口办理。'), photoCRJ,
    M.opt('国家工作人员出境审批意见', '登记备案的国家工作人员提供所在单位或上级主管部门出具的意见。'),
    M.opt('监护证明', '未满十六周岁者由监护人陪同并提交监护关系证明。')],
  steps: seq(['申请', 0], ['受理', 0], ['审批', 3], ['制证', 3], ['送达', 1]),
  kind: 'promised', sd: 15, pd: 7, fee: { charged: true, standard: '每本120元', basis: '《中华人民共和国护照法》第六条；国家发展改革委、财政部关于出入境证件收费标准的规定', amountYuan: 120 },
  ch: ['window', 'mobile'], ol: 2, visits: 1, cross: 'national', deliv: true,
  result: { name: '中华人民共和国普通护照', kind: 'license', licenseType: '普通护照', validityYears: 10 },
  loc: LOC, hours: HOURS_SAT,
  faqs: [['办护照要多久？', '审批时限为7个工作日，可选择邮政速递送证上门。旺季前后建议提前办理。'],
    ['外地户口可以在苏州办护照吗？', '可以，普通护照已实现全国通办，凭居民身份证即可在本市任一出入境办证窗口申请。']],
})

item({
  dept: CRJ, name: '普通护照换发', type: 'administrative_license', group: 'passport', aud: ['individual'], themes: ['出境入境', '证件办理'],
  desc: '普通护照有效期即将届满、签证页即将使用完毕或证件损毁不能使用的，可以申请换发。申请换发时需交回原护照，原护照中仍在有效期内的签证可按需申请保留。',
  basis: ['《中华人民共和国护照法》第十一条'],
  cond: '持有的普通护照有效期不足六个月、签证页即将用完、证件损毁或登记事项需要变更。',
  mats: [id, M.own('原普通护照', '交回原护照，需保留有效签证的当场说明。', { source: 'government', issuer: '公安机关出入境管理机构', licenseType: '普通护照' }), M.table('中国公民出入境证件申请表'), photoCRJ],
  steps: seq(['申请', 0], ['受理', 0], ['审批', 3], ['制证', 3], ['送达', 1]),
  kind: 'promised', sd: 15, pd: 7, fee: { charged: true, standard: '每本120元', basis: '国家发展改革委、财政部关于出入境证件收费标准的规定', amountYuan: 120 },
  ch: ['window', 'mobile'], ol: 2, visits: 1, cross: 'national', deliv: true,
  result: { name: '中华人民共和国普通护照', kind: 'license', licenseType: '普通护照', validityYears: 10 },
  loc: LOC, hours: HOURS_SAT,
})

item({
  dept: CRJ, name: '普通护照补发', type: 'administrative_license', group: 'passport', aud: ['individual'], themes: ['出境入境', '证件办理'],
  desc: '普通护照遗失或者被盗的，可以申请补发。受理时出入境管理机构宣布原护照作废，补发的护照与原护照号码不同。',
  basis: ['《中华人民共和国护照法》第十一条'],
  cond: '普通护照在境内遗失或被盗；在境外遗失的应向驻外使领馆申请旅行证回国后再申请补发。',
  mats: [id, M.table('中国公民出入境证件申请表'), photoCRJ, M.own('护照遗失、被盗情况说明', '本人书面说明遗失经过，可在窗口现场填写。')],
  steps: seq(['申请', 0], ['受理', 0], ['审批', 5], ['制证', 3], ['送达', 1]),
  kind: 'promised', sd: 15, pd: 10, fee: { charged: true, standard: '每本120元', basis: '国家发展改革委、财政部关于出入境证件收费标准的规定', amountYuan: 120 },
  ch: ['window'], ol: 2, visits: 1, cross: 'national', deliv: true,
  result: { name: '中华人民共和国普通护照', kind: 'license', licenseType: '普通护照', validityYears: 10 },
  loc: LOC, hours: HOURS_SAT,
})

item({
  dept: CRJ, name: '往来港澳通行证及签注签发', type: 'administrative_license', group: 'hkmo', aud: ['individual'], themes: ['出境入境', '证件办理'],
  desc: '内地居民因私前往香港、澳门旅游、探亲、商务、学习等，应当申请往来港澳通行证及相应签注。电子往来港澳通行证有效期十年（未满十六周岁五年），签注分为团队旅游、个人旅游、探亲、商务等种类。',
  basis: ['《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》第三条', '《中华人民共和国出境入境管理法》第九条'],
  cond: '内地居民申请前往香港、澳门，不存在不准出境的情形。',
  mats: [id, M.table('中国公民出入境证件申请表'), photoCRJ, M.opt('签注种类相关证明', '申请探亲签注的提供亲属关系证明，商务签注按规定提供单位备案证明。')],
  steps: seq(['申请', 0], ['受理', 0], ['审批', 3], ['制证', 3], ['送达', 1]),
  kind: 'promised', sd: 15, pd: 7, fee: { charged: true, standard: '通行证每本60元，一次有效签注每件15元', basis: '国家发展改革委、财政部关于出入境证件收费标准的规定', amountYuan: 75 },
  ch: ['window', 'mobile'], ol: 2, visits: 1, cross: 'national', deliv: true,
  result: { name: '往来港澳通行证', kind: 'license', licenseType: '往来港澳通行证', validityYears: 10 },
  loc: LOC, hours: HOURS_SAT,
  faqs: [['港澳通行证和签注是一回事吗？', '通行证是证件，签注是每次前往的许可。通行证有效期内只需再办签注即可。']],
})

item({
  dept: CRJ, name: '往来港澳通行证再次签注', type: 'administrative_license', group: 'hkmo', aud: ['individual'], themes: ['出境入境'],
  desc: '持有效电子往来港澳通行证的内地居民，可在自助签注机或通过“移民局12367”App在线办理再次签注，签注信息直接写入证件芯片，立等可取。',
  basis: ['《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》第十一条'],
  cond: '持有效期内的电子往来港澳通行证，申请团队旅游、个人旅游签注的。',
  mats: [M.own('电子往来港澳通行证', '有效期内证件原件。', { source: 'government', issuer: '公安机关出入境管理机构', licenseType: '往来港澳通行证' }), id],
  steps: seq(['申请', 0], ['审核', 0], ['办结', 0]),
  kind: 'instant', sd: 0, pd: 0, fee: { charged: true, standard: '一次有效签注每件15元，二次有效签注每件30元', basis: '国家发展改革委、财政部关于出入境证件收费标准的规定', amountYuan: 15 },
  ch: ['window', 'mobile', 'other'], ol: 3, visits: 1, cross: 'national',
  result: { name: '往来港澳签注', kind: 'other' },
  loc: '各出入境办证窗口及24小时自助签注机', hours: '自助签注机24小时开放；人工窗口' + HOURS_SAT,
})

item({
  dept: CRJ, name: '往来台湾通行证及签注签发', type: 'administrative_license', aud: ['individual'], themes: ['出境入境', '证件办理'],
  desc: '大陆居民因私前往台湾地区的，应当申请往来台湾通行证及签注。电子往来台湾通行证有效期十年（未满十六周岁五年），签注分为团队旅游、探亲、商务、学习等种类。',
  basis: ['《中国公民往来台湾地区管理办法》第五条', '《中国公民往来台湾地区管理办法》第七条'],
  cond: '大陆居民申请前往台湾地区，不存在不准出境的情形；申请非旅游类签注的应提供相应事由证明。',
  mats: [id, M.table('中国公民出入境证件申请表'), photoCRJ, M.opt('赴台事由证明', '探亲、商务、学习等签注提供邀请函或相关证明。')],
  steps: seq(['申请', 0], ['受理', 0], ['审批', 5], ['制证', 3], ['送达', 1]),
  kind: 'promised', sd: 15, pd: 10, fee: { charged: true, standard: '通行证每本60元，一次有效签注每件15元', basis: '国家发展改革委、财政部关于出入境证件收费标准的规定', amountYuan: 75 },
  ch: ['window'], ol: 2, visits: 1, cross: 'national', deliv: true,
  result: { name: '往来台湾通行证', kind: 'license', licenseType: '往来台湾通行证', validityYears: 10 },
  loc: LOC, hours: HOURS_SAT,
})

item({
  dept: CRJ, name: '外国人工作类居留许可签发', type: 'administrative_license', aud: ['individual'], themes: ['出境入境', '就业创业'],
  desc: '在本市工作的外国人，应当自入境之日起三十日内申请办理工作类居留许可。居留许可有效期根据工作许可期限确定，最短九十日，最长五年。',
  basis: ['《中华人民共和国出境入境管理法》第三十条', '《中华人民共和国外国人入境出境管理条例》第十五条'],
  cond: '持工作签证入境并已取得外国人工作许可证，在本市办理了住宿登记。',
  mats: [M.own('护照及有效签证', '本人有效护照原件及资料页复印件。', { copies: 1 }), M.table('外国人签证证件申请表'), M.photo('近期正面免冠彩色照片1张，背景为白色。'),
    M.gov('外国人工作许可证', '科学技术部门（外国专家管理部门）', '可通过外国人工作许可信息共享核验。', { sharedDataset: '外国人工作许可信息' }),
    M.gov('境外人员住宿登记表', '公安派出所', '入住宾馆的由宾馆办理，居住社会住所的本人到派出所申报。'), M.own('聘用单位函件', '加盖单位公章，说明聘用岗位和期限。')],
  steps: seq(['申请', 0], ['受理', 0], ['审查', 10], ['制证', 4], ['送达', 1]),
  kind: 'promised', sd: 15, pd: 15, fee: { charged: true, standard: '有效期一年以下400元，一年以上不满三年800元，三年以上至五年1000元', basis: '国家发展改革委、财政部关于外国人证件收费标准的规定', amountYuan: 400 },
  ch: ['window'], ol: 2, visits: 1, cross: 'none',
  result: { name: '外国人居留许可', kind: 'license', licenseType: '外国人居留许可' },
  loc: LOC,
})
