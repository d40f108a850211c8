/**
 * Industries for synthetic enterprise names and 经营范围 (wording in the style of the 经营范围规范表述目录:
 * 许可项目 / 一般项目 and the closing formula).
 */
export type Industry = { word: string; scope: string; permit?: boolean }

const GENERAL = '（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）'
const PERMIT = '（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以审批结果为准）'

export const INDUSTRIES: Industry[] = [
  { word: '餐饮', permit: true, scope: '许可项目：餐饮服务；食品销售。一般项目：外卖递送服务；餐饮管理' },
  { word: '食品', permit: true, scope: '许可项目：食品生产；食品销售。一般项目：食用农产品零售；农副产品销售' },
  { word: '信息科技', scope: '一般项目：软件开发；信息技术咨询服务；信息系统集成服务；数据处理服务；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广' },
  { word: '电子科技', scope: '一般项目：电子元器件制造；电子产品销售；集成电路芯片及产品销售；技术服务、技术开发' },
  { word: '贸易', scope: '一般项目：货物进出口；技术进出口；日用百货销售；五金产品批发；针纺织品销售' },
  { word: '纺织', scope: '一般项目：面料纺织加工；针纺织品及原料销售；服装制造；服装服饰批发' },
  { word: '丝绸', scope: '一般项目：丝绸制品销售；面料印染加工；工艺美术品及收藏品零售（象牙及其制品除外）' },
  { word: '机械设备', scope: '一般项目：通用设备制造（不含特种设备制造）；机械设备销售；机械设备租赁；普通机械设备安装服务' },
  { word: '建筑工程', permit: true, scope: '许可项目：建设工程施工；住宅室内装饰装修。一般项目：园林绿化工程施工；建筑材料销售' },
  { word: '装饰工程', permit: true, scope: '许可项目：住宅室内装饰装修；建设工程施工。一般项目：建筑装饰材料销售；家具安装和维修服务' },
  { word: '物流', permit: true, scope: '许可项目：道路货物运输（不含危险货物）。一般项目：国内货物运输代理；普通货物仓储服务（不含危险化学品等需许可审批的项目）；装卸搬运' },
  { word: '文化传媒', scope: '一般项目：组织文化艺术交流活动；广告设计、代理；广告制作；会议及展览服务；摄影扩印服务' },
  { word: '企业管理咨询', scope: '一般项目：企业管理咨询；信息咨询服务（不含许可类信息咨询服务）；市场营销策划；财务咨询' },
  { word: '环保科技', scope: '一般项目：环保咨询服务；水污染治理；固体废物治理；资源再生利用技术研发' },
  { word: '医疗器械', permit: true, scope: '许可项目：第三类医疗器械经营。一般项目：第一类医疗器械销售；第二类医疗器械销售' },
  { word: '教育科技', scope: '一般项目：教育咨询服务（不含涉许可审批的教育培训活动）；软件开发；组织文化艺术交流活动' },
  { word: '汽车服务', scope: '一般项目：机动车修理和维护；汽车零配件零售；洗车服务；二手车经纪' },
  { word: '旅游', permit: true, scope: '许可项目：旅游业务。一般项目：旅客票务代理；会议及展览服务；票务代理服务' },
]

export const scopeText = (i: Industry) => `${i.scope}。${i.permit ? PERMIT : GENERAL}`

/** 个体工商户 shop kinds: name word and scope. */
export const SHOPS: Industry[] = [
  { word: '面馆', permit: true, scope: '许可项目：餐饮服务' },
  { word: '小吃店', permit: true, scope: '许可项目：餐饮服务；食品销售' },
  { word: '便利店', permit: true, scope: '许可项目：食品销售；烟草制品零售。一般项目：日用百货销售' },
  { word: '理发店', permit: true, scope: '许可项目：理发服务。一般项目：美甲服务' },
  { word: '水果店', scope: '一般项目：水果零售；新鲜蔬菜零售；食用农产品零售' },
  { word: '五金店', scope: '一般项目：五金产品零售；建筑材料销售；电线、电缆经营' },
  { word: '服装店', scope: '一般项目：服装服饰零售；鞋帽零售；针纺织品销售' },
  { word: '汽车修理部', scope: '一般项目：机动车修理和维护；汽车零配件零售' },
  { word: '早餐店', permit: true, scope: '许可项目：餐饮服务；食品小作坊经营' },
  { word: '茶叶店', permit: true, scope: '许可项目：食品销售。一般项目：茶具销售' },
]

/** 农民专业合作社 produce. */
export const COOPS: Industry[] = [
  { word: '水产养殖', scope: '一般项目：水产养殖；水产品收购；组织收购、销售成员生产的产品；为成员提供技术培训、技术交流和信息咨询服务' },
  { word: '蔬菜种植', scope: '一般项目：蔬菜种植；食用农产品初加工；组织收购、销售成员生产的产品' },
  { word: '碧螺春茶叶', scope: '一般项目：茶叶种植；初级农产品收购；组织收购、销售成员生产的产品' },
  { word: '稻米', scope: '一般项目：谷物种植；农业机械服务；组织收购、销售成员生产的产品' },
  { word: '花卉苗木', scope: '一般项目：花卉种植；树木种植经营；组织收购、销售成员生产的产品' },
]

/** Two-character 字号 are drawn from these. */
export const BRAND_CHARS = [...'瑞丰恒信鑫源华盛金桥天成宏达永安嘉禾德润博远汇通新锐东方明泰隆昌伟业同创佳和润泽聚力兴邦盈科中正卓越启航晟宇协昊锦程益康']
