/**
 * 零散报装 operations: an application accepted (受理), then each step in order (查勘, 方案与收费, 施工, 置换通气,
 * 开户) or 撤销, each with its attachments named by SHA-256 and size (the files themselves reach head office
 * by the attachment upload, docs/sync-protocol.md). They are the hall's: only a counter of the hall records or
 * moves one, and head office applies the steps in order through core/domain/installations.ts. Runtime: any.
 */
import { z } from 'zod';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MIMES,
  ATTACHMENTS_PER_STEP,
  SHA256_HEX,
} from '../../domain/attachments';
import { INSTALL_ACTIONS, INSTALL_STATUSES } from '../../domain/installations';
import { defineOp } from './define';
import { id, int, nid, nstr, str } from './fields';

const hallRecord = { authority: 'hall', headOffice: 'applies' } as const;

export const attachmentRef = z.strictObject({
  sha256: z.string().regex(SHA256_HEX),
  size: int.min(1).max(ATTACHMENT_MAX_BYTES),
  mime: z.enum(ATTACHMENT_MIMES),
  name: str.max(100),
});
export type AttachmentRef = z.output<typeof attachmentRef>;

export const installationOps = [
  defineOp({
    type: 'installation.applied',
    version: 1,
    entityType: 'installation',
    ...hallRecord,
    entityId: (p) => p.id,
    summary: '零散报装受理（报装号、申请人、地址、报装内容、附件）',
    schema: z.strictObject({
      id,
      no: str.min(1),
      customerId: nid,
      accountNo: nstr,
      name: str.min(1),
      phone: str,
      address: str,
      request: str.min(1),
      attachments: z.array(attachmentRef).max(ATTACHMENTS_PER_STEP),
    }),
    upgrades: {},
  }),
  defineOp({
    type: 'installation.stepped',
    version: 1,
    entityType: 'installation',
    ...hallRecord,
    entityId: (p) => p.installationId,
    summary:
      '零散报装的一步（查勘、方案与收费、施工、置换通气、开户或撤销：结果、初装费收费、开户的用户、附件）',
    schema: z.strictObject({
      installationId: id,
      /** 1, 2, … per application; head office applies them in this order only. */
      stepNo: int.min(1),
      action: z.enum(INSTALL_ACTIONS),
      statusAfter: z.enum(INSTALL_STATUSES),
      result: str,
      saleId: nid,
      customerId: nid,
      attachments: z.array(attachmentRef).max(ATTACHMENTS_PER_STEP),
    }),
    upgrades: {},
  }),
] as const;
