/**
 * Card operations (reliability.md 3, 20): issue, block (挂失), replace (补卡), the card-write journal's settled
 * writes (购气, 补写, 换表结转, 冲正清卡), 掉气补气, and the meter's data read back off a card. A card is the
 * hall's: only a counter of the card's hall may say anything about it. Runtime: any.
 */
import { z } from 'zod';
import { TOOL_CARD_KINDS } from '../../card/maker-errors';
import { defineOp, FROM_V1 } from './define';
import { cardNo, count, id, int, int4, nid, nstr, str } from './fields';

export const CARD_WRITE_KINDS = ['purchase', 'repeat', 'carry', 'clear'] as const;

const written = z.strictObject({
  cardNo,
  kind: z.enum(CARD_WRITE_KINDS),
  purchaseCount: count,
  volume: int.min(0),
  saleId: nid,
  reason: nstr,
});

export const meterStatus = z.strictObject({
  lowBattery: z.boolean(),
  valveClosed: z.boolean(),
  tamper: z.boolean(),
  leakAlarm: z.boolean(),
});

const hallCard = { authority: 'hall', headOffice: 'applies' } as const;
const byCustomer = (p: { customerId: string }) => p.customerId;

export const cardOps = [
  defineOp({
    type: 'card.issued',
    version: 2,
    entityType: 'customer',
    ...hallCard,
    entityId: byCustomer,
    summary: '发卡',
    schema: z.strictObject({ customerId: id, cardNo, formatId: str, region: int4 }),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'card.blocked',
    version: 2,
    entityType: 'customer',
    ...hallCard,
    entityId: byCustomer,
    summary: '挂失（或补卡时作废旧卡）：该卡在所有柜台停止使用',
    schema: z.strictObject({
      customerId: id,
      cardNo,
      status: z.enum(['lost', 'replaced']),
      reason: nstr.optional(),
    }),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'card.replaced',
    version: 2,
    entityType: 'customer',
    ...hallCard,
    entityId: byCustomer,
    summary: '补卡：新卡沿用账户的购气次数',
    schema: z.strictObject({
      customerId: id,
      cardNo,
      replaces: cardNo.nullable(),
      purchaseCount: count,
      /** The last purchase was never loaded by the meter and is written again on the new card. */
      rewroteLastPurchase: z.boolean(),
    }),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'card.written',
    version: 2,
    entityType: 'card',
    ...hallCard,
    entityId: (p) => p.cardNo,
    summary: '写卡成功（购气、补写、换表结转、冲正清卡）',
    schema: written,
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'card.writeFailed',
    version: 2,
    entityType: 'card',
    ...hallCard,
    entityId: (p) => p.cardNo,
    summary: '写卡失败（卡上内容未变）',
    schema: written,
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'card.topUp',
    version: 2,
    entityType: 'sale',
    ...hallCard,
    entityId: (p) => p.saleId,
    summary: '掉气补气：上一次购气重新写卡（班长审批）',
    schema: z.strictObject({ saleId: id, cardNo, purchaseCount: count, volume: int.min(0) }),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'meter.reading',
    version: 2,
    entityType: 'customer',
    ...hallCard,
    entityId: byCustomer,
    summary: '读卡时记录的表具回写数据（剩余气量、累计用气、表具状态）',
    schema: z.strictObject({
      /** Version 2: the customer is named in the payload too (version 1 only as the op's entity). */
      customerId: id,
      cardNo,
      meterNo: str,
      loadedCount: count,
      remaining: int,
      cumulativeUsed: int,
      /** Version 2: an object (version 1: the same as JSON text). */
      status: meterStatus,
      /** Unix seconds, as the meter wrote it. */
      readAt: int,
    }),
    upgrades: {
      1: (old, op) => ({
        ...old,
        customerId: op.entityId,
        status: typeof old.status === 'string' ? parseOr(old.status) : old.status,
      }),
    },
  }),
  defineOp({
    type: 'meter.fault',
    version: 1,
    entityType: 'customer',
    authority: 'hall',
    headOffice: 'stores',
    entityId: byCustomer,
    summary: '表具回写数据不可信（数值越界、校验错误）：记为表具故障，不作读数使用',
    schema: z.strictObject({
      customerId: id,
      cardNo,
      meterNo: str,
      faults: z.array(str).min(1),
    }),
    upgrades: {},
  }),
  defineOp({
    type: 'card.stock',
    version: 1,
    entityType: 'card_stock',
    authority: 'local',
    headOffice: 'stores',
    entityId: (p) => p.id,
    summary: '空白卡批次：登记批次的出厂密码（密码本身不出柜台），或记下卡拒绝了该批次的出厂密码',
    schema: z.strictObject({ id, label: str, refused: z.boolean() }),
    upgrades: {},
  }),
  defineOp({
    type: 'card.toolMade',
    version: 1,
    entityType: 'tool_card',
    authority: 'counter',
    headOffice: 'stores',
    entityId: (p) => p.cardNo,
    summary: '制作工具卡（班长）：设置卡、清零卡、检查卡或换表卡的卡号与种类',
    schema: z.strictObject({
      cardNo,
      kind: z.enum(TOOL_CARD_KINDS),
      formatId: str,
      region: int4,
    }),
    upgrades: {},
  }),
] as const;

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // refused by the schema, with the field named
  }
}
