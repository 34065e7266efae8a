/** Test support: runs a writer child process and kills it with SIGKILL once it acknowledged enough operations. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');

/**
 * Starts `node --import tsx <script> ...args`; every stdout line is an acknowledgement (space-separated fields);
 * after `acks` of them the child is killed with SIGKILL mid-burst. Resolves with the acknowledged lines' fields.
 */
export function burstAndKill(script: string, args: string[], acks: number): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], { cwd: ROOT });
    const seen: string[][] = [];
    let buf = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) seen.push(l.split(' ').slice(1));
      if (seen.length >= acks && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(seen)
        : reject(new Error(`writer exited without being killed: ${signal} ${err}`)),
    );
    child.on('error', reject);
  });
}
