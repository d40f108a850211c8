import { area, item, seq, st, instantSteps, M, L } from './lib'
import { ZG, ZJ, SW, CG, FG } from './depts'

area('property-construction')

const BDC = '苏州市不动产登记中心服务大厅（苏州市姑苏区干将西路1001号）及各区不动产登记窗口'
const ZJHALL = '苏州市政务服务中心住建窗口（苏州市姑苏区三香路1158号）'
const GH = '苏州市政务服务中心自然资源和规划窗口（苏州市姑苏区三香路1158号）'
const bdcBasis = ['《中华人民共和国民法典》第二百零九条', '《不动产登记暂行条例》第十四条', '《不动产登记暂行条例》第二十条']
const regForm = M.table('不动产登记申请书', '可通过“苏州不动产”网上服务平台在线填写并电子签名。')
const buyerSeller = M.id('买卖双方居民身份证；单位提供营业执照。')

item({
  dept: ZG, name: '不动产转移登记（存量房买卖）', type: 'administrative_confirmation', group: 'zy', aud: ['individual', 'enterprise'], themes: ['不动产登记', '住房保障'],
  desc: '已经登记的存量房屋因买卖发生所有权转移的（即二手房过户），当事人应当共同申请转移登记。本市实行“一窗受理、集成服务”：受理后税务部门核定征收契税、个人所得税等税费，与不动产登记审核同步进行；缴税完成即登簿发证，水、电、气、有线电视过户同步联动办理。',
  basis: [...bdcBasis, '《不动产登记暂行条例实施细则》第三十八条', '《中华人民共和国契税法》第一条'],
  cond: '房屋已办理不动产登记，权属清楚，未被查封，无异议登记；已办理抵押的须经抵押权人同意；买卖双方已签订存量房买卖合同并完成网签备案。',
  mats: [regForm, buyerSeller, M.property('卖方不动产权证书，办结时交回注销。'), M.own('存量房买卖合同', '网签备案合同可联网核验。'),
    M.marriage('卖方已婚的提供，共有人需到场或出具书面同意。'), M.opt('资金监管协议', '选择交易资金监管的提供。')],
  steps: [st('申请', 0, []), st('一窗受理', 0, ['申请']), st('税费核定征收', 1, ['一窗受理'], SW), st('登记审核', 2, ['一窗受理'], ZG),
    st('缴纳税费', 0, ['税费核定征收']), st('登簿', 1, ['登记审核', '缴纳税费']), st('缮证发证', 1, ['登簿'])],
  kind: 'promised', sd: 30, pd: 3, fee: { charged: true, standard: '住宅类每件80元（含一本证书），每增加一本证书加收工本费10元', basis: '财政部 国家发展改革委关于不动产登记收费有关政策问题的通知（财税〔2016〕79号）', amountYuan: 80 },
  ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none', deliv: true,
  result: { name: '不动产权证书', kind: 'license', licenseType: '不动产权证书' },
  loc: BDC,
  faqs: [['二手房过户要几天？', '一般住宅转移登记承诺3个工作日办结，办理时税费核定与登记审核同步进行，缴税后即可登簿。'],
    ['过户时水电气要另外去办吗？', '不需要，申请时勾选水、电、气、有线电视过户，登簿后信息自动推送给各公用事业单位。'],
    ['卖房满五唯一要交个税吗？', '个人转让自用5年以上并且是家庭唯一生活用房取得的所得，免征个人所得税。']],
})

item({
  dept: ZG, name: '不动产转移登记（新建商品房）', type: 'administrative_confirmation', group: 'zy', aud: ['individual'], themes: ['不动产登记', '住房保障'],
  desc: '购买新建商品房的，开发企业完成首次登记后，买受人可申请转移登记（即新房办证）。本市推行“交房即发证”，契税申报与登记审核并联办理，开发企业可代为批量申请。',
  basis: [...bdcBasis, '《不动产登记暂行条例实施细则》第三十八条', '《中华人民共和国契税法》第九条'],
  cond: '开发企业已办理项目首次登记，商品房买卖合同已网签备案，买受人已付清房款。',
  mats: [regForm, M.id('买受人居民身份证。'), M.own('商品房买卖合同', '网签备案合同联网核验。'), M.own('购房发票', '全额购房发票，电子发票可在线核验。'), M.opt('房屋维修资金缴纳凭证', '按规定缴纳的提供。')],
  steps: [st('申请', 0, []), st('一窗受理', 0, ['申请']), st('契税申报审核', 1, ['一窗受理'], SW), st('登记审核', 2, ['一窗受理'], ZG),
    st('登簿', 1, ['契税申报审核', '登记审核']), st('缮证发证', 1, ['登簿'])],
  kind: 'promised', sd: 30, pd: 5, fee: { charged: true, standard: '住宅类每件80元', basis: '财政部 国家发展改革委关于不动产登记收费有关政策问题的通知（财税〔2016〕79号）', amountYuan: 80 },
  ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none', deliv: true,
  result: { name: '不动产权证书', kind: 'license', licenseType: '不动产权证书' },
  loc: BDC,
})

item({
  dept: ZG, name: '不动产转移登记（继承、受遗赠）', type: 'administrative_confirmation', group: 'zy', aud: ['individual'], themes: ['不动产登记', '死亡殡葬'],
  desc: '因继承、受遗赠取得不动产的，继承人或受遗赠人可以申请转移登记。不动产登记机构对继承材料进行查验，必要时进行公告，公告期间无异议的予以登记。',
  basis: [...bdcBasis, '《中华人民共和国民法典》第一千一百二十七条', '《不动产登记暂行条例实施细则》第十四条'],
  cond: '被继承人死亡，不动产已登记在被继承人名下，继承人之间对继承无争议。',
  mats: [regForm, M.id('全体继承人居民身份证。'), M.property('被继承人的不动产权证书。'), M.gov('被继承人死亡证明', '医疗机构或公安机关', '通过死亡人员信息共享核验。', { sharedDataset: '死亡人员信息' }),
    M.own('亲属关系证明', '户籍证明、结婚证、出生医学证明等，可共享核验的免交。', { sharedDataset: '人口基础信息' }), M.opt('继承权公证书或遗嘱', '办理公证的提供公证书；未公证的全体继承人到场查验。')],
  steps: seq(['申请', 0], ['受理', 0], ['查验', 3], ['公告', 15], ['登簿', 1], ['缮证发证', 1]),
  kind: 'promised', sd: 30, pd: 20, fee: { charged: true, standard: '住宅类每件80元', basis: '财税〔2016〕79号', amountYuan: 80 },
  ch: ['window'], ol: 2, visits: 2, cross: 'none',
  result: { name: '不动产权证书', kind: 'license', licenseType: '不动产权证书' },
  sp: ['公告'], loc: BDC,
})

item({
  dept: ZG, name: '不动产抵押权首次登记', type: 'administrative_confirmation', group: 'dy', aud: ['individual', 'enterprise'], themes: ['不动产登记'],
  desc: '以不动产设定抵押的，抵押人和抵押权人应当共同申请抵押权登记，抵押权自登记时设立。银行等金融机构已接入不动产登记网上服务平台，可在网点直接代为申请，结果以不动产登记电子证明推送。',
  basis: ['《中华人民共和国民法典》第四百零二条', '《不动产登记暂行条例》第五条', '《不动产登记暂行条例实施细则》第六十六条'],
  cond: '抵押财产已办理不动产登记，主债权合同和抵押合同已签订。',
  mats: [regForm, M.id('抵押人身份证明。'), M.property(), M.own('主债权合同及抵押合同', '金融机构在线推送的免交纸质件。')],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 1], ['登簿', 0]),
  kind: 'promised', sd: 30, pd: 1, fee: { charged: true, standard: '住宅类每件80元', basis: '财税〔2016〕79号', amountYuan: 80 },
  ch: ['window', 'web'], ol: 4, visits: 0, cross: 'none',
  result: { name: '不动产登记证明（抵押权）', kind: 'license', licenseType: '不动产登记证明' },
  loc: BDC + '及合作银行网点',
})

item({
  dept: ZG, name: '不动产抵押权注销登记', type: 'administrative_confirmation', group: 'dy', aud: ['individual', 'enterprise'], themes: ['不动产登记'],
  desc: '主债权消灭、抵押权已经实现或者抵押权人放弃抵押权的，当事人可以申请抵押权注销登记。贷款结清后由抵押权人在线申请，即时办结。',
  basis: ['《中华人民共和国民法典》第三百九十三条', '《不动产登记暂行条例实施细则》第七十四条'],
  cond: '主债权已消灭或抵押权人同意注销。',
  mats: [regForm, M.gov('不动产登记证明（抵押权）', '不动产登记机构', '电子证明联网核验。', { licenseType: '不动产登记证明' }), M.own('抵押权消灭证明', '贷款结清证明或抵押权人同意注销的书面文件。')],
  steps: instantSteps(),
  kind: 'instant', sd: 30, pd: 0, ch: ['window', 'web'], ol: 4, visits: 0, cross: 'none',
  result: { name: '抵押权注销登记结果', kind: 'other' }, loc: BDC + '及合作银行网点',
})

item({
  dept: ZG, name: '不动产权证书补发', type: 'administrative_confirmation', group: 'dy', aud: ['individual', 'enterprise'], themes: ['不动产登记'],
  desc: '不动产权证书或者不动产登记证明遗失、灭失的，权利人可以申请补发。不动产登记机构在门户网站上予以公告15个工作日，公告期满无异议的补发证书，并注明“补发”字样。',
  basis: ['《不动产登记暂行条例实施细则》第二十二条'],
  cond: '不动产权证书遗失或灭失，不动产未被查封。',
  mats: [regForm, M.id('权利人居民身份证。'), M.own('遗失声明', '由登记机构在门户网站统一公告，申请人无需登报。', { form: 'electronic', originals: 0 })],
  steps: seq(['申请', 0], ['受理', 0], ['公告', 15], ['缮证', 2], ['发证', 1]),
  kind: 'promised', sd: 30, pd: 20, fee: { charged: true, standard: '每本10元', basis: '财税〔2016〕79号', amountYuan: 10 },
  ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none', deliv: true,
  result: { name: '不动产权证书', kind: 'license', licenseType: '不动产权证书' },
  sp: ['公告'], loc: BDC,
})

item({
  dept: ZG, name: '不动产登记资料查询', type: 'public_service', group: 'dy', aud: ['individual', 'enterprise'], themes: ['不动产登记'],
  desc: '权利人、利害关系人可以依法查询、复制不动产登记资料。个人可通过“苏周到”在线查询本人名下房产信息并下载带电子签章的查询结果，用于落户、入学、公积金提取等。',
  basis: ['《不动产登记暂行条例》第二十七条', '《不动产登记资料查询暂行办法》第十四条'],
  cond: '查询人为权利人、利害关系人，或人民法院、人民检察院等有关国家机关依法查询。',
  mats: [M.id('查询人身份证明。'), M.opt('利害关系证明', '利害关系人查询的提供买卖合同、诉讼材料等。')],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['window', 'web', 'mobile', 'other'], ol: 4, visits: 0, cross: 'none', appt: false,
  result: { name: '不动产登记资料查询结果证明', kind: 'other' }, loc: BDC + '及自助查询机',
})

item({
  dept: ZG, name: '建设用地规划许可证核发', type: 'administrative_license', group: 'gh', aud: ['enterprise'], themes: ['工程建设'],
  desc: '以划拨或出让方式取得国有土地使用权的建设项目，建设单位应当向城乡规划主管部门申请建设用地规划许可证。以出让方式取得的，与国有建设用地使用权出让合同签订后合并办理用地规划许可。',
  basis: ['《中华人民共和国城乡规划法》第三十七条', '《中华人民共和国城乡规划法》第三十八条'],
  cond: '建设项目已取得立项（批准、核准、备案）文件；以出让方式取得土地的已签订国有建设用地使用权出让合同。',
  mats: [M.table('建设用地规划许可申请表'), M.bl('建设单位营业执照。'), M.own('建设项目批准、核准或备案文件', '投资项目在线审批监管平台可联网核验。', { sharedDataset: '投资项目审批信息' }),
    M.own('国有建设用地使用权出让合同', '出让用地提供。'), M.own('建设项目用地红线图', '电子版（CAD格式）。', { form: 'electronic' })],
  steps: seq(['申请', 0], ['受理', 1], ['审查', 5], ['决定', 1], ['发证', 1]),
  kind: 'promised', sd: 20, pd: 7, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '建设用地规划许可证', kind: 'license', licenseType: '建设用地规划许可证' }, loc: GH,
})

item({
  dept: ZG, name: '建设工程规划许可证核发', type: 'administrative_license', group: 'gh', aud: ['enterprise'], themes: ['工程建设'],
  desc: '在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，建设单位应当申请办理建设工程规划许可证。对社会投资简易低风险项目实行告知承诺，当场核发。',
  basis: ['《中华人民共和国城乡规划法》第四十条', L.lic42],
  cond: '已取得建设用地规划许可证和土地使用权证明；建设工程设计方案符合控制性详细规划和规划条件。',
  mats: [M.table('建设工程规划许可申请表'), M.gov('建设用地规划许可证', '城乡规划主管部门', '本市核发的联网核验。', { licenseType: '建设用地规划许可证' }),
    M.own('建设工程设计方案', '总平面图、各层平面图、立面图、剖面图及电子文件。', { source: 'intermediary', issuer: '设计单位' }), M.property('国有土地使用权证明。')],
  steps: seq(['申请', 0], ['受理', 1], ['方案审查', 10], ['批前公示', 7], ['决定', 1], ['发证', 1]),
  kind: 'promised', sd: 20, pd: 15, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '建设工程规划许可证', kind: 'license', licenseType: '建设工程规划许可证' },
  sp: ['专家评审'], inter: ['建设工程设计'], loc: GH,
})

item({
  dept: ZJ, name: '建筑工程施工许可证核发', type: 'administrative_license', group: 'sg', aud: ['enterprise'], themes: ['工程建设'],
  desc: '在本市行政区域内从事各类房屋建筑及其附属设施的建造、装修装饰和配套的线路、管道、设备安装，以及城镇市政基础设施工程的施工，建设单位应当在开工前申请领取施工许可证。工程投资额在100万元以下或建筑面积在500平方米以下的工程可以不申请。',
  basis: ['《中华人民共和国建筑法》第七条', '《中华人民共和国建筑法》第八条', '《建筑工程施工许可管理办法》（住房和城乡建设部令第18号）第二条'],
  cond: '已办理用地批准手续和建设工程规划许可证；施工场地已基本具备施工条件；已确定施工企业；有满足施工需要的资金安排、施工图纸及技术资料；有保证工程质量和安全的具体措施。',
  mats: [M.table('建筑工程施工许可证申请表'), M.gov('建设工程规划许可证', '城乡规划主管部门', '联网核验。', { licenseType: '建设工程规划许可证' }),
    M.own('施工合同', '中标通知书及施工合同，已在招投标平台备案的免交。'), M.own('建设资金落实承诺书', '建设单位法定代表人签署。'), M.own('质量安全措施及施工图审查合格书', '施工图联合审查合格信息联网核验。', { sharedDataset: '施工图审查信息' })],
  steps: seq(['申请', 0], ['受理', 1], ['审查', 3], ['决定', 1], ['发证', 1]),
  kind: 'promised', sd: 7, pd: 3, ch: ['window', 'web'], ol: 4, visits: 0, cross: 'none',
  result: { name: '建筑工程施工许可证', kind: 'license', licenseType: '建筑工程施工许可证' }, loc: ZJHALL,
})

item({
  dept: ZJ, name: '建设工程竣工联合验收', type: 'other_administrative_power', group: 'sg', aud: ['enterprise'], themes: ['工程建设'],
  desc: '工程建设项目竣工后，由住房城乡建设部门牵头，组织规划、消防、人防、市政公用、绿化和城建档案等部门实行“一口受理、同步验收、限时办结”的联合验收。各部门现场验收并联开展，验收通过后出具联合验收意见书，作为办理竣工验收备案和不动产首次登记的依据。',
  basis: ['《中华人民共和国城乡规划法》第四十五条', '《建设工程质量管理条例》第十六条', '《建设工程消防设计审查验收管理暂行规定》（住房和城乡建设部令第51号）第二十六条'],
  cond: '工程已按设计和合同约定完成各项内容，施工单位、监理单位已出具质量合格文件，建设单位已组织竣工预验收。',
  mats: [M.table('工程建设项目竣工联合验收申请表'), M.own('工程竣工验收报告', '建设、勘察、设计、施工、监理五方签章。'),
    M.own('规划核实测量成果报告', '由具备资质的测绘单位出具。', { source: 'intermediary', issuer: '测绘单位' }), M.own('消防验收资料', '含消防设施检测报告。', { source: 'intermediary', issuer: '消防设施检测机构' }),
    M.own('城建档案预验收资料', '按城建档案归档要求整理的电子档案。', { form: 'electronic' })],
  steps: [st('申请', 0, []), st('一口受理', 1, ['申请']), st('规划条件核实', 5, ['一口受理'], ZG), st('消防验收', 5, ['一口受理'], ZJ),
    st('市政绿化验收', 5, ['一口受理'], CG), st('出具联合验收意见', 2, ['规划条件核实', '消防验收', '市政绿化验收'])],
  kind: 'promised', sd: 20, pd: 12, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '工程建设项目竣工联合验收意见书', kind: 'approval_document' },
  sp: ['现场核查', '检验检测'], inter: ['规划核实测量', '消防设施检测'], loc: ZJHALL,
})

item({
  dept: ZJ, name: '商品房预售许可', type: 'administrative_license', aud: ['enterprise'], themes: ['工程建设', '准营准办'],
  desc: '房地产开发企业预售商品房，应当向房产管理部门申请预售许可，取得商品房预售许可证明。预售资金全部纳入监管账户，专款用于项目工程建设。',
  basis: ['《中华人民共和国城市房地产管理法》第四十五条', '《城市商品房预售管理办法》第五条', '《城市商品房预售管理办法》第七条'],
  cond: '已交付全部土地使用权出让金并取得土地使用权证书；持有建设工程规划许可证和施工许可证；投入开发建设的资金达到工程建设总投资的25%以上，并已确定施工进度和竣工交付日期。',
  mats: [M.table('商品房预售许可申请表'), M.bl('开发企业营业执照。'), M.gov('房地产开发企业资质证书', '住房和城乡建设部门', '联网核验。', { licenseType: '房地产开发企业资质证书' }),
    M.gov('建筑工程施工许可证', '住房和城乡建设部门', '联网核验。', { licenseType: '建筑工程施工许可证' }), M.own('工程进度证明及预售方案', '监理单位出具的形象进度证明。')],
  steps: seq(['申请', 0], ['受理', 1], ['审查', 3], ['现场查勘', 2], ['决定', 1], ['发证', 1]),
  kind: 'promised', sd: 10, pd: 7, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '商品房预售许可证', kind: 'license', licenseType: '商品房预售许可证' },
  sp: ['现场核查'], loc: ZJHALL,
})

item({
  dept: ZJ, name: '建筑业企业资质核准（施工总承包三级）', type: 'administrative_license', aud: ['enterprise'], themes: ['资质认证', '工程建设'],
  desc: '从事建筑活动的建筑施工企业，应当按照其拥有的注册资本、专业技术人员、技术装备和已完成的建筑工程业绩等资质条件申请资质，取得相应等级的资质证书后，方可在资质许可的范围内从事建筑活动。',
  basis: ['《中华人民共和国建筑法》第十三条', '《建筑业企业资质管理规定》（住房和城乡建设部令第22号）第九条'],
  cond: '企业具有法人资格，净资产、注册建造师、技术负责人和技术工人等满足《建筑业企业资质标准》对应等级要求。',
  mats: [M.table('建筑业企业资质申请表'), M.bl(), M.own('企业净资产证明', '上一年度财务审计报告或验资报告。', { source: 'intermediary', issuer: '会计师事务所' }),
    M.own('注册人员及技术负责人证明', '注册建造师注册信息联网核验，技术负责人提供职称证书和业绩证明。', { sharedDataset: '注册执业人员信息' }), M.own('安全生产许可证或承诺书', '新设立企业提交安全生产承诺书，取得资质后按规定申领安全生产许可证。')],
  steps: seq(['申请', 0], ['受理', 1], ['审查', 12], ['公示', 5], ['决定', 1], ['发证', 1]),
  kind: 'promised', sd: 20, pd: 20, ch: ['web'], ol: 4, visits: 0, cross: 'none',
  result: { name: '建筑业企业资质证书', kind: 'license', licenseType: '建筑业企业资质证书', validityYears: 5 },
  sp: ['专家评审'], loc: ZJHALL,
})

item({
  dept: ZJ, name: '公共租赁住房保障资格申请', type: 'administrative_payment', group: 'gz', aud: ['individual'], themes: ['住房保障'],
  desc: '本市城镇住房、收入困难家庭和符合条件的新就业无房职工、外来务工人员，可以申请公共租赁住房实物配租或住房租赁补贴。申请经街道初审、区住房保障部门复核和公示后，纳入保障范围。',
  basis: ['《公共租赁住房管理办法》（住房和城乡建设部令第11号）第七条', '《公共租赁住房管理办法》（住房和城乡建设部令第11号）第十条'],
  cond: '申请人及家庭成员在本市无房或人均住房建筑面积低于规定标准，家庭收入、财产符合本市规定的标准。',
  mats: [M.table('公共租赁住房申请表'), M.id('申请人及共同申请家庭成员居民身份证。'), M.hukou(), M.own('家庭收入和财产声明', '同时授权住房保障部门核查家庭收入、财产状况。'),
    M.opt('劳动合同及社保缴纳证明', '新就业无房职工、外来务工人员提供，社保信息可共享核验。', { sharedDataset: '社保参保信息' })],
  steps: seq(['申请', 0], ['受理', 2], ['街道初审', 10], ['复核', 10], ['公示', 5], ['决定', 3]),
  kind: 'promised', sd: 45, pd: 30, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '公共租赁住房保障资格确认通知书', kind: 'approval_document' },
  loc: '户籍或工作所在地街道（镇）便民服务中心住房保障窗口',
})

item({
  dept: ZJ, name: '住房租赁合同登记备案', type: 'public_service', group: 'gz', aud: ['individual', 'enterprise'], themes: ['住房保障'],
  desc: '房屋租赁合同订立后三十日内，租赁双方应当到房屋所在地房产管理部门办理登记备案。备案信息可用于办理居住证、公积金租房提取和子女入学等。',
  basis: ['《商品房屋租赁管理办法》（住房和城乡建设部令第6号）第十四条'],
  cond: '出租房屋权属清楚，符合安全、防灾等工程建设强制性标准；租赁双方已签订书面租赁合同。',
  mats: [M.id('出租人和承租人身份证明。'), M.property('出租房屋权属证明。'), M.lease('租赁合同原件。')],
  steps: instantSteps(),
  kind: 'instant', sd: 3, pd: 0, ch: ['window', 'web', 'mobile'], ol: 4, visits: 0, cross: 'none',
  result: { name: '住房租赁登记备案证明', kind: 'other' }, loc: ZJHALL,
})

item({
  dept: FG, name: '企业投资项目备案', type: 'other_administrative_power', aud: ['enterprise'], themes: ['工程建设'],
  desc: '对关系国家安全、涉及全国重大生产力布局、战略性资源开发和重大公共利益等以外的企业投资项目，实行备案管理。企业通过投资项目在线审批监管平台告知项目信息，备案机关收到全部信息即为备案。',
  basis: ['《企业投资项目核准和备案管理条例》第三条', '《企业投资项目核准和备案管理条例》第十三条'],
  cond: '不属于《政府核准的投资项目目录》范围的企业投资项目，项目信息真实、合法、完整。',
  mats: [M.own('项目基本信息', '项目名称、建设地点、建设规模和内容、总投资额等，在线填报。', { form: 'electronic', originals: 0 }), M.bl('项目单位营业执照。'),
    M.own('符合产业政策声明', '在线勾选承诺。', { form: 'electronic', originals: 0 })],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web'], ol: 4, visits: 0, cross: 'none', appt: false,
  result: { name: '江苏省投资项目备案证', kind: 'approval_document' }, loc: '江苏省投资项目在线审批监管平台',
})

item({
  dept: FG, name: '固定资产投资项目节能审查', type: 'administrative_license', aud: ['enterprise'], themes: ['工程建设'],
  desc: '年综合能源消费量在规定规模以上的固定资产投资项目，建设单位应当在开工建设前取得节能审查意见。节能审查机关组织专家对项目节能报告进行评审。',
  basis: ['《中华人民共和国节约能源法》第十五条', '《固定资产投资项目节能审查办法》（国家发展改革委令第2号）第五条'],
  cond: '项目已取得立项文件，年综合能源消费量达到本市节能审查范围。',
  mats: [M.table('节能审查申请函'), M.own('项目节能报告', '按规定内容编制。', { source: 'intermediary', issuer: '节能评估机构' }), M.own('项目立项文件', '联网核验。', { sharedDataset: '投资项目审批信息' })],
  steps: seq(['申请', 0], ['受理', 2], ['专家评审', 10], ['审查', 5], ['出具意见', 3]),
  kind: 'promised', sd: 20, pd: 15, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '节能审查意见', kind: 'approval_document' }, sp: ['专家评审'], inter: ['节能评估'],
  loc: '苏州市政务服务中心发展改革窗口（苏州市姑苏区三香路1158号）', status: 'draft',
})
