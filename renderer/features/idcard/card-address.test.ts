import { describe, expect, it } from 'vitest';
import { cardAddressParts } from './card-address';

describe('cardAddressParts', () => {
  it('takes a city flat address apart', () => {
    expect(cardAddressParts('北京市东城区和平里东街11号院3号楼2单元501室')).toEqual({
      district: '东城区',
      community: '和平里东街11号院',
      building: '3',
      unit: '2',
      room: '501',
    });
    expect(cardAddressParts('江苏省南京市玄武区孝陵卫街道钟灵街5栋302室')).toEqual({
      district: '玄武区',
      community: '孝陵卫街道钟灵街',
      building: '5',
      unit: undefined,
      room: '302',
    });
  });

  it('gives only the district when the rest is not 楼栋/房号, and nothing when there is no district', () => {
    expect(cardAddressParts('河北省保定市清苑县东闾乡东闾村123号')).toEqual({ district: '清苑县' });
    expect(cardAddressParts('某地某村')).toEqual({});
  });
});
