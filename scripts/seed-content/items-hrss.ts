import { area, item, seq, st, instantSteps, M } from './lib'
import { RS, YB, GJJ } from './depts'

area('hrss')

const HALL = '苏州市社会保险基金管理中心服务大厅（苏州市姑苏区劳动路288号）及各区人社服务窗口'
const jobHall = '苏州市公共就业和人才服务中心及各街道（镇）公共就业服务窗口'
const unitBase = M.bl('单位营业执照或事业单位法人证书，通过法人基础信息共享核验。')

item({
  dept: RS, name: '社会保障卡申领', type: 'public_service', group: 'ssc', aud: ['individual'], themes: ['社会保障', '证件办理'],
  desc: '在本市参加社会保险的人员和本市户籍居民，可以申领第三代社会保障卡。社会保障卡具有身份凭证、信息记录、自助查询、医保结算、待遇领取和金融支付等功能，申领后同时开通电子社保卡。',
  basis: ['《中华人民共和国社会保险法》第七十五条', '《社会保障卡管理办法》'],
  cond: '在本市参加社会保险或具有本市户籍，此前未在本市领取社会保障卡。',
  mats: [M.id(), M.photo('可使用公安部门共享的身份证照片，无需另行提供。'), M.opt('监护人身份证明', '16周岁以下人员由监护人代办的提供。')],
  steps: seq(['申请', 0], ['受理', 0], ['制卡', 10], ['发卡', 5]),
  kind: 'promised', sd: 30, pd: 15, ch: ['window', 'web', 'mobile'], ol: 4, visits: 0, cross: 'none', deliv: true,
  result: { name: '中华人民共和国社会保障卡', kind: 'license', licenseType: '社会保障卡' },
  loc: '各合作银行社保卡服务网点及“苏周到”App',
  faqs: [['新生儿可以办社保卡吗？', '可以。通过“出生一件事”办理医保参保后，可同步申领社会保障卡，制卡完成后邮寄到家。'],
    ['社保卡可以即时领取吗？', '在设有即时制卡设备的银行网点申领，可现场领卡。']],
})

item({
  dept: RS, name: '社会保障卡补换', type: 'public_service', group: 'ssc', aud: ['individual'], themes: ['社会保障', '证件办理'],
  desc: '社会保障卡遗失、损坏或有效期满的，持卡人可申请补领或换领。补卡前须先办理挂失，新卡启用后原卡同时作废，卡内个人账户信息不受影响。',
  basis: ['《中华人民共和国社会保险法》第七十五条', '《社会保障卡管理办法》'],
  cond: '已领取本市社会保障卡，卡片遗失、损坏、信息变更或有效期届满。',
  mats: [M.id(), M.opt('原社会保障卡', '换卡的交回原卡；遗失的先通过电话12333或“苏周到”挂失。')],
  steps: seq(['申请', 0], ['受理', 0], ['制卡', 5], ['发卡', 2]),
  kind: 'promised', sd: 15, pd: 7, fee: { charged: true, standard: '遗失补卡20元/张，卡片质量问题免费换卡', basis: '江苏省物价局、财政厅关于社会保障卡工本费的规定', amountYuan: 20 },
  ch: ['window', 'mobile'], ol: 4, visits: 0, cross: 'none', deliv: true,
  result: { name: '中华人民共和国社会保障卡', kind: 'license', licenseType: '社会保障卡' },
  loc: '各合作银行社保卡服务网点及“苏周到”App',
})

item({
  dept: RS, name: '就业登记', type: 'public_service', group: 'job', aud: ['individual', 'enterprise'], themes: ['就业创业', '人力资源'],
  desc: '用人单位招用劳动者后，应当在录用之日起三十日内为劳动者办理就业登记；灵活就业人员可自行申请就业登记。办理参保登记的同时自动完成就业登记。',
  basis: ['《中华人民共和国就业促进法》第三十五条', '《就业服务与就业管理规定》第六十二条'],
  cond: '在法定劳动年龄内、有劳动能力且已实现就业的人员。',
  mats: [M.id(), M.own('劳动合同或就业证明', '用人单位批量办理的通过“苏州市人社网上办事大厅”在线申报。', { copies: 1 })],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '就业登记信息', kind: 'other' }, loc: jobHall,
})

item({
  dept: RS, name: '失业登记', type: 'public_service', group: 'job', aud: ['individual'], themes: ['就业创业', '社会保障'],
  desc: '在法定劳动年龄内、有劳动能力和就业要求、处于无业状态的人员，可以在常住地进行失业登记，享受职业介绍、职业培训和就业援助等公共就业服务。失业登记与失业保险金申领可一并办理。',
  basis: ['《中华人民共和国就业促进法》第四十二条', '《就业服务与就业管理规定》第六十三条'],
  cond: '法定劳动年龄内，有劳动能力和就业要求，处于无业状态；在本市常住。',
  mats: [M.id(), M.opt('解除或终止劳动关系证明', '原单位已在系统办理退工的可通过社保参保信息核验。', { sharedDataset: '社保参保信息' })],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'mobile', 'window'], ol: 4, visits: 0, cross: 'cross_province',
  result: { name: '就业创业证（失业登记）', kind: 'license', licenseType: '就业创业证' }, loc: jobHall,
})

item({
  dept: RS, name: '失业保险金申领', type: 'administrative_payment', group: 'unemp', aud: ['individual'], themes: ['社会保障', '就业创业'],
  desc: '失业人员符合条件的，可以申请领取失业保险金，领取期间同时享受基本医疗保险待遇，由失业保险基金代缴医疗保险费。申领已实现全程网办，审核通过后按月发放至本人社会保障卡金融账户。',
  basis: ['《中华人民共和国社会保险法》第四十五条', '《中华人民共和国社会保险法》第四十六条', '《失业保险条例》第十四条'],
  cond: '失业前用人单位和本人已经缴纳失业保险费满一年；非因本人意愿中断就业；已经进行失业登记，并有求职要求。',
  mats: [M.id(), M.ssc('社会保障卡金融账户用于发放失业保险金。'), M.opt('解除或终止劳动关系证明', '通过社保参保信息核验的免交。', { sharedDataset: '社保参保信息' })],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 5], ['核定', 3], ['发放', 2]),
  kind: 'promised', sd: 15, pd: 10, ch: ['web', 'mobile', 'window'], ol: 4, visits: 0, cross: 'cross_province',
  result: { name: '失业保险待遇核定通知', kind: 'other' },
  loc: HALL,
  faqs: [['失业金能领多久？', '累计缴费满1年不足5年的最长领取12个月，满5年不足10年的最长18个月，10年以上的最长24个月。'],
    ['主动辞职能领失业金吗？', '因本人意愿中断就业的不能领取失业保险金，但可按规定申领失业补助金（如政策在实施期内）。']],
})

item({
  dept: RS, name: '失业保险技能提升补贴申领', type: 'administrative_payment', group: 'unemp', aud: ['individual'], themes: ['就业创业', '社会保障'],
  desc: '参加失业保险的企业职工取得职业资格证书或职业技能等级证书的，可申请技能提升补贴。补贴标准按证书等级确定，每人每年最多享受三次。',
  basis: ['《中华人民共和国社会保险法》第四十八条', '《人力资源社会保障部 财政部关于失业保险支持参保职工提升职业技能有关问题的通知》'],
  cond: '累计参加失业保险一年以上（以取证时间为准），在取得证书之日起十二个月内申请。',
  mats: [M.id(), M.gov('职业资格证书或职业技能等级证书', '人力资源和社会保障部门或备案的评价机构', '可通过技能人才评价信息核验。', { sharedDataset: '职业技能等级证书信息' }), M.ssc()],
  steps: seq(['申请', 0], ['审核', 10], ['公示', 5], ['发放', 5]),
  kind: 'promised', sd: 30, pd: 20, ch: ['web', 'mobile'], ol: 4, visits: 0, cross: 'none',
  result: { name: '技能提升补贴发放', kind: 'other' }, loc: jobHall,
})

item({
  dept: RS, name: '一次性创业补贴申领', type: 'administrative_payment', group: 'job', aud: ['individual'], themes: ['就业创业'],
  desc: '首次创办小微企业或从事个体经营，正常经营并依法缴纳社会保险费满一定期限的毕业年度及离校两年内高校毕业生、就业困难人员、返乡创业人员等，可申请一次性创业补贴。',
  basis: ['《中华人民共和国就业促进法》第十五条', '《江苏省就业补助资金管理办法》'],
  cond: '在本市首次创业，创办实体在本市登记注册并正常经营12个月以上，创业者本人在该实体依法缴纳社会保险费。',
  mats: [M.id(), M.bl('创办实体营业执照。'), M.own('创业实体经营场所证明', '租赁合同或房产证明。', { copies: 1 }), M.gov('社会保险缴纳记录', '人力资源和社会保障部门', '系统自动核验。', { sharedDataset: '社保参保信息' })],
  steps: seq(['申请', 0], ['受理', 1], ['审核', 10], ['公示', 5], ['拨付', 5]),
  kind: 'promised', sd: 30, pd: 20, ch: ['web', 'window'], ol: 3, visits: 0, cross: 'none',
  result: { name: '一次性创业补贴拨付', kind: 'other' }, loc: jobHall,
})

item({
  dept: RS, name: '单位参保登记', type: 'public_service', group: 'unit', aud: ['enterprise', 'public_institution', 'social_organization'], themes: ['人力资源', '设立变更'],
  desc: '用人单位应当自成立之日起三十日内，向社会保险经办机构申请办理社会保险登记。新开办企业通过企业开办“一件事”在设立登记时同步完成，无需另行申请。',
  basis: ['《中华人民共和国社会保险法》第五十七条', '《社会保险费征缴暂行条例》第七条'],
  cond: '在本市依法设立的企业、机关、事业单位、社会组织等用人单位。',
  mats: [unitBase, M.legalRep(), M.table('社会保险登记表', '通过人社网上办事大厅在线填写。')],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '社会保险登记信息', kind: 'other' }, loc: HALL,
})

item({
  dept: RS, name: '职工参保登记（单位增减员）', type: 'public_service', group: 'unit', aud: ['enterprise', 'public_institution', 'social_organization'], themes: ['人力资源'],
  desc: '用人单位应当自用工之日起三十日内为其职工申请办理社会保险登记；与职工终止或解除劳动关系的，应及时办理减员。增员信息同步推送医保部门，职工同时参加职工基本医疗保险。',
  basis: ['《中华人民共和国社会保险法》第五十八条'],
  cond: '已办理单位参保登记的用人单位新招用或减少职工。',
  mats: [M.own('参保人员增减表', '通过人社网上办事大厅批量申报，职工身份信息自动核验。', { form: 'electronic', originals: 0, sharedDataset: '人口基础信息' })],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web'], ol: 4, visits: 0, cross: 'none', appt: false,
  result: { name: '职工参保登记信息', kind: 'other' }, loc: '苏州市人社网上办事大厅（单位网厅）',
})

item({
  dept: RS, name: '灵活就业人员参保登记', type: 'public_service', group: 'unit', aud: ['individual'], themes: ['社会保障', '就业创业'],
  desc: '无雇工的个体工商户、未在用人单位参加社会保险的非全日制从业人员以及其他灵活就业人员，可以参加企业职工基本养老保险，由个人缴纳基本养老保险费。江苏省已取消灵活就业人员在就业地参保的户籍限制。',
  basis: ['《中华人民共和国社会保险法》第十条', '《中华人民共和国社会保险法》第二十三条'],
  cond: '年满16周岁至法定退休年龄，未在用人单位参加职工社会保险的灵活就业人员。',
  mats: [M.id(), M.bank('用于签订社保费代扣协议的银行账户。')],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'mobile', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '灵活就业人员参保登记信息', kind: 'other' }, loc: HALL,
  faqs: [['灵活就业社保每月交多少？', '缴费基数在全省上年度全口径城镇单位就业人员平均工资的60%至300%之间自主选择，养老保险费率为20%。']],
})

item({
  dept: RS, name: '企业职工正常退休（职）申请', type: 'administrative_payment', group: 'pension', aud: ['individual', 'enterprise'], themes: ['退休养老', '社会保障'],
  desc: '参加企业职工基本养老保险的人员达到法定退休年龄且累计缴费满规定年限的，可以申请按月领取基本养老金。本市推行“退休一件事”：退休审批通过后，养老金核定、职工医保退休待遇确认和住房公积金退休提取同步并联办理。',
  basis: ['《中华人民共和国社会保险法》第十六条', '《国务院关于渐进式延迟法定退休年龄的办法》', '《住房公积金管理条例》第二十四条'],
  cond: '达到法定退休年龄，基本养老保险累计缴费年限达到规定的最低缴费年限（2025年起逐步由15年提高至20年）。',
  mats: [M.id(), M.table('基本养老保险待遇申领表', '单位职工由所在单位在线申报，灵活就业人员本人申报。'),
    M.own('个人人事档案', '用于核定出生时间和视同缴费年限，由存档机构调阅。', { source: 'other', issuer: '档案保管单位' }), M.ssc('社会保障卡金融账户用于发放养老金。')],
  steps: [st('申请', 0, []), st('受理', 0, ['申请']), st('退休审批', 10, ['受理'], RS), st('基本养老金核定', 5, ['退休审批'], RS),
    st('职工医保退休待遇确认', 3, ['退休审批'], YB), st('住房公积金退休提取', 3, ['退休审批'], GJJ), st('办结', 0, ['基本养老金核定', '职工医保退休待遇确认', '住房公积金退休提取'])],
  kind: 'promised', sd: 30, pd: 15, ch: ['web', 'window', 'mobile'], ol: 3, visits: 0, cross: 'none',
  result: { name: '基本养老金核定表', kind: 'other' }, loc: HALL,
  faqs: [['退休手续可以提前多久办？', '应在达到法定退休年龄前三个月内由单位或本人提出申请，档案审核通过后次月起发放养老金。'],
    ['退休后医保还要交吗？', '职工医保累计缴费年限（男30年、女25年，其中本市实际缴费满10年）达到规定的，退休后不再缴纳医保费。']],
})

item({
  dept: RS, name: '基本养老保险关系转移接续', type: 'public_service', group: 'pension', aud: ['individual'], themes: ['社会保障', '就业创业'],
  desc: '参保人员跨省、跨统筹地区流动就业的，基本养老保险关系随同转移，缴费年限累计计算。参保人员只需向新就业地社保经办机构提出申请，两地经办机构通过全国社会保险关系转移系统网上办理。',
  basis: ['《中华人民共和国社会保险法》第十九条', '《城镇企业职工基本养老保险关系转移接续暂行办法》第四条'],
  cond: '已在新参保地参加企业职工基本养老保险，原参保地有养老保险缴费记录。',
  mats: [M.id(), M.table('基本养老保险关系转移接续申请表', '可在国家社会保险公共服务平台或“掌上12333”在线申请。')],
  steps: seq(['申请', 0], ['受理', 0], ['转出地审核', 15], ['转入地接续', 15], ['办结', 0]),
  kind: 'promised', sd: 45, pd: 30, ch: ['web', 'mobile', 'window'], ol: 4, visits: 0, cross: 'national',
  result: { name: '基本养老保险关系转移接续结果', kind: 'other' }, loc: HALL,
})

item({
  dept: RS, name: '丧葬补助金和抚恤金申领', type: 'administrative_payment', group: 'pension', aud: ['individual'], themes: ['死亡殡葬', '社会保障'],
  desc: '参加企业职工基本养老保险的个人因病或者非因工死亡的，其遗属可以领取丧葬补助金和抚恤金，并可申请一次性领取死者个人账户余额。死亡信息已通过公安、民政和卫健部门共享的，遗属无需提交死亡证明。',
  basis: ['《中华人民共和国社会保险法》第十七条', '《中华人民共和国社会保险法》第十四条'],
  cond: '死者生前参加本市企业职工基本养老保险；申请人为死者的直系亲属或其他合法继承人。',
  mats: [M.id('申请人居民身份证。'), M.gov('死亡证明', '医疗机构或公安机关', '通过死亡信息共享核验的免交。', { sharedDataset: '死亡人员信息' }),
    M.own('亲属关系证明', '户口簿、结婚证、出生医学证明等，可通过人口基础信息核验的免交。', { sharedDataset: '人口基础信息' }), M.bank('申请人银行账户。')],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 5], ['核定', 3], ['发放', 2]),
  kind: 'promised', sd: 20, pd: 10, ch: ['window', 'web'], ol: 3, visits: 0, cross: 'none',
  result: { name: '丧葬补助金和抚恤金核定通知', kind: 'other' }, loc: HALL,
})

item({
  dept: RS, name: '工伤认定', type: 'administrative_confirmation', aud: ['individual', 'enterprise'], themes: ['社会保障', '人力资源'],
  desc: '职工发生事故伤害或者被诊断、鉴定为职业病，所在单位应当自事故伤害发生之日起三十日内提出工伤认定申请；用人单位未按规定提出的，工伤职工或其近亲属可在一年内直接提出申请。社会保险行政部门应当自受理之日起六十日内作出认定。',
  basis: ['《工伤保险条例》第十四条', '《工伤保险条例》第十七条', '《工伤保险条例》第二十条'],
  cond: '职工与用人单位存在劳动关系（含事实劳动关系），发生事故伤害或者患职业病，在规定时限内提出申请。',
  mats: [M.table('工伤认定申请表'), M.own('劳动关系证明', '劳动合同或其他能证明劳动关系的材料；已参保的可通过社保参保信息核验。', { sharedDataset: '社保参保信息' }),
    M.gov('医疗诊断证明或职业病诊断证明书', '医疗机构或职业病诊断机构', '首次就诊的病历和诊断证明。'), M.own('事故经过说明及证人证言', '交通事故等情形另附公安机关出具的事故认定书。')],
  steps: seq(['申请', 0], ['受理', 15], ['调查核实', 30], ['认定决定', 10], ['送达', 5]),
  kind: 'promised', sd: 60, pd: 45, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '认定工伤决定书', kind: 'approval_document' },
  sp: ['现场核查'], loc: HALL,
  faqs: [['上下班路上出车祸算工伤吗？', '在上下班途中受到非本人主要责任的交通事故伤害的，应当认定为工伤。']],
})

item({
  dept: RS, name: '劳动能力鉴定', type: 'administrative_confirmation', aud: ['individual'], themes: ['社会保障'],
  desc: '职工发生工伤，经治疗伤情相对稳定后存在残疾、影响劳动能力的，应当进行劳动能力鉴定。鉴定结论作为享受伤残津贴、一次性伤残补助金等工伤保险待遇的依据。',
  basis: ['《工伤保险条例》第二十一条', '《工伤保险条例》第二十三条', '《工伤保险条例》第二十五条'],
  cond: '已被认定为工伤，伤情相对稳定或停工留薪期满。',
  mats: [M.table('劳动能力鉴定申请表'), M.id(), M.gov('认定工伤决定书', '社会保险行政部门', '系统自动调取。', { sharedDataset: '工伤认定信息' }), M.own('工伤医疗诊断资料', '病历、检查报告、出院小结等。', { copies: 1 })],
  steps: seq(['申请', 0], ['受理', 5], ['组织专家鉴定', 40], ['作出结论', 10], ['送达', 5]),
  kind: 'promised', sd: 60, pd: 60, ch: ['window'], ol: 2, visits: 2, cross: 'none',
  result: { name: '劳动能力鉴定结论书', kind: 'approval_document' },
  sp: ['专家评审'], loc: '苏州市劳动能力鉴定中心',
})

item({
  dept: RS, name: '城乡居民基本养老保险待遇申领', type: 'administrative_payment', group: 'cx', aud: ['individual'], themes: ['退休养老', '社会保障'],
  desc: '参加城乡居民基本养老保险、年满60周岁、累计缴费满15年且未领取国家规定的基本养老保障待遇的本市户籍人员，可以按月领取城乡居民基本养老金。符合条件人员由系统主动提醒，确认后即可领取。',
  basis: ['《中华人民共和国社会保险法》第二十一条', '《国务院关于建立统一的城乡居民基本养老保险制度的意见》'],
  cond: '年满60周岁，累计缴费满15年（新制度实施时已满60周岁的按规定执行），未领取其他基本养老保障待遇。',
  mats: [M.id(), M.hukou(), M.ssc('社会保障卡金融账户用于发放养老金。')],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 5], ['核定', 5]),
  kind: 'promised', sd: 20, pd: 10, ch: ['window', 'mobile'], ol: 4, visits: 0, cross: 'none',
  result: { name: '城乡居民基本养老金核定结果', kind: 'other' }, loc: '户籍所在地街道（镇）便民服务中心社保窗口',
})

item({
  dept: RS, name: '劳动人事争议仲裁申请', type: 'public_service', aud: ['individual', 'enterprise'], themes: ['就业创业', '法律服务', '人力资源'],
  desc: '劳动者与用人单位发生劳动争议，协商、调解不成的，可以向劳动人事争议仲裁委员会申请仲裁。仲裁委员会收到申请之日起五日内决定是否受理，自受理之日起四十五日内结束仲裁。',
  basis: ['《中华人民共和国劳动争议调解仲裁法》第二十七条', '《中华人民共和国劳动争议调解仲裁法》第二十九条', '《中华人民共和国劳动争议调解仲裁法》第四十三条'],
  cond: '属于劳动争议受案范围，在仲裁时效（一年）内提出，有明确的被申请人和具体的仲裁请求、事实和理由。',
  mats: [M.table('劳动人事争议仲裁申请书', '按被申请人人数提交副本。'), M.id('申请人身份证明。'), M.own('证据材料', '劳动合同、工资发放记录、考勤记录等，并附证据清单。', { copies: 1 })],
  steps: seq(['申请', 0], ['受理审查', 5], ['开庭审理', 35], ['裁决', 10]),
  kind: 'promised', sd: 50, pd: 50, ch: ['window', 'web'], ol: 3, visits: 2, cross: 'none',
  result: { name: '仲裁裁决书或调解书', kind: 'approval_document' }, loc: '苏州市劳动人事争议仲裁院',
})

item({
  dept: RS, name: '失业保险稳岗返还', type: 'administrative_payment', group: 'unemp', aud: ['enterprise'], themes: ['人力资源'],
  desc: '对不裁员或少裁员的参保企业，按规定返还其上年度实际缴纳失业保险费的一定比例。本市通过数据比对主动筛选符合条件的企业，实行“免申即享”，资金直接拨付至企业对公账户。',
  basis: ['《中华人民共和国社会保险法》第四十八条', '《人力资源社会保障部 财政部 国家税务总局关于继续实施失业保险稳岗返还政策的通知》'],
  cond: '依法参加失业保险并足额缴纳失业保险费，上年度裁员率不高于规定标准。',
  mats: [M.own('企业对公银行账户信息', '系统预填，企业确认即可。', { form: 'electronic', originals: 0 })],
  steps: seq(['数据比对', 5], ['公示', 5], ['确认', 5], ['拨付', 5]),
  kind: 'promised', sd: 30, pd: 20, ch: ['web'], ol: 4, visits: 0, cross: 'none', appt: false,
  result: { name: '稳岗返还资金拨付', kind: 'other' }, loc: '苏州市人社网上办事大厅（单位网厅）',
  status: 'suspended',
})
