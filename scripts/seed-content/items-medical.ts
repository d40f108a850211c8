import { area, item, seq, instantSteps, M } from './lib'
import { YB } from './depts'

area('medical-insurance')

const HALL = '苏州市医疗保险服务中心（苏州市姑苏区干将西路1368号）及各区医保经办窗口'

item({
  dept: YB, name: '新生儿医保参保登记', type: 'public_service', group: 'cb', aud: ['individual'], themes: ['生育收养', '医疗卫生'],
  desc: '新生儿可以在出生后参加城乡居民基本医疗保险，出生当年自出生之日起享受医保待遇，出生后90日内参保缴费的不设待遇等待期。本市通过“出生一件事”将新生儿参保与出生登记、社保卡申领一并办理。',
  basis: ['《中华人民共和国社会保险法》第二十五条', '《国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见》'],
  cond: '父母一方为本市户籍或在本市参加职工基本医疗保险、持有本市居住证，新生儿未在其他地区参保。',
  mats: [M.birth(), M.hukou('已办理出生登记的提供新生儿户口簿；尚未落户的凭出生医学证明先行参保。'), M.id('监护人居民身份证。')],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'mobile', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '城乡居民医保参保登记信息', kind: 'other' }, loc: HALL,
  faqs: [['宝宝出生后多久要参保？', '建议在出生后90日内参保缴费，出生起发生的医疗费用可按规定报销；超过90日的设有待遇等待期。']],
})

item({
  dept: YB, name: '城乡居民基本医疗保险参保登记', type: 'public_service', group: 'cb', aud: ['individual'], themes: ['医疗卫生', '社会保障'],
  desc: '未参加职工基本医疗保险的本市户籍居民、持本市居住证的非本市户籍居民和在苏就读的学生，可以参加城乡居民基本医疗保险。集中参保期为每年9月至12月，次年1月1日起享受待遇。',
  basis: ['《中华人民共和国社会保险法》第二十五条'],
  cond: '本市户籍或持有本市有效居住证，未参加职工基本医疗保险。',
  mats: [M.id(), M.opt('居住证', '非本市户籍居民提供，可通过居住证信息核验。', { source: 'government', issuer: '公安机关', licenseType: '居住证' })],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'mobile', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '城乡居民医保参保登记信息', kind: 'other' }, loc: HALL + '或户籍（居住）所在地社区',
})

item({
  dept: YB, name: '跨省异地就医备案', type: 'public_service', aud: ['individual'], themes: ['医疗卫生', '退休养老'],
  desc: '本市参保人员因异地长期居住、常驻异地工作或临时外出就医的，办理异地就医备案后，可以在就医地联网定点医药机构直接结算医疗费用。备案可通过国家医保服务平台App或“苏周到”在线办理，即时生效。',
  basis: ['《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）'],
  cond: '参加本市基本医疗保险且处于正常参保状态，属于异地长期居住、常驻异地工作、异地转诊就医或临时外出就医情形。',
  mats: [M.ssc('医保电子凭证或社会保障卡。'), M.own('个人承诺书', '异地长期居住或临时外出就医的以承诺书代替居住证明，在线勾选即可。', { form: 'electronic', originals: 0 })],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'mobile', 'window'], ol: 4, visits: 0, cross: 'national', appt: false,
  result: { name: '异地就医备案信息', kind: 'other' }, loc: HALL,
  faqs: [['去外地看病没备案能报销吗？', '未备案的可回参保地手工报销，但报销比例会相应降低；建议就医前在手机上先完成备案。']],
})

item({
  dept: YB, name: '门诊慢特病待遇认定', type: 'administrative_confirmation', aud: ['individual'], themes: ['医疗卫生'],
  desc: '患有恶性肿瘤、尿毒症透析、器官移植术后、高血压（高危）、糖尿病等规定病种的参保人员，经认定后门诊治疗费用按规定享受门诊慢特病待遇。定点医疗机构可为患者直接在线申报。',
  basis: ['《中华人民共和国社会保险法》第二十八条', '《国家医疗保障局办公室 财政部办公厅关于健全基本医疗保险门诊共济保障机制的指导意见》'],
  cond: '参加本市基本医疗保险，患有本市门诊慢特病病种目录内疾病且符合认定标准。',
  mats: [M.ssc('医保电子凭证或社会保障卡。'), M.gov('病历资料及诊断证明', '二级及以上定点医疗机构', '含相关检查检验报告，由医疗机构在线上传。', { copies: 1 })],
  steps: seq(['申请', 0], ['受理', 0], ['专家审核', 5], ['认定', 2]),
  kind: 'promised', sd: 15, pd: 7, ch: ['window', 'web'], ol: 3, visits: 0, cross: 'none',
  result: { name: '门诊慢特病待遇认定结果', kind: 'other' }, sp: ['专家评审'], loc: '各定点医疗机构医保办及医保经办窗口',
})

item({
  dept: YB, name: '生育津贴申领', type: 'administrative_payment', aud: ['individual', 'enterprise'], themes: ['生育收养', '社会保障'],
  desc: '参加职工基本医疗保险（生育保险）的职工生育或者实施计划生育手术，按规定享受生育津贴。生育津贴按照职工所在用人单位上年度职工月平均工资计发，可由单位或职工本人申请。',
  basis: ['《中华人民共和国社会保险法》第五十四条', '《中华人民共和国社会保险法》第五十六条', '《女职工劳动保护特别规定》第八条'],
  cond: '生育时用人单位已为其缴纳生育保险费；在本市定点医疗机构分娩或经备案在异地分娩。',
  mats: [M.id(), M.birth('新生儿出生医学证明，可通过共享信息核验。'), M.opt('异地分娩医疗资料', '在异地分娩的提供出院记录和费用票据。')],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 5], ['核定发放', 5]),
  kind: 'promised', sd: 20, pd: 10, ch: ['web', 'mobile', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '生育津贴核定结果', kind: 'other' }, loc: HALL,
})

item({
  dept: YB, name: '医疗费用手工报销', type: 'administrative_payment', aud: ['individual'], themes: ['医疗卫生'],
  desc: '参保人员因急诊抢救、未办理异地就医备案或未能直接结算等原因，在定点医药机构全额垫付医疗费用的，可以申请手工报销。费用票据为电子票据的无需提交纸质票据。',
  basis: ['《中华人民共和国社会保险法》第二十九条', '《医疗保障基金使用监督管理条例》第十七条'],
  cond: '参保人员在待遇享受期内发生的、符合基本医疗保险支付范围的医疗费用，在费用发生之日起两年内申请。',
  mats: [M.ssc('医保电子凭证或社会保障卡。'), M.own('医疗费用票据', '医疗收费电子票据可在线核验。'), M.own('费用明细清单及出院记录', '住院费用提供出院记录，门诊提供病历。', { copies: 1 }), M.bank()],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 10], ['结算', 5], ['支付', 5]),
  kind: 'promised', sd: 30, pd: 20, ch: ['window', 'web', 'mail'], ol: 3, visits: 0, cross: 'none', deliv: true,
  result: { name: '医疗费用报销结算单', kind: 'other' }, loc: HALL,
})

item({
  dept: YB, name: '基本医疗保险关系转移接续', type: 'public_service', aud: ['individual'], themes: ['医疗卫生', '社会保障'],
  desc: '参保人员跨统筹地区流动就业的，基本医疗保险关系随本人转移，缴费年限累计计算。参保人员向转入地经办机构申请即可，无需回转出地办理。',
  basis: ['《中华人民共和国社会保险法》第三十二条', '《流动就业人员基本医疗保障关系转移接续暂行办法》'],
  cond: '已在转入地参加基本医疗保险，原参保关系已中止。',
  mats: [M.id(), M.table('基本医疗保障参保（合）凭证', '由转出地经办机构出具，已联网的无需提供。')],
  steps: seq(['申请', 0], ['受理', 0], ['转出地核验', 10], ['转入地接续', 5]),
  kind: 'promised', sd: 45, pd: 15, ch: ['web', 'mobile', 'window'], ol: 4, visits: 0, cross: 'national',
  result: { name: '医保关系转移接续结果', kind: 'other' }, loc: HALL,
})

item({
  dept: YB, name: '医疗救助申请', type: 'administrative_payment', aud: ['individual'], themes: ['医疗卫生', '社会保障'],
  desc: '特困人员、最低生活保障对象、低保边缘家庭成员等困难群众，经基本医疗保险、大病保险报销后个人负担的医疗费用，可按规定申请医疗救助。救助对象身份由民政部门推送，在定点医疗机构实行“一站式”结算。',
  basis: ['《社会救助暂行办法》第二十八条', '《社会救助暂行办法》第三十条'],
  cond: '属于医疗救助对象，发生的医疗费用在政策范围内且已经医保报销。',
  mats: [M.id(), M.gov('困难群众身份认定信息', '民政部门', '由民政部门共享推送。', { sharedDataset: '社会救助对象信息' }), M.own('医疗费用结算单据', '医保结算后的费用清单。', { copies: 1 })],
  steps: seq(['申请', 0], ['受理', 1], ['审核', 10], ['审批', 5], ['发放', 4]),
  kind: 'promised', sd: 30, pd: 20, ch: ['window'], ol: 2, visits: 1, cross: 'none',
  result: { name: '医疗救助金发放', kind: 'other' }, loc: '户籍所在地街道（镇）社会救助窗口',
})
