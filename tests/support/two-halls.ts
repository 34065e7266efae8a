/**
 * Test support for serving any hall's customer: a head office with two halls imported (staff, customers,
 * meters, cards at a purchase count, balances), and counters of either hall enrolled, bootstrapped and driven
 * through their dispatcher, each with its training card world.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
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
import { tempDir } from './app';
import { publishDemoCatalogue, registerCounter, type TestHeadOffice } from './head-office';
import { CUSTOMER_HEADER, customerRow, writeCsv } from './import-files';
import { withRequestId } from './request-id';

export interface Household {
  readonly hallCode: string;
  readonly accountNo: string;
  readonly name: string;
  readonly cardNo: string;
  readonly meterNo: string;
  /** The purchase count the card and head office hold. */
  readonly count: number;
}

/** Household `i` of hall `hallCode`: account `${hallCode}0000000i`, card `${region}00000i`, count 7. */
export function household(hallCode: string, i: number): Household {
  const n = String(i).padStart(4, '0');
  return {
    hallCode,
    accountNo: `${hallCode}0000${n}`,
    name: `${'张李赵钱孙'[i % 5]}${'东西南北中'[Number(hallCode) % 5]}${i}`,
    cardNo: `${Number(hallCode)}00000${n}`,
    meterNo: `M${hallCode}${n}`,
    count: 7,
  };
}

/** Imports each household (and a cashier per hall: `cashier${hallCode}`) at head office. */
export async function importHalls(ho: TestHeadOffice, homes: readonly Household[]): Promise<void> {
  await publishDemoCatalogue(ho);
  const dir = tempDir('gasdesk-two-halls-');
  const file = (name: string, rows: unknown[][]) => {
    const p = join(dir, name);
    writeCsv(p, rows);
    return p;
  };
  const halls = [...new Set(homes.map((h) => h.hallCode))];
  for (const code of halls) await ho.admin('POST', '/admin/halls', { code, name: `营业厅 ${code}` });
  const run = async (kind: Parameters<typeof runImport>[2]['kind'], hallCode: string, path: string) => {
    const r = await runImport(ho.store, `t-${kind}-${hallCode}`, { kind, path, hallCode, now: Date.now });
    expect(r.dry?.issues).toEqual([]);
    expect(r.batch?.status).toBe('done');
  };
  await run(
    'staff',
    halls[0]!,
    file('staff.csv', [
      ['工号', '营业厅编号', '用户名', '姓名', '角色', '初始密码'],
      ...halls.map((h) => [`G${h}`, h, `cashier${h}`, `收费员${h}`, '收费员', 'import-pass-1']),
    ]),
  );
  for (const hall of halls) {
    const mine = homes.filter((h) => h.hallCode === hall);
    const rows = mine.map((h, i) => {
      const row = customerRow(Number(hall) * 100 + i);
      row[0] = h.accountNo;
      row[1] = h.name;
      return row;
    });
    await run('customers', hall, file(`customers-${hall}.csv`, [CUSTOMER_HEADER, ...rows]));
    await run(
      'meters',
      hall,
      file(`meters-${hall}.csv`, [
        ['表号', '户号', '表厂', '表型号', '卡类型'],
        ...mine.map((h) => [h.meterNo, h.accountNo, '金卡智能', 'JK-IC-G2.5', 'SLE4442']),
      ]),
    );
    await run(
      'cards',
      hall,
      file(`cards-${hall}.csv`, [
        ['卡号', '户号', '购气次数', '累计购气量', '区域码'],
        ...mine.map((h) => [h.cardNo, h.accountNo, String(h.count), '70.00', String(Number(hall))]),
      ]),
    );
  }
}

export interface Counter {
  readonly app: App;
  readonly dataDir: string;
  readonly hallCode: string;
  readonly sessionId: string;
  /** The operation as the hall's cashier (or the session given). */
  call<N extends OpName>(op: N, input: CallInput<N>, sessionId?: string): Promise<OpOutput<N>>;
  /** The error code the operation answers with (it must fail). */
  refused<N extends OpName>(op: N, input: CallInput<N>, sessionId?: string): Promise<string>;
  /** A session of the counter's administrator. */
  adminSession(): Promise<string>;
  /**
   * Puts the household's card in this counter's reader as the old system left it: count 7 written and loaded by
   * the household's meter.
   */
  insertCard(h: Household): Promise<string>;
  world(): NonNullable<ReturnType<typeof trainingStation>['world']>;
  close(): void;
}

/** A counter of `hallCode`, enrolled and bootstrapped, its hall's cashier signed in with a shift open. */
export async function startCounter(ho: TestHeadOffice, hallCode: string, code: string): Promise<Counter> {
  const enrolment = await registerCounter(ho, hallCode, code);
  const dir = tempDir(`gasdesk-counter-${hallCode}-`);
  const app = new App({ dataDir: dir });
  await initializeCounter(app, {
    hallCode,
    hallName: `营业厅 ${hallCode}`,
    counterCode: code,
    counterName: `${code}号窗口`,
    admin: { username: 'admin', displayName: '管理员', password: 'boot-pass-1234' },
  });
  await enrollCounter(app, { server: ho.url, code: enrolment });
  expect((await runSync(app)).ok).toBe(true);
  const station = trainingStation(app, fileKeyProtector(dir));
  attachCardStation(app, station);
  const world = station.world!;
  /** The households' meters in this counter's world (a second card of the household goes to the same one). */
  const meters = new Set<string>();
  const d = createDispatcher(app, () => {});
  const invoke = async (op: OpName, input: unknown, sessionId?: string) =>
    d.invoke(op, withRequestId(op, input), { sessionId });
  const login = await invoke('auth.login', { username: `cashier${hallCode}`, password: 'import-pass-1' });
  if (!login.ok) throw new Error(`login failed: ${JSON.stringify(login.error)}`);
  const sessionId = (login.result as { sessionId: string }).sessionId;
  const counter: Counter = {
    app,
    dataDir: dir,
    hallCode,
    sessionId,
    async call(op, input, as = sessionId) {
      const r = await invoke(op, input, as);
      if (!r.ok) throw new Error(`${op} failed: ${JSON.stringify(r.error)}`);
      return r.result as never;
    },
    async refused(op, input, as = sessionId) {
      const r = await invoke(op, input, as);
      if (r.ok) throw new Error(`${op} was expected to fail`);
      return r.error.code;
    },
    async insertCard(h) {
      world.remove();
      const cardId = world.newCard(`${h.accountNo} 的卡`).id;
      world.insert(cardId);
      const reader = await station.reader();
      await referenceFormat.issue(
        reader,
        { kind: 'user', region: Number(h.hallCode), cardNo: h.cardNo, accountNo: h.accountNo },
        station.keys,
      );
      const writtenAt = Math.floor(Date.now() / 1000) - 86_400;
      await referenceFormat.writePurchase(
        reader,
        h.cardNo,
        { count: h.count, volume: 1_000, cumulative: 7_000, writtenAt, counterCode: '010199' },
        station.keys,
      );
      world.remove();
      if (!meters.has(h.meterNo))
        world.addMeter({
          meterNo: h.meterNo,
          region: Number(h.hallCode),
          boundCardNo: h.cardNo,
          boundAccountNo: h.accountNo,
          lastLoadedCount: h.count - 1,
          cumulativeLoaded: 6_000,
        });
      meters.add(h.meterNo);
      world.carryToMeter(cardId, h.meterNo);
      world.insert(cardId);
      return cardId;
    },
    async adminSession() {
      const r = await invoke('auth.login', { username: 'admin', password: 'boot-pass-1234' });
      if (!r.ok) throw new Error(`admin login failed: ${JSON.stringify(r.error)}`);
      return (r.result as { sessionId: string }).sessionId;
    },
    world: () => world,
    close: () => app.close(),
  };
  await counter.call('shifts.open', { float: 0 });
  return counter;
}
