import { area, item, seq, st, instantSteps, M, HOURS_SAT } from './lib'
import { GA, XF } from './depts'

area('public-security')

const FEE_ID = { charged: true, standard: '每证20元', basis: '《中华人民共和国居民身份证法》第二十条；国家发展改革委、财政部关于居民身份证工本费收费标准的规定', amountYuan: 20 }

item({
  dept: GA, name: '居民身份证申领', type: 'administrative_confirmation', group: 'sfz', aud: ['individual'], themes: ['证件办理', '户籍办理'],
  desc: '年满十六周岁的中国公民应当申请领取居民身份证；未满十六周岁的公民由监护人代为申请领取。本事项为首次申领居民身份证，申请人须到场采集人像和指纹信息。制证完成后可选择窗口领取或邮政寄递。',
  basis: ['《中华人民共和国居民身份证法》第二条', '《中华人民共和国居民身份证法》第八条', '《中华人民共和国居民身份证法》第十条'],
  cond: '具有本市常住户口的中国公民，年满十六周岁首次申领，或未满十六周岁由监护人代为申领。',
  mats: [M.hukou(), M.table('居民身份证申领登记表', '窗口工作人员根据户籍信息打印，申请人核对签字。'), M.photo('由窗口现场免费采集数码相片，无需自带照片。'),
    M.own('监护人居民身份证', '未满十六周岁申领的，由监护人陪同并出示本人身份证件。', { required: false, source: 'government', issuer: '公安机关', licenseType: '居民身份证' })],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 1], ['制证', 28], ['送达', 1]),
  kind: 'promised', sd: 60, pd: 30, fee: FEE_ID, ch: ['window'], ol: 2, visits: 1, cross: 'none', deliv: true,
  result: { name: '中华人民共和国居民身份证', kind: 'license', licenseType: '居民身份证', validityYears: 10 },
  hours: HOURS_SAT,
  faqs: [['孩子几岁可以办身份证？', '公民从出生起即可申领居民身份证，未满十六周岁的由监护人代为申请，有效期为五年。'],
    ['首次申领可以网上办吗？', '首次申领需到户籍所在地派出所现场采集指纹和人像，可在网上预约办理时间。']],
})

item({
  dept: GA, name: '居民身份证换领', type: 'administrative_confirmation', group: 'sfz', aud: ['individual'], themes: ['证件办理'],
  desc: '居民身份证有效期满、登记项目变更或证件严重损坏不能辨认的，公民应当申请换领新证。江苏省已实现居民身份证异地受理，在本市居住的外省户籍居民可就近到任一受理点办理。',
  basis: ['《中华人民共和国居民身份证法》第十一条', '《中华人民共和国居民身份证法》第二十条'],
  cond: '居民身份证有效期满前三个月内或已过期；登记项目（姓名、公民身份号码等）发生变更；证件严重损坏不能辨认。',
  mats: [M.id('交回原居民身份证，证件严重损坏的一并交回。'), M.hukou('本市户籍的免交，通过人口基础信息核验；异地受理的需出示户口簿。'), M.photo('窗口现场免费采集。')],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 1], ['制证', 20], ['送达', 1]),
  kind: 'promised', sd: 60, pd: 20, fee: FEE_ID, ch: ['window', 'mobile'], ol: 2, visits: 1, cross: 'national', deliv: true,
  result: { name: '中华人民共和国居民身份证', kind: 'license', licenseType: '居民身份证', validityYears: 20 },
  hours: HOURS_SAT,
  faqs: [['身份证快到期了，提前多久可以换？', '有效期满前三个月内即可申请换领，也可在“苏周到”预约后到派出所办理。'],
    ['换证期间需要坐飞机怎么办？', '可在受理时同时申请临时居民身份证，或到机场派出所办理临时乘机证明。']],
})

item({
  dept: GA, name: '居民身份证补领', type: 'administrative_confirmation', group: 'sfz', aud: ['individual'], themes: ['证件办理'],
  desc: '居民身份证丢失的，公民应当申请补领。受理时原证件信息即在公安系统中作废，防止被他人冒用。补领的证件有效期起始日期重新计算。',
  basis: ['《中华人民共和国居民身份证法》第十一条', '《中华人民共和国居民身份证法》第二十条'],
  cond: '居民身份证丢失、被盗的本市户籍居民，或在本市居住的外省户籍居民（异地补领）。',
  mats: [M.hukou(), M.photo('窗口现场免费采集。'), M.opt('居民身份证挂失声明', '可在“苏周到”或派出所窗口办理挂失，无需登报。', { form: 'electronic', originals: 0 })],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 1], ['制证', 20], ['送达', 1]),
  kind: 'promised', sd: 60, pd: 20, fee: FEE_ID, ch: ['window', 'mobile'], ol: 2, visits: 1, cross: 'national', deliv: true,
  result: { name: '中华人民共和国居民身份证', kind: 'license', licenseType: '居民身份证' },
  hours: HOURS_SAT,
  faqs: [['身份证丢了要先登报吗？', '不需要登报。到派出所申请补领时原证即被注销，也可先在“苏周到”在线挂失。'],
    ['补领身份证收多少钱？', '补领收取工本费20元，可在线支付。']],
})

item({
  dept: GA, name: '临时居民身份证核发', type: 'administrative_confirmation', group: 'sfz', aud: ['individual'], themes: ['证件办理'],
  desc: '在申请领取、换领或补领居民身份证期间，急需使用居民身份证的，可以申请领取临时居民身份证。临时居民身份证有效期三个月，一般当场办结。',
  basis: ['《中华人民共和国临时居民身份证管理办法》第二条'],
  cond: '已申请领取、换领或补领居民身份证，正常证件尚未制作完成且急需使用的。',
  mats: [M.hukou(), M.photo('近期一寸正面免冠彩色照片2张。'), M.own('居民身份证受理回执', '申领、换领或补领居民身份证时取得的受理凭证。', { source: 'government', issuer: '公安派出所' })],
  steps: instantSteps(),
  kind: 'instant', sd: 3, pd: 0, fee: { charged: true, standard: '每证10元', basis: '国家发展改革委、财政部关于临时居民身份证工本费收费标准的规定', amountYuan: 10 },
  ch: ['window'], ol: 1, visits: 1, cross: 'national',
  result: { name: '中华人民共和国临时居民身份证', kind: 'license', licenseType: '临时居民身份证', validityYears: 0.25 },
  hours: HOURS_SAT,
})

item({
  dept: GA, name: '出生登记', type: 'administrative_confirmation', group: 'hukou', aud: ['individual'], themes: ['生育收养', '户籍办理'],
  desc: '婚生或非婚生子女出生后，由户主、亲属或监护人向婴儿父亲或母亲常住户口所在地公安派出所申报出生登记。本市出生的新生儿可在医院或“苏周到”通过“出生一件事”在线申报，无需另行到场。',
  basis: ['《中华人民共和国户口登记条例》第七条', '《江苏省公安厅关于进一步深化户籍制度改革的意见》'],
  cond: '新生儿父亲或母亲一方具有本市常住户口；婴儿出生后一个月内申报，逾期申报的按规定补充说明情况。',
  mats: [M.birth(), M.hukou('随迁入户方的户口簿。'), M.id('父母双方居民身份证。'), M.marriage('父母结婚证；非婚生育的提供相关说明。')],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 1], ['办结', 0]),
  kind: 'promised', sd: 5, pd: 1, ch: ['window', 'web', 'mobile'], ol: 4, visits: 0, cross: 'none', deliv: true,
  result: { name: '居民户口簿（增页）', kind: 'license', licenseType: '居民户口簿' },
  faqs: [['宝宝出生多久内要报户口？', '应在出生后一个月内申报出生登记。通过“出生一件事”在线办理的，审核通过后户口簿内页可邮寄到家。'],
    ['父母都是外地户口可以在苏州报户口吗？', '出生登记应在父亲或母亲的常住户口所在地办理，双方均非本市户籍的需回户籍地申报。']],
})

item({
  dept: GA, name: '死亡人员户口注销', type: 'administrative_confirmation', group: 'hukou', aud: ['individual'], themes: ['死亡殡葬', '户籍办理'],
  desc: '公民死亡后，由户主、亲属或者殡葬服务单位向户口登记机关申报注销户口。医疗机构出具的死亡医学证明已实现数据共享的，家属可在“身后一件事”中一并办理，无需单独跑派出所。',
  basis: ['《中华人民共和国户口登记条例》第八条'],
  cond: '本市常住户口人员死亡或被人民法院宣告死亡。',
  mats: [M.gov('居民死亡医学证明（推断）书', '医疗卫生机构', '本市开具的可通过死亡医学证明信息共享核验；宣告死亡的提供人民法院判决书。', { sharedDataset: '死亡医学证明信息' }),
    M.hukou('死者户口簿。'), M.own('死者居民身份证', '交回注销；遗失的由申报人书面说明。', { source: 'government', issuer: '公安机关' }), M.id('申报人居民身份证。')],
  steps: instantSteps(),
  kind: 'instant', sd: 1, pd: 0, ch: ['window', 'web', 'mobile'], ol: 3, visits: 0, cross: 'none',
  result: { name: '户口注销证明', kind: 'other' },
  faqs: [['注销户口后还能开死亡证明吗？', '户口注销后可在派出所或“苏周到”开具户口注销证明，用于办理继承、公积金提取等后续事项。']],
})

item({
  dept: GA, name: '夫妻投靠户口迁入', type: 'administrative_confirmation', group: 'hukou', aud: ['individual'], themes: ['户籍办理', '婚姻登记'],
  desc: '外地户籍居民与本市户籍居民结婚的，可申请将户口迁入配偶的户籍地址。江苏省内迁移已实现“一站式”办理，迁入地派出所受理后直接在网上完成迁出手续。',
  basis: ['《中华人民共和国户口登记条例》第十三条', '《苏州市户籍准入管理办法》'],
  cond: '与本市户籍居民依法登记结婚，且在本市具有合法稳定住所，迁入地址房屋权利人同意。',
  mats: [M.id('夫妻双方居民身份证。'), M.hukou('夫妻双方户口簿。'), M.marriage(), M.property('迁入地址的房屋权属证明。'),
    M.opt('房屋权利人同意落户声明', '迁入非本人或配偶名下房屋的提供。')],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 5], ['审批', 3], ['办结', 2]),
  kind: 'promised', sd: 20, pd: 10, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'cross_province',
  result: { name: '准予迁入证明', kind: 'approval_document' },
})

item({
  dept: GA, name: '人才引进户口迁入', type: 'administrative_confirmation', group: 'hukou', aud: ['individual'], themes: ['户籍办理', '就业创业'],
  desc: '具有全日制大专以上学历或相应专业技术职称、技能等级，在本市就业创业的人才，可按苏州市人才落户政策申请迁入户口。可落户至本人合法房产、单位集体户或社区公共集体户。',
  basis: ['《中华人民共和国户口登记条例》第十三条', '《苏州市户籍准入管理办法》'],
  cond: '符合本市人才落户学历、职称或技能等级条件，并在本市依法缴纳社会保险（应届毕业生除外）。',
  mats: [M.id(), M.hukou('原户籍地户口簿。'), M.gov('学历证书或专业技术资格证书', '教育部门或职称评审机构', '学历信息可通过学信网在线核验。', { copies: 1 }),
    M.gov('社会保险缴纳记录', '人力资源和社会保障部门', '可通过社保参保信息共享获取，无需打印。', { sharedDataset: '社保参保信息' }), M.property('落户地址为本人房产的提供；落户集体户的提供集体户接收证明。')],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 5], ['审批', 3], ['办结', 2]),
  kind: 'promised', sd: 20, pd: 10, ch: ['window', 'web', 'mobile'], ol: 3, visits: 1, cross: 'cross_province',
  result: { name: '准予迁入证明', kind: 'approval_document' },
  faqs: [['应届毕业生落户需要社保吗？', '毕业两年内的全日制高校毕业生可凭毕业证书申请落户，无需社保缴纳记录。']],
})

item({
  dept: GA, name: '户口迁移（跨省通办）', type: 'administrative_confirmation', group: 'hukou', aud: ['individual'], themes: ['户籍办理'],
  desc: '符合迁入条件的群众，只需向迁入地公安机关提出申请，由迁入地和迁出地公安机关网上协同办理迁出、迁入手续，无需往返两地。适用于工作调动、大中专院校录取、投靠等户口迁移情形。',
  basis: ['《中华人民共和国户口登记条例》第十条', '《国务院办公厅关于加快推进政务服务“跨省通办”的指导意见》'],
  cond: '已取得本市户口迁入审批或符合直接迁入条件，迁出地为已开通“跨省通办”的地区。',
  mats: [M.id(), M.hukou('迁出地户口簿。'), M.own('迁入依据材料', '如准予迁入证明、录取通知书、结婚证等，视迁移情形提供。', { copies: 1 })],
  steps: seq(['申请', 0], ['受理', 0], ['迁出地核验', 3], ['迁入审核', 2], ['办结', 1]),
  kind: 'promised', sd: 20, pd: 6, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'cross_province',
  result: { name: '户口迁入登记（居民户口簿本人页）', kind: 'license', licenseType: '居民户口簿' },
})

item({
  dept: GA, name: '户籍登记项目变更更正', type: 'administrative_confirmation', group: 'hukou', aud: ['individual'], themes: ['户籍办理'],
  desc: '户籍登记项目（姓名、出生日期、民族、文化程度等）确有错误或依法发生变化的，可申请变更更正。涉及出生日期、公民身份号码等重要项目的，需提供原始登记依据，由公安机关调查核实后办理。',
  basis: ['《中华人民共和国户口登记条例》第十七条', '《中华人民共和国民法典》第一千零一十六条'],
  cond: '户籍登记项目确有错误，或因收养、父母离婚等依法发生变化，并能提供相应证明材料。',
  mats: [M.id(), M.hukou(), M.own('变更更正依据材料', '如出生医学证明、原始档案、学籍材料、人民法院判决书等。', { copies: 1 }),
    M.table('户口登记项目变更更正申请表')],
  steps: seq(['申请', 0], ['受理', 0], ['调查核实', 10], ['审批', 5], ['办结', 1]),
  kind: 'promised', sd: 30, pd: 15, ch: ['window'], ol: 2, visits: 2, cross: 'none',
  result: { name: '户口簿变更页及户籍变更证明', kind: 'other' },
  sp: ['现场核查'],
})

item({
  dept: GA, name: '居住证申领', type: 'administrative_confirmation', aud: ['individual'], themes: ['证件办理', '户籍办理'],
  desc: '在本市居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的非本市户籍人员，可以申领居住证。持证人在本市享受义务教育、基本公共就业服务、基本医疗卫生服务等公共服务和便利。',
  basis: ['《居住证暂行条例》第二条', '《居住证暂行条例》第九条', '《江苏省流动人口居住管理办法》'],
  cond: '已在居住地办理居住登记满半年，并有合法稳定就业、合法稳定住所或连续就读之一。',
  mats: [M.id(), M.photo('窗口现场免费采集或上传符合要求的电子照片。'),
    M.lease('居住地住址证明：自有房屋提供不动产权证书，租住的提供租赁合同。'),
    M.opt('就业或就读证明', '劳动合同、营业执照或学校出具的在读证明；已参保的可通过社保参保信息核验。', { sharedDataset: '社保参保信息' })],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 3], ['制证', 7], ['送达', 0]),
  kind: 'promised', sd: 15, pd: 10, ch: ['window', 'mobile'], ol: 3, visits: 1, cross: 'none', deliv: true,
  result: { name: '江苏省居住证', kind: 'license', licenseType: '居住证', validityYears: 1 },
  faqs: [['居住证过期了怎么签注？', '居住证有效期一年，期满前一个月内可在“苏周到”或社区警务室办理签注，无需重新制证。'],
    ['办居住证收费吗？', '首次申领免收证件工本费；丢失补领按规定收取工本费。']],
})

item({
  dept: GA, name: '户籍证明出具', type: 'public_service', aud: ['individual'], themes: ['户籍办理', '证件办理'],
  desc: '为本市户籍居民出具亲属关系、户口迁移、注销户口、曾用名等户籍类证明。凡可通过户籍信息系统查询的，不再要求群众提供其他证明材料，电子证明与纸质证明具有同等效力。',
  basis: ['《中华人民共和国户口登记条例》第三条', '《公安部关于进一步规范户籍证明出具工作的通知》'],
  cond: '本人或其近亲属申请出具本人户籍相关证明，证明事项能通过户籍档案或信息系统核实。',
  mats: [M.id(), M.hukou(), M.opt('用途说明材料', '证明亲属关系等需注明证明用途，便于出具规范格式。')],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['window', 'web', 'mobile'], ol: 4, visits: 0, cross: 'national',
  result: { name: '户籍证明', kind: 'other' },
})

item({
  dept: GA, name: '无犯罪记录证明出具', type: 'public_service', aud: ['individual'], themes: ['证件办理', '就业创业'],
  desc: '为个人出具在本市户籍地或居住地期间有无犯罪记录的证明，用于就业、入学、出国等。申请人可在“苏周到”或公安政务服务平台在线申请，审核通过后下载电子证明。',
  basis: ['《公安机关办理犯罪记录查询工作规定》第四条', '《公安机关办理犯罪记录查询工作规定》第七条'],
  cond: '本市户籍居民或在本市居住的人员为本人申请；委托他人代为申请的须有书面委托。',
  mats: [M.id(), M.agent()],
  steps: seq(['申请', 0], ['受理', 0], ['查询核实', 2], ['办结', 1]),
  kind: 'promised', sd: 3, pd: 3, ch: ['window', 'web', 'mobile'], ol: 4, visits: 0, cross: 'national',
  result: { name: '无犯罪记录证明', kind: 'other' },
  faqs: [['出国留学要的无犯罪记录证明能网上办吗？', '可以在线申请电子证明；用于境外使用的，打印后可凭证明编号办理公证。']],
})

item({
  dept: GA, name: '旅馆业特种行业许可证核发', type: 'administrative_license', aud: ['enterprise', 'individual'], themes: ['准营准办'],
  desc: '申请开办旅馆（含宾馆、酒店、民宿、招待所等）的，应当经公安机关审查批准，取得特种行业许可证后方可营业。公安机关对治安保卫组织、客房设施和旅客住宿登记系统进行现场检查，消防救援机构同步开展消防安全检查。',
  basis: ['《旅馆业治安管理办法》第四条', '《国务院对确需保留的行政审批项目设定行政许可的决定》第一百零二项', '《中华人民共和国消防法》第十五条'],
  cond: '已取得营业执照；经营场所符合治安、消防安全要求，安装旅馆业治安管理信息系统，设有治安保卫组织或者指定安全保卫人员。',
  mats: [M.table('旅馆业特种行业许可证申请表'), M.bl(), M.legalRep(), M.site(), M.own('旅馆平面布局图', '标明客房、通道、安全出口和监控设施位置。'),
    M.own('治安保卫制度及安全保卫人员名单', '含旅客住宿登记、财物保管、访客登记等制度。')],
  steps: [st('申请', 0, []), st('受理', 1, ['申请']), st('治安现场检查', 5, ['受理'], GA), st('消防安全检查', 5, ['受理'], XF), st('审批决定', 3, ['治安现场检查', '消防安全检查']), st('制证', 1, ['审批决定'])],
  kind: 'promised', sd: 20, pd: 10, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none', deliv: true,
  result: { name: '特种行业许可证（旅馆业）', kind: 'license', licenseType: '特种行业许可证' },
  sp: ['现场核查'],
  loc: '苏州市政务服务中心公安综合窗口（苏州市姑苏区三香路1158号）',
  faqs: [['开民宿需要办特种行业许可证吗？', '经营民宿接待旅客住宿的，同样应当取得旅馆业特种行业许可证，并接入旅客住宿登记系统。']],
})

item({
  dept: GA, name: '大型群众性活动安全许可', type: 'administrative_license', aud: ['enterprise', 'social_organization'], themes: ['准营准办'],
  desc: '举办预计参加人数在1000人以上的演唱会、体育比赛、展览展销、游园灯会等大型群众性活动，承办者应当在活动举办日的20日前向公安机关申请安全许可。公安机关组织现场勘查，消防救援机构同步审查消防安全条件。',
  basis: ['《大型群众性活动安全管理条例》第十一条', '《大型群众性活动安全管理条例》第十二条', '《大型群众性活动安全管理条例》第十三条'],
  cond: '承办者依法设立并具有相应的组织能力；活动场所、设施符合安全要求；有安全工作方案和应急救援预案。',
  mats: [M.table('大型群众性活动安全许可申请表'), M.bl('承办者营业执照或法人登记证书。'), M.own('大型群众性活动安全工作方案', '含安全责任人、人员疏导、应急处置等内容。'),
    M.own('场所管理者同意使用场所的证明', '场地租赁协议或场所管理者书面同意。', { copies: 1 }), M.opt('依法需要其他部门批准的批准文件', '如营业性演出批准文件。')],
  steps: [st('申请', 0, []), st('受理', 1, ['申请']), st('公安现场勘查', 5, ['受理'], GA), st('消防安全审查', 5, ['受理'], XF), st('许可决定', 1, ['公安现场勘查', '消防安全审查'])],
  kind: 'promised', sd: 7, pd: 7, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '大型群众性活动安全许可决定书', kind: 'approval_document' },
  sp: ['现场核查'],
})

item({
  dept: GA, name: '印章刻制备案', type: 'public_service', aud: ['enterprise', 'social_organization', 'public_institution'], themes: ['设立变更'],
  desc: '企业、社会组织等单位刻制公章、财务专用章、发票专用章等印章的，由公安机关备案的印章刻制企业办理，并在公安机关备案。新开办企业可在企业开办“一件事”中同步申请，首套印章由政府免费提供。',
  basis: ['《国务院关于第二批清理规范国务院部门行政审批中介服务事项的决定》', '《国务院关于取消一批行政许可事项的决定》（国发〔2020〕13号）'],
  cond: '已依法登记设立的单位，因新设、变更名称或印章损坏、遗失需要刻制印章。',
  mats: [M.bl('单位登记证书，可通过法人基础信息共享核验。'), M.legalRep(), M.opt('印章遗失声明', '印章遗失重新刻制的提供。')],
  steps: seq(['申请', 0], ['刻制', 1], ['备案', 0]),
  kind: 'instant', sd: 1, pd: 1, ch: ['window', 'web'], ol: 4, visits: 0, cross: 'none', deliv: true,
  result: { name: '印章及印章备案信息', kind: 'other' },
})

item({
  dept: GA, name: '养犬登记', type: 'public_service', aud: ['individual'], themes: ['证件办理'],
  desc: '在本市重点管理区内饲养犬只的个人，应当携带犬只到公安机关指定地点办理养犬登记，领取犬牌。办理前须为犬只注射狂犬病疫苗并植入电子标识。',
  basis: ['《中华人民共和国动物防疫法》第三十条', '《苏州市养犬管理条例》'],
  cond: '养犬人具有完全民事行为能力，在本市有固定住所，且所养犬只不属于禁养犬种。',
  mats: [M.id(), M.gov('犬只狂犬病免疫证明', '动物诊疗机构', '应在有效期内。'), M.own('犬只照片', '正面和侧面照片各一张。', { form: 'electronic', originals: 0 }), M.lease('住所证明：不动产权证书或租赁合同。')],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 2], ['发放犬牌', 1]),
  kind: 'promised', sd: 7, pd: 3, fee: { charged: false }, ch: ['window', 'mobile'], ol: 3, visits: 1, cross: 'none',
  result: { name: '养犬登记证及犬牌', kind: 'license', licenseType: '养犬登记证', validityYears: 1 },
  status: 'draft',
})
