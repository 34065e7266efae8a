/**
 * The counter application's state, built once per process: database, clocks, ids, ledger, sessions.
 * Runtime: Node.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_TIME_ZONE } from '../core/business-day';
import { HybridClock } from '../core/hlc';
import { type RandomBytes, uuidv7, webRandomBytes } from '../core/ids';

/** How far its last stamp may run ahead of the ledger's clock before the HLC starts again from it (core/hlc.ts). */
const HLC_MAX_LEAD_MS = 60_000;
import { type GasDb, getCounter, getSyncState, Ledger, openDatabase } from '../db';
import { SessionStore } from './auth/sessions';
import { restrictBackups } from './backup/backups';
import { type DataLock, lockDataDir } from './data-lock';
import type { CardStation } from './cards/card-station';
import { fileKeyProtector, type KeyProtector } from './cards/key-vault';
import type { CardWritePort } from './sales/card-write-port';
import { changesSoFar, currentRequest, recordIfChanged, recordOnAudit } from './requests/request-log';

export interface Clock {
  nowMs(): number;
}
export const systemClock: Clock = { nowMs: () => Date.now() };

export interface AppOptions {
  readonly dataDir: string;
  readonly clock?: Clock;
  readonly random?: RandomBytes;
  readonly version?: string;
  /** Seals secrets at rest (the desktop shell passes one backed by the OS keychain); default: a key file. */
  readonly keyProtector?: KeyProtector;
  /** better-sqlite3 built for another ABI (Electron's), kept apart from the Node build the tests use. */
  readonly sqliteBinding?: string;
  /** The only folder a `file:` printer may write in; default: `prints` in the data folder. */
  readonly printDir?: string;
  /** Writes paid gas sales onto IC cards (P3); without one a sale stays pending_card_write. */
  readonly cardWriter?: CardWritePort;
}

export class App {
  readonly gdb: GasDb;
  readonly clock: Clock;
  readonly sessions: SessionStore;
  readonly version: string;
  /** The counter's data folder (database, sealed keys, backups). */
  readonly dataDir: string;
  /** When this process opened the counter (ISO): operations older than this cannot be in flight. */
  readonly startedAt: string;
  /** The card writer, when a reader is plugged in (may be set after start-up). */
  cardWriter: CardWritePort | undefined;
  /** The counter's card reader station (P3), when one is configured; see services/cards/attach.ts. */
  cardStation: CardStation | undefined;
  /** Seals the card master key, the receipt key and device credentials at rest. */
  readonly keyProtector: KeyProtector;
  /** The only folder a `file:` printer may write in (services/printing/printer-station.ts). */
  readonly printDir: string;
  private readonly random: RandomBytes;
  private ledgerInstance: Ledger | undefined;
  private counterInfo: ReturnType<typeof getCounter>;
  private hlc: HybridClock | undefined;
  private clockOffsetMs = 0;

  private readonly lock: DataLock;

  constructor(opts: AppOptions) {
    mkdirSync(opts.dataDir, { recursive: true });
    this.lock = lockDataDir(opts.dataDir);
    try {
      restrictBackups(opts.dataDir);
      this.gdb = openDatabase(join(opts.dataDir, 'gasdesk.sqlite'), { nativeBinding: opts.sqliteBinding });
    } catch (e) {
      this.lock.release();
      throw e;
    }
    this.clock = opts.clock ?? systemClock;
    this.random = opts.random ?? webRandomBytes;
    this.version = opts.version ?? '0.1.0';
    this.sessions = new SessionStore(this.clock);
    this.dataDir = opts.dataDir;
    this.startedAt = new Date(this.clock.nowMs()).toISOString();
    this.cardWriter = opts.cardWriter;
    this.keyProtector = opts.keyProtector ?? fileKeyProtector(opts.dataDir);
    this.printDir = resolve(opts.printDir ?? join(opts.dataDir, 'prints'));
  }

  get db() {
    return this.gdb.db;
  }

  nowIso(): string {
    return new Date(this.clock.nowMs()).toISOString();
  }

  newId(): string {
    return uuidv7(this.clock.nowMs(), this.random);
  }

  randomBytes(n: number): Uint8Array {
    return this.random(n);
  }

  /** This counter's identity; read once — only enrollment changes it (its zone), and says so (counterChanged). */
  counter() {
    this.counterInfo ??= getCounter(this.db);
    return this.counterInfo;
  }

  /** Forgets the identity read, after a transaction that changed it has committed. */
  counterChanged(): void {
    this.counterInfo = undefined;
  }

  /**
   * The IANA zone of the business day (core/business-day.ts): the hall's, as head office answered it at
   * enrollment, until then the one given at setup. Every business-day computation of the counter uses it —
   * never the process's own zone.
   */
  timeZone(): string {
    return this.counter()?.timeZone ?? DEFAULT_TIME_ZONE;
  }

  /** The ledger exists once the counter has an identity (after first-run setup). */
  ledger(): Ledger {
    if (this.ledgerInstance) return this.ledgerInstance;
    const c = this.counter();
    if (!c) throw new Error('ledger requested before the counter was set up');
    const last = this.gdb.sqlite.prepare('SELECT hlc FROM outbox ORDER BY seq DESC LIMIT 1').get() as
      | { hlc: string }
      | undefined;
    this.clockOffsetMs = getSyncState(this.gdb.sqlite)?.clockOffsetMs ?? 0;
    this.hlc = new HybridClock(c.counterId.slice(-12), () => this.ledgerNowMs(), last?.hlc, HLC_MAX_LEAD_MS);
    const hlc = this.hlc;
    this.ledgerInstance = new Ledger(this.gdb.sqlite, {
      counterId: c.counterId,
      newId: () => this.newId(),
      hlc: () => hlc.now(),
      nowIso: () => new Date(this.ledgerNowMs()).toISOString(),
      onAudit: (entry) => recordOnAudit(this.gdb.sqlite, entry),
    });
    return this.ledgerInstance;
  }

  /**
   * The time the ledger stamps its operations with (their HLC and creation time): head office's clock as this
   * counter knows it — its own wall clock corrected by the offset learned at the last sync. Head office refuses
   * an operation stamped after the request that carries it (docs/sync-protocol.md), so a counter whose clock is
   * fast keeps working and, once it has talked to head office, writes operations head office believes.
   */
  ledgerNowMs(): number {
    return this.clock.nowMs() - this.clockOffsetMs;
  }

  /** The offset (this counter's clock minus head office's) a sync learned, for the ledger's stamps. */
  noteClockOffset(ms: number): void {
    this.clockOffsetMs = ms;
  }

  /** A fresh hybrid-logical-clock timestamp (the ledger's clock). */
  tick(): string {
    this.ledger();
    return this.hlc!.now();
  }

  /**
   * One business operation = one immediate SQLite transaction (with its outbox row and audit entry, and the
   * record of the request that made it: services/requests/request-log.ts).
   */
  transaction<T>(fn: () => T): T {
    const request = currentRequest();
    if (!request || request.recorded) return this.gdb.sqlite.transaction(fn).immediate();
    const sqlite = this.gdb.sqlite;
    try {
      return sqlite
        .transaction(() => {
          const before = changesSoFar(sqlite);
          const out = fn();
          recordIfChanged(sqlite, before, this.nowIso());
          return out;
        })
        .immediate();
    } catch (e) {
      // Rolled back: so is the request's record, if this transaction wrote it.
      request.recorded = false;
      throw e;
    }
  }

  close(): void {
    this.gdb.close();
    this.lock.release();
  }
}
