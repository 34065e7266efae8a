/** Test support: head office's pino log, captured as parsed JSON lines (pass it as `logger: { stream }`). */
import { Writable } from 'node:stream';
import type { Json } from './json';

export class LogLines extends Writable {
  readonly lines: Json[] = [];
  private partial = '';
  private readonly waiting = new Set<() => void>();

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    const parts = (this.partial + chunk.toString('utf8')).split('\n');
    this.partial = parts.pop() ?? '';
    for (const p of parts) if (p.trim()) this.lines.push(JSON.parse(p));
    for (const w of this.waiting) w();
    done();
  }

  /** The first line from index `from` on that matches, as soon as it is written. */
  waitFor(match: (line: Json) => boolean, from = 0): Promise<Json> {
    return new Promise((resolve) => {
      const look = () => {
        const hit = this.lines.slice(from).find(match);
        if (hit === undefined) return false;
        this.waiting.delete(check);
        resolve(hit);
        return true;
      };
      const check = () => void look();
      if (!look()) this.waiting.add(check);
    });
  }
}
