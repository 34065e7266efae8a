/** Golden bytes: hex, one printed line (up to LF) per text line, so golden files read and diff well. */
export function goldenHex(bytes: Uint8Array): string {
  return `${Array.from(bytes, (b) => b.toString(16).padStart(2, '0') + (b === 0x0a ? '\n' : '')).join('')}\n`;
}
