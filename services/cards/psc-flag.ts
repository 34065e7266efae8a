/**
 * The PSC flag of a card (card_psc_checks): a card that refused its PSC once is never presented a PSC again by
 * the program until a 班长 approves one more attempt. Every path that writes a customer's card honours it — a
 * sale and 重新写卡 (services/sales/card-ready.ts), 掉气补气, 冲正's clear and 换表's carry (`writeFlagged`) —
 * and records what the approved attempt found: a pass lifts the flag, a refusal keeps it. Runtime: Node.
 */
import { classifyWriteReason } from '../../core/card/write-problems';
import { AppError } from '../../core/errors';
import type { Approval } from '../../core/contract';
import { insertPscCheck, pscFlagOf, type StaffRow } from '../../db';
import type { App } from '../app';
import { requireApproval } from '../auth/approval';

export interface PscCheck {
  cardNo: string;
  customerId: string | null;
  outcome: 'refused' | 'accepted';
  triesLeft: number;
  operatorId: string;
  approverId: string | null;
  saleId: string | null;
}

/** Records a PSC check that matters later (a refusal, or the approved pass that lifts one). */
export function recordPscCheck(app: App, c: PscCheck): void {
  insertPscCheck(app.gdb.sqlite, { id: app.newId(), ...c, at: app.nowIso() });
  const refused = c.outcome === 'refused';
  const type = refused ? 'card.pscRefused' : 'card.pscAccepted';
  app.ledger().append({
    type,
    payload: {
      cardNo: c.cardNo,
      customerId: c.customerId,
      saleId: c.saleId,
      triesLeft: c.triesLeft,
      approverId: c.approverId,
    },
    operatorId: c.operatorId,
    approverId: c.approverId,
    audit: {
      action: type,
      summary: refused
        ? `卡 ${c.cardNo} 密码校验未通过（剩余 ${c.triesLeft} 次），已标记：须班长审批才能再试`
        : `卡 ${c.cardNo} 经班长审批后密码校验通过，解除标记`,
    },
  });
}

/** The PSC refusal an error reports (a reader's, or a write's that failed on it), with the tries left. */
export function pscRefusal(e: unknown): { triesLeft: number } | null {
  if (!(e instanceof AppError)) return null;
  if (e.code === 'CARD_PSC_WRONG' || e.code === 'CARD_LOCKED')
    return { triesLeft: Number(e.fields?.triesLeft ?? 0) };
  if (e.code !== 'CARD_WRITE_FAILED') return null;
  const p = classifyWriteReason(e.detail);
  return p.code === 'CARD_PSC_WRONG' ? { triesLeft: p.triesLeft ?? 0 } : null;
}

/**
 * Runs a write that presents the card's PSC (掉气补气, 冲正's clear, 换表's carry): refused (CARD_PSC_FLAGGED)
 * on a flagged card unless a 班长 approved this operation (`approverId`); a refusal flags the card, an approved
 * pass lifts the flag.
 */
export async function writeHonouringFlag<T>(
  app: App,
  c: Omit<PscCheck, 'outcome' | 'triesLeft'>,
  write: () => Promise<T>,
): Promise<T> {
  const flagged = pscFlagOf(app.gdb.sqlite, c.cardNo) !== undefined;
  if (flagged && !c.approverId) throw new AppError('CARD_PSC_FLAGGED');
  let out: T;
  try {
    out = await write();
  } catch (e) {
    const refused = pscRefusal(e);
    if (refused) app.transaction(() => recordPscCheck(app, { ...c, outcome: 'refused', ...refused }));
    throw e;
  }
  if (flagged) app.transaction(() => recordPscCheck(app, { ...c, outcome: 'accepted', triesLeft: 3 }));
  return out;
}

/** The 班长 who allows one more PSC attempt on a flagged card: CARD_PSC_FLAGGED when none is given. */
export function flaggedCardApproval(
  app: App,
  approval: Approval | undefined,
  operatorId: string,
): Promise<StaffRow> {
  if (!approval) throw new AppError('CARD_PSC_FLAGGED');
  return requireApproval(app, approval, '卡密码复核后再试', operatorId);
}
