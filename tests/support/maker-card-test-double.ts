/**
 * The worked maker manifest (tests/fixtures/maker/demo-maker.json) with its library, a test double built here
 * with the system C compiler, and the "card in the maker's reader" it reads: one line of a state file.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/maker/', import.meta.url));

export interface DemoCard {
  cardNo: string;
  accountNo: string;
  region: number;
  generation: number;
  count: number;
  /** In the maker's unit (0.1 m³), as the library stores it. */
  volume: number;
  cumulative: number;
  remaining: number;
  used: number;
  /** The meter that last read the card ('-' or absent: none). */
  meterNo?: string;
  /** The meter's clock when it read the card, YYYYMMDDhhmmss ('-' or absent: none). */
  readAt?: string;
  /** The purchase count the meter last loaded. */
  loaded?: number;
  /** The maker's alarm bits (demo-maker-card.c). */
  status?: number;
  /** The maker's card kind: 1 user, 16 clear, 17 check, 18 set-up. */
  makerKind?: number;
}

export interface MakerTestDouble {
  /** The manifest, copied beside the built library (its relative `library` resolves there). */
  readonly manifest: string;
  readonly library: string;
  /** A blank card in the reader. */
  blank(): void;
  put(card: DemoCard): void;
  absent(): void;
  hang(): void;
  /** The card in the slot tears on the next purchase write or clear (demo-maker-card.c says how). */
  tearNextWrite(how: 'pull-before-write' | 'tear-unwritten' | 'tear-written'): void;
  /** The card that left the slot put back as it is. */
  reinsert(): void;
  /** The card as the library stored it. */
  card(): DemoCard | null;
}

export function buildMakerTestDouble(dir: string): MakerTestDouble {
  const library = join(dir, 'libdemo-maker-card.so');
  execFileSync('cc', ['-shared', '-fPIC', '-O1', '-o', library, join(FIXTURES, 'demo-maker-card.c')]);
  const manifest = join(dir, 'demo-maker.json');
  copyFileSync(join(FIXTURES, 'demo-maker.json'), manifest);
  const state = join(dir, 'demo-maker-card.state');
  process.env.DEMO_MAKER_CARD_STATE = state;
  const write = (line: string) => writeFileSync(state, `${line}\n`);
  const slot = (word: string) => write(readFileSync(state, 'utf8').trim().replace(/^\S+/, word));
  const t: MakerTestDouble = {
    manifest,
    library,
    blank: () => write('present - - 0 0 0 0 0 0 0'),
    put: (c) =>
      write(
        `present ${c.cardNo} ${c.accountNo} ${c.region} ${c.generation} ${c.count} ${c.volume} ${c.cumulative} ${c.remaining} ${c.used} ${c.meterNo ?? '-'} ${c.readAt ?? '-'} ${c.loaded ?? 0} ${c.status ?? 0} ${c.makerKind ?? 1}`,
      ),
    absent: () => write('absent - - 0 0 0 0 0 0 0'),
    hang: () => write('hang - - 0 0 0 0 0 0 0'),
    tearNextWrite: (how) => slot(how),
    reinsert: () => slot('present'),
    card: () => {
      const f = readFileSync(state, 'utf8').trim().split(/\s+/);
      if (f[0] === 'absent' || f[0] === 'hang') return null;
      const n = f.slice(3, 10).map(Number);
      return {
        meterNo: f[10] ?? '-',
        readAt: f[11] ?? '-',
        loaded: Number(f[12] ?? 0),
        status: Number(f[13] ?? 0),
        makerKind: Number(f[14] ?? 1),
        cardNo: f[1]!,
        accountNo: f[2]!,
        region: n[0]!,
        generation: n[1]!,
        count: n[2]!,
        volume: n[3]!,
        cumulative: n[4]!,
        remaining: n[5]!,
        used: n[6]!,
      };
    },
  };
  t.blank();
  return t;
}
