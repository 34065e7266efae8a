/**
 * An ESC/POS receipt printer emulator core: bytes in → status replies and receipt models out. The parser
 * keeps its state across chunks; Chinese mode decodes GB18030; DLE EOT is answered at once from settable
 * flags; while the printer cannot print (offline, cover open, paper end) incoming data is buffered and printed
 * when it can again. Runtime: Node.
 */
import { decodeGb18030 } from './gb18030';
import type { Align } from './escpos';
import type { Receipt, ReceiptElement, Segment } from '../../core/receipts/printed';

export interface PrinterFlags {
  offline: boolean;
  coverOpen: boolean;
  paperEnd: boolean;
  paperNearEnd: boolean;
  cutterError: boolean;
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const EC_NAMES = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' } as const;

/** Parameter bytes of the fixed-length commands we accept but do not model. */
const ESC_PARAMS: Record<number, number> = {
  32: 1,
  36: 2,
  51: 1,
  74: 1,
  77: 1,
  82: 1,
  116: 1,
  123: 1,
  50: 0,
  61: 1,
  86: 1,
};
const GS_PARAMS: Record<number, number> = { 66: 1, 76: 2, 87: 2, 102: 1, 98: 1 };

export class PrinterEmulator {
  flags: PrinterFlags = {
    offline: false,
    coverOpen: false,
    paperEnd: false,
    paperNearEnd: false,
    cutterError: false,
  };
  readonly receipts: Receipt[] = [];
  onReceipt: (r: Receipt) => void = () => {};
  /** Every byte received, for golden-byte checks. */
  readonly received: number[] = [];

  private buf: number[] = [];
  private chinese = false;
  private align: Align = 'left';
  private bold = false;
  private underline = false;
  private width = 1;
  private height = 1;
  private segments: Segment[] = [];
  private text: number[] = [];
  private current: Receipt = { elements: [], cut: false, drawerPulses: 0 };
  private qrSize = 3;
  private qrEc: 'L' | 'M' | 'Q' | 'H' = 'L';
  private qrData = '';

  /** Whether the printer can print now. */
  get canPrint(): boolean {
    return !this.flags.offline && !this.flags.coverOpen && !this.flags.paperEnd && !this.flags.cutterError;
  }

  /** Feeds bytes; returns status replies (DLE EOT answers). */
  handle(chunk: ArrayLike<number>): Uint8Array[] {
    const replies: Uint8Array[] = [];
    for (let i = 0; i < chunk.length; i++) {
      this.received.push(chunk[i]!);
      this.buf.push(chunk[i]!);
    }
    // Real-time status requests are answered even when nothing else can be processed.
    for (let i = 0; i + 2 < this.buf.length; i++) {
      if (this.buf[i] === DLE && this.buf[i + 1] === 0x04 && this.buf[i + 2]! >= 1 && this.buf[i + 2]! <= 4) {
        replies.push(Uint8Array.of(this.status(this.buf[i + 2] as 1 | 2 | 3 | 4)));
        this.buf.splice(i, 3);
        i--;
      }
    }
    if (this.canPrint) this.process();
    return replies;
  }

  /** Resumes after a fault is cleared (paper loaded, cover closed, back online). */
  resume(): void {
    if (this.canPrint) this.process();
  }

  /** The status byte for DLE EOT n: 0xx1xx10 with the bits of hardware.md §5. */
  status(n: 1 | 2 | 3 | 4): number {
    const f = this.flags;
    let b = 0b0001_0010;
    if (n === 1 && (f.offline || f.coverOpen || f.paperEnd)) b |= 0x08;
    if (n === 2) {
      if (f.coverOpen) b |= 0x04;
      if (f.paperEnd) b |= 0x20;
      if (f.cutterError || f.coverOpen || f.paperEnd) b |= 0x40;
    }
    if (n === 3 && f.cutterError) b |= 0x08 | 0x40;
    if (n === 4) {
      if (f.paperNearEnd || f.paperEnd) b |= 0x0c;
      if (f.paperEnd) b |= 0x60;
    }
    return b;
  }

  private process() {
    for (;;) {
      const used = this.step();
      if (used === 0) return;
      this.buf.splice(0, used);
      if (!this.canPrint) return;
    }
  }

  /** Interprets one token at the head of the buffer; returns the bytes it used (0 = need more). */
  private step(): number {
    const b = this.buf;
    if (b.length === 0) return 0;
    const c = b[0]!;
    if (c === 0x0a) {
      this.endLine();
      return 1;
    }
    if (c === 0x0d) return 1;
    if (c === ESC) return this.esc();
    if (c === GS) return this.gs();
    if (c === FS) {
      if (b.length < 2) return 0;
      if (b[1] === 0x26) this.chinese = true;
      if (b[1] === 0x2e) this.chinese = false;
      return 2;
    }
    if (c === DLE) return b.length < 3 ? 0 : 3;
    if (c < 0x20) return 1;
    // Text: a GB18030 character in Chinese mode may take 2 (or 4) bytes.
    if (c >= 0x81 && this.chinese) {
      if (b.length < 2) return 0;
      const four = b[1]! >= 0x30 && b[1]! <= 0x39;
      if (four && b.length < 4) return 0;
      const n = four ? 4 : 2;
      this.text.push(...b.slice(0, n));
      return n;
    }
    this.text.push(c >= 0x80 ? 0x3f : c);
    return 1;
  }

  private esc(): number {
    const b = this.buf;
    if (b.length < 2) return 0;
    const cmd = b[1]!;
    const need = (n: number) => (b.length < 2 + n ? 0 : 2 + n);
    switch (cmd) {
      case 0x40:
        this.flushSegment();
        this.reset();
        return 2;
      case 0x61:
        if (!need(1)) return 0;
        this.align = (['left', 'center', 'right'] as const)[(b[2]! % 48) % 3] ?? 'left';
        return 3;
      case 0x45:
        if (!need(1)) return 0;
        this.style(() => (this.bold = (b[2]! & 1) === 1));
        return 3;
      case 0x2d:
        if (!need(1)) return 0;
        this.style(() => (this.underline = (b[2]! & 3) !== 0 && b[2] !== 48));
        return 3;
      case 0x21:
        if (!need(1)) return 0;
        this.style(() => {
          this.bold = (b[2]! & 0x08) !== 0;
          this.height = b[2]! & 0x10 ? 2 : 1;
          this.width = b[2]! & 0x20 ? 2 : 1;
          this.underline = (b[2]! & 0x80) !== 0;
        });
        return 3;
      case 0x64:
        if (!need(1)) return 0;
        this.endLine();
        for (let i = 1; i < b[2]!; i++) this.endLine();
        return 3;
      case 0x70:
        if (!need(3)) return 0;
        this.current.drawerPulses++;
        return 5;
      default:
        return need(ESC_PARAMS[cmd] ?? 0);
    }
  }

  private gs(): number {
    const b = this.buf;
    if (b.length < 2) return 0;
    const cmd = b[1]!;
    switch (cmd) {
      case 0x21:
        if (b.length < 3) return 0;
        this.style(() => {
          this.width = ((b[2]! >> 4) & 7) + 1;
          this.height = (b[2]! & 7) + 1;
        });
        return 3;
      case 0x28: {
        if (b.length < 5) return 0;
        const len = b[3]! | (b[4]! << 8);
        if (b.length < 5 + len) return 0;
        if (b[2] === 0x6b) this.qrFunction(b.slice(5, 5 + len));
        return 5 + len;
      }
      case 0x68:
      case 0x77:
      case 0x48:
        return b.length < 3 ? 0 : 3;
      case 0x6b: {
        if (b.length < 3) return 0;
        const m = b[2]!;
        if (m >= 65) {
          if (b.length < 4 || b.length < 4 + b[3]!) return 0;
          let data = String.fromCharCode(...b.slice(4, 4 + b[3]!));
          if (m === 73) data = data.replace(/^\{[ABC]/, '');
          this.endLine(true);
          this.current.elements.push({ kind: 'barcode', align: this.align, data });
          return 4 + b[3]!;
        }
        const nul = b.indexOf(0, 3);
        if (nul < 0) return 0;
        this.endLine(true);
        this.current.elements.push({
          kind: 'barcode',
          align: this.align,
          data: String.fromCharCode(...b.slice(3, nul)),
        });
        return nul + 1;
      }
      case 0x56: {
        if (b.length < 3) return 0;
        const m = b[2]!;
        const used = m >= 65 ? 4 : 3;
        if (b.length < used) return 0;
        this.endLine(true);
        this.current.cut = true;
        this.finish();
        return used;
      }
      default:
        return b.length < 2 + (GS_PARAMS[cmd] ?? 0) ? 0 : 2 + (GS_PARAMS[cmd] ?? 0);
    }
  }

  private qrFunction(p: number[]) {
    const [cn, fn] = p;
    if (cn !== 0x31) return;
    if (fn === 0x43) this.qrSize = p[2]!;
    if (fn === 0x45) this.qrEc = EC_NAMES[p[2] as keyof typeof EC_NAMES] ?? 'L';
    if (fn === 0x50) this.qrData = new TextDecoder().decode(Uint8Array.from(p.slice(3)));
    if (fn === 0x51) {
      this.endLine(true);
      this.current.elements.push({
        kind: 'qr',
        align: this.align,
        data: this.qrData,
        size: this.qrSize,
        ec: this.qrEc,
      });
    }
  }

  private style(change: () => void) {
    this.flushSegment();
    change();
  }

  private flushSegment() {
    if (this.text.length === 0) return;
    const text = this.chinese ? decodeGb18030(Uint8Array.from(this.text)) : String.fromCharCode(...this.text);
    this.segments.push({
      text,
      bold: this.bold,
      underline: this.underline,
      width: this.width,
      height: this.height,
    });
    this.text = [];
  }

  /** Ends the current line; `onlyIfText` for the implicit end before a QR code, barcode or cut. */
  private endLine(onlyIfText = false) {
    this.flushSegment();
    if (onlyIfText && this.segments.length === 0) return;
    const el: ReceiptElement = { kind: 'line', align: this.align, segments: this.segments };
    this.current.elements.push(el);
    this.segments = [];
  }

  private finish() {
    const r = this.current;
    this.receipts.push(r);
    this.current = { elements: [], cut: false, drawerPulses: 0 };
    this.onReceipt(r);
  }

  private reset() {
    this.chinese = false;
    this.align = 'left';
    this.bold = false;
    this.underline = false;
    this.width = 1;
    this.height = 1;
  }

  /** What is printed but not yet cut (a job in progress). */
  get pending(): Receipt {
    return this.current;
  }
}
