import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApi } from '../../cli/http-api';
import { createDispatcher } from '../../services/api';
import { fullOpening } from '../fixtures/households';
import { type TestCounter, tempDir, testCounter } from '../support/app';
import type { Json } from '../support/json';
import { partialRequest, type RawAnswer } from '../support/raw-http';

const TOKEN = 'test-token-0123456789';
let t: TestCounter;
let origin = '';
let close: () => Promise<void>;

beforeAll(async () => {
  t = await testCounter({ shared: true });
  const staticDir = tempDir('gasdesk-static-', { shared: true });
  writeFileSync(join(staticDir, 'index.html'), '<p>counter page</p>');
  const http = buildHttpApi({
    dispatcher: createDispatcher(t.app, () => {}),
    token: TOKEN,
    origin: () => origin,
    staticDir,
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
      JSON.stringify({ username: 'zhangli', password: 'demo1234', requestId: randomUUID() }),
      auth,
    );
    const session = login.json.result.sessionId as string;
    const before = t.count('outbox');
    const opening = (o = {}) => JSON.stringify({ ...fullOpening(o), requestId: randomUUID() });
    const noSession = await post('/api/customers.open', opening(), auth);
    expect(noSession).toMatchObject({ status: 401, json: { error: { code: 'NOT_LOGGED_IN' } } });
    const badId = await post('/api/customers.open', opening({ idNumber: '123' }), {
      ...auth,
      'x-gasdesk-session': session,
    });
    expect(badId.json.error.issues[0]).toMatchObject({ path: ['idNumber'], code: 'RESIDENT_ID_INVALID' });
    expect(t.count('outbox')).toBe(before);
    const ok = await post('/api/customers.open', opening(), {
      ...auth,
      'x-gasdesk-session': session,
    });
    expect(ok.json.result.name).toBe('陈晓东');
    expect(t.count('outbox')).toBe(before + 1);
  });

  it('slows down the client that keeps getting passwords wrong (its address and session), not the others', async () => {
    const wrong = () =>
      JSON.stringify({ username: 'liuqiang', password: 'wrong-pass', requestId: randomUUID() });
    const from = (client: string) =>
      post('/api/auth.login', wrong(), { ...auth, 'x-gasdesk-session': client });
    expect((await from('tab-a')).status).toBe(401);
    expect((await from('tab-a')).status).toBe(401);
    expect(await from('tab-a')).toMatchObject({
      status: 429,
      json: { error: { code: 'TOO_MANY_ATTEMPTS', fields: { retryAfterSeconds: 15 } } },
    });
    expect(await from('tab-b')).toMatchObject({ status: 401, json: { error: { code: 'BAD_CREDENTIALS' } } });
  });
});

/** A whole request on a raw TCP socket: the request target goes out exactly as written (no client tidies it). */
async function raw(
  target: string,
  headers: Record<string, string>,
  body = '{}',
  sendBytes?: number,
  method = 'POST',
) {
  const bytes = Buffer.from(body);
  const r = await partialRequest(origin, method, target, headers, bytes, sendBytes ?? bytes.length);
  try {
    return await r.answer;
  } finally {
    r.close();
  }
}

describe('the HTTP transport checks what a request reaches, not how its path is spelled', () => {
  const login = JSON.stringify({ username: 'zhangli', password: 'demo1234', requestId: randomUUID() });
  const spellings = () => [
    '/%61pi/auth.login',
    '/%61%70%69/auth.login',
    '/api/auth%2Elogin',
    '/%2561pi/auth.login',
    `${origin}/api/auth.login`,
    `${origin.toUpperCase()}/%61pi/auth.login`,
    '//api/auth.login',
    '/api//auth.login',
    '/./api/auth.login',
    '/x/../api/auth.login',
    '/assets/..%2Fapi/auth.login',
    '/api%5Cauth.login',
    '/API/auth.login',
    '/Api/auth.login',
  ];
  const code = (a: RawAnswer) => (a.body as Json)?.error?.code;

  it('the plain path answers with the token from the served origin (the control)', async () => {
    const a = await raw('/api/auth.login', { ...auth, origin }, login);
    expect(a.status).toBe(200);
  });

  it('refuses every other spelling without the token (401), from a foreign origin (403), and never runs the operation', async () => {
    for (const target of spellings()) {
      const noToken = await raw(target, { origin }, login);
      expect([target, noToken.status, code(noToken)]).toEqual([target, 401, 'UNAUTHORIZED']);
      const foreign = await raw(target, { ...auth, origin: 'http://evil.example' }, login);
      expect([target, foreign.status, code(foreign)]).toEqual([target, 403, 'FORBIDDEN_ORIGIN']);
      const allowed = await raw(target, { ...auth, origin }, login);
      expect([target, allowed.status, code(allowed)]).toEqual([target, 400, 'MALFORMED_REQUEST']);
    }
  });

  it('serves the UI’s files without the token, but no spelling of the API falls through to them', async () => {
    const page = await raw('/', {}, '', 0, 'GET');
    expect([page.status, page.body]).toEqual([200, '<p>counter page</p>']);
    for (const target of ['/API/auth.login', '/%61pi/auth.login', '//api/auth.login', '/x/../api/x']) {
      const a = await raw(target, {}, '', 0, 'GET');
      expect([target, a.status, code(a)]).toEqual([target, 401, 'UNAUTHORIZED']);
    }
  });

  it('refuses an absolute-form target naming another host, even with the token', async () => {
    for (const target of ['http://anything/api/auth.login', 'http://evil.example/%61pi/auth.login']) {
      const a = await raw(target, { ...auth, origin }, login);
      expect([target, a.status, code(a)]).toEqual([target, 403, 'FORBIDDEN_ORIGIN']);
    }
  });

  it('answers a body over 10 MB with 413 REQUEST_TOO_LARGE and a Chinese message (after the token check)', async () => {
    const big = JSON.stringify({ username: 'x'.repeat(10 * 1024 * 1024), password: 'demo1234' });
    const a = await raw('/api/auth.login', { ...auth, origin }, big, 64);
    expect(a.status).toBe(413);
    expect(a.body).toMatchObject({
      ok: false,
      error: { code: 'REQUEST_TOO_LARGE', message: expect.stringMatching(/过大/) },
    });
    const noToken = await raw('/%61pi/auth.login', {}, big, 64);
    expect(noToken.status).toBe(401);
  });
});
