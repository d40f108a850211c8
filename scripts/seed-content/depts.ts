/** Departments of the demo city 苏州市 and the service themes. Codes are synthetic; check characters are real (GB 32100). */

export const GA = '苏州市公安局'
export const JJ = '苏州市公安局交通警察支队'
export const CRJ = '苏州市公安局出入境管理支队'
export const SJ = '苏州市市场监督管理局'
export const RS = '苏州市人力资源和社会保障局'
export const ZJ = '苏州市住房和城乡建设局'
export const ZG = '苏州市自然资源和规划局'
export const MZ = '苏州市民政局'
export const WJ = '苏州市卫生健康委员会'
export const JY = '苏州市教育局'
export const JT = '苏州市交通运输局'
export const SW = '国家税务总局苏州市税务局'
export const GJJ = '苏州市住房公积金管理中心'
export const YB = '苏州市医疗保障局'
export const XF = '苏州市消防救援支队'
export const HB = '苏州市生态环境局'
export const CG = '苏州市城市管理局'
export const WL = '苏州市文化广电和旅游局'
export const SWJ = '苏州市商务局'
export const TY = '苏州市退役军人事务局'
export const CL = '苏州市残疾人联合会'
export const SF = '苏州市司法局'
export const YJ = '苏州市应急管理局'
export const NY = '苏州市农业农村局'
export const SP = '苏州市行政审批局'
export const FG = '苏州市发展和改革委员会'
export const ZW = '苏州市政务服务管理办公室'
export const GS_SJ = '苏州市姑苏区市场监督管理局'
export const WZ_SP = '苏州市吴中区行政审批局'
export const CS_MZ = '常熟市民政局'

export interface DeptDef { name: string; nameEn: string; prefix: string; org: string; description: string; address: string; phone: string; hall: string }

// prefix = 登记管理部门码 + 机构类别码 + 行政区划码 (8 chars); org = 9-char 主体标识码
export const DEPTS: DeptDef[] = [
  { name: GA, nameEn: 'Suzhou Municipal Public Security Bureau', prefix: '11320500', org: '014160118', address: '苏州市姑苏区人民路1109号', phone: '0512-65225661', hall: '户籍所在地公安派出所户籍窗口或苏州市政务服务中心公安综合窗口',
    description: '主管全市公安工作，负责户籍管理、居民身份证、居住证管理和特种行业治安管理等工作。' },
  { name: JJ, nameEn: 'Traffic Police Detachment of Suzhou Public Security Bureau', prefix: '11320500', org: '466291307', address: '苏州市姑苏区三香路1358号', phone: '0512-65211122', hall: '苏州市公安局交通警察支队车辆管理所及各区交警大队车驾管服务站',
    description: '负责全市道路交通安全管理，承担机动车登记、机动车驾驶证核发及道路交通事故处理等工作。' },
  { name: CRJ, nameEn: 'Exit-Entry Administration Detachment of Suzhou Public Security Bureau', prefix: '11320500', org: '466291454', address: '苏州市姑苏区人民路1109号', phone: '0512-65225650', hall: '苏州市出入境接待大厅及各区（县级市）出入境办证窗口',
    description: '负责全市中国公民因私出入境证件签发、外国人签证证件办理和出入境服务管理工作。' },
  { name: SJ, nameEn: 'Suzhou Administration for Market Regulation', prefix: '11320500', org: 'MB1939726', address: '苏州市姑苏区干将西路1368号', phone: '0512-68727123', hall: '苏州市政务服务中心市场监管窗口',
    description: '负责市场主体统一登记注册、食品安全监督管理、特种设备安全监察和知识产权保护（挂苏州市知识产权局牌子）等工作。' },
  { name: RS, nameEn: 'Suzhou Human Resources and Social Security Bureau', prefix: '11320500', org: '014160297', address: '苏州市姑苏区劳动路288号', phone: '0512-68763000', hall: '苏州市社会保险基金管理中心服务大厅及各区人社服务窗口',
    description: '负责全市就业创业、社会保险、人才人事、劳动关系等工作，统筹社会保障卡发行与应用。' },
  { name: ZJ, nameEn: 'Suzhou Housing and Urban-Rural Development Bureau', prefix: '11320500', org: '014160182', address: '苏州市姑苏区干将西路1000号', phone: '0512-68616105', hall: '苏州市政务服务中心住建窗口',
    description: '负责全市住房保障、房地产市场监管、建筑业管理和工程建设项目审批制度改革等工作。' },
  { name: ZG, nameEn: 'Suzhou Natural Resources and Planning Bureau', prefix: '11320500', org: 'MB1938389', address: '苏州市姑苏区干将西路1001号', phone: '0512-68616066', hall: '苏州市不动产登记中心服务大厅及各区不动产登记窗口',
    description: '负责全市自然资源统一确权登记、国土空间规划和建设用地规划管理，下设不动产登记中心承担不动产登记工作。' },
  { name: MZ, nameEn: 'Suzhou Civil Affairs Bureau', prefix: '11320500', org: '014160206', address: '苏州市姑苏区三香路998号', phone: '0512-68616208', hall: '苏州市婚姻登记处及各区（县级市）婚姻登记机关',
    description: '负责全市婚姻登记、收养登记、社会救助、养老服务、殡葬管理和社会组织登记管理等工作。' },
  { name: WJ, nameEn: 'Suzhou Health Commission', prefix: '11320500', org: '014160222', address: '苏州市姑苏区三香路1111号', phone: '0512-68616311', hall: '苏州市政务服务中心卫生健康窗口',
    description: '负责全市卫生健康事业管理，承担医疗机构和医护人员执业管理、公共卫生监督及出生医学证明管理等工作。' },
  { name: JY, nameEn: 'Suzhou Education Bureau', prefix: '11320500', org: '014160174', address: '苏州市姑苏区十全街1号', phone: '0512-65223001', hall: '苏州市政务服务中心教育窗口',
    description: '负责全市各级各类教育的统筹规划和管理，承担义务教育招生入学、教师资格认定和学生资助等工作。' },
  { name: JT, nameEn: 'Suzhou Transport Bureau', prefix: '11320500', org: '014160150', address: '苏州市姑苏区金门路1758号', phone: '0512-68611400', hall: '苏州市政务服务中心交通运输窗口',
    description: '负责全市道路、水路运输市场监管，承担道路运输经营许可、从业人员资格管理和出租汽车管理等工作。' },
  { name: SW, nameEn: 'Suzhou Municipal Tax Service, State Taxation Administration', prefix: '11320500', org: 'MB1945634', address: '苏州市姑苏区三香路1166号', phone: '0512-68183000', hall: '各区税务局办税服务厅及苏州市政务服务中心税务窗口',
    description: '负责全市各项税收、社会保险费和有关非税收入的征收管理，提供纳税申报、发票办理和税收优惠办理等服务。' },
  { name: GJJ, nameEn: 'Suzhou Housing Provident Fund Management Center', prefix: '12320500', org: '466291526', address: '苏州市姑苏区三香路118号', phone: '0512-68635258', hall: '苏州市住房公积金管理中心服务大厅及各分中心',
    description: '负责全市住房公积金的归集、提取、贷款和风险管理，为缴存职工和单位提供公积金业务服务。' },
  { name: YB, nameEn: 'Suzhou Healthcare Security Bureau', prefix: '11320500', org: 'MB1949220', address: '苏州市姑苏区干将西路1368号', phone: '0512-68689666', hall: '苏州市医疗保险服务中心及各区医保经办窗口',
    description: '负责全市医疗保险、生育保险和医疗救助工作，承担参保登记、待遇核定和医疗费用结算等经办服务。' },
  { name: XF, nameEn: 'Suzhou Fire and Rescue Detachment', prefix: '11320500', org: 'MB1956103', address: '苏州市姑苏区三香路1188号', phone: '0512-68127119', hall: '苏州市政务服务中心消防窗口',
    description: '负责全市消防监督管理和灭火救援工作，承担公众聚集场所投入使用、营业前消防安全检查等事项。' },
  { name: HB, nameEn: 'Suzhou Ecology and Environment Bureau', prefix: '11320500', org: 'MB1941206', address: '苏州市姑苏区干将西路1188号', phone: '0512-68225611', hall: '苏州市政务服务中心生态环境窗口',
    description: '负责全市生态环境保护监督管理，承担建设项目环境影响评价审批和排污许可等工作。' },
  { name: CG, nameEn: 'Suzhou Urban Management Bureau', prefix: '11320500', org: 'MB1938170', address: '苏州市姑苏区东大街101号', phone: '0512-68291651', hall: '苏州市政务服务中心城市管理窗口',
    description: '负责全市市容环境卫生、城市道路设施和户外广告、店招标牌设置管理等工作。' },
  { name: WL, nameEn: 'Suzhou Culture, Radio, Television and Tourism Bureau', prefix: '11320500', org: 'MB1952441', address: '苏州市姑苏区道前街1号', phone: '0512-65223850', hall: '苏州市政务服务中心文广旅窗口',
    description: '负责全市文化、广播电视和旅游行业管理，承担娱乐场所、营业性演出和旅行社等行政许可事项。' },
  { name: SWJ, nameEn: 'Suzhou Commerce Bureau', prefix: '11320500', org: '014160326', address: '苏州市姑苏区三香路998号', phone: '0512-68616372', hall: '苏州市政务服务中心商务窗口',
    description: '负责全市国内外贸易、外商投资促进和流通行业管理，承担单用途商业预付卡、再生资源回收等备案工作。' },
  { name: TY, nameEn: 'Suzhou Veterans Affairs Bureau', prefix: '11320500', org: 'MB1960312', address: '苏州市姑苏区三香路998号', phone: '0512-68616396', hall: '苏州市退役军人服务中心及各区退役军人服务站',
    description: '负责全市退役军人移交安置、优抚褒扬、就业创业扶持和权益维护等工作。' },
  { name: CL, nameEn: 'Suzhou Disabled Persons\' Federation', prefix: '13320500', org: '466291587', address: '苏州市姑苏区养育巷136号', phone: '0512-65222171', hall: '户籍所在地乡镇（街道）残疾人工作窗口或苏州市残疾人综合服务中心',
    description: '代表残疾人共同利益，负责残疾人证发放管理、康复救助和就业扶持等残疾人服务工作。' },
  { name: SF, nameEn: 'Suzhou Justice Bureau', prefix: '11320500', org: '014160251', address: '苏州市姑苏区竹辉路168号', phone: '0512-65200148', hall: '苏州市公共法律服务中心',
    description: '负责全市公共法律服务体系建设，承担法律援助、人民调解和律师、基层法律服务工作者管理等工作。' },
  { name: YJ, nameEn: 'Suzhou Emergency Management Bureau', prefix: '11320500', org: 'MB1963488', address: '苏州市姑苏区三香路1199号', phone: '0512-68616532', hall: '苏州市政务服务中心应急管理窗口',
    description: '负责全市安全生产综合监督管理和应急管理工作，承担危险化学品、烟花爆竹经营许可等事项。' },
  { name: NY, nameEn: 'Suzhou Agriculture and Rural Affairs Bureau', prefix: '11320500', org: '014160099', address: '苏州市姑苏区干将西路1368号', phone: '0512-68616577', hall: '苏州市政务服务中心农业农村窗口',
    description: '负责全市农业农村发展和农业投入品监管，承担农药、兽药经营许可和动物防疫条件审查等工作。' },
  { name: SP, nameEn: 'Suzhou Administrative Approval Bureau', prefix: '11320500', org: 'MB1970521', address: '苏州市姑苏区三香路1158号苏州市政务服务中心', phone: '0512-68616800', hall: '苏州市政务服务中心综合受理窗口',
    description: '集中行使市级部分行政许可权，负责“一件事”集成服务的综合受理和并联审批协调。' },
  { name: FG, nameEn: 'Suzhou Development and Reform Commission', prefix: '11320500', org: '014160043', address: '苏州市姑苏区三香路998号', phone: '0512-68616131', hall: '苏州市政务服务中心发展改革窗口',
    description: '负责全市国民经济和社会发展规划，承担企业投资项目核准、备案和节能审查等工作。' },
  { name: ZW, nameEn: 'Suzhou Government Service Management Office', prefix: '11320500', org: 'MB1970580', address: '苏州市姑苏区三香路1158号苏州市政务服务中心', phone: '0512-68616888', hall: '苏州市政务服务中心',
    description: '负责全市政务服务体系建设和政务服务中心运行管理，统筹“一网通办”和12345政务服务便民热线工作。' },
  { name: GS_SJ, nameEn: 'Gusu District Administration for Market Regulation, Suzhou', prefix: '11320508', org: 'MB1996210', address: '苏州市姑苏区西二路158号', phone: '0512-65580312', hall: '姑苏区政务服务中心市场监管窗口',
    description: '负责姑苏区市场主体登记、食品安全和市场秩序监管，承担食品经营许可现场核查等工作。' },
  { name: WZ_SP, nameEn: 'Wuzhong District Administrative Approval Bureau, Suzhou', prefix: '11320506', org: 'MB1998013', address: '苏州市吴中区东吴北路68号', phone: '0512-66251234', hall: '吴中区政务服务中心综合受理窗口',
    description: '集中行使吴中区部分行政许可权，负责区级市场主体登记、准营许可和建设项目审批。' },
  { name: CS_MZ, nameEn: 'Changshu Civil Affairs Bureau', prefix: '11320581', org: '014185207', address: '常熟市海虞北路10号', phone: '0512-52720356', hall: '常熟市婚姻登记处及各镇（街道）便民服务中心',
    description: '负责常熟市婚姻登记、社会救助、养老服务和殡葬管理等民政工作。' },
]

export const REGIONS: Record<string, { code: string; name: string; level: 'municipal' | 'county' }> = {
  '11320500': { code: '320500', name: '苏州市', level: 'municipal' },
  '12320500': { code: '320500', name: '苏州市', level: 'municipal' },
  '13320500': { code: '320500', name: '苏州市', level: 'municipal' },
  '11320508': { code: '320508', name: '苏州市姑苏区', level: 'county' },
  '11320506': { code: '320506', name: '苏州市吴中区', level: 'county' },
  '11320581': { code: '320581', name: '常熟市', level: 'county' },
}

export const THEMES = [
  // 个人 life events
  ['birth-adoption', '生育收养', 'Birth and adoption', 'individual', '出生医学证明、出生登记、新生儿参保、生育津贴和收养登记等。'],
  ['household-registration', '户籍办理', 'Household registration', 'individual', '户口迁移、出生和死亡户口登记、户籍信息变更更正及居住证办理。'],
  ['education', '教育科研', 'Education and research', 'individual', '义务教育入学、转学、学生资助和教师资格认定。'],
  ['employment', '就业创业', 'Employment and entrepreneurship', 'individual', '就业失业登记、创业补贴、职业技能培训和人才服务。'],
  ['marriage', '婚姻登记', 'Marriage registration', 'individual', '结婚登记、离婚登记、补领婚姻登记证和婚姻状况证明。'],
  ['housing-security', '住房保障', 'Housing and provident fund', 'individual', '住房公积金缴存、提取和贷款，公共租赁住房和住房租赁补贴。'],
  ['property', '不动产登记', 'Real estate registration', 'individual', '二手房过户、新房办证、抵押登记、不动产权证书补换及登记资料查询。'],
  ['transport', '交通出行', 'Driving and vehicles', 'individual', '机动车驾驶证、机动车登记、网约车驾驶员证和出行相关证照。'],
  ['social-security', '社会保障', 'Social security', 'individual', '社会保险参保缴费、社会保障卡、工伤认定、社会救助和各类补贴。'],
  ['healthcare', '医疗卫生', 'Medical care', 'individual', '医保参保、异地就医备案、门诊慢特病认定、医疗费用报销和医护执业。'],
  ['exit-entry', '出境入境', 'Exit and entry', 'individual', '普通护照、往来港澳台通行证及签注办理。'],
  ['retirement', '退休养老', 'Retirement and elderly care', 'individual', '退休申请、养老金领取、高龄津贴和养老服务补贴。'],
  ['funeral', '死亡殡葬', 'Death and funeral', 'individual', '死亡证明、户口注销、丧葬补助金、惠民殡葬和身后事联办。'],
  ['certificates', '证件办理', 'ID documents', 'individual', '居民身份证申领、换领、补领及临时居民身份证等常用证件。'],
  ['disability', '残疾人服务', 'Services for persons with disabilities', 'individual', '残疾人证办理、残疾人两项补贴和康复救助。'],
  ['military-veterans', '兵役退役', 'Military service and veterans', 'individual', '退役军人接收安置、优待证、优抚对象抚恤补助和一次性创业补助。'],
  ['legal-services', '法律服务', 'Legal services', 'individual', '法律援助申请、人民调解和公共法律服务。'],
  // 法人 business events
  ['business-setup', '设立变更', 'Start-up and changes', 'enterprise', '企业开办、设立登记、变更登记、备案及印章刻制。'],
  ['permits', '准营准办', 'Operating permits', 'enterprise', '食品经营、公共场所卫生、消防安全检查、特种行业等开业前许可。'],
  ['qualifications', '资质认证', 'Qualifications and certification', 'enterprise', '建筑业企业资质、道路运输经营许可等资质类许可。'],
  ['tax-finance', '税收财务', 'Tax and finance', 'enterprise', '涉税信息确认、发票申领、纳税申报和税收优惠。'],
  ['human-resources', '人力资源', 'Human resources', 'enterprise', '单位社保登记、职工参保增减、公积金缴存和稳岗就业补贴。'],
  ['construction', '工程建设', 'Construction projects', 'enterprise', '立项、规划许可、施工许可、联合验收等工程建设项目审批。'],
  ['annual-review', '年检年审', 'Annual reports and inspections', 'enterprise', '年度报告公示、许可证延续和定期检验。'],
  ['deregistration', '法人注销', 'Closing a business', 'enterprise', '清税、社保和公积金注销、企业注销登记和简易注销。'],
  ['intellectual-property', '知识产权', 'Intellectual property', 'enterprise', '专利侵权纠纷处理、知识产权纠纷调解和专利权质押。'],
  ['safety', '安全生产', 'Work safety', 'enterprise', '危险化学品、烟花爆竹经营许可和安全生产相关审批。'],
  ['environment', '生态环境', 'Environment', 'enterprise', '环境影响评价审批、排污许可和环保相关备案。'],
  ['commerce', '商务贸易', 'Trade and commerce', 'enterprise', '单用途预付卡、再生资源回收等商贸流通备案和服务。'],
] as const
