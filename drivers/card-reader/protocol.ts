/**
 * The GasDesk reference reader protocol (docs/reader-protocol.md):
 * request  02 | LEN_H LEN_L | CMD    | DATA… | BCC | 03
 * response 02 | LEN_H LEN_L | STATUS | DATA… | BCC | 03
 * LEN counts CMD/STATUS + DATA (big-endian); BCC = XOR of every byte from LEN_H to the last DATA byte.
 * Runtime: any.
 */
export const STX = 0x02;
export const ETX = 0x03;
/** Longest frame body (command/status + data) either side accepts; anything longer is noise. */
export const MAX_BODY = 512;

export const CMD = {
  status: 0x10,
  powerOn: 0x11,
  powerOff: 0x12,
  readMain: 0x20,
  updateMain: 0x21,
  readProtection: 0x22,
  writeProtection: 0x23,
  readSecurity: 0x24,
  verifyPsc: 0x25,
  changePsc: 0x26,
  readErrorCounter: 0x27,
  beep: 0x30,
  info: 0x31,
} as const;
export type Command = (typeof CMD)[keyof typeof CMD];

export const STATUS = {
  ok: 0x00,
  noCard: 0x01,
  wrongCardType: 0x02,
  pscWrong: 0x03,
  cardLocked: 0x04,
  notVerified: 0x05,
  writeProtected: 0x06,
  outOfRange: 0x07,
  frameError: 0x08,
  unknownCommand: 0x09,
} as const;
export type Status = (typeof STATUS)[keyof typeof STATUS];

/** Commands that change the card; the host never retries them blindly. */
export const WRITE_COMMANDS: ReadonlySet<number> = new Set([
  CMD.updateMain,
  CMD.writeProtection,
  CMD.changePsc,
  CMD.verifyPsc,
]);
