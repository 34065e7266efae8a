/**
 * Attachment files (附件) in the data folder's attachments/, named by their SHA-256: every file of a request is
 * checked (JPEG, PNG or PDF by its first bytes, at most 2 MB) before any is written, then each is written to a
 * temporary name, fsynced, renamed and its folder fsynced — all before the record that names it commits, so a
 * kill -9 never leaves a record naming a file that is not on disk. A file already held is not written again.
 * Runtime: Node.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { AttachmentInput } from '../../core/contract';
import {
  type AttachmentMime,
  attachmentProblem,
  SHA256_HEX,
  sniffAttachment,
} from '../../core/domain/attachments';
import { AppError } from '../../core/errors';
import type { AttachmentRef } from '../../core/sync/ops/installation-ops';
import { ownerOnlyDir } from '../../db/files';
import type { App } from '../app';

export const attachmentsDir = (app: App) => join(app.dataDir, 'attachments');
export const attachmentPath = (app: App, sha256: string) => join(attachmentsDir(app), sha256);

const refusedFile = (i: number, code: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path: ['attachments', i], code, message }] });

/** The files decoded and checked, nothing written (refused with the first bad one's code). */
export function checkAttachments(inputs: readonly AttachmentInput[]) {
  return inputs.map((a, i) => {
    const bytes = Buffer.from(a.data, 'base64');
    if (bytes.toString('base64') !== a.data)
      throw refusedFile(i, 'ATTACHMENT_ENCODING', '附件内容的编码不正确');
    const problem = attachmentProblem(bytes);
    if (problem) throw refusedFile(i, problem.code, `${a.name}：${problem.message}`);
    const ref: AttachmentRef = {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      mime: sniffAttachment(bytes) as AttachmentMime,
      name: a.name,
    };
    return { ref, bytes };
  });
}

function fsyncFolder(dir: string) {
  if (process.platform === 'win32') return; // folders cannot be opened for fsync there; NTFS journals renames
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes the checked files durably (before the record naming them commits) and returns their references. */
export function storeAttachments(app: App, inputs: readonly AttachmentInput[]): AttachmentRef[] {
  const files = checkAttachments(inputs);
  if (files.length === 0) return [];
  const dir = attachmentsDir(app);
  ownerOnlyDir(dir);
  for (const { ref, bytes } of files) {
    const path = attachmentPath(app, ref.sha256);
    if (existsSync(path) && statSync(path).size === ref.size) continue;
    const tmp = `${path}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  }
  fsyncFolder(dir);
  return files.map((f) => f.ref);
}

/** A held file's bytes, checked against its name (null when missing or not what its hash says). */
export function readAttachment(app: App, sha256: string): Buffer | null {
  if (!SHA256_HEX.test(sha256)) return null;
  const path = attachmentPath(app, sha256);
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  return createHash('sha256').update(bytes).digest('hex') === sha256 ? bytes : null;
}
