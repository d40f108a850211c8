import { area, item, seq, st, instantSteps, M, L } from './lib'
import { SJ, SW, GA, RS, GJJ, YB, GS_SJ, WZ_SP } from './depts'

area('market-regulation')

const HALL = '苏州市政务服务中心市场监管窗口（苏州市姑苏区三香路1158号）'
const nameCheck = M.own('企业名称自主申报告知书', '通过江苏省市场监管局企业名称自主申报系统取得，无需单独提交。', { form: 'electronic', originals: 0 })
const articles = M.own('公司章程', '全体股东签署；使用“e企办”在线签署电子章程的无需提交纸质件。')
const shareholders = M.own('股东主体资格证明', '自然人股东通过人口基础信息核验身份，法人股东通过法人基础信息核验。', { sharedDataset: '法人基础信息' })

item({
  dept: SJ, name: '企业设立登记', type: 'administrative_license', group: 'reg', aud: ['enterprise', 'individual'], themes: ['设立变更'],
  desc: '申请设立有限责任公司、股份有限公司及其分支机构的，应当向登记机关申请设立登记，领取营业执照后方可以企业名义从事经营活动。本市推行企业开办“一件事”，营业执照核发后，公章刻制、发票和税控设备申领、员工参保登记、住房公积金缴存登记同步并联办理，全流程1个工作日内办结。',
  basis: ['《中华人民共和国公司法》第二十九条', '《中华人民共和国市场主体登记管理条例》第三条', '《中华人民共和国市场主体登记管理条例》第十九条'],
  cond: '有符合规定的名称、住所和经营范围；股东出资、公司章程和组织机构符合《中华人民共和国公司法》的规定；申请材料齐全、符合法定形式。',
  mats: [M.table('公司登记（备案）申请书', '通过“e企办”平台在线填报，全体股东和法定代表人实名认证后电子签名。'), nameCheck, articles, shareholders,
    M.legalRep(), M.site('住所使用证明；实行住所申报承诺制的可填写住所申报承诺书代替。'), M.agent()],
  steps: [st('申请', 0, []), st('受理', 0, ['申请']), st('设立登记审核', 0.5, ['受理'], SJ),
    st('印章刻制', 0.5, ['设立登记审核'], GA), st('涉税信息确认及发票申领', 0.5, ['设立登记审核'], SW),
    st('单位参保登记', 0.5, ['设立登记审核'], RS), st('住房公积金缴存登记', 0.5, ['设立登记审核'], GJJ),
    st('办结', 0, ['印章刻制', '涉税信息确认及发票申领', '单位参保登记', '住房公积金缴存登记'])],
  kind: 'promised', sd: 3, pd: 1, ch: ['window', 'web', 'mobile'], ol: 4, visits: 0, cross: 'none', deliv: true,
  result: { name: '营业执照', kind: 'license', licenseType: '营业执照' },
  loc: HALL + '及各区政务服务中心企业开办专区',
  faqs: [['在苏州开公司要多久？', '通过“e企办”一表申请，营业执照、公章、发票、社保和公积金登记1个工作日内全部办结，首套印章免费。'],
    ['住所可以用住宅吗？', '本市实行住所申报承诺制，住宅作为住所的须符合规划和业主公约要求，部分行业不得使用住宅。'],
    ['注册资本要实缴吗？', '有限责任公司全体股东认缴的出资额应当按照公司章程规定自公司成立之日起五年内缴足。']],
})

item({
  dept: SJ, name: '企业变更登记', type: 'administrative_license', group: 'reg', aud: ['enterprise'], themes: ['设立变更'],
  desc: '企业名称、住所、法定代表人、经营范围、注册资本、股东等登记事项发生变更的，应当自作出变更决议、决定或者法定变更事项发生之日起三十日内申请变更登记。变更信息通过政务数据共享平台同步推送税务、人社等部门，无需企业分别办理信息变更。',
  basis: ['《中华人民共和国市场主体登记管理条例》第二十四条', '《中华人民共和国公司法》第三十四条'],
  cond: '企业依法存续，变更事项已按章程规定作出决议或决定；变更后的登记事项符合法律法规规定。',
  mats: [M.table('公司登记（备案）申请书', '在“e企办”勾选变更事项后在线填报。'), M.bl('原营业执照，领取新执照时交回纸质正副本。'),
    M.own('变更决议或决定', '股东会决议、股东决定或董事会决议，由法定代表人或全体股东签署。'), M.own('章程修正案', '涉及章程记载事项变更的提供。', { required: false }),
    M.opt('新住所使用证明', '变更住所的提供，可通过不动产登记信息核验。', { sharedDataset: '不动产登记信息' })],
  steps: [st('申请', 0, []), st('受理', 0, ['申请']), st('变更登记审核', 1, ['受理'], SJ),
    st('税务登记信息同步变更', 0.5, ['变更登记审核'], SW), st('社保登记信息同步变更', 0.5, ['变更登记审核'], RS), st('换发营业执照', 0, ['变更登记审核'])],
  kind: 'promised', sd: 3, pd: 1, ch: ['window', 'web', 'mobile'], ol: 4, visits: 0, cross: 'none', deliv: true,
  result: { name: '营业执照', kind: 'license', licenseType: '营业执照' },
  loc: HALL,
  faqs: [['换法人需要去税务局吗？', '不需要。变更登记完成后信息自动推送税务部门，新法定代表人完成实名认证即可。']],
})

item({
  dept: SJ, name: '企业注销登记', type: 'administrative_license', group: 'reg', aud: ['enterprise'], themes: ['法人注销'],
  desc: '企业因解散、被宣告破产或者其他法定事由需要终止的，应当依法申请注销登记。通过企业注销“一网服务”平台提交申请后，税务清税、社保登记注销、公积金账户注销和医保登记注销并行办理，全部办结后由登记机关办理注销登记。',
  basis: ['《中华人民共和国市场主体登记管理条例》第三十一条', '《中华人民共和国公司法》第二百三十九条', '《中华人民共和国税收征收管理法实施细则》第十五条'],
  cond: '企业已依法成立清算组完成清算，并通过国家企业信用信息公示系统公告满四十五日；无未结清的税款、社会保险费和住房公积金。',
  mats: [M.table('公司注销登记申请书'), M.own('清算报告', '经股东会或有关机关确认的清算报告。'), M.own('解散决议或决定', '股东会决议、人民法院裁定或行政机关责令关闭文件等。'),
    M.gov('清税证明', '税务机关', '清税信息由税务部门共享，无需提交纸质文书。', { sharedDataset: '清税信息' }), M.bl('交回营业执照正副本。')],
  steps: [st('申请', 0, []), st('受理', 0, ['申请']), st('清税', 5, ['受理'], SW), st('社保登记注销', 3, ['受理'], RS),
    st('医保登记注销', 3, ['受理'], YB), st('住房公积金账户注销', 3, ['受理'], GJJ),
    st('注销登记审核', 1, ['清税', '社保登记注销', '医保登记注销', '住房公积金账户注销'], SJ), st('办结', 0, ['注销登记审核'])],
  kind: 'promised', sd: 20, pd: 10, ch: ['window', 'web'], ol: 4, visits: 0, cross: 'none',
  result: { name: '准予注销登记通知书', kind: 'approval_document' },
  loc: HALL,
  faqs: [['注销公司最快多久？', '未开业或无债权债务的企业可申请简易注销，公示期20日满后1个工作日内办结。'],
    ['清税证明要自己去税务局开吗？', '不需要。通过注销“一网服务”平台提交后，税务部门在线办理清税，结果实时共享给登记机关。']],
})

item({
  dept: SJ, name: '企业简易注销登记', type: 'administrative_license', group: 'reg', aud: ['enterprise'], themes: ['法人注销'],
  desc: '未发生债权债务或者已将债权债务清偿完结，未发生或者已结清清偿费用、职工工资、社会保险费用、法定补偿金、应缴纳税款，且全体投资人书面承诺对上述情况的真实性承担法律责任的企业，可以按照简易程序办理注销登记。',
  basis: ['《中华人民共和国市场主体登记管理条例》第三十三条'],
  cond: '无债权债务或已清偿完结，无未结清税款和社会保险费，未处于被吊销、被立案调查或股权冻结等状态；经公示系统公示20日无异议。',
  mats: [M.table('简易注销登记申请书'), M.own('全体投资人承诺书', '在“一网服务”平台电子签名。', { form: 'electronic', originals: 0 }), M.bl('交回营业执照正副本。')],
  steps: seq(['申请', 0], ['公示', 20], ['受理', 0], ['审核', 1], ['办结', 0]),
  kind: 'promised', sd: 3, pd: 1, ch: ['web', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '准予简易注销登记通知书', kind: 'approval_document' },
  loc: HALL,
})

item({
  dept: WZ_SP, name: '个体工商户设立登记', type: 'administrative_license', group: 'gt', aud: ['individual'], themes: ['设立变更', '就业创业'],
  desc: '有经营能力的公民从事工商业经营，可以依法登记为个体工商户。申请人可通过“e企办”或“苏周到”手机端全程网上办理，审核通过后营业执照邮寄到家或在自助终端打印。',
  basis: ['《促进个体工商户发展条例》第二条', '《中华人民共和国市场主体登记管理条例》第八条'],
  cond: '有经营能力的自然人，有固定的经营场所；经营范围不属于法律法规禁止个人经营的项目。',
  mats: [M.table('个体工商户登记（备案）申请书'), M.id('经营者居民身份证。'), M.site(), M.agent()],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 0.5], ['核发营业执照', 0.5]),
  kind: 'promised', sd: 3, pd: 1, ch: ['window', 'web', 'mobile'], ol: 4, visits: 0, cross: 'none', deliv: true,
  result: { name: '营业执照（个体工商户）', kind: 'license', licenseType: '营业执照' },
  faqs: [['开个体户需要注册资金吗？', '个体工商户登记资金数额由经营者自行申报，无需验资。']],
})

item({
  dept: WZ_SP, name: '个体工商户注销登记', type: 'administrative_license', group: 'gt', aud: ['individual'], themes: ['法人注销'],
  desc: '个体工商户不再从事经营活动的，应当申请注销登记。无税务未办结事项的个体工商户可直接申请简易注销，无需提交清税证明。',
  basis: ['《促进个体工商户发展条例》第十条', '《中华人民共和国市场主体登记管理条例》第三十一条'],
  cond: '已结清税款、社会保险费等，无未办结的行政处罚案件。',
  mats: [M.table('个体工商户注销登记申请书'), M.id('经营者居民身份证。'), M.bl('交回营业执照正副本；遗失的在公示系统声明作废。')],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 0], ['办结', 0]),
  kind: 'instant', sd: 3, pd: 0, ch: ['window', 'web', 'mobile'], ol: 4, visits: 0, cross: 'none',
  result: { name: '准予注销登记通知书', kind: 'approval_document' },
})

item({
  dept: SJ, name: '农民专业合作社设立登记', type: 'administrative_license', group: 'reg', aud: ['individual', 'other_organization'], themes: ['设立变更'],
  desc: '农民专业合作社应当依法办理登记，取得法人资格。合作社成员以农民为主体，成员总数二十人以下的至少有一名企业、事业单位或者社会组织成员。',
  basis: ['《中华人民共和国农民专业合作社法》第十二条', '《中华人民共和国农民专业合作社法》第十六条'],
  cond: '有五名以上符合规定的成员，农民至少应当占成员总数的百分之八十；有符合规定的章程、组织机构、名称和住所。',
  mats: [M.table('农民专业合作社登记（备案）申请书'), M.own('全体设立人签名、盖章的设立大会纪要', '载明设立时间、地点和通过的章程。'), M.own('合作社章程', '全体设立人签名、盖章。'),
    M.own('成员名册及成员出资清单', '载明成员姓名或名称、出资方式和出资额。'), M.site()],
  steps: seq(['申请', 0], ['受理', 0], ['审核', 1], ['核发营业执照', 1]),
  kind: 'promised', sd: 20, pd: 2, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '营业执照（农民专业合作社）', kind: 'license', licenseType: '营业执照' },
  loc: HALL,
})

item({
  dept: SJ, name: '企业备案（董事、监事、高级管理人员及章程）', type: 'other_administrative_power', aud: ['enterprise'], themes: ['设立变更'],
  desc: '公司章程、董事、监事、高级管理人员、登记联络员、外商投资企业法律文件送达接受人等事项发生变动的，应当向登记机关办理备案。备案事项不换发营业执照，办结后在国家企业信用信息公示系统公示。',
  basis: ['《中华人民共和国市场主体登记管理条例》第九条', '《中华人民共和国市场主体登记管理条例》第二十九条'],
  cond: '企业依法存续，备案事项已按章程规定作出决议或决定。',
  mats: [M.table('公司登记（备案）申请书'), M.own('相关决议或决定', '任免董事、监事、经理的股东会决议或董事会决议。'), M.opt('新任人员身份证明', '通过人口基础信息核验。', { sharedDataset: '人口基础信息' })],
  steps: instantSteps(),
  kind: 'instant', sd: 3, pd: 0, ch: ['web', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '备案通知书', kind: 'other' },
  loc: HALL,
})

item({
  dept: SJ, name: '营业执照遗失补领', type: 'other_administrative_power', aud: ['enterprise', 'individual'], themes: ['设立变更'],
  desc: '营业执照遗失或者毁坏的，市场主体应当通过国家企业信用信息公示系统声明作废，申请补领。已领取电子营业执照的，可以电子营业执照替代纸质执照使用。',
  basis: ['《中华人民共和国市场主体登记管理条例》第二十二条', '《中华人民共和国市场主体登记管理条例实施细则》第六十七条'],
  cond: '营业执照遗失或毁坏，市场主体依法存续。',
  mats: [M.table('营业执照补领申请书'), M.own('遗失作废声明', '在国家企业信用信息公示系统发布，系统自动核验。', { form: 'electronic', originals: 0 }), M.legalRep()],
  steps: instantSteps(),
  kind: 'instant', sd: 3, pd: 0, ch: ['window', 'web'], ol: 4, visits: 0, cross: 'none', deliv: true,
  result: { name: '营业执照', kind: 'license', licenseType: '营业执照' },
  loc: HALL,
})

item({
  dept: SJ, name: '企业年度报告公示', type: 'public_service', aud: ['enterprise', 'individual'], themes: ['年检年审'],
  desc: '企业应当于每年1月1日至6月30日，通过国家企业信用信息公示系统向市场监督管理部门报送上一年度年度报告，并向社会公示。逾期未报送的，列入经营异常名录。',
  basis: ['《企业信息公示暂行条例》第八条', '《企业信息公示暂行条例》第十七条'],
  cond: '上一年度12月31日前成立的企业、农民专业合作社和个体工商户。',
  mats: [M.own('年度报告信息', '在公示系统在线填报，含资产状况、股东出资、社保信息等。', { form: 'electronic', originals: 0 })],
  steps: seq(['在线填报', 0], ['公示', 0]),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'mobile'], ol: 4, visits: 0, cross: 'national', appt: false,
  result: { name: '年度报告公示信息', kind: 'other' },
  loc: '国家企业信用信息公示系统（江苏）在线办理', hours: '每年1月1日至6月30日，24小时在线',
  faqs: [['年报忘了报怎么办？', '逾期未报的企业被列入经营异常名录，补报年报后可申请移出。']],
})

item({
  dept: SJ, name: '食品经营许可证核发', type: 'administrative_license', group: 'food', aud: ['enterprise', 'individual'], themes: ['准营准办'],
  desc: '在本市从事食品销售和餐饮服务活动的，应当依法取得食品经营许可。受理后，市市场监管局开展材料审查，属地区市场监管局同步对经营场所进行现场核查，两项工作并行开展。对申请人承诺符合条件且材料齐全的，可实行告知承诺当场发证。',
  basis: ['《中华人民共和国食品安全法》第三十五条', '《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）第五条', L.lic42],
  cond: '具有与经营的食品品种、数量相适应的经营场所和设施设备，有专职或兼职的食品安全管理人员和保证食品安全的规章制度，具有合理的设备布局和工艺流程。',
  mats: [M.table('食品经营许可申请书'), M.bl(), M.legalRep(),
    M.own('经营场所平面图和设备布局、工艺流程图', '标明食品处理区、就餐区、清洗消毒设施和垃圾存放设施位置。'),
    M.own('食品安全规章制度目录清单', '含从业人员健康管理、进货查验记录、食品安全自查等制度。'),
    M.site()],
  steps: [st('申请', 0, []), st('受理', 1, ['申请']), st('材料审查', 3, ['受理'], SJ), st('现场核查', 5, ['受理'], GS_SJ),
    st('许可决定', 1, ['材料审查', '现场核查']), st('制证', 1, ['许可决定'])],
  kind: 'promised', sd: 10, pd: 5, ch: ['window', 'web', 'mobile'], ol: 3, visits: 0, cross: 'none', deliv: true,
  result: { name: '食品经营许可证', kind: 'license', licenseType: '食品经营许可证', validityYears: 5 },
  sp: ['现场核查'],
  loc: HALL,
  faqs: [['开饭店要办哪些证？', '需先办理营业执照，再申请食品经营许可证；经营场所属公众聚集场所的还需进行消防安全检查，设置招牌的按规定办理招牌设置手续。'],
    ['只卖预包装食品要办许可证吗？', '仅销售预包装食品的，办理备案即可，无需取得食品经营许可证。']],
})

item({
  dept: SJ, name: '食品经营许可证延续', type: 'administrative_license', group: 'food', aud: ['enterprise', 'individual'], themes: ['准营准办', '年检年审'],
  desc: '食品经营者需要延续依法取得的食品经营许可有效期的，应当在许可有效期届满前90个工作日至15个工作日期间提出申请。经营条件未发生变化的，可当场作出准予延续决定。',
  basis: ['《中华人民共和国食品安全法》第三十五条', '《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）第三十七条', '《中华人民共和国行政许可法》第五十条'],
  cond: '食品经营许可证在有效期内，经营条件符合要求。',
  mats: [M.table('食品经营许可延续申请书'), M.gov('食品经营许可证', '市场监督管理部门', '原许可证正副本。', { licenseType: '食品经营许可证' }), M.own('经营条件变化情况说明', '未发生变化的填写承诺书。')],
  steps: seq(['申请', 0], ['受理', 0], ['审查', 3], ['决定', 1], ['制证', 1]),
  kind: 'promised', sd: 10, pd: 5, ch: ['window', 'web'], ol: 4, visits: 0, cross: 'none', deliv: true,
  result: { name: '食品经营许可证', kind: 'license', licenseType: '食品经营许可证', validityYears: 5 },
  loc: HALL,
})

item({
  dept: SJ, name: '仅销售预包装食品备案', type: 'other_administrative_power', group: 'food', aud: ['enterprise', 'individual'], themes: ['准营准办'],
  desc: '仅销售预包装食品的经营者，应当在办理市场主体登记或开始经营前向所在地市场监督管理部门备案，备案后即可开展经营活动。',
  basis: ['《中华人民共和国食品安全法》第三十五条', '《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）第四十八条'],
  cond: '经营项目仅为预包装食品销售（含冷藏冷冻食品的应予注明）。',
  mats: [M.table('仅销售预包装食品备案信息采集表'), M.bl()],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'window', 'mobile'], ol: 4, visits: 0, cross: 'none',
  result: { name: '仅销售预包装食品备案凭证', kind: 'other' },
  loc: HALL,
})

item({
  dept: SJ, name: '药品经营许可证核发（零售）', type: 'administrative_license', aud: ['enterprise'], themes: ['准营准办'],
  desc: '开办药品零售企业（含零售连锁门店）的，应当取得药品经营许可证。审查中对企业的营业场所、仓储设施和质量管理体系进行现场检查。',
  basis: ['《中华人民共和国药品管理法》第五十一条', '《中华人民共和国药品管理法》第五十二条', '《药品经营和使用质量监督管理办法》（国家市场监督管理总局令第84号）第十二条'],
  cond: '有依法经过资格认定的药师或其他药学技术人员；有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境；有保证药品质量的规章制度并符合药品经营质量管理规范。',
  mats: [M.table('药品经营许可证申请表'), M.bl(), M.own('执业药师注册证及质量负责人资料', '执业药师注册信息可联网核验。', { copies: 1 }),
    M.own('营业场所平面布局图及设施设备清单', '标明处方药与非处方药分区。'), M.own('质量管理文件目录', '按药品经营质量管理规范编制。'), M.site()],
  steps: seq(['申请', 0], ['受理', 1], ['材料审查', 5], ['现场检查', 5], ['许可决定', 2], ['制证', 2]),
  kind: 'promised', sd: 20, pd: 15, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '药品经营许可证', kind: 'license', licenseType: '药品经营许可证', validityYears: 5 },
  sp: ['现场核查'],
  loc: HALL,
})

item({
  dept: SJ, name: '第二类医疗器械经营备案', type: 'other_administrative_power', aud: ['enterprise'], themes: ['准营准办'],
  desc: '从事第二类医疗器械经营的，由经营企业向所在地设区的市级负责药品监督管理的部门备案。备案材料符合要求的当场备案，市场监管部门在备案后三个月内开展现场检查。',
  basis: ['《医疗器械监督管理条例》第四十一条', '《医疗器械经营监督管理办法》（国家市场监督管理总局令第54号）第十七条'],
  cond: '有与经营规模和经营范围相适应的经营场所和贮存条件，以及与经营的医疗器械相适应的质量管理制度和质量管理机构或者人员。',
  mats: [M.table('第二类医疗器械经营备案表'), M.bl(), M.own('质量负责人身份及学历或职称证明', '复印件加盖企业公章。', { copies: 1 }), M.own('经营场所、库房地址的地理位置图、平面图', '注明实际使用面积。'), M.own('经营质量管理制度、工作程序等文件目录', '加盖企业公章。')],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['window', 'web'], ol: 4, visits: 0, cross: 'none',
  result: { name: '第二类医疗器械经营备案凭证', kind: 'other' },
  loc: HALL,
})

item({
  dept: SJ, name: '特种设备使用登记', type: 'administrative_license', aud: ['enterprise', 'public_institution'], themes: ['准营准办', '年检年审'],
  desc: '特种设备使用单位应当在电梯、锅炉、压力容器、起重机械、场（厂）内专用机动车辆等特种设备投入使用前或者投入使用后三十日内，向负责特种设备安全监督管理的部门办理使用登记，取得使用登记证书。',
  basis: ['《中华人民共和国特种设备安全法》第三十三条', '《特种设备使用管理规则》（TSG 08-2017）'],
  cond: '特种设备已经监督检验合格（需监督检验的），使用单位已建立安全管理制度并配备安全管理人员。',
  mats: [M.table('特种设备使用登记表'), M.bl('使用单位营业执照。'), M.own('特种设备产品合格证', '含产品数据表。'),
    M.gov('监督检验证明', '特种设备检验机构', '检验机构联网上传的免交。', { source: 'intermediary', sharedDataset: '特种设备检验信息' })],
  steps: seq(['申请', 0], ['受理', 0], ['审查', 3], ['发证', 2]),
  kind: 'promised', sd: 15, pd: 5, ch: ['window', 'web'], ol: 4, visits: 0, cross: 'none',
  result: { name: '特种设备使用登记证', kind: 'license', licenseType: '特种设备使用登记证' },
  loc: HALL,
})

item({
  dept: SJ, name: '专利侵权纠纷处理', type: 'administrative_adjudication', group: 'ip', aud: ['enterprise', 'individual'], themes: ['知识产权'],
  desc: '专利权人或者利害关系人认为他人未经许可实施其专利的，可以请求管理专利工作的部门处理。苏州市知识产权局依法对侵权纠纷进行审理，认定侵权行为成立的，责令侵权人立即停止侵权行为。',
  basis: ['《中华人民共和国专利法》第六十五条', '《专利行政执法办法》第十条'],
  cond: '请求人是专利权人或者利害关系人；有明确的被请求人和具体的请求事项、事实、理由；属于本部门受案和管辖范围；当事人未就该纠纷向人民法院起诉。',
  mats: [M.table('专利侵权纠纷处理请求书'), M.gov('专利证书及专利登记簿副本', '国家知识产权局', '可通过专利登记信息核验。', { licenseType: '专利证书' }), M.own('侵权证据材料', '被控侵权产品、公证书、购买凭证等。'), M.bl('请求人主体资格证明。')],
  steps: seq(['请求', 0], ['立案', 5], ['答辩', 15], ['口头审理', 30], ['处理决定', 20], ['送达', 3]),
  kind: 'promised', sd: 90, pd: 90, ch: ['window', 'mail'], ol: 2, visits: 2, cross: 'none',
  result: { name: '专利侵权纠纷处理决定书', kind: 'approval_document' },
  sp: ['专家评审', '现场核查'],
  loc: HALL,
})

item({
  dept: SJ, name: '知识产权纠纷调解', type: 'public_service', group: 'ip', aud: ['enterprise', 'individual'], themes: ['知识产权', '法律服务'],
  desc: '对专利、商标、著作权、商业秘密等知识产权纠纷，当事人可以申请知识产权纠纷人民调解委员会进行调解。调解达成协议的，可申请人民法院司法确认。',
  basis: ['《中华人民共和国人民调解法》第十七条', '《中华人民共和国专利法》第六十五条'],
  cond: '纠纷当事人自愿申请调解，且该纠纷未经人民法院、仲裁机构受理或者处理。',
  mats: [M.table('知识产权纠纷调解申请书'), M.id('当事人身份证明；单位提供营业执照。'), M.own('权利证明及纠纷相关证据', '如专利证书、商标注册证、作品登记证书等。', { copies: 1 })],
  steps: seq(['申请', 0], ['受理', 3], ['调解', 30], ['结案', 2]),
  kind: 'promised', sd: 45, pd: 35, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '调解协议书', kind: 'other' },
  loc: '中国（苏州）知识产权保护中心（苏州工业园区）及市场监管窗口',
})

item({
  dept: SJ, name: '商标注册申请受理', type: 'public_service', group: 'ip', aud: ['enterprise', 'individual'], themes: ['知识产权'],
  desc: '国家知识产权局商标局在苏州设立的商标业务受理窗口，代为受理商标注册申请、变更、转让、续展及商标专用权质押登记等业务，并提供商标注册证明和商标档案查询服务。',
  basis: ['《中华人民共和国商标法》第四条', '《中华人民共和国商标法实施条例》第十三条'],
  cond: '自然人、法人或者其他组织在生产经营活动中需要取得商标专用权的。',
  mats: [M.table('商标注册申请书', '每一件商标提交一份申请书。'), M.own('商标图样', '清晰、便于粘贴，长宽不大于10厘米、不小于5厘米。', { form: 'both', originals: 1 }),
    M.id('申请人身份证明；企业提供营业执照。'), M.agent()],
  steps: seq(['申请', 0], ['形式审查', 1], ['报送商标局', 1]),
  kind: 'promised', sd: 5, pd: 2, fee: { charged: true, standard: '每件商标在一个类别10个商品以内300元（网上申请270元）', basis: '国家知识产权局商标注册收费标准', amountYuan: 300 },
  ch: ['window', 'web'], ol: 3, visits: 1, cross: 'national',
  result: { name: '商标注册申请受理通知书', kind: 'other' },
  loc: '苏州商标受理窗口（苏州市政务服务中心）',
})
