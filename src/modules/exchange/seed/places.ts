/**
 * The place vocabulary of the synthetic 标准地址库 for the demo city 苏州市: per county-level region of the
 * GB/T 2260 table (children of 320500), a few of its 街道/镇, roads and the postcode. Names are used as
 * plausible parts only; the resulting addresses are synthetic (README "What is simulated").
 */
export type County = { code: string; name: string; postcode: string; weight: number; streets: string[]; roads: string[] }

export const SUZHOU: County[] = [
  { code: '320508', name: '姑苏区', postcode: '215000', weight: 12, streets: ['平江街道', '沧浪街道', '双塔街道', '金阊街道', '虎丘街道', '吴门桥街道', '白洋湾街道', '苏锦街道'], roads: ['干将东路', '干将西路', '人民路', '十全街', '凤凰街', '临顿路', '平江路', '养育巷', '景德路', '三香路', '金门路', '桐泾北路'] },
  { code: '320505', name: '虎丘区', postcode: '215011', weight: 8, streets: ['狮山街道', '枫桥街道', '横塘街道', '浒墅关镇', '通安镇', '东渚街道'], roads: ['狮山路', '长江路', '塔园路', '玉山路', '竹园路', '金山路', '滨河路', '珠江路', '运河路', '科灵路'] },
  { code: '320506', name: '吴中区', postcode: '215100', weight: 11, streets: ['长桥街道', '越溪街道', '郭巷街道', '横泾街道', '香山街道', '甪直镇', '木渎镇', '胥口镇', '东山镇', '临湖镇'], roads: ['宝带西路', '东吴北路', '吴中大道', '苏蠡路', '木东路', '塔韵路', '金枫路', '吴中西路', '友新路', '越溪路'] },
  { code: '320507', name: '相城区', postcode: '215131', weight: 8, streets: ['元和街道', '太平街道', '黄桥街道', '北河泾街道', '漕湖街道', '澄阳街道', '渭塘镇', '阳澄湖镇', '黄埭镇', '望亭镇'], roads: ['相城大道', '华元路', '嘉元路', '澄阳路', '富元路', '采莲路', '御窑路', '春申湖路', '太阳路', '活力岛路'] },
  { code: '320509', name: '吴江区', postcode: '215200', weight: 10, streets: ['松陵街道', '江陵街道', '横扇街道', '八坼街道', '同里镇', '平望镇', '盛泽镇', '七都镇', '震泽镇', '桃源镇', '黎里镇'], roads: ['中山南路', '开平路', '仲英大道', '鲈乡南路', '流虹路', '笠泽路', '长安路', '高新路', '江兴东路', '松陵大道'] },
  { code: '320576', name: '苏州工业园区', postcode: '215021', weight: 10, streets: ['娄葑街道', '斜塘街道', '唯亭街道', '胜浦街道', '金鸡湖街道'], roads: ['星海街', '现代大道', '苏州大道东', '金鸡湖大道', '星湖街', '仁爱路', '通园路', '钟园路', '旺墩路', '苏虹东路', '星港街'] },
  { code: '320581', name: '常熟市', postcode: '215500', weight: 10, streets: ['虞山街道', '常福街道', '琴川街道', '莫城街道', '碧溪街道', '东南街道', '梅李镇', '海虞镇', '古里镇', '沙家浜镇', '支塘镇', '董浜镇', '辛庄镇', '尚湖镇'], roads: ['海虞北路', '海虞南路', '黄河路', '青墩塘路', '虞山北路', '世纪大道', '湖山路', '衡山路', '北门大街', '金沙江路'] },
  { code: '320582', name: '张家港市', postcode: '215600', weight: 9, streets: ['杨舍镇', '塘桥镇', '金港街道', '锦丰镇', '乐余镇', '凤凰镇', '南丰镇', '大新镇'], roads: ['人民中路', '长安南路', '杨舍东街', '暨阳中路', '港城大道', '沙洲中路', '华昌路', '国泰北路', '梁丰路', '金港大道'] },
  { code: '320583', name: '昆山市', postcode: '215300', weight: 14, streets: ['玉山镇', '巴城镇', '周市镇', '陆家镇', '花桥镇', '淀山湖镇', '张浦镇', '周庄镇', '千灯镇', '锦溪镇'], roads: ['前进中路', '长江北路', '柏庐中路', '黄河中路', '萧林路', '珠江中路', '祖冲之路', '朝阳东路', '马鞍山路', '震川路'] },
  { code: '320585', name: '太仓市', postcode: '215400', weight: 8, streets: ['城厢镇', '沙溪镇', '浏河镇', '浮桥镇', '璜泾镇', '双凤镇', '娄东街道'], roads: ['上海东路', '县府街', '郑和路', '太平北路', '东亭南路', '苏州东路', '常胜北路', '北京东路', '新华西路', '弇山西路'] },
]

/** Counties that issue resident ID numbers (the 7x codes such as 320576 are statistical, not GB 11643 address codes). */
export const ID_ISSUING = SUZHOU.filter((c) => !/^\d{4}7/.test(c.code))

/** How a full standard address reads: 江苏省苏州市 + county + 街道/镇 + road + house number. */
export function fullAddress(county: County, street: string, road: string, house: string): string {
  const city = county.name.endsWith('市') ? `江苏省${county.name}` : `江苏省苏州市${county.name}`
  return `${city}${street}${road}${house}`
}
