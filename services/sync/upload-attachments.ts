/**
 * After the push, the attachment files the pushed records name go to head office (POST /v1/attachments), each
 * once: the counter reads the file from its data folder and checks it against its hash first; head office
 * checks hash, size and type again and answers with the file kept (then it is marked uploaded, a new row) or a
 * refusal code (ATTACHMENT_*: left unmarked, tried again on the next sync). Any other failure ends the sync
 * like a failed push. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { SYNC_ROUTES } from '../../core/sync/routes';
import { attachmentsNotUploaded, markAttachmentUploaded } from '../../db';
import type { App } from '../app';
import { readAttachment } from '../service-desk/attachments';
import type { SyncClient } from './transport';

/** How many files one sync sends at most (the rest go next time). */
export const ATTACHMENTS_PER_SYNC = 50;

export async function uploadAttachments(
  app: App,
  client: SyncClient,
): Promise<{ uploaded: number; refused: number; missing: number }> {
  const out = { uploaded: 0, refused: 0, missing: 0 };
  for (const a of attachmentsNotUploaded(app.db, ATTACHMENTS_PER_SYNC)) {
    const bytes = readAttachment(app, a.sha256);
    if (!bytes) {
      out.missing++;
      continue;
    }
    try {
      await client.request('POST', SYNC_ROUTES.uploadAttachment.path, {
        sha256: a.sha256,
        data: bytes.toString('base64'),
      });
    } catch (e) {
      if (e instanceof AppError && e.code.startsWith('ATTACHMENT_')) {
        out.refused++;
        continue;
      }
      throw e;
    }
    markAttachmentUploaded(app.db, a.sha256, app.nowIso());
    out.uploaded++;
  }
  return out;
}
