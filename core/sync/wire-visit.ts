/**
 * Any hall serves any customer (docs/sync-protocol.md): a counter that is online looks up customers of other
 * halls at head office by the counter's own search keys (account number, card number, name, phone, ID number,
 * address, meter number), and fetches one's file and cards on demand; head office then believes the sales and
 * card purchase writes that counter authors for that customer. Both are signed counter requests. Runtime: any.
 */
import { z } from 'zod';
import { type OtherHallCustomer, otherHallCustomerSchema } from '../contract/customers';
import { cardFeedSchema, customerFeedSchema } from './feed';

export const LOOKUP_MAX = 50;

export const lookupRequestSchema = z.object({
  query: z
    .string({ error: '请输入查询内容' })
    .trim()
    .min(1, { error: '请输入查询内容' })
    .max(60, { error: '查询内容最多 60 个字' }),
  limit: z.number().int().min(1).max(LOOKUP_MAX).default(20),
});
export type LookupRequest = z.infer<typeof lookupRequestSchema>;

/** A customer of another hall as a search lists it. */
export const remoteCustomerSchema = otherHallCustomerSchema;
export type RemoteCustomer = OtherHallCustomer;

export const lookupResponseSchema = z.object({
  items: z.array(remoteCustomerSchema),
  /** More customers match than were listed. */
  truncated: z.boolean(),
});
export type LookupResponse = z.infer<typeof lookupResponseSchema>;

export const fetchRequestSchema = z.object({
  customerId: z.string({ error: '请指定用户' }).min(1).max(64),
});

/** The customer's file as a pull would give it, its cards, and its hall. */
export const fetchResponseSchema = z.object({
  hallCode: z.string(),
  hallName: z.string(),
  customer: customerFeedSchema,
  cards: z.array(cardFeedSchema),
});
export type FetchResponse = z.infer<typeof fetchResponseSchema>;

export const PULL_SCOPES = ['hall', 'company'] as const;
export type PullScope = (typeof PULL_SCOPES)[number];

export const pullScopeInputSchema = z.object({
  scope: z.enum(PULL_SCOPES, { error: '范围只能是 hall（本营业厅）或 company（全公司）' }),
});
export const pullScopeSchema = z.object({ scope: z.enum(PULL_SCOPES), updatedAt: z.string().nullable() });
