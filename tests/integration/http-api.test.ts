import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApi } from '../../cli/http-api';
import { createDispatcher } from '../../services/api';
import { fullOpening } from '../fixtures/households';
import { type TestCounter, testCounter } from '../support/app';
import type { Json } from '../support/json';

const TOKEN = 'test-token-0123456789';
let t: TestCounter;
let origin = '';
let close: () => Promise<void>;

beforeAll(async () => {
  t = await testCounter({ shared: true });
  const http = buildHttpApi({
    dispatcher: createDispatcher(t.app, () => {}),
    token: TOKEN,
    origin: () => origin,
  });
  origin = (await http.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
  close = () => http.close();
});
afterAll(() => close());

/** A raw HTTP request over real TCP, so that headers (Host, Origin) are exactly what a browser would send. */
function post(
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Json }> {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let data = '';
        res.on('data', (c) => {
          data += c;
        });
        res.on('end', () => resolve({ status: res.statusCode!, json: data ? JSON.parse(data) : null }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const auth = { authorization: `Bearer ${TOKEN}` };

describe('the HTTP transport of gasdesk serve', () => {
  it('answers a correct call', async () => {
    const r = await post('/api/setup.status', '{}', { ...auth, origin });
    expect(r).toEqual({
      status: 200,
      json: {
        ok: true,
        result: { initialized: true, hallName: '东海客服中心营业厅', counterName: '1号窗口' },
      },
    });
  });

  it('refuses a request without the token, or with a wrong one, with 401', async () => {
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: TOKEN }] as Record<
      string,
      string
    >[]) {
      const r = await post('/api/setup.status', '{}', headers);
      expect(r.status).toBe(401);
      expect(r.json.error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('令牌') });
    }
  });

  it('refuses another origin with 403, and a foreign Host (DNS rebinding)', async () => {
    const r = await post('/api/setup.status', '{}', { ...auth, origin: 'http://evil.example' });
    expect(r).toMatchObject({ status: 403, json: { ok: false, error: { code: 'FORBIDDEN_ORIGIN' } } });
    const h = await post('/api/setup.status', '{}', { ...auth, host: 'evil.example' });
    expect(h.status).toBe(403);
  });

  it('answers an unknown operation, a malformed body and an invalid payload with stable codes', async () => {
    expect(await post('/api/customers.drop', '{}', auth)).toMatchObject({
      status: 404,
      json: { error: { code: 'UNKNOWN_OPERATION' } },
    });
    expect(await post('/api/auth.login', '{"username": ', auth)).toMatchObject({
      status: 400,
      json: { error: { code: 'MALFORMED_REQUEST' } },
    });
    const invalid = await post('/api/auth.login', JSON.stringify({ username: 42 }), auth);
    expect(invalid).toMatchObject({
      status: 400,
      json: { error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/[\u4e00-\u9fff]/) } },
    });
    expect(JSON.stringify(invalid.json)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('carries the staff session in a header and writes nothing on a refused call', async () => {
    const login = await post(
      '/api/auth.login',
      JSON.stringify({ username: 'zhangli', password: 'demo1234' }),
      auth,
    );
    const session = login.json.result.sessionId as string;
    const before = t.count('outbox');
    const noSession = await post('/api/customers.open', JSON.stringify(fullOpening()), auth);
    expect(noSession).toMatchObject({ status: 401, json: { error: { code: 'NOT_LOGGED_IN' } } });
    const badId = await post('/api/customers.open', JSON.stringify(fullOpening({ idNumber: '123' })), {
      ...auth,
      'x-gasdesk-session': session,
    });
    expect(badId.json.error.issues[0]).toMatchObject({ path: ['idNumber'], code: 'RESIDENT_ID_INVALID' });
    expect(t.count('outbox')).toBe(before);
    const ok = await post('/api/customers.open', JSON.stringify(fullOpening()), {
      ...auth,
      'x-gasdesk-session': session,
    });
    expect(ok.json.result.name).toBe('陈晓东');
    expect(t.count('outbox')).toBe(before + 1);
  });

  it('slows down the client that keeps getting passwords wrong (its address and session), not the others', async () => {
    const wrong = JSON.stringify({ username: 'liuqiang', password: 'wrong-pass' });
    const from = (client: string) => post('/api/auth.login', wrong, { ...auth, 'x-gasdesk-session': client });
    expect((await from('tab-a')).status).toBe(401);
    expect((await from('tab-a')).status).toBe(401);
    expect(await from('tab-a')).toMatchObject({
      status: 429,
      json: { error: { code: 'TOO_MANY_ATTEMPTS', fields: { retryAfterSeconds: 15 } } },
    });
    expect(await from('tab-b')).toMatchObject({ status: 401, json: { error: { code: 'BAD_CREDENTIALS' } } });
  });
});
