/**
 * 制作工具卡 (cards.makeToolCard) through the dispatcher, on the in-process training reader and meters (the
 * reference format): a 清零卡 made on a blank card reads back as one and clears a meter; recorded once with its
 * audit entry and outbox op; refusals (not a 班长, a card that is not blank, no card); a make cut after the
 * card's PSC change finished under the same number by the next request.
 */
import { describe, expect, it } from 'vitest';
import { readOp } from '../../core/sync/ops';
import { simulateCrashAt } from '../../drivers/failpoint';
import { M3, buy, cashierWithShift } from '../fixtures/sales';
import { cardCounter, customerWithCard } from '../support/cards';

type T = Awaited<ReturnType<typeof cardCounter>>;

const rows = (t: T, sql: string) => t.app.gdb.sqlite.prepare(sql).all() as Record<string, unknown>[];

function blankInReader(t: T) {
  t.world.remove();
  const id = t.world.newCard().id;
  t.world.insert(id);
  return id;
}

describe('制作工具卡 at the counter', () => {
  it('a 班长 makes a 清零卡 on a blank card: read back as one, recorded once with audit and outbox, and it clears a meter', async () => {
    const t = await cardCounter();
    const sup = await t.login('liuqiang');
    const id = blankInReader(t);
    const made = await t.ok('cards.makeToolCard', { kind: 'clear' }, sup);
    expect(made).toMatchObject({ kind: 'clear', formatId: 'gasdesk-ref-v1' });
    expect(made.cardNo).toMatch(/^\d{16}$/);
    const onCard = t.world.view(id).record;
    expect(onCard).toMatchObject({
      state: 'ok',
      header: { kind: 'clear', cardNo: made.cardNo, region: 101, accountNo: '' },
      issue: 'done',
    });
    // The card carries its own PSC now, not the blank stock's.
    expect(t.world.view(id).triesLeft).toBe(3);

    const read = await t.ok('cards.read', {}, sup);
    expect(read).toMatchObject({ state: 'unknown', card: null, customer: null });
    expect(read.message).toBe(
      `这是本营业厅制作的清零卡（卡号 ${made.cardNo}），是表具维护用的工具卡，不是用户卡。`,
    );

    expect(rows(t, 'SELECT card_no, kind, format_id, region, made_by FROM tool_cards')).toEqual([
      {
        card_no: made.cardNo,
        kind: 'clear',
        format_id: 'gasdesk-ref-v1',
        region: 101,
        made_by: t.app.sessions.get(sup)!.staffId,
      },
    ]);
    const ops = rows(
      t,
      "SELECT type, entity_type, entity_id, payload FROM outbox WHERE type = 'card.toolMade'",
    );
    expect(ops).toHaveLength(1);
    const read0 = readOp({
      type: 'card.toolMade',
      entityType: ops[0]!.entity_type as string,
      entityId: ops[0]!.entity_id as string,
      payload: ops[0]!.payload as string,
    });
    expect(read0).toMatchObject({
      ok: true,
      data: { cardNo: made.cardNo, kind: 'clear', formatId: 'gasdesk-ref-v1', region: 101 },
    });
    expect(rows(t, "SELECT summary FROM audit WHERE action = 'card.toolMade'")).toEqual([
      { summary: `制作清零卡：卡号 ${made.cardNo}（GasDesk 参考卡格式 v1）` },
    ]);

    // The meter takes it as a clear card: its gas and its binding are gone.
    t.world.remove();
    t.world.addMeter({ meterNo: 'M9', region: 101, remaining: 5 * M3 });
    const inMeter = t.world.carryToMeter(id, 'M9');
    expect(inMeter.outcome).toEqual({ result: 'tool', kind: 'clear' });
    expect(inMeter.meter.remaining).toBe(0);
  });

  it('refuses a clerk or a cashier, a customer’s card, a tool card already made, an empty reader, and a bad kind — writing nothing', async () => {
    const t = await cardCounter();
    const cashier = await cashierWithShift(t);
    const sup = await t.login('liuqiang');
    const id = blankInReader(t);
    const before = { tools: t.count('tool_cards'), outbox: t.count('outbox') };
    for (const who of [cashier, await t.login('zhangli'), await t.login('admin')])
      expect(await t.fails('cards.makeToolCard', { kind: 'clear' }, who)).toMatchObject({
        code: 'PERMISSION_DENIED',
      });
    expect(t.world.view(id).record.state).toBe('blank');

    // The kinds this reader's format can make: the reference format makes all four; a 班长's question alone.
    expect(await t.ok('cards.toolKinds', {}, sup)).toEqual({
      kinds: ['setup', 'clear', 'check', 'meter_change'],
      format: expect.any(String),
    });
    for (const who of [cashier, await t.login('zhangli'), await t.login('admin')])
      expect((await t.fails('cards.toolKinds', {}, who)).code).toBe('PERMISSION_DENIED');

    const bad = await t.fails('cards.makeToolCard', { kind: 'user' }, sup);
    expect(bad.code).toBe('VALIDATION_FAILED');

    t.world.remove();
    const { c } = await customerWithCard(t, cashier);
    await buy(t, cashier, { customerId: c.id, by: 'volume', volume: 5 * M3 });
    const outboxWithCard = t.count('outbox');
    const userCard = await t.fails('cards.makeToolCard', { kind: 'clear' }, sup);
    expect(userCard).toMatchObject({ code: 'CARD_NOT_BLANK', status: 409 });
    expect(userCard.message).toMatch(/工具卡只能用空白卡制作/);
    expect(userCard.detail).toMatch(/这是一张用户卡（卡号 \d{16}）/);

    t.world.remove();
    expect((await t.fails('cards.makeToolCard', { kind: 'check' }, sup)).code).toBe('NO_CARD');

    blankInReader(t);
    const made = await t.ok('cards.makeToolCard', { kind: 'check' }, sup);
    const again = await t.fails('cards.makeToolCard', { kind: 'check' }, sup);
    expect(again.code).toBe('CARD_NOT_BLANK');
    expect(again.detail).toMatch(new RegExp(`本营业厅已制作的检查卡（卡号 ${made.cardNo}`));
    const other = await t.fails('cards.makeToolCard', { kind: 'setup' }, sup);
    expect(other.code).toBe('CARD_NOT_BLANK');
    expect(t.count('tool_cards')).toBe(before.tools + 1);
    expect(t.count('outbox')).toBe(outboxWithCard + 1);
  });

  it('a make cut after the PSC change is finished under the same number by the next request, recorded once', async () => {
    const t = await cardCounter();
    const sup = await t.login('liuqiang');
    const id = blankInReader(t);
    simulateCrashAt('card:issue-psc-changed');
    try {
      await t.fails('cards.makeToolCard', { kind: 'meter_change' }, sup);
    } finally {
      simulateCrashAt(undefined);
    }
    const cut = t.world.view(id).record;
    expect(cut).toMatchObject({ state: 'ok', header: { kind: 'meter_change' }, issue: 'psc-changing' });
    expect(t.count('tool_cards')).toBe(0);
    const cardNo = cut.state === 'ok' ? cut.header.cardNo : '';
    // Another kind is not finished on it.
    expect((await t.fails('cards.makeToolCard', { kind: 'clear' }, sup)).code).toBe('CARD_NOT_BLANK');
    const made = await t.ok('cards.makeToolCard', { kind: 'meter_change' }, sup);
    expect(made.cardNo).toBe(cardNo);
    expect(t.world.view(id)).toMatchObject({ triesLeft: 3, record: { issue: 'done' } });
    expect(t.count('tool_cards')).toBe(1);
  });
});
