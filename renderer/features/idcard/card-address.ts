/**
 * The 住址 on an ID card, taken apart into 开户's 用气地址 fields where it plainly has them — 区县, 小区/街道,
 * 楼栋, 单元, 房号 (北京市东城区和平里东街11号院3号楼2单元501室 → 东城区 / 和平里东街11号院 / 3 / 2 / 501). A part
 * that is not plainly there is left out, never guessed: the clerk checks the gas address, which may not be where
 * the card says the customer lives. Runtime: browser.
 */
export interface CardAddressParts {
  district?: string;
  community?: string;
  building?: string;
  unit?: string;
  room?: string;
}

const PATTERN =
  /^(?:.{2,8}?(?:省|自治区))?(?:.{2,10}?(?:市|自治州|地区|盟))?(?<district>[^省市]{1,10}?(?:区|县|旗|市))(?<community>.+?)(?:(?<building>\d{1,4})(?:号楼|栋|幢))(?:(?<unit>\d{1,3})单元)?(?<room>\d{1,5})(?:室|号)?$/u;

export function cardAddressParts(address: string): CardAddressParts {
  const m = PATTERN.exec(address.trim());
  if (m?.groups) {
    const g = m.groups;
    return {
      district: g.district,
      community: g.community,
      building: g.building,
      unit: g.unit,
      room: g.room,
    };
  }
  // At least the district, when the rest does not follow the 楼栋/单元/房号 pattern (a village address).
  const d =
    /^(?:.{2,8}?(?:省|自治区))?(?:.{2,10}?(?:市|自治州|地区|盟))?(?<district>[^省市]{1,10}?(?:区|县|旗))/u.exec(
      address.trim(),
    );
  return d?.groups ? { district: d.groups.district } : {};
}
