/**
 * A faulty TCP proxy on 127.0.0.1 between counters and head office (reliability.md: fault injection). It frames
 * HTTP/1.1 requests (Content-Length bodies, as the counter sends them) so that it can, per request and from a
 * seeded random source: refuse the connection, delay it, cut it halfway through the request, deliver it twice
 * (the copy later, on its own connection — out of order with what follows), let head office answer and then
 * lose the answer (the commit happened, the counter never hears of it), or cut the answer halfway. A
 * partition refuses everything until healed.
 */
import net from 'node:net';
import { mulberry32 } from '../../services/setup/fake-households';

export interface Faults {
  /** Probability that a new connection is refused at once. */
  refuse: number;
  /** Extra latency per request, uniformly in [min, max] ms. */
  delayMs: [number, number];
  /** Probability that a request is cut before head office has all of it. */
  cutRequest: number;
  /** Probability that a request is also delivered a second time, later, on another connection. */
  duplicate: number;
  /** Probability that head office's answer is dropped (after it committed) and the connection closed. */
  loseResponse: number;
  /** Probability that the answer is cut after a few bytes. */
  cutResponse: number;
}

export const NO_FAULTS: Faults = {
  refuse: 0,
  delayMs: [0, 0],
  cutRequest: 0,
  duplicate: 0,
  loseResponse: 0,
  cutResponse: 0,
};

export interface ProxyStats {
  connections: number;
  requests: number;
  refused: number;
  cutRequests: number;
  duplicated: number;
  lostResponses: number;
  cutResponses: number;
}

function frame(buf: Buffer): number {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return -1;
  const head = buf.subarray(0, end).toString('latin1');
  const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  const total = end + 4 + (m ? Number(m[1]) : 0);
  return buf.length >= total ? total : -1;
}

export class FaultyProxy {
  faults: Faults = { ...NO_FAULTS };
  readonly stats: ProxyStats = {
    connections: 0,
    requests: 0,
    refused: 0,
    cutRequests: 0,
    duplicated: 0,
    lostResponses: 0,
    cutResponses: 0,
  };
  private partitioned = false;
  private readonly sockets = new Set<net.Socket>();
  private readonly rand: () => number;
  private server!: net.Server;
  port = 0;

  constructor(
    private target: { host: string; port: number },
    seed = 1,
  ) {
    this.rand = mulberry32(seed);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  retarget(port: number): void {
    this.target = { ...this.target, port };
    this.ports = [];
  }

  /** Spreads connections over several head-office instances, round robin. */
  alternate(ports: number[]): void {
    this.ports = ports;
  }

  private ports: number[] = [];

  private pickPort(): number {
    return this.ports.length > 0 ? this.ports[this.stats.connections % this.ports.length]! : this.target.port;
  }

  async start(port = 0): Promise<this> {
    this.server = net.createServer((c) => this.accept(c));
    await new Promise<void>((r) => this.server.listen(port, '127.0.0.1', r));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this;
  }

  /** Network down: every connection is refused and the open ones are cut. */
  partition(on: boolean): void {
    this.partitioned = on;
    if (on) for (const s of this.sockets) s.destroy();
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private track(s: net.Socket): net.Socket {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
    s.on('error', () => {});
    return s;
  }

  private chance(p: number): boolean {
    return p > 0 && this.rand() < p;
  }

  private accept(client: net.Socket): void {
    this.track(client);
    this.stats.connections++;
    if (this.partitioned || this.chance(this.faults.refuse)) {
      this.stats.refused++;
      client.destroy();
      return;
    }
    const upstream = this.track(net.connect(this.pickPort(), this.target.host));
    let pending = Buffer.alloc(0);
    let chain = Promise.resolve();
    let awaiting: 'lose' | 'cut' | null = null;
    const kill = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('data', (d: Buffer) => {
      if (awaiting === 'lose') {
        this.stats.lostResponses++;
        return kill();
      }
      if (awaiting === 'cut') {
        this.stats.cutResponses++;
        client.write(d.subarray(0, Math.min(d.length, 20)));
        return kill();
      }
      client.write(d);
    });
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.on('data', (d: Buffer) => {
      pending = Buffer.concat([pending, d]);
      for (let n = frame(pending); n > 0; n = frame(pending)) {
        const req = pending.subarray(0, n);
        pending = pending.subarray(n);
        chain = chain.then(() => this.forward(req, upstream, kill, (w) => (awaiting = w)));
      }
    });
  }

  private async forward(
    req: Buffer,
    upstream: net.Socket,
    kill: () => void,
    expect: (w: 'lose' | 'cut' | null) => void,
  ) {
    this.stats.requests++;
    const f = this.faults;
    const delay = f.delayMs[0] + this.rand() * (f.delayMs[1] - f.delayMs[0]);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (this.partitioned) return kill();
    if (this.chance(f.cutRequest)) {
      this.stats.cutRequests++;
      upstream.write(req.subarray(0, Math.floor(req.length / 2)));
      return kill();
    }
    if (this.chance(f.duplicate)) {
      this.stats.duplicated++;
      const copy = Buffer.from(req);
      setTimeout(() => this.replay(copy), 50 + this.rand() * 1500);
    }
    expect(this.chance(f.loseResponse) ? 'lose' : this.chance(f.cutResponse) ? 'cut' : null);
    upstream.write(req);
  }

  /** The copy of a request, delivered on its own connection; its answer goes nowhere. */
  private replay(req: Buffer): void {
    if (this.partitioned) return;
    const s = this.track(net.connect(this.pickPort(), this.target.host));
    s.on('data', () => s.end());
    s.write(req);
    setTimeout(() => s.destroy(), 30_000).unref();
  }
}
