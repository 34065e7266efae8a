/** What a card read means at the counter, as plain data the screens render. Runtime: any. */
import type { CardRead, MeterReading } from '../../../core/contract';

export type Tone = 'success' | 'info' | 'warning' | 'error';
export type AlarmKey = keyof MeterReading['status'];

const ALARM_KEYS: readonly AlarmKey[] = ['lowBattery', 'valveClosed', 'tamper', 'leakAlarm'];

/** The meter's raised status bits, in a fixed order. */
export function alarmsOf(status: MeterReading['status']): AlarmKey[] {
  return ALARM_KEYS.filter((k) => status[k]);
}

/** How loud a read state is on screen. */
export function stateTone(state: CardRead['state']): Tone {
  switch (state) {
    case 'ok':
      return 'success';
    case 'no_card':
    case 'blank':
      return 'info';
    case 'half_issued':
    case 'other_hall':
      return 'warning';
    default:
      return 'error';
  }
}

/** The card-status line of the 购气 screen: which sentence (a key of t.saleCard) and how loud. */
export type SaleCardLine =
  | { tone: Tone; key: 'noActiveCard' | 'insert' }
  | { tone: 'success'; key: 'ready'; cardNo: string; count: number }
  | { tone: 'warning'; key: 'pending'; volume: number }
  | { tone: 'error'; key: 'wrongCustomer'; name: string; accountNo: string }
  | { tone: Tone; key: 'state'; state: CardRead['state']; message: string };

export function saleCardLine(read: CardRead, customerId: string, hasActiveCard: boolean): SaleCardLine {
  if (!hasActiveCard) return { tone: 'warning', key: 'noActiveCard' };
  if (read.state === 'no_card') return { tone: 'warning', key: 'insert' };
  if (read.customer && read.customer.id !== customerId)
    return {
      tone: 'error',
      key: 'wrongCustomer',
      name: read.customer.name,
      accountNo: read.customer.accountNo,
    };
  if (read.state !== 'ok' || !read.card)
    return { tone: stateTone(read.state), key: 'state', state: read.state, message: read.message };
  if (read.card.pending) return { tone: 'warning', key: 'pending', volume: read.card.lastVolume };
  return { tone: 'success', key: 'ready', cardNo: read.card.cardNo, count: read.card.purchaseCount };
}

/** Whether the last purchase on the card is still waiting for the meter: 'pending', 'loaded' or 'none'. */
export function lastPurchaseState(card: NonNullable<CardRead['card']>): 'pending' | 'loaded' | 'none' {
  if (card.purchaseCount === 0 || card.lastVolume === 0) return 'none';
  return card.pending ? 'pending' : 'loaded';
}
