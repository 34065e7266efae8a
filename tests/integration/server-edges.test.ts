/**
 * Head office refuses cheaply, before it reads: a signed request with missing, malformed or stale signature
 * headers, from an unknown or revoked counter, or over its rate is answered while most of its body is still
 * unsent, and writes nothing. Rate limits count per counter on the signed routes, per address for enrollment,
 * for requests from no known counter and for the admin API. Every refusal is logged at warn with the counter
 * it named, the address, the code and a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDeviceKey } from '../../services/sync/device-key';
import type { RateLimits } from '../../server/auth/rate-limit';
import { enrollDevice } from '../sim/bench-push';
import { syntheticOutbox } from '../sim/synthetic-ops';
import { ADMIN_TOKEN, startHeadOffice, type TestHeadOffice } from '../support/head-office';
import type { Json } from '../support/json';
import { LogLines } from '../support/log-lines';
import { partialRequest } from '../support/raw-http';
import { type Forge, signed, signedHeaders } from '../support/signed';

type Device = Awaited<ReturnType<typeof enrollDevice>>;

const MiB = 1024 * 1024;
const FIRST = 4 * 1024;
const CHINESE = /[\u4e00-\u9fff]/;
const HOUR = 3_600_000;

const TABLES = ['ops', 'nonces', 'customers', 'sales', 'quarantine', 'conflicts', 'feed', 'day_digests'];
async function counts(ho: TestHeadOffice): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES)
    out[t] = (await ho.store.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0]!.n;
  return out;
}

/** A push of three operations, padded with JSON whitespace to `size` bytes. */
function bigPush(counterId: string, size = 8 * MiB): Buffer {
  const json = Buffer.from(JSON.stringify({ ops: syntheticOutbox(counterId, 3, { priceVersionId: 'pv' }) }));
  return Buffer.concat([json, Buffer.alloc(size - json.length, ' ')]);
}

async function revoke(ho: TestHeadOffice, dev: Device): Promise<void> {
  const list = await ho.admin('GET', '/admin/counters');
  const slot = list.counters.find((c: { counterId: string }) => c.counterId === dev.counterId).slotId;
  await ho.admin('POST', `/admin/counters/${slot}/revoke`, { reason: '柜台电脑报废' });
}

/** Waits for head office's warn line about a refusal with `code` (from log line `from` on) and checks it. */
async function logged(logs: LogLines, from: number, code: string, counter?: string): Promise<Json> {
  const line = await logs.waitFor((l) => l.msg === 'refused' && l.code === code, from);
  expect(line.level).toBe(40);
  expect(line.address).toBe('127.0.0.1');
  expect(line.counter).toBe(counter);
  expect(line.reason).toEqual(expect.any(String));
  expect(line.reason.length).toBeGreaterThan(3);
  return line;
}

describe('a signed request head office will not serve is answered before its body is read', () => {
  let ho: TestHeadOffice;
  const logs = new LogLines();
  let dev: Device;
  let revoked: Device;

  beforeAll(async () => {
    ho = await startHeadOffice({ logger: { level: 'warn', stream: logs } });
    dev = await enrollDevice(ho, '0101', '01');
    revoked = await enrollDevice(ho, '0101', '02');
    await revoke(ho, revoked);
  });
  afterAll(async () => ho?.close());

  const stranger = { counterId: '0190f000-0000-7000-8000-00000000dead', key: newDeviceKey() };
  const cases: {
    name: string;
    who: () => Device | typeof stranger;
    forge: () => Forge;
    code: string;
    status: number;
  }[] = [
    {
      name: 'no signature',
      who: () => dev,
      forge: () => ({ omit: ['signature'] }),
      code: 'SYNC_UNSIGNED',
      status: 401,
    },
    {
      name: 'a malformed nonce',
      who: () => dev,
      forge: () => ({ nonce: 'short' }),
      code: 'SYNC_UNSIGNED',
      status: 401,
    },
    {
      name: 'a stale timestamp',
      who: () => dev,
      forge: () => ({ timestamp: Date.now() - 10 * 60_000 }),
      code: 'SYNC_STALE_REQUEST',
      status: 401,
    },
    {
      name: 'an unknown counter',
      who: () => stranger,
      forge: () => ({}),
      code: 'SYNC_UNKNOWN_COUNTER',
      status: 401,
    },
    {
      name: 'a revoked counter',
      who: () => revoked,
      forge: () => ({}),
      code: 'COUNTER_REVOKED',
      status: 403,
    },
  ];

  it.each(cases)(
    '$name: refused with 4 KiB of 8 MiB sent, nothing written, logged',
    async ({ who, forge, code, status }) => {
      const body = bigPush(who().counterId);
      const headers = signedHeaders(who(), 'POST', '/v1/push', body, forge());
      const before = await counts(ho);
      const from = logs.lines.length;
      const req = await partialRequest(ho.url, 'POST', '/v1/push', headers, body, FIRST);
      try {
        const a = await req.answer;
        expect(req.sent()).toBe(FIRST);
        expect(a.status).toBe(status);
        expect(a.body.code).toBe(code);
        expect(a.body.message).toMatch(CHINESE);
        expect(await counts(ho)).toEqual(before);
        await logged(logs, from, code, who().counterId);
      } finally {
        req.close();
      }
    },
  );

  it('an enrolled counter’s request is read in full, then served (the same request, the rest sent)', async () => {
    const body = bigPush(dev.counterId);
    const before = await counts(ho);
    const req = await partialRequest(
      ho.url,
      'POST',
      '/v1/push',
      signedHeaders(dev, 'POST', '/v1/push', body),
      body,
      FIRST,
    );
    try {
      req.sendRest();
      const a = await req.answer;
      expect(a.status).toBe(200);
      expect(a.body.ackedSeq).toBe(3);
      expect((await counts(ho)).nonces).toBe(before.nonces + 1);
    } finally {
      req.close();
    }
  });

  it('a body over the limit is refused on its Content-Length; a malformed one once read; both logged', async () => {
    const from = logs.lines.length;
    const huge = bigPush(dev.counterId, 17 * MiB);
    const req = await partialRequest(
      ho.url,
      'POST',
      '/v1/push',
      signedHeaders(dev, 'POST', '/v1/push', huge),
      huge,
      FIRST,
    );
    try {
      const a = await req.answer;
      expect(a.status).toBe(413);
      expect(a.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(a.body.message).toMatch(CHINESE);
    } finally {
      req.close();
    }
    await logged(logs, from, 'PAYLOAD_TOO_LARGE', dev.counterId);
    const bad = await signed(ho.url, dev, 'POST', '/v1/push', '{"ops": [');
    expect(bad.body.code).toBe('MALFORMED_REQUEST');
    const line = await logged(logs, from, 'MALFORMED_REQUEST', dev.counterId);
    expect(line.route).toBe('POST /v1/push');
  });

  it('the admin API without its token is refused and logged, without a counter', async () => {
    const from = logs.lines.length;
    const r = await fetch(`${ho.url}/admin/counters`, { headers: { authorization: 'Bearer wrong' } });
    expect(r.status).toBe(401);
    expect(((await r.json()) as Json).code).toBe('ADMIN_UNAUTHORIZED');
    expect((await logged(logs, from, 'ADMIN_UNAUTHORIZED', undefined)).reason).toMatch(/token/);
  });
});

describe('rate limits', () => {
  const LIMITS: RateLimits = {
    counter: { max: 3, windowMs: HOUR },
    anonymous: { max: 4, windowMs: HOUR },
    admin: { max: 100, windowMs: HOUR },
  };
  const logs = new LogLines();
  let ho: TestHeadOffice;
  let a: Device;
  let b: Device;

  beforeAll(async () => {
    ho = await startHeadOffice({ rateLimits: LIMITS, logger: { level: 'warn', stream: logs } });
    // Two enrollments: two of the address's four.
    a = await enrollDevice(ho, '0101', '01');
    b = await enrollDevice(ho, '0101', '02');
  });
  afterAll(async () => ho?.close());

  const rateLimited = (r: { status: number; body: Json }) => {
    expect(r.status).toBe(429);
    expect(r.body).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试。' });
    expect(r.body.messageEn).toEqual(expect.any(String));
  };

  it('per counter, over all its signed requests, before the body; another counter is not limited', async () => {
    for (let i = 0; i < 3; i++) expect((await signed(ho.url, a, 'GET', '/v1/status')).status).toBe(200);
    const from = logs.lines.length;
    const before = await counts(ho);
    const body = bigPush(a.counterId);
    const req = await partialRequest(
      ho.url,
      'POST',
      '/v1/push',
      signedHeaders(a, 'POST', '/v1/push', body),
      body,
      FIRST,
    );
    try {
      const r = await req.answer;
      expect(req.sent()).toBe(FIRST);
      rateLimited(r);
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      req.close();
    }
    expect(await counts(ho)).toEqual(before);
    expect((await logged(logs, from, 'RATE_LIMITED', a.counterId)).reason).toMatch(/counter over its rate/);
    rateLimited(await signed(ho.url, a, 'GET', '/v1/pull?cursor=0'));
    expect((await signed(ho.url, b, 'GET', '/v1/status')).status).toBe(200);
  });

  it('per address for requests from no known counter and for enrollment; enrolled counters keep their own', async () => {
    const stranger = { counterId: '0190f000-0000-7000-8000-00000000beef', key: newDeviceKey() };
    const from = logs.lines.length;
    // The address has two of its four left.
    expect((await signed(ho.url, stranger, 'GET', '/v1/status')).body.code).toBe('SYNC_UNKNOWN_COUNTER');
    expect((await signed(ho.url, a, 'GET', '/v1/status', undefined, { omit: ['nonce'] })).body.code).toBe(
      'SYNC_UNSIGNED',
    );
    rateLimited(await signed(ho.url, stranger, 'GET', '/v1/status'));
    const line = await logged(logs, from, 'RATE_LIMITED', stranger.counterId);
    expect(line.reason).toMatch(/address over its rate/);
    rateLimited(await signed(ho.url, b, 'GET', '/v1/status', undefined, { timestamp: Date.now() - HOUR }));
    const enroll = await fetch(`${ho.url}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"not": "even valid"}',
    });
    rateLimited({ status: enroll.status, body: await enroll.json() });
    // The public receipt page a QR opens shares the address's rate.
    const page = await fetch(`${ho.url}/r/0190f000-0000-7000-8000-00000000beef?c=0101&n=1&a=1&s=x`);
    rateLimited({ status: page.status, body: await page.json() });
    // The counters behind that address are counted on their own: b has used one of its three.
    expect((await signed(ho.url, b, 'GET', '/v1/status')).status).toBe(200);
  });

  it('per address on the admin API, before the token is checked', async () => {
    const small = await startHeadOffice({
      rateLimits: { ...LIMITS, admin: { max: 2, windowMs: HOUR } },
      logger: { level: 'warn', stream: logs },
    });
    try {
      const from = logs.lines.length;
      const admin = (token = ADMIN_TOKEN) =>
        fetch(`${small.url}/admin/counters`, { headers: { authorization: `Bearer ${token}` } }).then(
          async (r) => ({ status: r.status, body: (await r.json()) as Json }),
        );
      expect((await admin()).status).toBe(200);
      expect((await admin('wrong')).body.code).toBe('ADMIN_UNAUTHORIZED');
      rateLimited(await admin());
      rateLimited(await admin('wrong'));
      expect((await logged(logs, from, 'RATE_LIMITED', undefined)).reason).toMatch(
        /admin address over its rate/,
      );
    } finally {
      await small.close();
    }
  });
});
