/**
 * The receipt's QR code and its signature: what a counter signs with its enrolled device key (Ed25519, the key
 * head office holds the public half of since enrollment), the QR text, and what verification answers. The one
 * place the QR's content is decided: a counter signs `receiptSigningString`, head office and `gasdesk receipt
 * verify` check it against the counter's public key. Runtime: any (the signature itself is made and checked by
 * the callers, with node:crypto).
 */
import { z } from 'zod';

/** What a receipt claims: which counter printed which receipt, for how much (分). */
export interface ReceiptClaim {
  readonly counterId: string;
  readonly saleId: string;
  readonly receiptNo: string;
  readonly amount: number;
}

/** The canonical text the counter signs (a version tag, so a later format cannot be confused with this one). */
export function receiptSigningString(c: ReceiptClaim): string {
  return `gasdesk-receipt-1|${c.counterId}|${c.saleId}|${c.receiptNo}|${c.amount}`;
}

/**
 * Where a phone that scans a receipt goes: the company's verification page (a setting of the counter, printers
 * settings `verifyUrl`), which answers what head office's verification answers.
 */
export const DEFAULT_VERIFY_URL = 'https://verify.example-gas.cn/r';

/** An https address without query or fragment (the receipt's id and claim are appended to it). */
export const VERIFY_URL_PATTERN = /^https:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:\/[A-Za-z0-9._~%-]+)*\/?$/;

/**
 * The QR text: `<verify url>/<sale id>?c=<counter>&n=<receipt no>&a=<amount>&s=<signature>` — an https link a
 * phone opens. `signature` (base64url) is null at a counter not yet enrolled, which has no key to sign with.
 */
export function receiptQrText(
  c: ReceiptClaim,
  signature: string | null,
  verifyUrl: string = DEFAULT_VERIFY_URL,
): string {
  const sig = signature === null ? '' : `&s=${signature}`;
  return `${verifyUrl.replace(/\/+$/, '')}/${c.saleId}?c=${c.counterId}&n=${c.receiptNo}&a=${c.amount}${sig}`;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const CLAIM = `(${UUID})\\?c=(${UUID})&n=([A-Za-z0-9-]{1,40})&a=(-?\\d{1,15})(?:&s=([A-Za-z0-9_-]{86}))?`;
/**
 * The link printed now (any https host and path: the company's verification address is a setting), and the
 * private `gasdesk:r/` form printed before it, which carries the same signed claim.
 */
const QR = new RegExp(
  `^(?:https://[A-Za-z0-9.-]+(?::\\d{1,5})?(?:/[A-Za-z0-9._~%-]+)*/|gasdesk:r/)${CLAIM}$`,
);
/** Before receipts were signed with the device key: an HMAC under a key only the counter held. */
const LEGACY_QR = new RegExp(`^gasdesk:r/(${UUID})\\?n=([A-Za-z0-9-]{1,40})&a=(-?\\d{1,15})&s=[0-9a-f]{16}$`);

export type ParsedReceiptQr =
  | { readonly kind: 'signed'; readonly claim: ReceiptClaim; readonly signature: string }
  | { readonly kind: 'unsigned'; readonly claim: ReceiptClaim }
  | {
      readonly kind: 'legacy';
      readonly claim: Omit<ReceiptClaim, 'counterId'> & { readonly counterId: null };
    }
  | { readonly kind: 'malformed' };

export function parseReceiptQr(text: string): ParsedReceiptQr {
  const t = text.trim();
  const m = QR.exec(t);
  if (m) {
    const claim = { saleId: m[1]!, counterId: m[2]!, receiptNo: m[3]!, amount: Number(m[4]) };
    return m[5] ? { kind: 'signed', claim, signature: m[5] } : { kind: 'unsigned', claim };
  }
  const old = LEGACY_QR.exec(t);
  if (old)
    return {
      kind: 'legacy',
      claim: { saleId: old[1]!, counterId: null, receiptNo: old[2]!, amount: Number(old[3]) },
    };
  return { kind: 'malformed' };
}

export const RECEIPT_VERDICTS = {
  VALID: '签名有效：收据由该柜台打印，内容未被改动',
  UNSIGNED: '未登记柜台，无法验证',
  LEGACY: '旧版收据二维码（柜台本机密钥签名），总部无法验证',
  UNKNOWN_COUNTER: '总部没有登记这台柜台（或它还没有登记密钥），无法验证',
  BAD_SIGNATURE: '签名不符：收据的柜台、编号或金额被改动过，或不是该柜台打印的',
  MALFORMED: '这不是 GasDesk 收据的二维码',
} as const;
export type ReceiptVerdictCode = keyof typeof RECEIPT_VERDICTS;

export const receiptVerifyInputSchema = z.object({
  qr: z.string({ error: '请提供收据二维码的内容' }).min(1, { error: '请提供收据二维码的内容' }).max(1000),
});

export const receiptVerdictSchema = z.object({
  valid: z.boolean(),
  code: z.enum(Object.keys(RECEIPT_VERDICTS) as [ReceiptVerdictCode, ...ReceiptVerdictCode[]]),
  message: z.string(),
  counterId: z.string().nullable(),
  saleId: z.string().nullable(),
  receiptNo: z.string().nullable(),
  amount: z.number().int().nullable(),
  /** The counter as head office registered it (null when verified offline against a given key, or unknown). */
  counter: z
    .object({ hallCode: z.string(), code: z.string(), name: z.string(), state: z.string() })
    .nullable(),
});
export type ReceiptVerdict = z.infer<typeof receiptVerdictSchema>;

/**
 * The verdict on a parsed QR, given the public key (SPKI DER, base64) of the counter it names — null when no
 * key is known for it — and the signature check to use.
 */
export function judgeReceipt(
  parsed: ParsedReceiptQr,
  publicKey: string | null,
  checkSignature: (publicKey: string, message: string, signatureBase64url: string) => boolean,
  counter: ReceiptVerdict['counter'] = null,
): ReceiptVerdict {
  const claim = parsed.kind === 'malformed' ? null : parsed.claim;
  const answer = (code: ReceiptVerdictCode): ReceiptVerdict => ({
    valid: code === 'VALID',
    code,
    message: RECEIPT_VERDICTS[code],
    counterId: claim?.counterId ?? null,
    saleId: claim?.saleId ?? null,
    receiptNo: claim?.receiptNo ?? null,
    amount: claim?.amount ?? null,
    counter,
  });
  if (parsed.kind === 'malformed') return answer('MALFORMED');
  if (parsed.kind === 'legacy') return answer('LEGACY');
  if (parsed.kind === 'unsigned') return answer('UNSIGNED');
  if (publicKey === null) return answer('UNKNOWN_COUNTER');
  const good = checkSignature(publicKey, receiptSigningString(parsed.claim), parsed.signature);
  return answer(good ? 'VALID' : 'BAD_SIGNATURE');
}
