/**
 * Test support for "one request, one effect" (services/requests/once.ts): each case calls a writing operation
 * the way a cashier's retry would reach it — again after its answer, three times at once, and again after the
 * counter died between the effect and the answer — and compares every table's row count with one effect.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { OpName } from '../../core/contract';
import { simulateCrashAt } from '../../drivers/failpoint';
import type { InvokeResult } from '../../services/api';
import type { TestCounter } from './app';

export interface Effectful {
  readonly op: OpName;
  /** Prepares what one effect of the operation needs; returns its input and the session that calls it. */
  prepare(t: TestCounter): Promise<Prepared>;
}

export interface Prepared {
  readonly input: Record<string, unknown>;
  readonly sid: string;
  /** Logs the same person in again after a restart (default: the demo password). */
  readonly relogin?: () => Promise<string>;
}

const NOT_EFFECTS = new Set(['requests', 'request_results', '_migrations']);

/** Row counts of every table (the request log aside), and where each number series stands. */
export function effects(t: TestCounter): Record<string, number> {
  const db = t.app.gdb.sqlite;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const out: Record<string, number> = {};
  for (const name of tables.filter((n) => !NOT_EFFECTS.has(n) && !n.includes('_fts')))
    out[name] = db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number;
  for (const s of db.prepare('SELECT name, next FROM number_series').all() as {
    name: string;
    next: number;
  }[])
    out[`series:${s.name}`] = s.next;
  return out;
}

export function delta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = (after[k] ?? 0) - (before[k] ?? 0);
    if (d !== 0) out[k] = d;
  }
  return out;
}

/** What a caller sees of an answer, whether replayed or not. */
function answerOf(a: InvokeResult) {
  return a.ok ? { ok: true, result: a.result } : { ok: false, code: a.error.code };
}

/**
 * The first call, then the same request again: the first answer (marked replayed), nothing written. Returns
 * what one effect writes, measured after a first run of the operation (which may also start a number series).
 */
export async function replayedInOrder(t: TestCounter, c: Effectful): Promise<Record<string, number>> {
  const warm = await c.prepare(t);
  const w = await t.d.invoke(c.op, { ...warm.input, requestId: randomUUID() }, { sessionId: warm.sid });
  expect(w, `${c.op}: ${JSON.stringify(w)}`).toMatchObject({ ok: true });
  const { input, sid } = await c.prepare(t);
  const sent = { ...input, requestId: randomUUID() };
  const before = effects(t);
  const first = await t.d.invoke(c.op, sent, { sessionId: sid });
  expect(first, `${c.op}: ${JSON.stringify(first)}`).toMatchObject({ ok: true });
  const one = delta(before, effects(t));
  expect(Object.keys(one).length, `${c.op} has an effect`).toBeGreaterThan(0);
  const again = await t.d.invoke(c.op, sent, { sessionId: sid });
  expect(again).toEqual({ ...first, replayed: true });
  expect(delta(before, effects(t))).toEqual(one);
  return one;
}

/** Three identical submits at once: one effect, three equal answers. */
export async function concurrent(t: TestCounter, c: Effectful, one: Record<string, number>): Promise<void> {
  const { input, sid } = await c.prepare(t);
  const sent = { ...input, requestId: randomUUID() };
  const before = effects(t);
  const answers = await Promise.all([1, 2, 3].map(() => t.d.invoke(c.op, sent, { sessionId: sid })));
  expect(answers.map(answerOf)).toEqual([1, 2, 3].map(() => answerOf(answers[0]!)));
  expect(answers[0]).toMatchObject({ ok: true });
  expect(answers.filter((a) => a.replayed).length).toBe(2);
  expect(delta(before, effects(t))).toEqual(one);
}

/**
 * The counter dies after the effect, before its answer is recorded or sent (a test double of kill -9 in this
 * process: the crash point throws, then the counter is reopened on its files); the caller retries with the
 * same request: the effect stays one, and the retry is answered with the first result (or told it was done).
 */
export async function afterCrash(
  t: TestCounter,
  c: Effectful,
  one: Record<string, number>,
): Promise<InvokeResult> {
  const { input, sid, relogin } = await c.prepare(t);
  const sent = { ...input, requestId: randomUUID() };
  const before = effects(t);
  simulateCrashAt(`request:done:${c.op}`);
  try {
    const cut = await t.d.invoke(c.op, sent, { sessionId: sid });
    expect(cut).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  } finally {
    simulateCrashAt(undefined);
  }
  expect(delta(before, effects(t))).toEqual(one);
  const staffId = t.app.sessions.get(sid)!.staffId;
  const username = t.app.gdb.sqlite.prepare('SELECT username FROM staff WHERE id = ?').pluck().get(staffId);
  t.restart();
  const sid2 = relogin ? await relogin() : await t.login(username as string);
  const relogged = effects(t);
  const retry = await t.d.invoke(c.op, sent, { sessionId: sid2 });
  expect(delta(relogged, effects(t))).toEqual({});
  if (retry.ok) expect(retry.replayed).toBe(true);
  else expect(retry.error.code).toBe('REQUEST_ALREADY_DONE');
  return retry;
}
