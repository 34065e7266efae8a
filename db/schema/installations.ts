/**
 * 零散报装 (small installation applications) and their steps (查勘, 方案与收费, 施工, 置换通气, 开户, 撤销), each
 * step with its attachments (photos and scans kept in the data folder under their SHA-256, named here), and
 * which attachments head office has received. All append-only (triggers in the migration): an application's
 * status is its last step's. Runtime: Node.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const installations = sqliteTable(
  'installations',
  {
    id: text('id').primaryKey(),
    /** `${hall}-${counter}-BZ-${6-digit sequence}`, unique per counter. */
    no: text('no').notNull(),
    /** The applicant: a customer of the file, or (usually) a prospective one as typed. */
    customerId: text('customer_id'),
    accountNo: text('account_no'),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    address: text('address').notNull(),
    /** What is to be installed (灶具、热水器、户数 …). */
    request: text('request').notNull(),
    /** JSON [{ sha256, size, mime, name }]: the application's own files (the form, the property papers). */
    attachments: text('attachments').notNull(),
    operatorId: text('operator_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('installations_no_idx').on(t.no), index('installations_at_idx').on(t.createdAt)],
);

export const installationSteps = sqliteTable(
  'installation_steps',
  {
    id: text('id').primaryKey(),
    installationId: text('installation_id')
      .notNull()
      .references(() => installations.id),
    /** 1, 2, … per application: two steps can never both follow the same state. */
    stepNo: integer('step_no').notNull(),
    action: text('action').notNull(),
    statusAfter: text('status_after').notNull(),
    /** What was found or done (查勘结论、方案、施工情况、通气结果), or the reason for 撤销. */
    result: text('result').notNull(),
    /** 方案与收费: the 初装费 payment (sales.payFees). */
    saleId: text('sale_id'),
    /** 开户: the customer opened. */
    customerId: text('customer_id'),
    /** JSON [{ sha256, size, mime, name }]: files in the data folder's attachments/. */
    attachments: text('attachments').notNull(),
    operatorId: text('operator_id').notNull(),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('installation_steps_no_idx').on(t.installationId, t.stepNo)],
);

/** An attachment head office confirmed it holds (sha256 and size checked there). */
export const attachmentUploads = sqliteTable('attachment_uploads', {
  sha256: text('sha256').primaryKey(),
  uploadedAt: text('uploaded_at').notNull(),
});
