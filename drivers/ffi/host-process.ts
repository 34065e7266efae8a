/**
 * The counter's side of a library host — a child process that holds a device maker's library (the ID reader's
 * termb: drivers/idcard/termb-host.ts; a meter maker's card library: drivers/ffi/lib-host.ts). Starts the child
 * on first use, sends it one request at a time, and cuts a call that does not answer within its time by killing
 * the process (SIGKILL): the next request starts a fresh one. From sources (tsx: serve mode, tests) the child
 * runs the TypeScript through tsx; from a bundle it is `<name>.cjs` beside it (out/electron, unpacked from the
 * asar; out/cli). Under Electron, fork runs the child as plain Node. Runtime: Node.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The longest the host process may take to start (load Node, and tsx from sources). */
const START_TIMEOUT_MS = 30_000;

/** The host did not answer in time: it was killed. */
export class HostTimeout extends Error {}
/** The host process ended (crashed in the library, or could not start). */
export class HostGone extends Error {}

export interface HostScript {
  readonly file: string;
  readonly execArgv: string[];
}

/**
 * The host's script: from sources, `source` (a URL of the .ts beside its module); from a bundle, `<name>.cjs`
 * beside the bundle (every host is built flat beside it).
 */
export function hostScript(name: string, source: URL): HostScript {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const tsx = createRequire(here).resolve('tsx/esm');
    return { file: fileURLToPath(source), execArgv: ['--import', tsx] };
  }
  const file = fileURLToPath(new URL(`./${name}.cjs`, here)).replace(
    /([\\/])app\.asar([\\/])/,
    '$1app.asar.unpacked$2',
  );
  return { file, execArgv: [] };
}

export class HostProcess<Req extends object, Reply extends object> {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly script: HostScript) {}

  get running(): boolean {
    return this.child !== null;
  }

  private start(): Promise<void> {
    const { file, execArgv } = this.script;
    const child = fork(file, [], {
      execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    child.once('exit', () => {
      if (this.child === child) {
        this.child = null;
        this.ready = null;
      }
    });
    return new Promise<void>((resolve, reject) => {
      const onMessage = (m: unknown) => {
        if ((m as { ready?: boolean }).ready) {
          child.off('message', onMessage);
          resolve();
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new HostGone(`library host exited (${code}) ${stderr.trim()}`)));
      child.once('error', (e) => reject(new HostGone(String(e))));
    });
  }

  /** Sends one request (after any before it) and waits at most `timeoutMs` for its answer. */
  request(req: Req, timeoutMs: number): Promise<Reply> {
    const run = this.queue.then(() => this.send(req, timeoutMs));
    this.queue = run.catch(() => {});
    return run;
  }

  private async send(req: Req, timeoutMs: number): Promise<Reply> {
    if (!this.ready) this.ready = this.start();
    const child = this.child!;
    // Starting Node is not the library's doing: it has its own, generous time.
    await within(this.ready, START_TIMEOUT_MS, () => this.kill());
    const id = this.nextId++;
    return within(
      new Promise<Reply>((resolve, reject) => {
        const done = () => {
          child.off('message', onMessage);
          child.off('exit', onExit);
        };
        const onMessage = (m: unknown) => {
          if ((m as { id?: number }).id !== id) return;
          done();
          resolve(m as Reply);
        };
        const onExit = (code: number | null, signal: string | null) => {
          done();
          reject(new HostGone(`library host ended (${code ?? signal})`));
        };
        child.on('message', onMessage);
        child.on('exit', onExit);
        child.send({ ...req, id });
      }),
      timeoutMs,
      () => this.kill(),
    );
  }

  /** Ends the host at once (a stuck call cannot be interrupted otherwise). */
  kill(): void {
    const child = this.child;
    this.child = null;
    this.ready = null;
    if (child && child.exitCode === null) child.kill('SIGKILL');
  }
}

function within<T>(p: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        onTimeout();
        reject(new HostTimeout(`no answer within ${ms} ms`));
      }, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
