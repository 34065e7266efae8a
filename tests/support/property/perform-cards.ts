/**
 * Property test support: the card actions — issue, report lost, replace, read, a meter change, a top-up after a
 * failed load, and a sale's write retried — with the card (or none) in the training station's reader.
 */
import type { ActionOf } from './actions';
import type { Run } from './run';

export type CardAction = ActionOf<
  'issue' | 'lost' | 'replace' | 'read' | 'meterChange' | 'topUp' | 'retryWrite'
>;

export async function performCards(r: Run, a: CardAction): Promise<void> {
  const { c, k } = r;
  const approval = k.approval;
  const cashier = c.cashierSid;
  const clerk = k.clerkSid;
  switch (a.kind) {
    case 'issue': {
      const h = r.household(a.who);
      if (h) await r.issue(h);
      return;
    }
    case 'lost': {
      const h = r.household(a.who);
      if (!h) return;
      if (await r.attempt('cards.reportLost', { customerId: h.id, reason: '用户遗失' }, clerk))
        h.cardId = null;
      return;
    }
    case 'replace': {
      const h = r.household(a.who);
      if (!h) return;
      const blank = k.world.newCard().id;
      r.present(blank);
      if (await r.attempt('cards.replace', { customerId: h.id, reason: '遗失补卡' }, clerk)) h.cardId = blank;
      return;
    }
    case 'read': {
      const h = r.household(a.who);
      if (!h?.cardId) return;
      if (a.load) await r.toMeter(h, a.use);
      r.present(h.cardId);
      await r.attempt('cards.read', {}, cashier);
      return;
    }
    case 'meterChange': {
      const h = r.household(a.who);
      if (!h) return;
      const cur = await c.ok('customers.get', { id: h.id }, clerk);
      const old = cur.meters.find((m) => m.status === 'active');
      if (!old) return;
      // What the old meter's display shows is carried over (nothing when the card never reached it).
      const onMeter = k.world.state().meters.find((m) => m.meterNo === old.meterNo);
      r.present(h.cardId);
      await r.attempt(
        'meters.change',
        {
          customerId: h.id,
          oldMeterNo: old.meterNo,
          finalRemaining: onMeter?.remaining ?? 0,
          newMeter: { meterNo: r.nextMeterNo(), maker: '先锋电子', model: 'XF-G4', cardType: 'SLE4442' },
          reason: '旧表故障',
        },
        clerk,
        r.noCard(h),
      );
      return;
    }
    case 'topUp': {
      const h = r.household(a.who);
      if (!h?.lastGasSale) return;
      r.present(h.cardId);
      await r.attempt('cards.topUp', { saleId: h.lastGasSale, reason: '表具故障未进气', approval }, cashier);
      return;
    }
    case 'retryWrite': {
      const s = r.sale(a.sale);
      if (s?.kind !== 'gas') return;
      r.present(r.owner(s)?.cardId ?? null);
      await r.attempt('cards.writeSale', { saleId: s.id }, cashier, r.noCard(r.owner(s)));
      return;
    }
  }
}
