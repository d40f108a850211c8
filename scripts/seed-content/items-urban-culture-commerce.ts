import { area, item, seq, st, instantSteps, M } from './lib'
import { CG, ZG, JJ, XF, WL, SWJ, HB, YJ, NY, JT } from './depts'

area('urban-culture-commerce')

const hall = (w: string) => `苏州市政务服务中心${w}窗口（苏州市姑苏区三香路1158号）`

item({
  dept: CG, name: '户外广告设施设置审批', type: 'administrative_license', group: 'gg', aud: ['enterprise', 'individual'], themes: ['准营准办'],
  desc: '在城市建筑物、构筑物、道路、广场等户外场所设置大型户外广告设施的，应当经城市管理部门批准。受理后，城市管理部门现场勘查设置位置与户外广告设置规划的符合性，自然资源和规划部门同步出具规划意见，两项工作并联开展。',
  basis: ['《城市市容和环境卫生管理条例》第十一条', '《中华人民共和国广告法》第四十一条', '《江苏省城市市容和环境卫生管理条例》'],
  cond: '设置位置符合本市户外广告设施设置规划，设施结构安全，不影响城市景观、交通安全和消防通道。',
  mats: [M.table('户外广告设施设置申请表'), M.bl('申请人营业执照或身份证明。'), M.own('设置场地使用权证明', '场地所有权人或管理人同意设置的书面证明及租赁合同。', { copies: 1 }),
    M.own('设施设计效果图和结构图', '标明规格、材质和安装方式，大型设施附结构安全计算书。', { source: 'intermediary', issuer: '设计单位' }), M.own('实景照片', '设置位置的现状照片及效果合成图。', { form: 'electronic', originals: 0 })],
  steps: [st('申请', 0, []), st('受理', 1, ['申请']), st('现场勘查', 5, ['受理'], CG), st('规划意见', 5, ['受理'], ZG), st('审批决定', 2, ['现场勘查', '规划意见']), st('送达', 1, ['审批决定'])],
  kind: 'promised', sd: 20, pd: 10, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '户外广告设施设置许可决定书', kind: 'approval_document', validityYears: 3 },
  sp: ['现场核查'], loc: hall('城市管理'),
})

item({
  dept: CG, name: '店招标牌设置备案', type: 'public_service', group: 'gg', aud: ['enterprise', 'individual'], themes: ['准营准办'],
  desc: '沿街商户在经营场所外墙设置店招标牌的，应当符合本市店招标牌设置技术规范，并通过“苏周到”或政务服务窗口告知承诺备案。符合规范的即时备案，城市管理部门事后抽查。',
  basis: ['《城市市容和环境卫生管理条例》第十一条', '《江苏省城市市容和环境卫生管理条例》'],
  cond: '店招标牌设置在本单位经营场所外墙，规格、位置和材质符合店招标牌设置技术规范。',
  mats: [M.bl(), M.own('店招标牌效果图', '标明尺寸和安装位置。', { form: 'electronic', originals: 0 }), M.own('设置安全承诺书', '承诺设施安全和日常维护责任。', { form: 'electronic', originals: 0 })],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'mobile', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '店招标牌设置备案回执', kind: 'other' }, loc: hall('城市管理'),
  faqs: [['开店挂招牌要审批吗？', '在本店外墙设置店招标牌的实行备案，在线提交效果图和承诺书即可；设置大型户外广告的需另行审批。']],
})

item({
  dept: CG, name: '城市道路占用挖掘许可', type: 'administrative_license', group: 'dl', aud: ['enterprise', 'public_institution'], themes: ['工程建设'],
  desc: '因工程建设需要临时占用或挖掘城市道路的，应当经城市管理部门批准；影响交通安全的，还应当征得公安机关交通管理部门同意。本市实行城管、交警并联审查，一次申请、同步办理。',
  basis: ['《城市道路管理条例》第三十一条', '《城市道路管理条例》第三十三条', '《中华人民共和国道路交通安全法》第三十二条'],
  cond: '因特殊情况确需临时占用或挖掘城市道路，有施工方案和交通组织方案，新建、扩建、改建的城市道路交付使用后5年内、大修后3年内不得挖掘（确需挖掘的按规定报批）。',
  mats: [M.table('城市道路占用挖掘申请表'), M.bl('建设单位营业执照。'), M.own('施工方案及交通组织方案', '含施工范围图、围挡方案和交通导改方案。'), M.own('工程建设批准文件', '规划许可等批准文件。', { copies: 1 })],
  steps: [st('申请', 0, []), st('受理', 1, ['申请']), st('道路占掘审查', 3, ['受理'], CG), st('交通安全审查', 3, ['受理'], JJ), st('许可决定', 1, ['道路占掘审查', '交通安全审查'])],
  kind: 'promised', sd: 20, pd: 5, fee: { charged: true, standard: '城市道路挖掘修复费按实际挖掘面积和路面结构计收', basis: '《城市道路管理条例》第三十三条' },
  ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '城市道路占用挖掘许可决定书', kind: 'approval_document' }, sp: ['现场核查'], loc: hall('城市管理'),
})

item({
  dept: CG, name: '城市建筑垃圾处置核准', type: 'administrative_license', group: 'dl', aud: ['enterprise'], themes: ['工程建设'],
  desc: '处置建筑垃圾的单位，应当向城市管理部门提出申请，获得城市建筑垃圾处置核准后方可处置。运输单位应当使用密闭运输车辆，按核准的路线和时间运输至指定消纳场所。',
  basis: ['《国务院对确需保留的行政审批项目设定行政许可的决定》第一百零一项', '《城市建筑垃圾管理规定》（建设部令第139号）第七条'],
  cond: '有建筑垃圾分类处置方案和资源化利用方案；与具备条件的运输单位、消纳场所签订合同。',
  mats: [M.table('建筑垃圾处置核准申请表'), M.bl(), M.own('建筑垃圾处置方案', '含产生量、运输路线、消纳场所。'), M.own('运输及消纳合同', '', { copies: 1 })],
  steps: seq(['申请', 0], ['受理', 1], ['审查', 3], ['决定', 1]),
  kind: 'promised', sd: 20, pd: 5, ch: ['window', 'web'], ol: 4, visits: 0, cross: 'none',
  result: { name: '城市建筑垃圾处置核准证', kind: 'license', licenseType: '建筑垃圾处置核准证' }, loc: hall('城市管理'),
})

item({
  dept: XF, name: '公众聚集场所投入使用、营业前消防安全检查', type: 'administrative_license', aud: ['enterprise', 'individual'], themes: ['准营准办'],
  desc: '宾馆、饭店、商场、集贸市场、体育场馆、影剧院、歌舞厅等公众聚集场所投入使用、营业前，建设单位或者使用单位应当向场所所在地消防救援机构申请消防安全检查。实行告知承诺的，材料齐全并作出承诺即当场发证，消防救援机构在发证后开展核查。',
  basis: ['《中华人民共和国消防法》第十五条', '《公众聚集场所投入使用、营业前消防安全检查规则》（应急〔2019〕86号）'],
  cond: '场所依法通过消防验收或已进行消防验收备案，消防设施、疏散通道、安全出口等符合消防技术标准，建立了消防安全管理制度。',
  mats: [M.table('公众聚集场所投入使用、营业前消防安全检查申请表'), M.bl(), M.legalRep(), M.own('消防安全制度、灭火和应急疏散预案', '场所消防安全管理人签字。'),
    M.own('场所平面布置图、消防设施平面图', '标明疏散通道和安全出口。'), M.own('告知承诺书', '选择告知承诺方式的提供。', { required: false })],
  steps: seq(['申请', 0], ['受理', 0], ['现场检查', 7], ['许可决定', 2], ['送达', 1]),
  kind: 'promised', sd: 10, pd: 5, ch: ['window', 'web'], ol: 3, visits: 0, cross: 'none',
  result: { name: '公众聚集场所投入使用、营业消防安全检查合格证', kind: 'license', licenseType: '消防安全检查合格证' },
  sp: ['现场核查'], loc: hall('消防'),
  faqs: [['开饭店需要做消防安全检查吗？', '饭店属于公众聚集场所，开业前需申请消防安全检查，可选择告知承诺方式当场领取合格证。']],
})

item({
  dept: WL, name: '娱乐场所经营许可', type: 'administrative_license', aud: ['enterprise'], themes: ['准营准办'],
  desc: '设立歌舞娱乐场所、游艺娱乐场所，应当向所在地文化和旅游主管部门提出申请。文化和旅游部门对场所进行实地检查，同时征求消防救援机构对场所消防安全条件的意见，两项工作同步开展。',
  basis: ['《娱乐场所管理条例》第九条', '《娱乐场所管理办法》（文化部令第55号）第八条', '《中华人民共和国消防法》第十五条'],
  cond: '投资人员、拟任法定代表人和其他负责人没有《娱乐场所管理条例》第五条规定的情形；场所位置符合规定，与学校等敏感区域保持法定距离；包厢、包间面积和设施符合要求。',
  mats: [M.table('娱乐场所经营许可申请表'), M.bl(), M.legalRep(), M.own('场所平面示意图', '标明包厢、包间数量和面积，安全出口位置。'),
    M.site(), M.own('投资人员、负责人无犯罪记录承诺', '公安机关可依职权核查。', { form: 'electronic', originals: 0 })],
  steps: [st('申请', 0, []), st('受理', 1, ['申请']), st('实地检查', 10, ['受理'], WL), st('消防安全意见', 10, ['受理'], XF), st('听证或公示', 3, ['实地检查', '消防安全意见']), st('许可决定', 2, ['听证或公示']), st('发证', 1, ['许可决定'])],
  kind: 'promised', sd: 20, pd: 17, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '娱乐经营许可证', kind: 'license', licenseType: '娱乐经营许可证', validityYears: 2 },
  sp: ['现场核查', '听证'], loc: hall('文广旅'),
})

item({
  dept: WL, name: '营业性演出审批', type: 'administrative_license', aud: ['enterprise'], themes: ['准营准办'],
  desc: '在本市举办营业性演出的，演出举办单位应当在演出日期三日前将演出节目内容、演职人员等报文化和旅游主管部门审批。涉及港澳台和外国演员的营业性演出按规定报相应主管部门审批。',
  basis: ['《营业性演出管理条例》第十三条', '《营业性演出管理条例实施细则》第十四条'],
  cond: '举办单位为演出经纪机构，或演出场所经营单位在本场所内举办；演出内容不含《营业性演出管理条例》禁止的情形。',
  mats: [M.table('营业性演出申请登记表'), M.bl('演出举办单位营业执照及营业性演出许可证。'), M.own('演出节目内容材料', '节目单、歌词、剧本或视频资料。'), M.own('演出场地协议', '与演出场所签订的协议。', { copies: 1 }), M.own('演员名单及身份证明', '')],
  steps: seq(['申请', 0], ['受理', 0], ['内容审核', 2], ['决定', 1]),
  kind: 'promised', sd: 3, pd: 3, ch: ['web', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '营业性演出准予许可决定书', kind: 'approval_document' }, loc: hall('文广旅'),
})

item({
  dept: WL, name: '旅行社设立许可', type: 'administrative_license', aud: ['enterprise'], themes: ['准营准办', '资质认证'],
  desc: '申请经营国内旅游业务和入境旅游业务的，应当向文化和旅游主管部门提出申请，取得旅行社业务经营许可证，并在许可后三个工作日内存入质量保证金或提交银行担保。',
  basis: ['《中华人民共和国旅游法》第二十八条', '《旅行社条例》第六条', '《旅行社条例》第十三条'],
  cond: '取得企业法人资格，有固定的经营场所、必要的营业设施和必要的经营管理人员、导游。',
  mats: [M.table('旅行社设立申请书'), M.bl(), M.site(), M.own('经营管理人员和导游名单', '导游证信息联网核验。', { sharedDataset: '导游信息' }), M.own('营业设施说明', '电话、传真、计算机等设施情况。')],
  steps: seq(['申请', 0], ['受理', 1], ['审查', 10], ['现场核查', 5], ['决定', 3], ['发证', 1]),
  kind: 'promised', sd: 20, pd: 20, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '旅行社业务经营许可证', kind: 'license', licenseType: '旅行社业务经营许可证' }, sp: ['现场核查'], loc: hall('文广旅'),
})

item({
  dept: SWJ, name: '单用途商业预付卡发卡企业备案', type: 'other_administrative_power', aud: ['enterprise'], themes: ['商务贸易', '准营准办'],
  desc: '从事零售、住宿和餐饮、居民服务业的企业发行单用途商业预付卡的，应当自开展单用途卡业务之日起三十日内向商务主管部门备案。备案企业应按规定存管预收资金并公示相关信息。',
  basis: ['《单用途商业预付卡管理办法（试行）》（商务部令2012年第9号）第七条'],
  cond: '从事零售业、住宿和餐饮业、居民服务业并发行单用途商业预付卡的企业法人。',
  mats: [M.table('单用途卡发卡企业备案表'), M.bl(), M.own('单用途卡章程及购卡协议范本', '载明卡的种类、面值、有效期、退卡规定等。'), M.own('资金存管协议', '与存管银行签订。', { copies: 1 })],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '单用途商业预付卡备案通知书', kind: 'other' }, loc: hall('商务'),
})

item({
  dept: SWJ, name: '再生资源回收经营者备案', type: 'other_administrative_power', aud: ['enterprise', 'individual'], themes: ['商务贸易', '准营准办'],
  desc: '从事再生资源回收经营活动的企业和个体工商户，应当自领取营业执照之日起三十日内，向所在地商务主管部门备案。备案事项发生变更的，应当自变更之日起三十日内办理变更手续。',
  basis: ['《再生资源回收管理办法》（商务部令2007年第8号）第七条'],
  cond: '已取得营业执照，经营范围包含再生资源回收。',
  mats: [M.table('再生资源回收经营者备案登记表'), M.bl(), M.site('回收站点场所使用证明。')],
  steps: instantSteps(),
  kind: 'instant', sd: 0, pd: 0, ch: ['web', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '再生资源回收经营者备案登记证明', kind: 'other' }, loc: hall('商务'),
})

item({
  dept: HB, name: '建设项目环境影响报告表审批', type: 'administrative_license', group: 'hp', aud: ['enterprise'], themes: ['生态环境', '工程建设'],
  desc: '对可能造成轻度环境影响的建设项目，建设单位应当编制环境影响报告表，报生态环境主管部门审批。未依法报批或审批未通过的，建设单位不得开工建设。',
  basis: ['《中华人民共和国环境影响评价法》第十六条', '《中华人民共和国环境影响评价法》第二十二条', '《建设项目环境保护管理条例》第九条'],
  cond: '建设项目符合生态环境分区管控要求和产业政策，采取的污染防治措施能确保污染物排放达到国家和地方标准。',
  mats: [M.table('建设项目环境影响评价文件审批申请表'), M.own('建设项目环境影响报告表', '由建设单位编制或委托技术单位编制，附公开版本。', { source: 'intermediary', issuer: '环评技术单位' }), M.bl()],
  steps: seq(['申请', 0], ['受理', 1], ['技术评估', 10], ['审查', 5], ['公示', 5], ['批复', 2]),
  kind: 'promised', sd: 30, pd: 15, ch: ['web', 'window'], ol: 4, visits: 0, cross: 'none',
  result: { name: '建设项目环境影响报告表批复', kind: 'approval_document' }, sp: ['专家评审'], inter: ['环境影响评价'], loc: hall('生态环境'),
})

item({
  dept: HB, name: '排污许可证核发', type: 'administrative_license', group: 'hp', aud: ['enterprise'], themes: ['生态环境', '准营准办'],
  desc: '依照法律规定实行排污许可管理的企业事业单位和其他生产经营者，应当在实际排污前申请取得排污许可证。申请人通过全国排污许可证管理信息平台提交申请，审批部门在受理后二十日内作出决定。',
  basis: ['《排污许可管理条例》第六条', '《排污许可管理条例》第十一条', '《中华人民共和国环境保护法》第四十五条'],
  cond: '依法取得环境影响评价审批意见或已办理备案；污染物排放符合污染物排放标准和重点污染物排放总量控制要求。',
  mats: [M.table('排污许可证申请表', '在全国排污许可证管理信息平台填报。'), M.own('自行监测方案', ''), M.own('守法承诺书', '由法定代表人签字。'), M.opt('环境影响评价审批文件', '系统自动关联。', { sharedDataset: '环评审批信息' })],
  steps: seq(['申请', 0], ['受理', 1], ['技术审查', 12], ['现场核查', 5], ['决定', 2]),
  kind: 'promised', sd: 20, pd: 20, ch: ['web'], ol: 4, visits: 0, cross: 'none',
  result: { name: '排污许可证', kind: 'license', licenseType: '排污许可证', validityYears: 5 }, sp: ['现场核查'], loc: hall('生态环境'),
})

item({
  dept: YJ, name: '危险化学品经营许可证核发', type: 'administrative_license', aud: ['enterprise'], themes: ['安全生产', '准营准办'],
  desc: '从事危险化学品经营（无储存设施）的企业，应当向所在地设区的市级安全生产监督管理部门提出申请，取得危险化学品经营许可证。应急管理部门组织现场核查，消防救援机构同步对经营场所消防安全条件出具意见。',
  basis: ['《危险化学品安全管理条例》第三十三条', '《危险化学品安全管理条例》第三十五条', '《危险化学品经营许可证管理办法》（国家安全生产监督管理总局令第55号）第三条'],
  cond: '经营场所和储存设施符合国家标准、行业标准；从业人员经过专业技术培训并考核合格；有健全的安全管理规章制度和专职安全管理人员；有符合规定的事故应急预案和应急救援器材。',
  mats: [M.table('危险化学品经营许可证申请表'), M.bl(), M.own('主要负责人和安全生产管理人员安全资格证书', '联网核验。', { sharedDataset: '安全生产培训考核信息' }),
    M.own('安全生产规章制度和岗位操作规程目录', ''), M.own('事故应急救援预案', '按规定备案。'), M.site()],
  steps: [st('申请', 0, []), st('受理', 2, ['申请']), st('现场核查', 10, ['受理'], YJ), st('消防安全意见', 10, ['受理'], XF), st('许可决定', 5, ['现场核查', '消防安全意见']), st('发证', 2, ['许可决定'])],
  kind: 'promised', sd: 30, pd: 19, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '危险化学品经营许可证', kind: 'license', licenseType: '危险化学品经营许可证', validityYears: 3 },
  sp: ['现场核查', '专家评审'], loc: hall('应急管理'),
})

item({
  dept: YJ, name: '烟花爆竹经营（零售）许可证核发', type: 'administrative_license', aud: ['enterprise', 'individual'], themes: ['安全生产', '准营准办'],
  desc: '从事烟花爆竹零售经营的，应当取得烟花爆竹经营（零售）许可证，并按照许可证载明的经营场所、限制存放数量和有效期经营。本市城区禁放区域内不设零售网点。',
  basis: ['《烟花爆竹安全管理条例》第十八条', '《烟花爆竹安全管理条例》第十九条', '《烟花爆竹经营许可实施办法》（国家安全生产监督管理总局令第65号）第十九条'],
  cond: '从烟花爆竹批发企业购进产品；有符合规定的零售经营场所和安全措施；主要负责人经安全知识培训合格。',
  mats: [M.table('烟花爆竹经营（零售）许可证申请书'), M.bl(), M.own('零售经营场所安全条件说明', '含场所平面图和周边环境示意图。'), M.own('主要负责人安全培训合格证明', '')],
  steps: seq(['申请', 0], ['受理', 1], ['现场核查', 10], ['决定', 7], ['发证', 2]),
  kind: 'promised', sd: 20, pd: 20, ch: ['window'], ol: 2, visits: 2, cross: 'none',
  result: { name: '烟花爆竹经营（零售）许可证', kind: 'license', licenseType: '烟花爆竹经营（零售）许可证', validityYears: 2 },
  sp: ['现场核查'], loc: '所在区（县级市）政务服务中心应急管理窗口', status: 'suspended',
})

item({
  dept: NY, name: '农药经营许可证核发', type: 'administrative_license', group: 'ny', aud: ['enterprise'], themes: ['准营准办'],
  desc: '从事农药经营的单位，应当取得农药经营许可证；经营限制使用农药的，还应当配备相应的专业技术人员。农业农村部门对经营场所和仓储场所进行现场核查。',
  basis: ['《农药管理条例》第二十四条', '《农药管理条例》第二十五条', '《农药经营许可管理办法》（农业部令2017年第5号）第五条'],
  cond: '有具备农学、植保、农药等相关专业中专以上学历或专业教育培训机构56学时以上学习经历的经营人员；有与经营农药相适应的营业场所和仓储场所；有可追溯电子信息码扫描识别设备和农药经营质量管理制度。',
  mats: [M.table('农药经营许可证申请表'), M.bl(), M.own('经营人员学历或培训证明', '复印件加盖公章。', { copies: 1 }), M.own('营业场所和仓储场所地址、面积、平面图', ''), M.own('农药经营质量管理制度和岗位操作规程', '')],
  steps: seq(['申请', 0], ['受理', 1], ['材料审查', 5], ['现场核查', 5], ['决定', 3], ['发证', 1]),
  kind: 'promised', sd: 20, pd: 15, ch: ['window', 'web'], ol: 3, visits: 1, cross: 'none',
  result: { name: '农药经营许可证', kind: 'license', licenseType: '农药经营许可证', validityYears: 5 }, sp: ['现场核查'], loc: hall('农业农村'),
})

item({
  dept: NY, name: '动物防疫条件合格证核发', type: 'administrative_license', group: 'ny', aud: ['enterprise'], themes: ['准营准办'],
  desc: '开办动物饲养场、隔离场所、动物屠宰加工场所以及动物和动物产品无害化处理场所的，应当向县级以上地方人民政府农业农村主管部门提出申请，取得动物防疫条件合格证。',
  basis: ['《中华人民共和国动物防疫法》第二十四条', '《中华人民共和国动物防疫法》第二十五条', '《动物防疫条件审查办法》（农业农村部令2022年第8号）第十七条'],
  cond: '场所的位置与居民生活区、生活饮用水水源地、学校、医院等公共场所的距离符合规定；有与其规模相适应的污水、污物处理设施和清洗消毒设施设备；有相应的专业技术人员和防疫制度。',
  mats: [M.table('动物防疫条件审查申请表'), M.bl(), M.own('场所地理位置图、各功能区布局平面图', ''), M.own('设施设备清单及管理制度文本', ''), M.own('人员情况', '执业兽医或动物防疫技术人员信息。')],
  steps: seq(['申请', 0], ['受理', 1], ['材料审查', 5], ['现场核查', 10], ['决定', 3], ['发证', 1]),
  kind: 'promised', sd: 20, pd: 20, ch: ['window'], ol: 2, visits: 1, cross: 'none',
  result: { name: '动物防疫条件合格证', kind: 'license', licenseType: '动物防疫条件合格证' }, sp: ['现场核查'], loc: hall('农业农村'),
})

item({
  dept: JT, name: '道路货物运输经营许可', type: 'administrative_license', group: 'dy', aud: ['enterprise', 'individual'], themes: ['资质认证', '准营准办'],
  desc: '申请从事道路货物运输经营（使用总质量4500千克以上普通货运车辆）的，应当向交通运输主管部门提出申请，取得道路运输经营许可证。使用总质量4500千克及以下普通货运车辆从事普通货运经营的，无需申请道路运输经营许可。',
  basis: ['《中华人民共和国道路运输条例》第二十一条', '《中华人民共和国道路运输条例》第二十四条', '《道路货物运输及站场管理规定》'],
  cond: '有与其经营业务相适应并经检测合格的车辆；有符合规定条件的驾驶人员；有健全的安全生产管理制度。',
  mats: [M.table('道路货物运输经营申请表'), M.bl(), M.own('驾驶人员从业资格证', '联网核验。', { sharedDataset: '道路运输从业人员信息' }), M.own('安全生产管理制度文本', ''), M.own('拟投入车辆承诺书', '载明车辆数量、类型和技术条件。')],
  steps: seq(['申请', 0], ['受理', 1], ['审查', 10], ['决定', 5], ['发证', 2]),
  kind: 'promised', sd: 20, pd: 5, ch: ['window', 'web', 'mobile'], ol: 4, visits: 0, cross: 'none',
  result: { name: '道路运输经营许可证', kind: 'license', licenseType: '道路运输经营许可证' }, loc: hall('交通运输'),
})

item({
  dept: JT, name: '网络预约出租汽车驾驶员证核发', type: 'administrative_license', group: 'dy', aud: ['individual'], themes: ['交通出行', '就业创业'],
  desc: '从事网络预约出租汽车经营服务的驾驶员，应当经考核合格后取得网络预约出租汽车驾驶员证。申请人先通过全国公共科目和本市区域科目考试，再由交通运输部门会同公安机关核查驾驶经历和犯罪记录。',
  basis: ['《网络预约出租汽车经营服务管理暂行办法》第十四条', '《网络预约出租汽车经营服务管理暂行办法》第十五条', '《出租汽车驾驶员从业资格管理规定》第十条'],
  cond: '取得相应准驾车型机动车驾驶证并具有3年以上驾驶经历；无交通肇事犯罪、危险驾驶犯罪记录，无吸毒记录，无饮酒后驾驶记录，最近连续3个记分周期内没有记满12分记录；无暴力犯罪记录。',
  mats: [M.table('网络预约出租汽车驾驶员证申请表'), M.id(), M.dl(), M.photo('近期正面免冠彩色照片电子版。'), M.opt('居住证', '非本市户籍人员提供，可共享核验。', { source: 'government', issuer: '公安机关', licenseType: '居住证' })],
  steps: seq(['报名', 0], ['背景核查', 5], ['考试', 10], ['审核', 3], ['发证', 2]),
  kind: 'promised', sd: 20, pd: 20, ch: ['web', 'window'], ol: 3, visits: 1, cross: 'none',
  result: { name: '网络预约出租汽车驾驶员证', kind: 'license', licenseType: '网络预约出租汽车驾驶员证', validityYears: 6 }, loc: hall('交通运输'),
  faqs: [['外地人可以在苏州考网约车证吗？', '可以，非本市户籍人员持本市有效居住证即可报名。']],
})

item({
  dept: JT, name: '道路运输从业人员从业资格证核发（货运驾驶员）', type: 'administrative_license', group: 'dy', aud: ['individual'], themes: ['交通出行', '就业创业'],
  desc: '经营性道路货物运输驾驶员应当取得相应的从业资格证。申请人通过从业资格考试后核发从业资格证，驾驶员证件已实现电子化，可在“道路运输电子证照”小程序出示。',
  basis: ['《中华人民共和国道路运输条例》第二十二条', '《道路运输从业人员管理规定》第八条'],
  cond: '取得相应的机动车驾驶证1年以上；年龄不超过60周岁；3年内无重大以上交通责任事故。',
  mats: [M.table('道路货物运输驾驶员从业资格考试申请表'), M.id(), M.dl(), M.photo('近期免冠彩色照片电子版。')],
  steps: seq(['报名', 0], ['资格审核', 3], ['考试', 10], ['发证', 2]),
  kind: 'promised', sd: 20, pd: 15, ch: ['web', 'window'], ol: 3, visits: 1, cross: 'national',
  result: { name: '中华人民共和国道路运输从业人员从业资格证', kind: 'license', licenseType: '道路运输从业人员从业资格证', validityYears: 6 }, loc: hall('交通运输'),
})
