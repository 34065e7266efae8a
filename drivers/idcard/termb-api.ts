/**
 * The `termb` SDK of resident-ID readers (华视 CVR-100 series; 神思 and 新中新 readers ship the same interface):
 * Termb.dll on Windows, libtermb.so on Linux (UOS/Kylin). The functions the counter calls, as the makers' SDK
 * headers declare them and as published integrations (C#, Java/JNA, Python ctypes, Go) call them:
 *
 *   int CVR_InitComm(int Port);       1 ok; 2 port failed to open; 0 / -1 library not ready, unknown
 *                                     (Port: 1–16 serial COM1–16, 1001–1016 USB)
 *   int CVR_Authenticate(void);       1 card found and selected; 2 no card found; 3 card not selectable;
 *                                     4 reader not connected; 0 library not ready
 *   int CVR_Read_Content(int Active); 1 read; 0 read failed; 4 reader not connected; 99 library not ready
 *                                     (Active 4: read text and photo into the SDK's memory)
 *   int CVR_CloseComm(void);          1 ok
 *   int GetPeopleName(unsigned char *buf, int *len);   and likewise GetPeopleSex, GetPeopleNation,
 *       GetPeopleBirthday, GetPeopleAddress, GetPeopleIDCode, GetDepartment, GetStartDate, GetEndDate:
 *       GBK text; *len in: the buffer's size, out: the text's length; 1 ok, 0 failed
 *   int GetBMPData(unsigned char *buf, int *len);      the photo as a BMP (102×126, 24-bit, 38,862 bytes);
 *       optional: an SDK without it gives no photo
 *
 * Windows x86 builds use __stdcall (PASCAL); x64 has one calling convention. Runtime: Node.
 */

/** The text getters, in the order of IdCardText's fields. */
export const TEXT_GETTERS = {
  name: 'GetPeopleName',
  sex: 'GetPeopleSex',
  ethnicity: 'GetPeopleNation',
  birthDate: 'GetPeopleBirthday',
  address: 'GetPeopleAddress',
  idNumber: 'GetPeopleIDCode',
  issuer: 'GetDepartment',
  validFrom: 'GetStartDate',
  validUntil: 'GetEndDate',
} as const;

export type TextField = keyof typeof TEXT_GETTERS;

export const REQUIRED_FUNCTIONS = [
  'CVR_InitComm',
  'CVR_Authenticate',
  'CVR_Read_Content',
  'CVR_CloseComm',
  ...Object.values(TEXT_GETTERS),
] as const;

export const PHOTO_FUNCTION = 'GetBMPData';

/** CVR_Read_Content's argument: text and photo. */
export const READ_ACTIVE = 4;

/** Buffer sizes: text fields are short (an address at most 70 Hanzi = 140 bytes), the photo 38,862 bytes. */
export const TEXT_BUFFER = 256;
export const PHOTO_BUFFER = 65_536;

export type TermbOutcome =
  | 'ok'
  | 'port-failed'
  | 'no-card'
  | 'not-selectable'
  | 'no-reader'
  | 'read-failed'
  | 'not-ready';

export function initOutcome(code: number): TermbOutcome {
  if (code === 1) return 'ok';
  if (code === 2) return 'port-failed';
  return 'not-ready';
}

export function authenticateOutcome(code: number): TermbOutcome {
  if (code === 1) return 'ok';
  if (code === 2) return 'no-card';
  if (code === 3) return 'not-selectable';
  if (code === 4) return 'no-reader';
  return 'not-ready';
}

export function readOutcome(code: number): TermbOutcome {
  if (code === 1) return 'ok';
  if (code === 4) return 'no-reader';
  if (code === 99) return 'not-ready';
  return 'read-failed';
}
