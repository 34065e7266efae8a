/**
 * Head office refuses what it must, with a stable code and a Chinese message, and writes nothing: unsigned,
 * forged, stale and replayed requests, unknown and revoked counters, another counter's operations, a cloned
 * counter, a broken chain, oversized and malformed bodies, bad enrollments, and a client over its rate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDeviceKey } from '../../services/sync/device-key';
import { enrollDevice } from '../sim/bench-push';
import { chainOps, syntheticOutbox } from '../sim/synthetic-ops';
import {
  publishDemoCatalogue,
  registerCounter,
  startHeadOffice,
  type TestHeadOffice,
} from '../support/head-office';
import type { Json } from '../support/json';
import { resend, signed } from '../support/signed';

let ho: TestHeadOffice;
let a: Awaited<ReturnType<typeof enrollDevice>>;
let b: Awaited<ReturnType<typeof enrollDevice>>;
let pv: string;

const TABLES = ['ops', 'nonces', 'customers', 'sales', 'quarantine', 'conflicts', 'feed', 'day_digests'];
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES)
    out[t] = (await ho.store.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0]!.n;
  return out;
}

/** Runs fn and checks it was refused with `code` (HTTP `status`, a Chinese message) and nothing was written. */
async function refused(
  code: string,
  status: number,
  fn: () => Promise<{ status: number; body: { code?: string; message?: string } }>,
) {
  const before = await counts();
  const r = await fn();
  expect(r.body.code).toBe(code);
  expect(r.status).toBe(status);
  expect(r.body.message).toMatch(/[\u4e00-\u9fff]/);
  expect(await counts()).toEqual(before);
}

beforeAll(async () => {
  ho = await startHeadOffice();
  pv = (await publishDemoCatalogue(ho)).residential;
  a = await enrollDevice(ho, '0101', '01');
  b = await enrollDevice(ho, '0101', '02');
});
afterAll(async () => ho?.close());

describe('head office refuses, and writes nothing', () => {
  const opsA = () => syntheticOutbox(a.counterId, 12, { priceVersionId: pv });

  it('answers /health when ready', async () => {
    const r = await fetch(`${ho.url}/health`);
    expect(r.status).toBe(200);
    expect((await r.json()) as Json).toMatchObject({ status: 'ok', database: ho.store.kind });
    expect(r.headers.get('x-gasdesk-server-time')).toMatch(/^\d+$/);
  });

  it('an unsigned request: 401', async () => {
    await refused('SYNC_UNSIGNED', 401, async () => {
      const r = await fetch(`${ho.url}/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ops: opsA() }),
      });
      return { status: r.status, body: (await r.json()) as Json };
    });
    await refused('SYNC_UNSIGNED', 401, () =>
      signed(ho.url, a, 'GET', '/v1/status', undefined, { omit: ['signature'] }),
    );
  });

  it('a bad signature: signed by a stranger, or the body changed after signing', async () => {
    await refused('SYNC_BAD_SIGNATURE', 401, () =>
      signed(ho.url, a, 'POST', '/v1/push', { ops: opsA() }, { key: newDeviceKey() }),
    );
    await refused('SYNC_BAD_SIGNATURE', 401, () =>
      signed(
        ho.url,
        a,
        'POST',
        '/v1/push',
        { ops: opsA() },
        { sendBody: JSON.stringify({ ops: opsA().slice(0, 3) }) },
      ),
    );
  });

  it('a stale timestamp, and an unknown counter', async () => {
    await refused('SYNC_STALE_REQUEST', 401, () =>
      signed(ho.url, a, 'POST', '/v1/push', { ops: opsA() }, { timestamp: Date.now() - 10 * 60_000 }),
    );
    await refused('SYNC_UNKNOWN_COUNTER', 401, () =>
      signed(ho.url, { ...a, counterId: 'not-enrolled' }, 'GET', '/v1/status'),
    );
  });

  it('a replayed request (even a successful one) changes nothing the second time', async () => {
    const first = await signed(ho.url, a, 'POST', '/v1/push', { ops: opsA() });
    expect(first.status).toBe(200);
    expect(first.body.ackedSeq).toBe(12);
    await refused('SYNC_REPLAYED', 401, () => resend(ho.url, first.sent));
    const pull = await signed(ho.url, a, 'GET', '/v1/pull?cursor=0');
    expect(pull.status).toBe(200);
    await refused('SYNC_REPLAYED', 401, () => resend(ho.url, pull.sent));
  });

  it('another counter’s operations: 403', async () => {
    await refused('SYNC_FOREIGN_OPS', 403, () =>
      signed(ho.url, b, 'POST', '/v1/push', { ops: syntheticOutbox(a.counterId, 5, { priceVersionId: pv }) }),
    );
  });

  it('a cloned counter (same id, diverging history): refused and flagged', async () => {
    const ours = opsA();
    const twin = chainOps(
      syntheticOutbox(a.counterId, 14, { priceVersionId: pv, seed: 99 })
        .slice(10)
        .map(({ seq: _s, prevHash: _p, hash: _h, counterId: _c, ...o }) => o),
      a.counterId,
      { seq: 10, hash: ours[9]!.hash },
    );
    await refused('SYNC_CLONED_COUNTER', 409, () => signed(ho.url, a, 'POST', '/v1/push', { ops: twin }));
    const fork = chainOps(
      syntheticOutbox(a.counterId, 14, { priceVersionId: pv, seed: 99 })
        .slice(12)
        .map(({ seq: _s, prevHash: _p, hash: _h, counterId: _c, ...o }) => o),
      a.counterId,
      { seq: 12, hash: 'f'.repeat(64) },
    );
    await refused('SYNC_CLONED_COUNTER', 409, () => signed(ho.url, a, 'POST', '/v1/push', { ops: fork }));
    const list = await ho.admin('GET', '/admin/counters');
    expect(list.counters.find((c: { counterId: string }) => c.counterId === a.counterId).alert).toMatch(
      /cloned/,
    );
  });

  it('a broken chain, a gap, and an op that is not the counter’s to number', async () => {
    const more = syntheticOutbox(a.counterId, 20, { priceVersionId: pv }).slice(12);
    await refused('SYNC_CHAIN_BROKEN', 422, () =>
      signed(ho.url, a, 'POST', '/v1/push', {
        ops: more.map((o, i) => (i === 2 ? { ...o, payload: '{"forged":true}' } : o)),
      }),
    );
    await refused('SYNC_SEQUENCE_GAP', 409, () =>
      signed(ho.url, a, 'POST', '/v1/push', { ops: more.slice(3) }),
    );
  });

  it('malformed and oversized bodies', async () => {
    await refused('MALFORMED_REQUEST', 400, () => signed(ho.url, a, 'POST', '/v1/push', '{"ops": ['));
    // Bytes that are not UTF-8 (signed as they are): refused before anything reads them.
    const latin1 = Buffer.concat([
      Buffer.from('{"ops": [], "x": "'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    await refused('MALFORMED_REQUEST', 400, () => signed(ho.url, a, 'POST', '/v1/push', latin1));
    const bad = await signed(ho.url, a, 'POST', '/v1/push', { ops: [{ seq: -1 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.issues.length).toBeGreaterThan(0);
    // Text no database stores as it is (a NUL, an unpaired surrogate): it would no longer match its hash.
    for (const [field, value] of [
      ['entityId', 'a\u0000b'],
      ['hlc', '001772413200000-00000-\ud800'],
      ['payload', '{"name":"\u0000"}\u0000'],
    ]) {
      await refused('VALIDATION_FAILED', 400, async () => {
        const r = await signed(ho.url, a, 'POST', '/v1/push', {
          ops: opsA().map((o, i) => (i === 1 ? { ...o, [field as string]: value } : o)),
        });
        expect(r.body.issues[0].message).toMatch(/无法保存的字符/);
        return r;
      });
    }
    await refused('PAYLOAD_TOO_LARGE', 413, () =>
      signed(ho.url, a, 'POST', '/v1/push', 'x'.repeat(17 * 1024 * 1024)),
    );
    await refused('PAYLOAD_TOO_LARGE', 413, () =>
      signed(ho.url, a, 'POST', '/v1/reconcile', { upToSeq: 0, days: [], pad: 'x'.repeat(2 * 1024 * 1024) }),
    );
  });

  it('the admin API without its token', async () => {
    const r = await fetch(`${ho.url}/admin/counters`);
    expect(r.status).toBe(401);
    expect(((await r.json()) as Json).code).toBe('ADMIN_UNAUTHORIZED');
    const w = await fetch(`${ho.url}/admin/halls`, { headers: { authorization: 'Bearer wrong' } });
    expect(((await w.json()) as Json).code).toBe('ADMIN_UNAUTHORIZED');
  });

  it('a revoked counter is stopped at its next request', async () => {
    const dev = await enrollDevice(ho, '0101', '03');
    expect((await signed(ho.url, dev, 'GET', '/v1/status')).status).toBe(200);
    const slot = (await ho.admin('GET', '/admin/counters')).counters.find(
      (c: { counterId: string }) => c.counterId === dev.counterId,
    ).slotId;
    const r = await ho.admin('POST', `/admin/counters/${slot}/revoke`, { reason: '柜台电脑被盗' });
    expect(r.state).toBe('revoked');
    await refused('COUNTER_REVOKED', 403, () =>
      signed(ho.url, dev, 'POST', '/v1/push', {
        ops: syntheticOutbox(dev.counterId, 3, { priceVersionId: pv }),
      }),
    );
    // Refused on its headers, before the body (and so the signature) is read: whoever signed it.
    await refused('COUNTER_REVOKED', 403, () =>
      signed(
        ho.url,
        dev,
        'POST',
        '/v1/push',
        { ops: syntheticOutbox(dev.counterId, 3, { priceVersionId: pv }) },
        { key: newDeviceKey() },
      ),
    );
  });
});

describe('enrollment refusals', () => {
  const body = async (
    code: string,
    hallCode = '0101',
    counterCode = '04',
    counterId = '0190f000-0000-7000-8000-00000000abcd',
  ) => {
    const key = newDeviceKey();
    const { enrollmentProofString } = await import('../../core/sync/signing');
    const r = await fetch(`${ho.url}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code,
        counterId,
        hallCode,
        counterCode,
        counterName: '4号窗口',
        publicKey: key.publicKey,
        proof: key.sign(enrollmentProofString(code, counterId, key.publicKey)),
      }),
    });
    return { status: r.status, body: (await r.json()) as Json };
  };

  it('a wrong or used code, codes that do not match, an identity enrolled twice', async () => {
    await refused('ENROLLMENT_CODE_INVALID', 403, () => body('AAAA-BBBB-CCCC'));
    const code = await registerCounter(ho, '0101', '04');
    await refused('ENROLLMENT_MISMATCH', 409, () => body(code, '0101', '05'));
    await refused('COUNTER_ALREADY_ENROLLED', 409, () => body(code, '0101', '04', a.counterId));
    expect((await body(code)).status).toBe(200);
    await refused('ENROLLMENT_CODE_INVALID', 403, () => body(code));
  });

  it('a client over its rate gets 429', async () => {
    const small = await startHeadOffice({
      rateLimits: {
        counter: { max: 2, windowMs: 3_600_000 },
        anonymous: { max: 1, windowMs: 3_600_000 },
        admin: { max: 50, windowMs: 1000 },
      },
    });
    try {
      const dev = await enrollDevice(small, '0101', '01');
      await signed(small.url, dev, 'GET', '/v1/status');
      await signed(small.url, dev, 'GET', '/v1/status');
      const r = await signed(small.url, dev, 'GET', '/v1/status');
      expect(r.status).toBe(429);
      expect(r.body.code).toBe('RATE_LIMITED');
    } finally {
      await small.close();
    }
  });
});
