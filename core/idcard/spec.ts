/**
 * How a resident-ID reader is named, on `gasdesk serve --idcard` and in the settings:
 * `idcard:LIBRARY_PATH[:PORT]` — the maker's termb library and its port (1–16 serial, 1001–1016 USB; 1001 when
 * left out). A Windows path keeps its drive colon: only a trailing `:digits` is the port. Runtime: any.
 */
export const DEFAULT_IDCARD_PORT = 1001;

export function parseIdCardSpec(spec: string): { library: string; port: number } | null {
  const m = /^idcard:(.+?)(?::(\d{1,4}))?$/.exec(spec.trim());
  if (!m || m[1]!.trim() === '') return null;
  const port = m[2] ? Number(m[2]) : DEFAULT_IDCARD_PORT;
  if (!((port >= 1 && port <= 16) || (port >= 1001 && port <= 1016))) return null;
  return { library: m[1]!, port };
}
