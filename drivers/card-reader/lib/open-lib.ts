/** Opens a reader through its maker's library (`lib:mwic:…`, `lib:dcrf:…`). Runtime: Node. */
import type { LibMaker } from '../reader-spec';
import type { ReaderOptions, Sle4442Reader } from '../sle4442-reader';
import { openDcrf } from './dcrf-reader';
import { openMwic } from './mwic-reader';

export async function openLibReader(
  maker: LibMaker,
  libraryPath: string,
  port: number,
  opts: ReaderOptions,
): Promise<Sle4442Reader> {
  return maker === 'mwic' ? openMwic(libraryPath, port, opts) : openDcrf(libraryPath, port, opts);
}
