import type { AddressRecord, EntityRecord, PersonRecord } from '../registry-source'

/**
 * FIXED demo identities of the simulated registries, used by README, docs and browser journeys. Synthetic:
 * the numbers carry valid GB 11643 / GB 32100 check characters but belong to nobody. The seed always
 * includes them (seed/generate.ts puts them first). Pages and logs still mask them like any other number.
 *
 *  #1 李明华 — citizen and legal representative of both demo enterprises
 *  #2 王芳   — acts as an agent (经办人) for #1's enterprises
 *  #3 陈志强 — an unrelated citizen (his ID number ends in X)
 *  #4 赵秀英 — ID card valid 长期 (issued at 51; 居民身份证法 Art. 5: issued at 46 or older = long-term)
 */
export type DemoResident = PersonRecord & { idCardIssuedOn: string }

export const DEMO_ADDRESSES: Omit<AddressRecord, 'id'>[] = [
  { regionCode: '320508', street: '平江街道', road: '平江路', houseNumber: '88号', fullAddress: '江苏省苏州市姑苏区平江街道平江路88号', postcode: '215000' },
  { regionCode: '320506', street: '长桥街道', road: '东吴北路', houseNumber: '66号', fullAddress: '江苏省苏州市吴中区长桥街道东吴北路66号', postcode: '215100' },
  { regionCode: '320583', street: '玉山镇', road: '前进中路', houseNumber: '218号', fullAddress: '江苏省昆山市玉山镇前进中路218号', postcode: '215300' },
  { regionCode: '320581', street: '虞山街道', road: '海虞北路', houseNumber: '35号', fullAddress: '江苏省常熟市虞山街道海虞北路35号', postcode: '215500' },
  { regionCode: '320508', street: '平江街道', road: '干将东路', houseNumber: '128号', fullAddress: '江苏省苏州市姑苏区平江街道干将东路128号', postcode: '215000' },
  { regionCode: '320505', street: '狮山街道', road: '狮山路', houseNumber: '100号', fullAddress: '江苏省苏州市虎丘区狮山街道狮山路100号', postcode: '215011' },
]

export const DEMO_RESIDENTS: [DemoResident, DemoResident, DemoResident, DemoResident] = [
  {
    idNumber: '320508198503151230', name: '李明华', genderCode: '1', birthDate: '1985-03-15', ethnicityCode: '01',
    householdAddress: '江苏省苏州市姑苏区平江街道平江路88号1201室', regionCode: '320508',
    idCardIssuedOn: '2015-06-01', idCardValidUntil: '2035-06-01', phone: '13800138001', status: 'normal',
  },
  {
    idNumber: '320506199207082340', name: '王芳', genderCode: '2', birthDate: '1992-07-08', ethnicityCode: '01',
    householdAddress: '江苏省苏州市吴中区长桥街道东吴北路66号502室', regionCode: '320506',
    idCardIssuedOn: '2020-09-01', idCardValidUntil: '2040-09-01', phone: '13800138002', status: 'normal',
  },
  {
    idNumber: '32058320001111031X', name: '陈志强', genderCode: '1', birthDate: '2000-11-11', ethnicityCode: '01',
    householdAddress: '江苏省昆山市玉山镇前进中路218号', regionCode: '320583',
    idCardIssuedOn: '2018-12-01', idCardValidUntil: '2028-12-01', phone: '13800138003', status: 'normal',
  },
  {
    idNumber: '320581195806204524', name: '赵秀英', genderCode: '2', birthDate: '1958-06-20', ethnicityCode: '01',
    householdAddress: '江苏省常熟市虞山街道海虞北路35号', regionCode: '320581',
    idCardIssuedOn: '2010-03-15', idCardValidUntil: null, phone: '13800138004', status: 'normal',
  },
]

const rep = DEMO_RESIDENTS[0]
export const DEMO_ENTERPRISES: [EntityRecord, EntityRecord] = [
  {
    uscc: '91320508MA1MH001XB', name: '苏州市姑苏区明华餐饮有限公司', entityType: '有限责任公司',
    legalRepName: rep.name, legalRepIdNumber: rep.idNumber, registeredAddress: '江苏省苏州市姑苏区平江街道干将东路128号', regionCode: '320508',
    establishedOn: '2019-04-18', registeredCapital: 50,
    businessScope: '许可项目：餐饮服务；食品销售。一般项目：食品销售（仅销售预包装食品）；外卖递送服务。（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
    status: 'active',
  },
  {
    uscc: '91320505MA1MH00280', name: '苏州明华信息科技有限公司', entityType: '有限责任公司',
    legalRepName: rep.name, legalRepIdNumber: rep.idNumber, registeredAddress: '江苏省苏州市虎丘区狮山街道狮山路100号', regionCode: '320505',
    establishedOn: '2021-08-09', registeredCapital: 200,
    businessScope: '一般项目：软件开发；信息技术咨询服务；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；信息系统集成服务。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
    status: 'active',
  },
]
