/**
 * Deterministic, realistic households for the demo hall, tests and benchmarks: valid resident ID numbers,
 * mobile numbers, addresses in the communities of a county town, meters. Same seed, same households.
 * Runtime: any.
 */
import type { OpenCustomerInput } from '../../core/contract';
import { residentIdCheckChar } from '../../core/validation/resident-id';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华文玉兰志强红梅海燕春梅德明振华淑珍玉珍秀云小红凤英雪梅晓东晨阳子涵浩然欣怡梓轩雨桐';
/** 72 communities, as many as the hall's handbook counts with gas. */
export const COMMUNITIES = [
  '阳光花园',
  '幸福家园',
  '锦绣华庭',
  '翰林苑',
  '水晶城',
  '金色家园',
  '东湖小区',
  '西苑新村',
  '牛山花园',
  '石榴新村',
  '晶都名邸',
  '和平里',
  '百合苑',
  '紫金城',
  '银河湾',
  '书香门第',
  '御景湾',
  '桃源居',
  '丽景华庭',
  '康乐小区',
  '富民新村',
  '祥和苑',
  '明珠花园',
  '凤凰城',
  '清华园',
  '香榭丽舍',
  '滨河名苑',
  '天和家园',
  '吉祥小区',
  '新华村',
  '春晖园',
  '秋实苑',
  '梧桐里',
  '枫林晚',
  '松鹤苑',
  '竹韵华府',
  '兰亭序',
  '荷塘月色',
  '海棠湾',
  '芙蓉里',
  '望江楼',
  '观澜府',
  '鼓楼小区',
  '文昌苑',
  '学府花园',
  '状元府',
  '龙湖春江',
  '碧桂园',
  '万科城',
  '恒大名都',
  '绿地国际',
  '中央公园',
  '世纪花园',
  '新时代广场',
  '建设新村',
  '工人新村',
  '教师公寓',
  '医院宿舍',
  '粮站小区',
  '电力小区',
  '供销社宿舍',
  '水利局宿舍',
  '税务小区',
  '邮电新村',
  '交通小区',
  '驼峰新苑',
  '白塔人家',
  '黄川小镇',
  '平明花苑',
  '安峰山庄',
  '羽山雅居',
  '温泉名都',
];
const DISTRICTS = ['牛山街道', '石榴街道', '白塔埠镇', '黄川镇', '驼峰乡', '平明镇'];
const MAKERS = [
  { maker: '金卡智能', model: 'JK-IC-G2.5', cardType: 'SLE4442' },
  { maker: '先锋电子', model: 'XF-G4', cardType: 'SLE4442' },
  { maker: '新天科技', model: 'XT-IC25', cardType: 'SLE4442' },
];

export interface FakeHousehold extends OpenCustomerInput {}

export function fakeHousehold(rand: () => number, index: number): FakeHousehold {
  const pick = <T>(xs: readonly T[] | string): T => xs[Math.floor(rand() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const given = rand() < 0.5 ? pick<string>(GIVEN) : pick<string>(GIVEN) + pick<string>(GIVEN);
  const name = pick<string>(SURNAMES) + given;
  const birth = `${int(1940, 2003)}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 28)).padStart(2, '0')}`;
  const first17 = `320722${birth}${String(int(1, 999)).padStart(3, '0')}`;
  const idNumber = first17 + residentIdCheckChar(first17);
  const phone = `1${pick<string>('3578')}${String(int(0, 999_999_999)).padStart(9, '0')}`;
  const community = COMMUNITIES[index % COMMUNITIES.length]!;
  const m = pick(MAKERS);
  const year = int(2015, 2026);
  const signedOn = `${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  return {
    name,
    idNumber,
    phone,
    address: {
      district: DISTRICTS[Math.floor(index / COMMUNITIES.length) % DISTRICTS.length]!,
      community,
      building: `${int(1, 30)}栋`,
      unit: `${int(1, 6)}单元`,
      room: `${int(1, 18)}0${int(1, 4)}`,
    },
    householdSize: int(1, 6),
    userClass: 'residential',
    inspection: {
      status: rand() < 0.9 ? 'normal' : pick(['hazard', 'nobody_home', 'refused'] as const),
      date: signedOn,
    },
    contract: { no: `HT${year}${String(index + 1).padStart(7, '0')}`, signedOn },
    documents: {
      connectionFeeInvoiceNo: `FP${String(int(0, 99_999_999)).padStart(8, '0')}`,
      registrationFormChecked: true,
    },
    meters: [{ meterNo: `M${String(index + 1).padStart(9, '0')}`, ...m, installedOn: signedOn }],
  };
}
