/**
 * What an HTTP request target names, whatever its spelling. Routers decode percent-encoding, take the path out
 * of an absolute-form target (`http://host/api/x`) and may merge slashes or resolve dot segments; a check that
 * looks at the raw string sees something else than the route that runs. So the transport decides on the name
 * read here: every spelling that could reach an operation is read as the operation's path. Runtime: any.
 */

export interface RequestTarget {
  /** The authority of an absolute-form target (`http://host:port/path`), lower case; null for `/path`. */
  readonly authority: string | null;
  /**
   * The path, read as widely as any router might: percent-encoding decoded until nothing changes, `\` taken
   * as `/`, empty and `.` segments dropped, `..` resolved, lower case. Only for deciding what is asked for.
   */
  readonly path: string;
  /** True when the raw target is already that path in its plain spelling (only the case may differ). */
  readonly plain: boolean;
}

const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)(.*)$/;

function decodeAll(s: string): string {
  for (let i = 0; i < 8; i++) {
    const next = s.replace(/%([0-9A-Fa-f]{2})/g, (_m, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
    if (next === s) return s;
    s = next;
  }
  return s;
}

function resolveSegments(path: string): string {
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

export function readTarget(raw: string): RequestTarget {
  const end = raw.search(/[?#]/);
  let rawPath = end < 0 ? raw : raw.slice(0, end);
  let authority: string | null = null;
  const abs = ABSOLUTE.exec(raw);
  if (abs) {
    authority = abs[1]!.toLowerCase();
    const rest = abs[2]!;
    const restEnd = rest.search(/[?#]/);
    rawPath = restEnd < 0 ? rest : rest.slice(0, restEnd);
  }
  const resolved = resolveSegments(decodeAll(rawPath));
  return { authority, path: resolved.toLowerCase(), plain: authority === null && rawPath === resolved };
}

/** Whether a target read by readTarget names the API (`/api` or anything under it). */
export function namesApi(target: RequestTarget): boolean {
  return target.path === '/api' || target.path.startsWith('/api/');
}
