/** IC gas cards at the counter: read, issue, replace, top up, meter change, card-aware reversal, training. */
import { z } from 'zod';
import { CARD_KINDS } from '../card/gas-card';
import { TOOL_CARD_KINDS } from '../card/maker-errors';
import { parseReaderSpec, readerKinds } from '../devices/reader-spec';
import { approvalSchema, idSchema, op, reasonSchema, trimmed } from './common';
import { meterInputSchema } from './customer-fields';
import { saleSchema } from './sales';

const CLERKS = ['clerk', 'cashier', 'supervisor', 'admin'] as const;

/** A reader address in any kind core/devices/reader-spec.ts parses (the one parser of the syntax). */
const readerSpecSchema = z
  .string()
  .trim()
  .max(1024)
  .refine(
    (s) => {
      try {
        parseReaderSpec(s);
        return true;
      } catch {
        return false;
      }
    },
    {
      error: () =>
        `读卡器地址格式：${readerKinds()
          .map((k) => k.syntax)
          .join(' | ')}`,
    },
  );

export const meterReadingSchema = z.object({
  meterNo: z.string(),
  loadedCount: z.number().int(),
  remaining: z.number().int(),
  cumulativeUsed: z.number().int(),
  status: z.object({
    lowBattery: z.boolean(),
    valveClosed: z.boolean(),
    tamper: z.boolean(),
    leakAlarm: z.boolean(),
  }),
  readAt: z.string(),
});
export type MeterReading = z.infer<typeof meterReadingSchema>;

export const cardReadSchema = z.object({
  present: z.boolean(),
  /**
   * no_card, blank, foreign, damaged, locked, blocked, unknown (not issued here), half_issued, other_hall
   * (another hall's card, and head office cannot be reached to fetch its customer), ok
   */
  state: z.enum([
    'no_card',
    'blank',
    'foreign',
    'damaged',
    'locked',
    'blocked',
    'unknown',
    'half_issued',
    'other_hall',
    'ok',
  ]),
  /** What the card is and what to do, politely, in Chinese. */
  message: z.string(),
  triesLeft: z.number().int().nullable(),
  card: z
    .object({
      cardNo: z.string(),
      kind: z.enum(CARD_KINDS),
      status: z.enum(['active', 'lost', 'replaced']).nullable(),
      purchaseCount: z.number().int(),
      lastVolume: z.number().int(),
      cumulative: z.number().int(),
      /** The last purchase is still on the card (not yet loaded into the meter). */
      pending: z.boolean(),
      repairable: z.boolean(),
    })
    .nullable(),
  customer: z
    .object({
      id: z.string(),
      accountNo: z.string(),
      name: z.string(),
      fullAddress: z.string(),
      status: z.string(),
    })
    .nullable(),
  reading: meterReadingSchema.nullable(),
  /**
   * What is wrong with the meter's write-back (out of range, or going backwards against the meter's last
   * reading: cumulative use, loaded count), in Chinese: recorded as a meter fault and not used as a reading.
   * Shown plainly at the window with the 安全提示单 to print.
   */
  meterFaults: z.array(z.string()),
  /** The meter the faulty write-back names ('' when it cannot be read). */
  faultyMeterNo: z.string(),
  /** Pending writes this read settled from what the card holds. */
  resolved: z.array(
    z.object({ kind: z.string(), saleId: z.string().nullable(), outcome: z.enum(['confirmed', 'failed']) }),
  ),
  conflict: z.string().nullable(),
});
export type CardRead = z.infer<typeof cardReadSchema>;

export const cardSchema = z.object({
  cardNo: z.string(),
  status: z.enum(['active', 'lost', 'replaced']),
  issuedAt: z.string(),
  purchaseCount: z.number().int(),
});

const confirmLastTry = z.boolean().default(false);

export const cardOps = {
  'cards.read': op({
    summary:
      '读卡：卡属于谁、购气次数、上次购气是否已入表、表具回写的读数（记入用户档案），并按卡内实际内容处理未完成的写卡',
    access: CLERKS,
    writes: true,
    input: z.object({}),
    output: cardReadSchema,
  }),
  'cards.issue': op({
    summary: '开户发卡：把读卡器里的空白卡发给用户（写卡头、加保护、换成本卡密码）',
    access: CLERKS,
    writes: true,
    input: z.object({ customerId: idSchema }),
    output: cardSchema,
  }),
  'cards.list': op({
    summary: '用户的全部燃气卡与购气次数、表具读数记录',
    access: CLERKS,
    writes: false,
    input: z.object({ customerId: idSchema }),
    output: z.object({
      cards: z.array(cardSchema),
      readings: z.array(meterReadingSchema.extend({ cardNo: z.string() })),
      purchaseCount: z.number().int(),
      /** Gas of 换表 carries that never reached a card (meters.writeCarry puts it on), in volume units. */
      owedCarry: z.number().int(),
    }),
  }),
  'cards.reportLost': op({
    summary: '挂失：旧卡立即停用，各柜台都不能再向它售气',
    access: CLERKS,
    writes: true,
    input: z.object({ customerId: idSchema, reason: reasonSchema }),
    output: z.object({ blocked: z.array(z.string()) }),
  }),
  'cards.replace': op({
    summary: '补卡：旧卡挂失作废，读卡器里的空白卡写入数据库中的购气次数；上次购气未入表时把那次购气再写一次',
    access: CLERKS,
    writes: true,
    input: z.object({ customerId: idSchema, reason: reasonSchema }),
    output: z.object({ card: cardSchema, rewroteLastPurchase: z.boolean() }),
  }),
  'cards.addStock': op({
    summary: '登记空白卡批次及其出厂密码（发卡时只用它校验一次，卡拒绝后该批次停止发卡）',
    access: ['supervisor', 'admin'],
    writes: true,
    input: z.object({
      label: trimmed(40, '卡批次'),
      transportPsc: z
        .string()
        .trim()
        .regex(/^[0-9A-Fa-f]{6}$/, { error: '出厂密码是 6 位十六进制数字（3 个字节），例如 FFFFFF' }),
    }),
    output: z.object({ id: z.string(), label: z.string() }),
  }),
  'cards.writeSale': op({
    summary: '写卡（或重新写卡）：把已收款的购气写入读卡器里该用户的卡',
    access: CLERKS,
    writes: true,
    input: z.object({
      saleId: idSchema,
      confirmLastTry,
      /** A 班长's approval: needed when the card refused its PSC before (it is flagged). */
      approval: approvalSchema.optional(),
    }),
    output: saleSchema,
  }),
  'cards.topUp': op({
    summary: '掉气补气：只能为最近一次购气、且未入表的气补写一次，需班长审批',
    access: CLERKS,
    writes: true,
    input: z.object({
      saleId: idSchema,
      reason: reasonSchema,
      approval: approvalSchema.optional(),
      confirmLastTry,
    }),
    output: z.object({ purchaseCount: z.number().int(), volume: z.number().int() }),
  }),
  'cards.reverseSale': op({
    summary: '冲正（卡内气量仍未入表时）：先清除卡内本次气量，再记冲正，需班长审批',
    access: ['cashier', 'supervisor', 'admin'],
    writes: true,
    input: z.object({
      saleId: idSchema,
      reason: reasonSchema,
      approval: approvalSchema.optional(),
      confirmLastTry,
    }),
    output: saleSchema,
  }),
  'meters.change': op({
    summary: '换表：旧表剩余气量结转到新表（写入卡内），登记新表',
    access: CLERKS,
    writes: true,
    input: z.object({
      customerId: idSchema,
      oldMeterNo: trimmed(40, '旧表号'),
      /** The old meter's final remaining gas (volume units), read from its display. */
      finalRemaining: z.number().int().min(0).max(100_000_000),
      newMeter: meterInputSchema,
      reason: reasonSchema,
      confirmLastTry,
      /** A 班长's approval: needed only when the card refused its PSC before (it is flagged). */
      approval: approvalSchema.optional(),
    }),
    output: z.object({ purchaseCount: z.number().int(), carried: z.number().int() }),
  }),
  'meters.writeCarry': op({
    summary: '换表结转重新写卡：换表时未能写上卡的旧表剩余气量，写入用户卡（每笔只写一次）',
    access: CLERKS,
    writes: true,
    input: z.object({
      customerId: idSchema,
      confirmLastTry,
      /** A 班长's approval: needed only when the card refused its PSC before (it is flagged). */
      approval: approvalSchema.optional(),
    }),
    output: z.object({
      purchaseCount: z.number().int(),
      carried: z.number().int(),
      /** Further carries still owed (each written once the meter has loaded the one before). */
      stillOwed: z.number().int(),
    }),
  }),
  'cards.makeToolCard': op({
    summary:
      '制作工具卡（班长）：把读卡器里的空白卡按当前卡格式制作成设置卡、清零卡、检查卡或换表卡，并登记卡号',
    access: ['supervisor'],
    writes: true,
    input: z.object({
      kind: z.enum(TOOL_CARD_KINDS, { error: '请选择工具卡种类：设置卡、清零卡、检查卡或换表卡' }),
    }),
    output: z.object({
      cardNo: z.string(),
      kind: z.enum(TOOL_CARD_KINDS),
      /** The card format that made it (the reference format, or a meter maker's `maker:` plug-in). */
      formatId: z.string(),
      madeAt: z.string(),
    }),
  }),
  'cards.toolKinds': op({
    summary: '当前读卡器的卡格式能制作哪些工具卡（班长制作工具卡时只列出这些种类）；不读卡、不写卡',
    access: ['supervisor'],
    writes: false,
    input: z.object({}),
    output: z.object({
      kinds: z.array(z.enum(TOOL_CARD_KINDS)),
      /** The format's name (the reference format, or the meter maker's manifest name). */
      format: z.string(),
    }),
  }),
  'devices.configureReader': op({
    summary: '设置读卡器地址（串口、USB HID、PC/SC 读卡器名、明华/德卡厂家动态库），清空则不使用读卡器',
    access: ['admin'],
    writes: true,
    input: z.object({ spec: readerSpecSchema.nullable() }),
    output: z.object({ spec: z.string().nullable() }),
  }),
  'devices.testReader': op({
    summary: '测试读卡器地址：打开读卡器，读出型号和是否有卡（不校验卡密码、不写卡）',
    access: ['admin'],
    writes: false,
    input: z.object({ spec: readerSpecSchema }),
    output: z.object({
      ok: z.boolean(),
      /** The reader's identification (firmware, PC/SC name, library version) when it answered. */
      info: z.string().nullable(),
      cardPresent: z.boolean().nullable(),
      /** Why it could not be used, in Chinese (a missing library, a reader not found …). */
      problem: z.string().nullable(),
    }),
  }),
  'devices.readerNames': op({
    summary: '本机的 PC/SC 读卡器名称（供选择 pcsc:读卡器名）',
    access: ['admin'],
    writes: false,
    input: z.object({}),
    output: z.object({ pcsc: z.array(z.string()), problem: z.string().nullable() }),
  }),
  'devices.status': op({
    summary: '读卡器、打印机状态',
    access: 'session',
    writes: false,
    input: z.object({}),
    output: z.object({
      reader: z.object({
        configured: z.boolean(),
        status: z.enum(['disconnected', 'connecting', 'connected']),
        description: z.string(),
        lastError: z.string().nullable(),
      }),
      training: z.boolean(),
    }),
  }),
} as const;

const trainingState = z.object({
  slot: z.string().nullable(),
  cards: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      inReader: z.boolean(),
      triesLeft: z.number().int(),
      locked: z.boolean(),
      summary: z.string(),
      cardNo: z.string().nullable(),
      accountNo: z.string().nullable(),
    }),
  ),
  meters: z.array(
    z.object({
      meterNo: z.string(),
      remaining: z.number().int(),
      cumulativeUsed: z.number().int(),
      valveOpen: z.boolean(),
      lastLoadedCount: z.number().int(),
      boundCardNo: z.string().nullable(),
    }),
  ),
  lastEvent: z.string().nullable(),
});
export type TrainingState = z.infer<typeof trainingState>;

export const trainingOps = {
  'training.state': op({
    summary: '培训面板：空白卡、读卡器卡槽、表具',
    access: 'session',
    writes: false,
    input: z.object({}),
    output: trainingState,
  }),
  'training.newCard': op({
    summary: '培训：拿一张新空白卡',
    access: 'session',
    writes: false,
    input: z.object({}),
    output: trainingState,
  }),
  'training.insert': op({
    summary: '培训：把卡插入读卡器（foreign：一张不是燃气卡的卡，例如银行卡）',
    access: 'session',
    writes: false,
    input: z.object({ cardId: z.union([z.string().regex(/^C\d+$/), z.literal('foreign')]) }),
    output: trainingState,
  }),
  'training.remove': op({
    summary: '培训：从读卡器取出卡',
    access: 'session',
    writes: false,
    input: z.object({}),
    output: trainingState,
  }),
  'training.toMeter': op({
    summary: '培训：用户把卡插到家里的表上（表不存在时按表号安装）',
    access: 'session',
    writes: false,
    input: z.object({ cardId: z.string().regex(/^C\d+$/), meterNo: z.string().regex(/^[A-Z0-9-]{1,20}$/) }),
    output: trainingState,
  }),
  'training.cardFault': op({
    summary: '培训：给卡设故障——密码剩余次数、密码与本系统不符、下次写卡时卡被拔出',
    access: 'session',
    writes: false,
    input: z.object({
      cardId: z.string().regex(/^C\d+$/),
      triesLeft: z.number().int().min(1).max(3).optional(),
      wrongPsc: z.boolean().optional(),
      pullOnNextWrite: z.boolean().optional(),
    }),
    output: trainingState,
  }),
  'training.useGas': op({
    summary: '培训：表具用气',
    access: 'session',
    writes: false,
    input: z.object({
      meterNo: z.string().regex(/^[A-Z0-9-]{1,20}$/),
      volume: z.number().int().min(1).max(10_000_000),
    }),
    output: trainingState,
  }),
} as const;
