/**
 * The counter's files on disk are its owner's alone: the database, its WAL and SHM, backups, key files and
 * their folders: 0600 files and 0700 folders on Linux and macOS; on Windows an ACL granting only the current
 * user, set with `icacls`. Runtime: Node.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';

/** The icacls arguments that leave `path` to `user` alone (no inherited entries; folders pass it on). */
export function ownerOnlyAclArgs(path: string, user: string, folder: boolean): string[] {
  return [path, '/inheritance:r', '/grant:r', `${user}:${folder ? '(OI)(CI)F' : 'F'}`];
}

function windowsUser(): string {
  const user = process.env.USERNAME;
  if (!user) throw new Error('USERNAME is not set: cannot restrict the counter files to the current user');
  return process.env.USERDOMAIN ? `${process.env.USERDOMAIN}\\${user}` : user;
}

function restrict(path: string, folder: boolean): void {
  if (process.platform === 'win32')
    execFileSync('icacls', ownerOnlyAclArgs(path, windowsUser(), folder), {
      stdio: 'ignore',
      windowsHide: true,
    });
  else chmodSync(path, folder ? 0o700 : 0o600);
}

/** Makes `dir` (if missing) and leaves it to its owner alone. */
export function ownerOnlyDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  restrict(dir, true);
}

/** Leaves each of `files` that exists to its owner alone. */
export function ownerOnlyFiles(...files: string[]): void {
  for (const f of files) if (existsSync(f)) restrict(f, false);
}
