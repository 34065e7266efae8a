/** The GasDesk reference card format (docs/card-format.md). Runtime: Node. */
import {
  AREA,
  ATR,
  decodeCard,
  encodeHeader,
  encodePurchase,
  ISSUED_MARK,
  MAGIC,
  PSC_CHANGING_MARK,
  USED_BYTES,
} from '../../core/card/gas-card';
import { TOOL_CARD_KINDS } from '../../core/card/maker-errors';
import { DEFAULT_PSC } from '../card-reader/sle4442';
import { ReaderError } from '../card-reader/reader-error';
import type { Sle4442Reader } from '../card-reader/sle4442-reader';
import type { CardFormat } from './card-format';
import { failpoint } from '../failpoint';

/** Unchanged bytes between two changed ones are written anyway when that costs less than another request. */
const MERGE_GAP = 6;

/** The runs of bytes that differ between what an area holds and what it must hold, in address order. */
export function changedSpans(now: Uint8Array, next: Uint8Array): { at: number; bytes: Uint8Array }[] {
  const spans: { from: number; to: number }[] = [];
  for (let i = 0; i < next.length; i++) {
    if (now[i] === next[i]) continue;
    const last = spans.at(-1);
    if (last && i - last.to <= MERGE_GAP) last.to = i + 1;
    else spans.push({ from: i, to: i + 1 });
  }
  return spans.map((s) => ({ at: s.from, bytes: next.subarray(s.from, s.to) }));
}

/** Writes an area as the diff from what it holds (each span read back by the reader); the CRC span is last. */
async function writeArea(reader: Sle4442Reader, start: number, now: Uint8Array, next: Uint8Array) {
  for (const s of changedSpans(now, next)) await reader.updateMain(start + s.at, s.bytes);
}

const area = (img: Uint8Array, a: { start: number; length: number }) =>
  img.slice(a.start, a.start + a.length);

async function readUsed(reader: Sle4442Reader): Promise<Uint8Array> {
  const atr = await reader.powerOn();
  const image = new Uint8Array(USED_BYTES);
  image.set(atr.subarray(0, 4), 0);
  if (ATR.some((b, i) => image[i] !== b)) return image; // not ours: nothing more to read
  image.set(await reader.readMain(4, USED_BYTES - 4), 4);
  return image;
}

const isPscWrong = (e: unknown) => e instanceof ReaderError && e.code === 'PSC_WRONG';

export const referenceFormat: CardFormat = {
  id: 'gasdesk-ref-v1',
  name: 'GasDesk 参考卡格式 v1',

  detect(image) {
    if (ATR.some((b, i) => image[i] !== b)) return false;
    const head = image.subarray(AREA.header.start, AREA.header.start + 2);
    return head.every((b) => b === 0xff) || (head[0] === MAGIC[0] && head[1] === MAGIC[1]);
  },

  async read(reader, opts = {}) {
    const image = await readUsed(reader);
    const triesLeft = opts.triesLeft === false ? null : await reader.triesLeft();
    return { image, record: decodeCard(image), triesLeft };
  },

  async issue(reader, header, keys, opts = {}) {
    const image = opts.image ?? (await readUsed(reader));
    const rec = decodeCard(image);
    const transport = opts.transportPsc ?? Uint8Array.from(DEFAULT_PSC);
    const onCard = rec.state === 'ok' ? rec.header : null;
    if (rec.state !== 'blank' && !onCard) throw new ReaderError('WRONG_CARD_TYPE');
    if (onCard && rec.state === 'ok' && rec.issue === 'done') return;
    if (onCard && rec.state === 'ok' && rec.issue === 'psc-changing') {
      // The PSC change may or may not have happened: the card's own PSC first, then (once) the transport one.
      try {
        await reader.verifyPsc(keys.pscFor(onCard.cardNo));
      } catch (e) {
        if (!isPscWrong(e)) throw e;
        await reader.verifyPsc(transport);
        await reader.changePsc(keys.pscFor(onCard.cardNo));
      }
      await reader.updateMain(AREA.issued.start, Uint8Array.of(ISSUED_MARK));
      return;
    }
    // No 5A mark: the PSC change never started, the card has its transport PSC.
    await reader.verifyPsc(transport);
    const h = onCard ?? (typeof header === 'function' ? header() : header);
    const bytes = encodeHeader(h);
    if (!onCard) await reader.updateMain(AREA.header.start, bytes);
    // The header never changes again: burn its protection bits (compare-and-protect; again is harmless).
    await reader.writeProtection(AREA.header.start, encodeHeader(h));
    failpoint('card:issue-protected');
    await reader.updateMain(AREA.issued.start, Uint8Array.of(PSC_CHANGING_MARK));
    await reader.changePsc(keys.pscFor(h.cardNo));
    failpoint('card:issue-psc-changed');
    // Still verified after the change: mark the card as carrying its own PSC.
    await reader.updateMain(AREA.issued.start, Uint8Array.of(ISSUED_MARK));
  },

  async writePurchase(reader, cardNo, purchase, keys, opts = {}) {
    const image = opts.image ?? (await readUsed(reader));
    if (!(opts.image && opts.pscVerified))
      await reader.verifyPsc(keys.pscFor(cardNo), { allowLastTry: opts.allowLastTry });
    // Each area is written as the diff from what the card was just read to hold (torn bytes included).
    const primary = area(image, AREA.primary);
    let backup = area(image, AREA.backup);
    const rec = decodeCard(image);
    if (rec.state === 'ok' && rec.torn === 'backup') {
      // A write cut before the backup: finish it, so that one valid area stays whatever happens next.
      await writeArea(reader, AREA.backup.start, backup, primary);
      backup = primary;
    }
    const bytes = encodePurchase(purchase);
    await writeArea(reader, AREA.primary.start, primary, bytes);
    failpoint('card:primary-written');
    await writeArea(reader, AREA.backup.start, backup, bytes);
  },

  toolKinds: () => TOOL_CARD_KINDS,

  async makeToolCard(reader, kind, cardNo, region, keys, opts = {}) {
    await this.issue(reader, { kind, region, cardNo, accountNo: '' }, keys, opts);
  },
};

/** The registry of formats; the reference format first. Other makers' formats are added here. */
export const CARD_FORMATS: readonly CardFormat[] = [referenceFormat];

export function formatFor(image: Uint8Array): CardFormat | undefined {
  return CARD_FORMATS.find((f) => f.detect(image));
}
