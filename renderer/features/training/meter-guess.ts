/**
 * Which meter a training card is carried to, by default: the one last used with that card, else the active
 * meter of the customer whose account number the card carries. Runtime: browser.
 */
import { api } from '../../api/client';

const lastUsed = new Map<string, string>();
const byAccount = new Map<string, Promise<string | undefined>>();

export function rememberMeter(cardId: string, meterNo: string): void {
  lastUsed.set(cardId, meterNo);
}

async function activeMeterOf(accountNo: string): Promise<string | undefined> {
  const found = await api['customers.search']({ query: accountNo, kind: 'accountNo', limit: 1 });
  const hit = found.items.find((c) => c.accountNo === accountNo);
  if (!hit) return undefined;
  const customer = await api['customers.get']({ id: hit.id });
  return customer.meters.find((m) => m.status === 'active')?.meterNo;
}

export async function guessMeter(cardId: string, account: string | null): Promise<string | undefined> {
  const remembered = lastUsed.get(cardId);
  if (remembered) return remembered;
  if (!account) return undefined;
  let pending = byAccount.get(account);
  if (!pending) {
    pending = activeMeterOf(account).catch(() => undefined);
    byAccount.set(account, pending);
  }
  return pending;
}
