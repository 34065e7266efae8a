/**
 * One counter of the simulation: a real App on its own SQLite file, set up through the real services (first
 * run, staff), driven through the dispatcher as the UI would, with a card writer that always succeeds (the
 * simulation has no card hardware). Its wall clock is the simulation's plus a skew. Its prices, limits and fee
 * items are head office's (publishDemoCatalogue in tests/support/head-office.ts): it pulls them when it first
 * syncs, as an enrolled counter does, since head office believes a sale only at the prices it published.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { OpInput, OpName, OpOutput } from '../../core/contract';
import { createDispatcher, type Dispatcher } from '../../services/api';
import { App } from '../../services/app';
import type { CardWritePort } from '../../services/sales/card-write-port';
import { initializeCounter } from '../../services/setup/initialize';
import { withRequestId } from '../support/request-id';

export const SIM_PASSWORD = 'sim-pass-1234';

const alwaysWrites: CardWritePort = { writePurchase: async () => ({ ok: true }) };

/** The 班长's credentials as typed on the cashier's screen (every SimCounter has this 班长). */
export const SIM_APPROVAL = { username: 'banzhang', password: SIM_PASSWORD };

export class SimCounter {
  readonly app: App;
  readonly d: Dispatcher;
  adminSid = '';
  cashierSid = '';
  adminId = '';

  constructor(
    readonly index: number,
    readonly dir: string,
    readonly code: string,
    readonly wall: () => number,
  ) {
    mkdirSync(dir, { recursive: true });
    this.app = new App({ dataDir: dir, clock: { nowMs: wall }, cardWriter: alwaysWrites });
    this.app.sessions.idleLockMinutes = 60 * 24 * 365;
    this.d = createDispatcher(this.app, () => {});
  }

  static async create(
    index: number,
    root: string,
    wall: () => number,
    hallCode = '0101',
  ): Promise<SimCounter> {
    const code = String(index + 1).padStart(2, '0');
    const c = new SimCounter(index, join(root, `counter-${code}`), code, wall);
    const { adminId } = await initializeCounter(c.app, {
      hallCode,
      hallName: '东海客服中心营业厅',
      counterCode: code,
      counterName: `${code}号窗口`,
      admin: { username: 'admin', displayName: `管理员${code}`, password: SIM_PASSWORD },
    });
    c.adminId = adminId;
    c.app.sessions.idleLockMinutes = 60 * 24 * 365;
    c.adminSid = (await c.ok('auth.login', { username: 'admin', password: SIM_PASSWORD })).sessionId;
    await c.ok(
      'staff.create',
      { username: 'shouyin', displayName: `收费员${code}`, roles: ['cashier'], password: SIM_PASSWORD },
      c.adminSid,
    );
    c.cashierSid = (await c.ok('auth.login', { username: 'shouyin', password: SIM_PASSWORD })).sessionId;
    // Approvals take a 班长 other than the operator (the administrator approves nothing).
    await c.ok(
      'staff.create',
      { username: 'banzhang', displayName: `班长${code}`, roles: ['supervisor'], password: SIM_PASSWORD },
      c.adminSid,
    );
    return c;
  }

  async call<N extends OpName>(op: N, input: OpInput<N>, sid?: string) {
    return this.d.invoke(op, withRequestId(op, input), { sessionId: sid });
  }

  async ok<N extends OpName>(op: N, input: OpInput<N>, sid?: string): Promise<OpOutput<N>> {
    const r = await this.d.invoke(op, withRequestId(op, input), { sessionId: sid });
    if (!r.ok) throw new Error(`counter ${this.code}: ${op} failed: ${JSON.stringify(r.error)}`);
    return r.result as OpOutput<N>;
  }

  count(sql: string): number {
    return (this.app.gdb.sqlite.prepare(sql).get() as { n: number }).n;
  }

  close(): void {
    this.app.close();
  }
}
