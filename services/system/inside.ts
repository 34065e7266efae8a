/**
 * Path containment: is this path inside that folder, by path and not by string prefix (`a/dist` does not
 * contain `a/dist-evil`), with `..` and symbolic links resolved where it matters. Runtime: Node.
 */
import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** True when `child` is `parent` or lies under it, by path alone (`a/dist` does not contain `a/dist-evil`). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(resolve(parent), resolve(child));
  return rel === '' || (rel.split(sep)[0] !== '..' && !isAbsolute(rel));
}

function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where `path` really leads, symlinks resolved (a dangling one too): its real path, or its nearest existing
 * ancestor's with the rest appended.
 */
export function realPathOf(path: string, depth = 0): string {
  const abs = resolve(path);
  if (depth > 40) throw new Error(`too many symbolic links at ${abs}`);
  const parent = dirname(abs);
  if (!lexists(abs)) return parent === abs ? abs : join(realPathOf(parent, depth), basename(abs));
  if (lstatSync(abs).isSymbolicLink() && !existsSync(abs))
    return realPathOf(resolve(realPathOf(parent, depth), readlinkSync(abs)), depth + 1);
  return realpathSync(abs);
}
