/**
 * Property test support: the customer file actions, as the clerk does them through the dispatcher — 开户 (with
 * 开户发卡 now and then), 改档案, a status change (销户 approved by the supervisor), 过户 and a new meter.
 */
import { INSPECTION_STATUSES, USER_CLASSES } from '../../../core/domain/customer';
import { fakeHousehold, mulberry32 } from '../../../services/setup/fake-households';
import type { ActionOf } from './actions';
import type { Household, Run } from './run';

const today = () => new Date().toISOString().slice(0, 10);

export type CustomerAction = ActionOf<'open' | 'update' | 'status' | 'transfer' | 'addMeter'>;

export async function performCustomers(r: Run, a: CustomerAction): Promise<void> {
  const { c, k } = r;
  const approval = k.approval;
  const clerk = k.clerkSid;
  switch (a.kind) {
    case 'open': {
      const n = r.opened++;
      const h = fakeHousehold(mulberry32(a.seed), r.base + n);
      const opened = await r.attempt(
        'customers.open',
        { ...h, contract: { ...h.contract, no: `HT-${c.code}-${n}` } },
        clerk,
      );
      if (!opened) return;
      const hh: Household = { id: opened.id, pulled: false, cardId: null, lastGasSale: null };
      r.households.push(hh);
      if (a.card) await r.issue(hh); // 开户发卡
      return;
    }
    case 'update': {
      const h = r.household(a.who);
      if (!h) return;
      const rand = mulberry32(a.seed);
      const changes =
        a.field === 'phone'
          ? { phone: `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` }
          : a.field === 'householdSize'
            ? { householdSize: 1 + Math.floor(rand() * 8) }
            : a.field === 'inspection'
              ? {
                  inspection: {
                    status: INSPECTION_STATUSES[Math.floor(rand() * INSPECTION_STATUSES.length)]!,
                    date: today(),
                  },
                }
              : a.field === 'userClass'
                ? { userClass: USER_CLASSES[Math.floor(rand() * USER_CLASSES.length)]! }
                : { notes: `用户来电 ${Math.floor(rand() * 1000)}` };
      await r.attempt(
        'customers.update',
        { id: h.id, expectedVersion: await r.version(h), changes, reason: '用户来电更新资料' },
        clerk,
      );
      return;
    }
    case 'status': {
      const h = r.household(a.who);
      if (!h) return;
      await r.attempt(
        'customers.changeStatus',
        {
          id: h.id,
          expectedVersion: await r.version(h),
          action: a.action,
          reason:
            a.action === 'close' ? '用户申请销户' : a.action === 'suspend' ? '用户申请暂停用气' : '恢复用气',
          ...(a.action === 'close' ? { approval } : {}),
        },
        clerk,
      );
      return;
    }
    case 'transfer': {
      const h = r.household(a.who);
      if (!h) return;
      const o = fakeHousehold(mulberry32(a.seed), r.base + 500 + r.opened);
      await r.attempt(
        'customers.transfer',
        {
          id: h.id,
          expectedVersion: await r.version(h),
          newOwner: { name: o.name, idNumber: o.idNumber, phone: o.phone },
          contract: { no: `HT-${c.code}-T${++r.serial}`, signedOn: today() },
          reason: '房屋买卖过户',
        },
        clerk,
      );
      return;
    }
    case 'addMeter': {
      const h = r.household(a.who);
      if (!h) return;
      await r.attempt(
        'customers.addMeter',
        {
          id: h.id,
          expectedVersion: await r.version(h),
          meter: { meterNo: r.nextMeterNo(), maker: '金卡智能', model: 'JK-IC-G2.5', cardType: 'SLE4442' },
          reason: '新增用气点',
        },
        clerk,
      );
      return;
    }
  }
}
