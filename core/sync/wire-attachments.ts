/**
 * The attachment upload (POST /v1/attachments): a counter sends one file of a service-desk record it pushed —
 * its SHA-256 as the ledger names it and its bytes as base64; head office checks the bytes against the hash,
 * the size limit and the type (JPEG, PNG, PDF) before keeping it, and refuses a file that fails with
 * ATTACHMENT_HASH_MISMATCH, ATTACHMENT_TOO_LARGE or ATTACHMENT_TYPE. Runtime: any.
 */
import { z } from 'zod';
import { ATTACHMENT_MIMES, SHA256_HEX } from '../domain/attachments';

/** A 2 MB file as base64, with room for the JSON around it. */
export const ATTACHMENT_BODY_LIMIT = 3 * 1024 * 1024;

export const attachmentUploadSchema = z.strictObject({
  sha256: z.string().regex(SHA256_HEX),
  data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

export const attachmentUploadResponseSchema = z.object({
  sha256: z.string(),
  size: z.number().int(),
  mime: z.enum(ATTACHMENT_MIMES),
  /** False when head office held it already. */
  stored: z.boolean(),
});
