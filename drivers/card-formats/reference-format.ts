/** The GasDesk reference card format (docs/card-format.md). Runtime: Node. */
import {
  AREA,
  ATR,
  decodeCard,
  encodeHeader,
  encodePurchase,
  ISSUED_MARK,
  MAGIC,
} from '../../core/card/gas-card';
import { DEFAULT_PSC } from '../card-reader/sle4442';
import type { CardFormat } from './card-format';
import { failpoint } from '../failpoint';

export const referenceFormat: CardFormat = {
  id: 'gasdesk-ref-v1',
  name: 'GasDesk 参考卡格式 v1',

  detect(image) {
    if (ATR.some((b, i) => image[i] !== b)) return false;
    const blankHeader = image.subarray(AREA.header.start, AREA.header.start + 4).every((b) => b === 0xff);
    return (
      blankHeader || (image[AREA.header.start] === MAGIC[0] && image[AREA.header.start + 1] === MAGIC[1])
    );
  },

  async read(reader) {
    await reader.powerOn();
    const image = await reader.readImage();
    const triesLeft = await reader.triesLeft();
    return { image, record: decodeCard(image), triesLeft };
  },

  async issue(reader, header, keys, opts = {}) {
    await reader.powerOn();
    await reader.verifyPsc(opts.transportPsc ?? Uint8Array.from(DEFAULT_PSC));
    const bytes = encodeHeader(header);
    await reader.updateMain(AREA.header.start, bytes);
    // The header never changes again: burn its protection bits (compare-and-protect).
    await reader.writeProtection(AREA.header.start, bytes);
    await reader.changePsc(keys.pscFor(header.cardNo));
    // Still verified after the change: mark the card as carrying its own PSC, so an interrupted issue can tell.
    await reader.updateMain(AREA.issued.start, Uint8Array.of(ISSUED_MARK));
  },

  async writePurchase(reader, cardNo, purchase, keys, opts = {}) {
    await reader.powerOn();
    await reader.verifyPsc(keys.pscFor(cardNo), { allowLastTry: opts.allowLastTry });
    const bytes = encodePurchase(purchase);
    await reader.updateMain(AREA.primary.start, bytes);
    failpoint('card:primary-written');
    await reader.updateMain(AREA.backup.start, bytes);
  },

  async makeToolCard(reader, kind, cardNo, region, keys) {
    await this.issue(reader, { kind, region, cardNo, accountNo: '' }, keys);
  },
};

/** The registry of formats; the reference format first. Other makers' formats are added here. */
export const CARD_FORMATS: readonly CardFormat[] = [referenceFormat];

export function formatFor(image: Uint8Array): CardFormat | undefined {
  return CARD_FORMATS.find((f) => f.detect(image));
}
