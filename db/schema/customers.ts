/**
 * The customer file (一户一档): the current state of each household, derived from the ledger.
 * History lives in the append-only audit and outbox tables, never here. Runtime: Node.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A phone column's digits, in SQL (core/validation/phone.ts: separators are spaces, hyphens, brackets, +86). */
export const DIGITS = (column: string): string =>
  `replace(replace(replace(replace(replace(${column}, ' ', ''), '-', ''), '(', ''), ')', ''), '+86', '')`;

/** Where the unit starts in the full address: after the building, which gets 栋 unless it ends in 栋幢号楼. */
const FROM_UNIT = `substr(full_address, length(district) + length(community) + length(building) +
  CASE WHEN substr(building, -1) IN ('栋', '幢', '号', '楼') THEN 1 ELSE 2 END)`;

export const customers = sqliteTable(
  'customers',
  {
    /** Integer row id: the key of the full-text search index. */
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    accountNo: text('account_no').notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    creditCode: text('credit_code'),
    phone: text('phone').notNull(),
    altPhone: text('alt_phone'),
    /** The last four digits of each phone, for a search by the digits a customer remembers (db/search.ts). */
    phoneTail: text('phone_tail').generatedAlwaysAs(sql`substr(phone, -4)`, { mode: 'virtual' }),
    altPhoneTail: text('alt_phone_tail').generatedAlwaysAs(sql`substr(alt_phone, -4)`, { mode: 'virtual' }),
    /** Each phone's digits (phones are kept as written: 0571-87654321), for a search by the first digits. */
    phoneDigits: text('phone_digits').generatedAlwaysAs(sql`${sql.raw(DIGITS('phone'))}`, {
      mode: 'virtual',
    }),
    altPhoneDigits: text('alt_phone_digits').generatedAlwaysAs(sql`${sql.raw(DIGITS('alt_phone'))}`, {
      mode: 'virtual',
    }),
    district: text('district').notNull(),
    community: text('community').notNull(),
    building: text('building').notNull(),
    unit: text('unit'),
    room: text('room').notNull(),
    fullAddress: text('full_address').notNull(),
    /**
     * The address from each of its parts on (阳光花园3栋2单元1201, 3栋2单元1201, 2单元1201), for a search that
     * starts at a part — what a clerk types — by a prefix range on an index (db/search.ts). The full address
     * and the room are indexed as they are.
     */
    addressFromCommunity: text('address_from_community').generatedAlwaysAs(
      sql`${sql.raw(`substr(full_address, length(district) + 1)`)}`,
      { mode: 'virtual' },
    ),
    addressFromBuilding: text('address_from_building').generatedAlwaysAs(
      sql`${sql.raw(`substr(full_address, length(district) + length(community) + 1)`)}`,
      { mode: 'virtual' },
    ),
    addressFromUnit: text('address_from_unit').generatedAlwaysAs(sql`${sql.raw(FROM_UNIT)}`, {
      mode: 'virtual',
    }),
    userClass: text('user_class', {
      enum: ['residential', 'public_welfare', 'commercial', 'industrial'],
    }).notNull(),
    householdSize: integer('household_size').notNull(),
    inspectionStatus: text('inspection_status', {
      enum: ['normal', 'hazard', 'nobody_home', 'refused'],
    }).notNull(),
    inspectionDate: text('inspection_date'),
    contractNo: text('contract_no').notNull(),
    contractSignedOn: text('contract_signed_on').notNull(),
    connectionFeeInvoiceNo: text('connection_fee_invoice_no').notNull(),
    registrationFormChecked: integer('registration_form_checked', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: ['active', 'suspended', 'closed'] }).notNull(),
    statusChangedAt: text('status_changed_at').notNull(),
    openedAt: text('opened_at').notNull(),
    closedAt: text('closed_at'),
    notes: text('notes'),
    version: integer('version').notNull(),
    updatedHlc: text('updated_hlc').notNull(),
  },
  (t) => [
    uniqueIndex('customers_account_no_uq').on(t.accountNo),
    index('customers_phone_idx').on(t.phone),
    index('customers_alt_phone_idx').on(t.altPhone),
    index('customers_phone_tail_idx').on(t.phoneTail),
    index('customers_alt_phone_tail_idx').on(t.altPhoneTail),
    index('customers_phone_digits_idx').on(t.phoneDigits),
    index('customers_alt_phone_digits_idx').on(t.altPhoneDigits),
    index('customers_id_number_idx').on(t.idNumber),
    index('customers_credit_code_idx').on(t.creditCode),
    index('customers_name_idx').on(t.name),
    index('customers_full_address_idx').on(t.fullAddress),
    index('customers_address_from_community_idx').on(t.addressFromCommunity),
    index('customers_address_from_building_idx').on(t.addressFromBuilding),
    index('customers_address_from_unit_idx').on(t.addressFromUnit),
    index('customers_room_idx').on(t.room),
  ],
);

export const meters = sqliteTable(
  'meters',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    meterNo: text('meter_no').notNull(),
    maker: text('maker').notNull(),
    model: text('model').notNull(),
    cardType: text('card_type').notNull(),
    installedOn: text('installed_on'),
    status: text('status', { enum: ['active', 'removed'] }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('meters_meter_no_uq').on(t.meterNo), index('meters_customer_idx').on(t.customerId)],
);
