/**
 * Property test support: interprets one action of a day against the run — the customer file, the cards, the
 * sales or the cash desk (perform-*.ts). A business refusal skips the action; any other error fails the property.
 */
import type { Action } from './actions';
import { performCards } from './perform-cards';
import { performCashDesk } from './perform-cash-desk';
import { performCustomers } from './perform-customers';
import { performSales } from './perform-sales';
import type { Run } from './run';

export async function perform(r: Run, a: Action): Promise<void> {
  switch (a.kind) {
    case 'open':
    case 'update':
    case 'status':
    case 'transfer':
    case 'addMeter':
      return performCustomers(r, a);
    case 'issue':
    case 'lost':
    case 'replace':
    case 'read':
    case 'meterChange':
    case 'topUp':
    case 'retryWrite':
      return performCards(r, a);
    case 'sell':
    case 'fees':
    case 'reverse':
    case 'refund':
      return performSales(r, a);
    case 'cash':
    case 'closeShift':
    case 'openShift':
    case 'deposit':
    case 'sync':
    case 'closeDay':
      return performCashDesk(r, a);
    default:
      return a satisfies never;
  }
}
