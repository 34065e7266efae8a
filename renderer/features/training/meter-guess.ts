/**
 * Which meter a training card is carried to, by default: the one last used with that card, else the active
 * meter of the customer whose account number the card shows. The training state names cards only in its
 * Chinese summary ("… 用户 010101000001 第1次 …"), so the account number is taken from there. Runtime: browser.
 */
import { api } from '../../api/client';

const lastUsed = new Map<string, string>();
const byAccount = new Map<string, Promise<string | undefined>>();

/** The account number a card summary shows, if any. */
export function accountInSummary(summary: string): string | undefined {
  return /用户\s*(\d{6,20})/.exec(summary)?.[1];
}

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

export async function guessMeter(cardId: string, summary: string): Promise<string | undefined> {
  const remembered = lastUsed.get(cardId);
  if (remembered) return remembered;
  const account = accountInSummary(summary);
  if (!account) return undefined;
  let pending = byAccount.get(account);
  if (!pending) {
    pending = activeMeterOf(account).catch(() => undefined);
    byAccount.set(account, pending);
  }
  return pending;
}
