/**
 * The card is checked before any money is taken (issue P3 items 3 and 4): its PSC state known, the last try
 * used only with the clerk's confirmation — in the sale and in 重新写卡 — and a card that refused its PSC
 * flagged, never tried again by the program without a 班长's approval. Every reason reaches the clerk in
 * Chinese with the next step.
 */
import { describe, expect, it } from 'vitest';
import { AREA } from '../../core/card/gas-card';
import { CMD } from '../../drivers/card-reader/protocol';
import { pscFlagOf } from '../../db';
import { M3, SUPERVISOR, cashierWithShift, saleWrites } from '../fixtures/sales';
import { type CardCounter, cardCounter, customerWithCard, tearAt } from '../support/cards';

const sellInput = async (t: CardCounter, sid: string, customerId: string, extra: object = {}) => {
  const purchase = { customerId, by: 'volume' as const, volume: 10 * M3 };
  const q = await t.ok('sales.quote', purchase, sid);
  return {
    purchase,
    expectedAmountDue: q.amountDue,
    tenders: [{ method: 'cash' as const, amount: q.amountDue }],
    ...extra,
  };
};

/** Presentations of a PSC the card saw (the emulator counts them). */
const attempts = (t: CardCounter) => t.world.reader.verifyAttempts.length;

/** A paid sale whose write failed (the card left mid-write, then was read back: not written). */
async function failedSale(t: CardCounter, sid: string, customerId: string, cardId: string) {
  tearAt(t, AREA.primary.start, 9);
  const sale = await t.ok('sales.sellGas', await sellInput(t, sid, customerId), sid);
  expect(sale.status).toBe('pending_card_write');
  t.world.insert(cardId);
  await t.ok('cards.read', {}, sid);
  const failed = await t.ok('sales.get', { id: sale.id }, sid);
  expect(failed.status).toBe('card_write_failed');
  return failed;
}

describe('the card part of a sale', () => {
  it('reads the card once, presents its PSC once: the check before payment is the write’s own read', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    const counts = t.world.reader.commandCounts;
    const seen = () => ({
      powerOn: counts.get(CMD.powerOn) ?? 0,
      readMain: counts.get(CMD.readMain) ?? 0,
      updateMain: counts.get(CMD.updateMain) ?? 0,
      verifyPsc: counts.get(CMD.verifyPsc) ?? 0,
    });
    const before = seen();
    const sale = await t.ok('sales.sellGas', await sellInput(t, sid, c.id), sid);
    expect(sale.status).toBe('completed');
    const after = seen();
    const d = (k: keyof typeof before) => after[k] - before[k];
    expect(d('powerOn')).toBe(1);
    expect(d('verifyPsc')).toBe(1);
    // One read of the bytes the format uses; every other read is a write's read-back (primary and backup).
    expect(d('updateMain')).toBe(2);
    expect(d('readMain')).toBe(1 + d('updateMain'));
    expect(t.world.view(cardId)).toMatchObject({ triesLeft: 3, record: { purchase: { volume: 10 * M3 } } });
  });

  it('a card swapped after the check is refused by the card itself (not verified): nothing written to it', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    const input = await sellInput(t, sid, c.id);
    const onCard = t.world.view(cardId).record;
    // Between the check and the write the card leaves and comes back: powered up again, its PSC not presented.
    // (The next request the reader gets after the PSC was accepted finds the card swapped.)
    const reader = t.world.reader;
    const verify = reader.verifyAttempts.length;
    const handle = reader.handle.bind(reader);
    let swapped = false;
    reader.handle = (chunk) => {
      if (!swapped && reader.verifyAttempts.length > verify) {
        swapped = true;
        const card = reader.remove();
        if (card) reader.insert(card);
      }
      return handle(chunk);
    };
    const sale = await t.ok('sales.sellGas', input, sid);
    expect(swapped).toBe(true);
    expect(sale.status).toBe('card_write_failed');
    expect(t.world.view(cardId).record).toEqual(onCard);
  });
});

describe('a card with one PSC try left', () => {
  it('refuses the sale without the clerk’s confirmation, nothing paid and no try spent; with it, the sale is paid and written', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    t.world.cardFault(cardId, { triesLeft: 1 });
    const before = saleWrites(t);
    const tried = attempts(t);

    const refused = await t.fails('sales.sellGas', await sellInput(t, sid, c.id), sid);
    expect(refused.code).toBe('CARD_LAST_TRY');
    expect(refused.message).toMatch(/最后一次/);
    expect(saleWrites(t)).toEqual(before);
    expect(attempts(t)).toBe(tried);
    expect(t.world.view(cardId).triesLeft).toBe(1);

    const sale = await t.ok('sales.sellGas', await sellInput(t, sid, c.id, { confirmLastTry: true }), sid);
    expect(sale.status).toBe('completed');
    expect(sale.cardProblem).toBeNull();
    // The PSC was presented once, before payment; it passed, so the card has all its tries again.
    expect(t.world.view(cardId)).toMatchObject({ triesLeft: 3, record: { purchase: { volume: 10 * M3 } } });
  });

  it('重新写卡 asks for the confirmation (CARD_LAST_TRY) before presenting the last try, and writes with it', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    const failed = await failedSale(t, sid, c.id, cardId);
    t.world.cardFault(cardId, { triesLeft: 1 });
    const tried = attempts(t);

    const asked = await t.fails('cards.writeSale', { saleId: failed.id }, sid);
    expect(asked.code).toBe('CARD_LAST_TRY');
    expect(attempts(t)).toBe(tried);
    expect((await t.ok('sales.get', { id: failed.id }, sid)).status).toBe('card_write_failed');

    const written = await t.ok('cards.writeSale', { saleId: failed.id, confirmLastTry: true }, sid);
    expect(written.status).toBe('completed');
    expect(t.world.view(cardId).record).toMatchObject({ purchase: { volume: 10 * M3 } });
  });
});

describe('a card whose PSC does not match', () => {
  it('refuses the sale before payment after one try, flags the card, and tries again only with a 班长’s approval', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    t.world.cardFault(cardId, { wrongPsc: true });
    const before = saleWrites(t);
    const tried = attempts(t);

    const refused = await t.fails('sales.sellGas', await sellInput(t, sid, c.id), sid);
    expect(refused.code).toBe('CARD_PSC_WRONG');
    expect(refused.message).toMatch(/班长/);
    expect(refused.message).not.toMatch(/[A-Z_]{4,}/);
    expect(refused.fields).toEqual({ triesLeft: 2 });
    expect(attempts(t)).toBe(tried + 1);
    // Nothing paid: no sale, tender or receipt number; only the refusal is recorded (its ledger op and audit).
    const after = saleWrites(t);
    expect({ ...after, outbox: before.outbox, audit: before.audit }).toEqual(before);
    expect(t.count('card_psc_checks')).toBe(1);
    const op = t.app.gdb.sqlite
      .prepare("SELECT payload FROM outbox WHERE type = 'card.pscRefused'")
      .get() as {
      payload: string;
    };
    expect(JSON.parse(op.payload)).toMatchObject({ triesLeft: 2, approverId: null });

    // Again, as a clerk would press it again: refused without presenting the PSC.
    const again = await t.fails('sales.sellGas', await sellInput(t, sid, c.id), sid);
    expect(again.code).toBe('CARD_PSC_FLAGGED');
    expect(again.message).toMatch(/班长/);
    expect(attempts(t)).toBe(tried + 1);
    expect(t.world.view(cardId).triesLeft).toBe(2);

    // The cashier's own name is no approval; a 班长's is, and it costs exactly one more try.
    const self = await t.fails(
      'sales.sellGas',
      await sellInput(t, sid, c.id, { approval: { username: 'wangfang', password: SUPERVISOR.password } }),
      sid,
    );
    expect(self.code).toBe('APPROVAL_SELF');
    expect(attempts(t)).toBe(tried + 1);
    const approved = await t.fails(
      'sales.sellGas',
      await sellInput(t, sid, c.id, { approval: SUPERVISOR }),
      sid,
    );
    expect(approved.code).toBe('CARD_PSC_WRONG');
    expect(attempts(t)).toBe(tried + 2);
    expect(t.world.view(cardId).triesLeft).toBe(1);
    expect(t.count('sales')).toBe(before.sales);
  });

  it('重新写卡 on a flagged card needs the approval too; an approved pass lifts the flag', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    const failed = await failedSale(t, sid, c.id, cardId);
    // The card's failure reads in Chinese with the next step, never the writer's raw words.
    expect(failed.cardProblemCode).toBeTruthy();
    expect(failed.cardProblem).toMatch(/重新写卡|退款/);
    expect(failed.cardProblem).not.toMatch(/reader|[A-Z_]{4,}/);

    t.world.cardFault(cardId, { wrongPsc: true });
    const tried = attempts(t);
    expect((await t.fails('cards.writeSale', { saleId: failed.id }, sid)).code).toBe('CARD_PSC_WRONG');
    expect((await t.fails('cards.writeSale', { saleId: failed.id }, sid)).code).toBe('CARD_PSC_FLAGGED');
    expect(attempts(t)).toBe(tried + 1);

    // The 班长 looks at the card: it was the customer's after all (the training world puts its PSC back).
    const cardNo = (await t.ok('cards.read', {}, sid)).card!.cardNo;
    const sle = t.world.cardModel(cardId);
    sle.verify(Uint8Array.from(sle.snapshot().psc));
    sle.changePsc(t.app.cardStation!.keys.pscFor(cardNo));
    const written = await t.ok('cards.writeSale', { saleId: failed.id, approval: SUPERVISOR }, sid);
    expect(written.status).toBe('completed');
    expect(t.count('card_psc_checks')).toBe(2);
    // Lifted: the card is no longer flagged, and the approver is on the record.
    expect(pscFlagOf(t.app.gdb.sqlite, cardNo)).toBeUndefined();
    const op = t.app.gdb.sqlite
      .prepare("SELECT approver_id AS a FROM outbox WHERE type = 'card.pscAccepted'")
      .get() as {
      a: string;
    };
    expect(op.a).toBeTruthy();
  });
});
