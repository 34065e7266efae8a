/**
 * A meter maker's card library joined to the card station (`maker:MANIFEST_PATH`): the shared reader suite —
 * issue, sell, read back, replace, and the tear cases — over the worked manifest and its library's test double
 * (built here with cc), through the same journal and two-phase write as every other transport.
 */
import { describe } from 'vitest';
import { makerRig } from '../support/reader-rig';
import { readerSuite } from '../support/reader-suite';

describe('maker card library (demo manifest, stub library)', () =>
  readerSuite(makerRig, { layout: 'maker' }));
