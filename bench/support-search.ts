/**
 * The search benchmark's households and query mix. Names follow the surname frequencies of China's 2020
 * census (王 7.1 %, 李 7.1 %, 张 6.8 % … the 100 commonest ≈ 85 %, the rest spread over rarer ones) with
 * given names skewed towards the common characters; addresses are the generated hall's. Runtime: Node.
 */
import { formatAddress } from '../core/domain/customer';
import type { FakeHousehold } from '../services/setup/fake-households';

/** The commonest surnames, each with its share of the population in per mille. */
const SURNAME_SHARES =
  '王71 李71 张68 刘54 陈45 杨31 黄22 赵20 吴20 周19 徐15 孙14 马13 朱13 胡12 郭11 何11 高10 林10 罗9 郑9 梁8 ' +
  '谢7 宋7 唐6 许6 韩6 冯5 邓5 曹5 彭5 曾5 肖5 田5 董5 袁4 潘4 于4 蒋4 蔡4 余4 杜4 叶4 程4 苏4 魏3 吕3 丁3';
/** Rarer surnames, sharing what the common ones leave. */
const RARE =
  '任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤司欧阳上官';
/** Given-name characters, commonest first (a Zipf-like pick makes 伟, 芳, 娜 far commoner than the tail). */
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英兰霞平刚桂华建国文玉志红梅海燕春德振淑珍云凤雪晓东晨阳子涵浩然欣怡梓轩雨桐佳俊鹏飞宇婷慧琳颖瑞博昊天嘉鑫宏亮';

const surnameTable = (() => {
  const table: string[] = [];
  for (const entry of SURNAME_SHARES.split(' ')) {
    const [s, share] = [entry.slice(0, 1), Number(entry.slice(1))];
    for (let i = 0; i < share; i++) table.push(s);
  }
  const rare = Array.from(RARE);
  while (table.length < 1000) table.push(rare[table.length % rare.length]!);
  return table;
})();

function zipf(rand: () => number, n: number): number {
  // P(k) ∝ 1/(k+1): the inverse of the cumulative harmonic sum, close enough for names.
  return Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n + 1)) - 1));
}

export function realisticName(rand: () => number): string {
  const given = Array.from(GIVEN);
  const one = () => given[zipf(rand, given.length)]!;
  return surnameTable[Math.floor(rand() * surnameTable.length)]! + (rand() < 0.3 ? one() : one() + one());
}

export interface Sample {
  name: string;
  phone: string;
  community: string;
  building: string;
  unit: string;
  room: string;
  address: string;
}

export function sampleOf(h: FakeHousehold): Sample {
  const a = h.address;
  return {
    name: h.name,
    phone: h.phone,
    community: a.community,
    building: a.building,
    unit: a.unit ?? '',
    room: a.room,
    address: formatAddress(a),
  };
}

/** Each kind of query a clerk types, built from a real row (k varies the variant). */
export const QUERY_MIX: { kind: string; query: (s: Sample, k: number) => string }[] = [
  { kind: 'fullAddress', query: (s) => s.address },
  {
    kind: 'partialAddress',
    query: (s, k) =>
      [
        s.community,
        `${s.community}${s.building}`,
        `${s.community}${s.building}${s.unit}`,
        Array.from(s.community).slice(1, 3).join(''),
      ][k % 4]!,
  },
  {
    kind: 'nameAddress',
    query: (s, k) => (k % 2 ? `${s.name} ${s.community}` : `${s.name} ${s.building}${s.unit}${s.room}`),
  },
  { kind: 'name', query: (s) => s.name },
  { kind: 'phonePrefix', query: (s, k) => s.phone.slice(0, 4 + (k % 4)) },
  { kind: 'phoneSuffix', query: (s, k) => s.phone.slice(-(4 + (k % 3))) },
  { kind: 'room', query: (s, k) => (k % 2 ? s.room : `${s.building}${s.unit}${s.room}`) },
];
