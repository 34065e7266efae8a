/**
 * The demo hall's prices, limits, fee catalogue and invoice range: the 常熟 residential table from
 * 2026-01-01 (pricing year from 01-01), flat prices for the other classes, residential purchase limits, the
 * handbook's fee items and a workstation invoice range. One transaction, one ledger operation each.
 * Runtime: Node.
 */
import type { Limits } from '../../core/contract/prices';
import type { UserClass } from '../../core/domain/customer';
import { CHANGSHU_RESIDENTIAL } from '../../core/pricing';
import { VOLUME_UNITS_PER_M3 } from '../../core/quantities';
import type { App } from '../app';
import { recordInvoiceRange } from '../sales/invoices';
import { recordFeeItem } from './fees';
import { recordLimits } from './limits';
import { type PriceVersionInput, recordPriceVersion } from './price-versions';

const M3 = VOLUME_UNITS_PER_M3;

const FLAT: [UserClass, number, string][] = [
  ['public_welfare', 2900, '公福用气价格'],
  ['commercial', 3600, '商业用气价格'],
  ['industrial', 3400, '工业用气价格'],
];

/** The demo price versions (as head office or a standalone counter publishes them). */
export const DEMO_PRICES: PriceVersionInput[] = [
  {
    userClass: 'residential',
    effectiveFrom: '2026-01-01',
    baseHouseholdSize: CHANGSHU_RESIDENTIAL.baseHouseholdSize,
    periodStart: '01-01',
    tiers: CHANGSHU_RESIDENTIAL.tiers.map((t) => ({ ...t })),
    note: '居民阶梯气价（常熟公布价，演示数据）',
  },
  ...FLAT.map(([userClass, priceLi, note]) => ({
    userClass,
    effectiveFrom: '2026-01-01',
    baseHouseholdSize: 4,
    periodStart: '01-01',
    tiers: [{ width: null, priceLi, extraPerPerson: 0 }],
    note: `${note}（演示数据）`,
  })),
];

export const DEMO_LIMITS: Limits = {
  userClass: 'residential',
  perPurchase: 300 * M3,
  perMonth: 500 * M3,
  perYear: 2000 * M3,
};

export const DEMO_FEES: { code: string; name: string; amountFen: number }[] = [
  { code: 'CONNECTION', name: '初装费', amountFen: 280_000 },
  { code: 'REROUTE', name: '改管线', amountFen: 30_000 },
  { code: 'SHORTEN', name: '缩短管线', amountFen: 20_000 },
  { code: 'METER_CHANGE', name: '换表', amountFen: 15_000 },
  { code: 'HEATER_INSTALL', name: '安装热水器', amountFen: 12_000 },
  { code: 'CARD_REPLACEMENT', name: '补卡', amountFen: 2_000 },
];

/** A standalone counter's catalogue: the demo prices, limits and fees, and a workstation invoice range. */
export function seedPriceCatalogue(app: App, adminId: string): void {
  app.transaction(() => {
    for (const p of DEMO_PRICES) recordPriceVersion(app, adminId, null, p, true);
    recordLimits(app, adminId, DEMO_LIMITS);
    for (const f of DEMO_FEES) recordFeeItem(app, adminId, { ...f, active: true });
    recordInvoiceRange(app, adminId, { prefix: 'FP', first: 1, last: 99_999, width: 8 });
  });
}
