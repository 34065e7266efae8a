/**
 * Pull pages (and so a bootstrap, which is pulled page by page) travel gzipped to a counter that asks for it:
 * the same bytes once unpacked, a fraction of them on the wire; a client that does not ask gets them as they are.
 * The counter's own client asks, and reads the page as before. Many pulling at once are all answered.
 */
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, PULL_PAGES_AT_ONCE } from '../../server/routes/counter-routes';
import { enrollDevice } from '../sim/bench-push';
import {
  freshPostgres,
  publishDemoCatalogue,
  startHeadOffice,
  type TestHeadOffice,
} from '../support/head-office';
import { signedHeaders } from '../support/signed';

type Device = Awaited<ReturnType<typeof enrollDevice>>;

/** A signed GET, its raw bytes as they came over the socket (no decoding). */
function rawGet(ho: TestHeadOffice, dev: Device, path: string, acceptEncoding?: string) {
  const headers = signedHeaders(dev, 'GET', path, '');
  if (acceptEncoding) headers['accept-encoding'] = acceptEncoding;
  return new Promise<{ status: number; encoding?: string; bytes: Buffer }>((resolve, reject) => {
    request(`${ho.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: res.headers['content-encoding'],
          bytes: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('pull pages over the wire', () => {
  let ho: TestHeadOffice;
  let pg: Awaited<ReturnType<typeof freshPostgres>>;
  let dev: Device;

  beforeAll(async () => {
    pg = await freshPostgres();
    ho = await startHeadOffice(pg ? { url: pg.url } : {});
    dev = await enrollDevice(ho, '0101', '01');
    await publishDemoCatalogue(ho);
  });
  afterAll(async () => {
    await ho.close();
    await pg?.drop();
  });

  it('go gzipped when the counter asks, the same page once unpacked, and as they are otherwise', async () => {
    const plain = await rawGet(ho, dev, '/v1/pull?cursor=0');
    const zipped = await rawGet(ho, dev, '/v1/pull?cursor=0', 'gzip, deflate');
    expect(plain).toMatchObject({ status: 200, encoding: undefined });
    expect(zipped).toMatchObject({ status: 200, encoding: 'gzip' });
    const page = JSON.parse(plain.bytes.toString('utf8'));
    expect(page.entries.length).toBeGreaterThan(0);
    expect(gunzipSync(zipped.bytes).equals(plain.bytes)).toBe(true);
    console.log(`pull page: ${plain.bytes.length} bytes, ${zipped.bytes.length} gzipped`);
    expect(zipped.bytes.length * 3).toBeLessThan(plain.bytes.length);
    // gzip refused with q=0 is not sent.
    expect((await rawGet(ho, dev, '/v1/pull?cursor=0', 'gzip;q=0, identity')).encoding).toBeUndefined();
  });

  it('are read by the counter’s own client, which asks for gzip', async () => {
    const reply = await dev.client.requestText('GET', '/v1/pull?cursor=0');
    const plain = await rawGet(ho, dev, '/v1/pull?cursor=0');
    expect(reply.body).toBe(plain.bytes.toString('utf8'));
  });

  it('answer every one of many counters pulling at once (read a few at a time, the rest waiting their turn)', async () => {
    const plain = (await rawGet(ho, dev, '/v1/pull?cursor=0')).bytes;
    const all = await Promise.all(
      Array.from({ length: 3 * PULL_PAGES_AT_ONCE }, () => rawGet(ho, dev, '/v1/pull?cursor=0', 'gzip')),
    );
    for (const r of all) {
      expect(r.status).toBe(200);
      expect(gunzipSync(r.bytes).equals(plain)).toBe(true);
    }
  });

  it('reads Accept-Encoding as HTTP means it', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('br, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('x-gzip')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('deflate, br')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
