/**
 * Property test support: the sales actions at the cashier's screen — selling gas by volume or money (quoted
 * first, over the limits approved, the card now and then pulled before the write), fees, reversals and refunds.
 */
import type { ActionOf } from './actions';
import type { Run } from './run';

export type SaleAction = ActionOf<'sell' | 'fees' | 'reverse' | 'refund'>;

export async function performSales(r: Run, a: SaleAction): Promise<void> {
  const { c, k } = r;
  const approval = k.approval;
  const cashier = c.cashierSid;
  switch (a.kind) {
    case 'sell': {
      const h = r.household(a.who);
      if (!h) return;
      if (a.load) await r.toMeter(h, a.use);
      r.present(h.cardId);
      const purchase =
        a.by === 'volume'
          ? { customerId: h.id, by: 'volume' as const, volume: a.size, useBalance: a.useBalance }
          : { customerId: h.id, by: 'money' as const, money: a.size * 7 + 3, useBalance: a.useBalance };
      const q = await r.attempt('sales.quote', purchase, cashier);
      if (!q) return;
      if (a.torn) k.world.setFaults({ pullBeforeNextWrite: true });
      try {
        const sale = await r.attempt(
          'sales.sellGas',
          {
            purchase,
            expectedAmountDue: q.amountDue,
            tenders: r.tenders(a.tender, q.amountDue),
            issueInvoice: a.invoice,
            ...(q.approvalReasons.length > 0 ? { approval } : {}),
          },
          cashier,
          r.noCard(h),
        );
        if (!sale) return;
        r.sales.push({ id: sale.id, kind: 'gas', customerId: h.id });
        h.lastGasSale = sale.id;
      } finally {
        k.world.setFaults({ pullBeforeNextWrite: false });
      }
      return;
    }
    case 'fees': {
      const fee = r.fees[a.item % r.fees.length]!;
      const h = a.who === null ? undefined : r.household(a.who);
      const amount = fee.amountFen * a.qty;
      const sale = await r.attempt(
        'sales.payFees',
        {
          ...(h ? { customerId: h.id } : {}),
          lines: [{ feeItemId: fee.id, qty: a.qty }],
          expectedAmountDue: amount,
          tenders: r.tenders('cash', amount),
          issueInvoice: a.invoice,
        },
        cashier,
      );
      if (sale) r.sales.push({ id: sale.id, kind: 'fee', customerId: h?.id ?? null });
      return;
    }
    case 'reverse': {
      const s = r.sale(a.sale);
      if (!s) return;
      const input = { saleId: s.id, reason: '用户当场退气', approval };
      if (s.kind === 'gas' && a.viaCard) {
        r.present(r.owner(s)?.cardId ?? null);
        await r.attempt('cards.reverseSale', input, cashier, r.noCard(r.owner(s)));
      } else await r.attempt('sales.reverse', input, cashier);
      return;
    }
    case 'refund': {
      const s = r.sale(a.sale);
      if (!s) return;
      const sale = await c.ok('sales.get', { id: s.id }, cashier);
      // A sale whose card write failed is refunded in full (the screen offers nothing else).
      const amount =
        sale.status === 'card_write_failed'
          ? sale.amountPaid
          : Math.max(1, Math.floor((sale.amountPaid * a.percent) / 100));
      await r.attempt(
        'sales.refund',
        {
          saleId: s.id,
          amount,
          tenders: r.tenders('cash', amount),
          reason: '用户申请退款',
          approval,
        },
        cashier,
      );
      return;
    }
  }
}
