/**
 * Attachments (附件) of service-desk records: photos and scans, kept by their SHA-256. Only JPEG, PNG and PDF
 * are accepted, recognised by their first bytes (never by the name or a declared type), and at most
 * ATTACHMENT_MAX_BYTES each; the counter and head office apply the same check. Runtime: any.
 */

export const ATTACHMENT_MIMES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number];

/** 2 MiB: a phone photo saved at normal quality, or a page scanned at 200 dpi. */
export const ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024;
/** At most this many files on one step. */
export const ATTACHMENTS_PER_STEP = 3;

export const SHA256_HEX = /^[0-9a-f]{64}$/;

const starts = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** The file's type from its first bytes, or null when it is not a JPEG, PNG or PDF. */
export function sniffAttachment(b: Uint8Array): AttachmentMime | null {
  if (starts(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/** Why the file is refused (a stable code and the Chinese message), or null. */
export function attachmentProblem(b: Uint8Array): { code: string; message: string } | null {
  if (b.length === 0) return { code: 'ATTACHMENT_EMPTY', message: '附件是空文件' };
  if (b.length > ATTACHMENT_MAX_BYTES)
    return {
      code: 'ATTACHMENT_TOO_LARGE',
      message: `附件超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB，请压缩照片或降低扫描分辨率后再上传`,
    };
  if (!sniffAttachment(b)) return { code: 'ATTACHMENT_TYPE', message: '附件只能是照片或 PDF 扫描件' };
  return null;
}
