/**
 * A quick exact-shape check of a customer feed entry (feed.ts's customerFeedSchema), for the pull of a whole
 * hall: a million customers through zod cost the pull worker ~8 µs each and a copy of every object. It answers
 * true only for what the schema accepts as it is (the schema has no defaults or transforms, so the entry itself
 * is what zod would give, less keys the counter never reads); anything else goes through the schema, which
 * decides and says why. Runtime: any.
 */
import { CUSTOMER_STATUSES, INSPECTION_STATUSES, USER_CLASSES } from '../domain/customer';
import type { CustomerFeed } from './feed';
import { int, isObj, nstr, str } from './shape';

const oneOf = (values: readonly string[]) => (v: unknown) => typeof v === 'string' && values.includes(v);

const userClass = oneOf(USER_CLASSES);
const inspectionStatus = oneOf(INSPECTION_STATUSES);
const customerStatus = oneOf(CUSTOMER_STATUSES);
const meterStatus = oneOf(['active', 'removed']);

function isMeter(m: unknown): boolean {
  return (
    isObj(m) &&
    str(m.id) &&
    str(m.meterNo) &&
    str(m.maker) &&
    str(m.model) &&
    str(m.cardType) &&
    nstr(m.installedOn) &&
    meterStatus(m.status)
  );
}

function isBalanceBy(v: unknown): boolean {
  if (!isObj(v)) return false;
  for (const k in v) if (Object.hasOwn(v, k) && !int(v[k])) return false;
  return true;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** gasUseBySchema's shape: per author (1–64 characters), per day, an integer within ±1e12. */
function isGasUseBy(v: unknown): boolean {
  if (!isObj(v)) return false;
  for (const who in v) {
    if (!Object.hasOwn(v, who)) continue;
    const days = v[who];
    if (who.length < 1 || who.length > 64 || !isObj(days)) return false;
    for (const d in days)
      if (Object.hasOwn(days, d) && !(DAY.test(d) && int(days[d]) && Math.abs(days[d] as number) <= 1e12))
        return false;
  }
  return true;
}

function allMeters(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isMeter(v[i])) return false; // (every() would skip holes)
  return true;
}

export function isCustomerFeed(v: unknown): v is CustomerFeed {
  if (!isObj(v)) return false;
  const { address: a, inspection: i, contract: c, documents: d, meters } = v;
  return (
    str(v.id) &&
    str(v.accountNo) &&
    str(v.name) &&
    nstr(v.idNumber) &&
    nstr(v.creditCode) &&
    str(v.phone) &&
    nstr(v.altPhone) &&
    isObj(a) &&
    str(a.district) &&
    str(a.community) &&
    str(a.building) &&
    nstr(a.unit) &&
    str(a.room) &&
    str(v.fullAddress) &&
    userClass(v.userClass) &&
    int(v.householdSize) &&
    isObj(i) &&
    inspectionStatus(i.status) &&
    nstr(i.date) &&
    isObj(c) &&
    str(c.no) &&
    str(c.signedOn) &&
    isObj(d) &&
    str(d.connectionFeeInvoiceNo) &&
    typeof d.registrationFormChecked === 'boolean' &&
    customerStatus(v.status) &&
    str(v.statusChangedAt) &&
    str(v.openedAt) &&
    nstr(v.closedAt) &&
    nstr(v.notes) &&
    int(v.version) &&
    allMeters(meters) &&
    str(v.updatedHlc) &&
    int(v.purchaseCount) &&
    (v.purchaseCount as number) >= 0 &&
    (v.balance === undefined || int(v.balance)) &&
    (v.balanceBy === undefined || isBalanceBy(v.balanceBy)) &&
    (v.gasUseBy === undefined || isGasUseBy(v.gasUseBy))
  );
}
