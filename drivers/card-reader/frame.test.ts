import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bcc, encodeFrame, FrameDecoder } from './frame';
import { ETX, STX } from './protocol';

const frameArb = fc.record({
  head: fc.integer({ min: 0, max: 255 }),
  data: fc.uint8Array({ maxLength: 300 }),
});

/** Splits bytes at random places into chunks. */
function chunks(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let last = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.subarray(last, p));
    last = p;
  }
  return out;
}

describe('reference frame codec', () => {
  it('encodes the documented layout', () => {
    expect([...encodeFrame(0x20, [0x00, 0x10])]).toEqual([
      STX,
      0x00,
      0x03,
      0x20,
      0x00,
      0x10,
      0x00 ^ 0x03 ^ 0x20 ^ 0x00 ^ 0x10,
      ETX,
    ]);
  });

  it('decode(encode(x)) = x, however the bytes are split or merged', () => {
    fc.assert(
      fc.property(
        fc.array(frameArb, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (frames, cuts) => {
          const all = Uint8Array.from(frames.flatMap((f) => [...encodeFrame(f.head, f.data)]));
          const d = new FrameDecoder();
          const got = chunks(all, cuts).flatMap((c) => d.push(c));
          expect(got).toEqual(
            frames.map((f) => ({ type: 'frame', frame: { head: f.head, data: Uint8Array.from(f.data) } })),
          );
        },
      ),
    );
  });

  it('detects every single-byte corruption of a frame and resynchronises on the next one', () => {
    fc.assert(
      fc.property(frameArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (f, at, mask) => {
        const bad = encodeFrame(f.head, f.data);
        const i = at % bad.length;
        bad[i]! ^= mask;
        const good = encodeFrame(0x31, [1, 2, 3]);
        const d = new FrameDecoder();
        const events = d.push(Uint8Array.from([...bad, ...good]));
        // A corrupted length can leave the decoder waiting for bytes that never come: the inter-byte timeout.
        while (d.pending > 0) events.push(...d.expire());
        const frames = events.filter((e) => e.type === 'frame');
        // The corrupted frame never decodes; the good one after it always comes through.
        expect(frames).toHaveLength(1);
        expect(frames[0]).toEqual({ type: 'frame', frame: { head: 0x31, data: Uint8Array.from([1, 2, 3]) } });
      }),
    );
  });

  it('finds the next frame inside one whose corrupted length swallowed it and happened to end on an ETX', () => {
    // The property below found it (seed -374916200): frame 0 [0, 0] with its length 3 corrupted to 10 takes 15
    // bytes, the next frame's data byte 3 (= ETX) lands last, and the BCC fails.
    const bad = encodeFrame(0, [0, 0]);
    bad[2]! ^= 9;
    const d = new FrameDecoder();
    const events = d.push(Uint8Array.from([...bad, ...encodeFrame(0x31, [1, 2, 3])]));
    expect(events).toEqual([
      { type: 'error', reason: 'bcc' },
      { type: 'frame', frame: { head: 0x31, data: Uint8Array.from([1, 2, 3]) } },
    ]);
  });

  it('skips noise before STX and reports a bad BCC or a missing ETX', () => {
    const d = new FrameDecoder();
    const good = encodeFrame(0x10);
    const badBcc = encodeFrame(0x10);
    badBcc[badBcc.length - 2]! ^= 1;
    const noEtx = encodeFrame(0x10);
    noEtx[noEtx.length - 1] = 0x00;
    expect(d.push(Uint8Array.from([0xff, 0x55, 0x00, ...good]))).toEqual([
      { type: 'frame', frame: { head: 0x10, data: new Uint8Array() } },
    ]);
    expect(d.push(badBcc)).toEqual([{ type: 'error', reason: 'bcc' }]);
    expect(d.push(Uint8Array.from([...noEtx, ...good])).map((e) => e.type)).toEqual(['error', 'frame']);
  });

  it('never throws and never grows without bound on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 700 }), { maxLength: 30 }), (inputs) => {
        const d = new FrameDecoder();
        for (const input of inputs) {
          for (const ev of d.push(input)) {
            if (ev.type === 'frame')
              expect(bcc(encodeFrame(ev.frame.head, ev.frame.data), 1, ev.frame.data.length + 4)).toBeTypeOf(
                'number',
              );
          }
          expect(d.pending).toBeLessThanOrEqual(520);
        }
      }),
      { numRuns: 300 },
    );
  });
});
