/**
 * What an import brings reaches the counters: head office imports a hall's staff, a customer with a meter, a
 * card the customer already holds (purchase count 7 loaded by the meter) and a balance; a fresh counter of the
 * hall bootstraps them, its imported cashier sells gas on that card through the counter's dispatcher, the
 * sale is purchase 8 on the card, and the meter loads it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, OpName, OpOutput } from '../../core/contract';
import { referenceFormat } from '../../drivers/card-formats/reference-format';
import { runImport } from '../../server/import/run';
import { createDispatcher } from '../../services/api';
import { App } from '../../services/app';
import { attachCardStation, trainingStation } from '../../services/cards/attach';
import { fileKeyProtector } from '../../services/cards/key-vault';
import { initializeCounter } from '../../services/setup/initialize';
import { enrollCounter } from '../../services/sync/enroll';
import { runSync } from '../../services/sync/run-sync';
import { tempDir } from '../support/app';
import {
  publishDemoCatalogue,
  registerCounter,
  startHeadOffice,
  type TestHeadOffice,
} from '../support/head-office';
import { CUSTOMER_HEADER, customerRow, writeCsv } from '../support/import-files';
import { withRequestId } from '../support/request-id';

let ho: TestHeadOffice;
beforeAll(async () => {
  ho = await startHeadOffice();
});
afterAll(async () => ho?.close());

const ACCOUNT = '010100000077';
const CARD_NO = '1010000077';
const METER_NO = 'M77000077';

describe('an imported card at a counter', () => {
  it('bootstraps with the import and sells purchase 8 on a card imported at 7', async () => {
    const code = await registerCounter(ho, '0101', '01');
    await publishDemoCatalogue(ho);
    const dir = tempDir('gasdesk-import-counter-');
    const file = (name: string, rows: unknown[][]) => {
      const p = join(dir, name);
      writeCsv(p, rows);
      return p;
    };
    const run = async (kind: Parameters<typeof runImport>[2]['kind'], path: string) => {
      const r = await runImport(ho.store, `t-${kind}`, { kind, path, hallCode: '0101', now: Date.now });
      expect(r.dry?.issues).toEqual([]);
      expect(r.batch?.status).toBe('done');
    };
    await run(
      'staff',
      file('staff.csv', [
        ['工号', '营业厅编号', '用户名', '姓名', '角色', '初始密码'],
        ['G001', '0101', 'wangfang', '王芳', '收费员', 'import-pass-1'],
      ]),
    );
    const row = customerRow(77);
    row[0] = ACCOUNT;
    await run('customers', file('customers.csv', [CUSTOMER_HEADER, row]));
    await run(
      'meters',
      file('meters.csv', [
        ['表号', '户号', '表厂', '表型号', '卡类型'],
        [METER_NO, ACCOUNT, '金卡智能', 'JK-IC-G2.5', 'SLE4442'],
      ]),
    );
    await run(
      'cards',
      file('cards.csv', [
        ['卡号', '户号', '购气次数', '累计购气量', '区域码'],
        [CARD_NO, ACCOUNT, '7', '70.00', '101'],
      ]),
    );
    await run(
      'balances',
      file('balances.csv', [
        ['户号', '结余(元)'],
        [ACCOUNT, '3.50'],
      ]),
    );

    const app = new App({ dataDir: dir });
    try {
      await initializeCounter(app, {
        hallCode: '0101',
        hallName: '营业厅 0101',
        counterCode: '01',
        counterName: '1号窗口',
        admin: { username: 'admin', displayName: '管理员', password: 'boot-pass-1234' },
      });
      await enrollCounter(app, { server: ho.url, code });
      expect((await runSync(app)).ok).toBe(true);
      const db = app.gdb.sqlite;
      const customer = db.prepare('SELECT id FROM customers WHERE account_no = ?').get(ACCOUNT) as {
        id: string;
      };
      expect(
        db.prepare('SELECT last_count FROM account_counts WHERE customer_id = ?').pluck().get(customer.id),
      ).toBe(7);
      expect(
        db.prepare('SELECT balance FROM customer_balances WHERE customer_id = ?').pluck().get(customer.id),
      ).toBe(350);
      expect(db.prepare('SELECT status FROM cards WHERE card_no = ?').pluck().get(CARD_NO)).toBe('active');
      expect(db.prepare('SELECT meter_no FROM meters WHERE customer_id = ?').pluck().get(customer.id)).toBe(
        METER_NO,
      );

      // The card as the old system left it: issued, purchase 7 written, and loaded by the meter.
      const station = trainingStation(app, fileKeyProtector(dir));
      attachCardStation(app, station);
      const world = station.world!;
      const cardId = world.newCard('旧系统的卡').id;
      world.insert(cardId);
      const reader = await station.reader();
      await referenceFormat.issue(
        reader,
        { kind: 'user', region: 101, cardNo: CARD_NO, accountNo: ACCOUNT },
        station.keys,
      );
      const writtenAt = Math.floor(Date.now() / 1000) - 86_400;
      await referenceFormat.writePurchase(
        reader,
        CARD_NO,
        { count: 7, volume: 1_000, cumulative: 7_000, writtenAt, counterCode: '010199' },
        station.keys,
      );
      world.remove();
      world.addMeter({
        meterNo: METER_NO,
        region: 101,
        boundCardNo: CARD_NO,
        boundAccountNo: ACCOUNT,
        lastLoadedCount: 6,
        cumulativeLoaded: 6_000,
      });
      expect(world.carryToMeter(cardId, METER_NO).meter.lastLoadedCount).toBe(7);

      const d = createDispatcher(app, () => {});
      const ok = async <N extends OpName>(
        op: N,
        input: CallInput<N>,
        sessionId?: string,
      ): Promise<OpOutput<N>> => {
        const r = await d.invoke(op, withRequestId(op, input), { sessionId });
        if (!r.ok) throw new Error(`${op} failed: ${JSON.stringify(r.error)}`);
        return r.result as OpOutput<N>;
      };
      const sid = (await ok('auth.login', { username: 'wangfang', password: 'import-pass-1' })).sessionId;
      await ok('shifts.open', { float: 0 }, sid);
      world.insert(cardId);
      const purchase = { customerId: customer.id, by: 'volume' as const, volume: 1_000, useBalance: false };
      const q = await ok('sales.quote', purchase, sid);
      const sale = await ok(
        'sales.sellGas',
        { purchase, expectedAmountDue: q.amountDue, tenders: [{ method: 'cash', amount: q.amountDue }] },
        sid,
      );
      expect(sale.status).toBe('completed');
      const onCard = world.view(cardId).record;
      expect(onCard.state === 'ok' && onCard.purchase?.count).toBe(8);
      expect(
        db.prepare('SELECT last_count FROM account_counts WHERE customer_id = ?').pluck().get(customer.id),
      ).toBe(8);
      world.remove();
      expect(world.carryToMeter(cardId, METER_NO).meter.lastLoadedCount).toBe(8);
    } finally {
      app.close();
    }
  });
});
