/** What a reader driver needs from a link (serial, USB HID, in-process). Runtime: Node. */
export interface ReaderTransport {
  write(bytes: Uint8Array): Promise<void>;
  /** Registers the receiver of incoming bytes (one per transport). */
  onData(cb: (chunk: Uint8Array) => void): void;
  /** Called once when the link goes away (unplugged, closed). */
  onClose(cb: (err?: Error) => void): void;
  close(): Promise<void>;
  /** A human-readable name of the link, for status and logs. */
  readonly description: string;
  /** Wire time of one byte in ms (10 bit-times at the baud rate), where the link has a baud rate. */
  readonly byteMs?: number;
}
