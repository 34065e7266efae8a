import { describe, expect, it } from 'vitest';
import { DEFAULT_VERIFY_URL, parseReceiptQr, receiptQrText, VERIFY_URL_PATTERN } from './receipt-qr';

const claim = {
  counterId: '01a21990-0000-7000-8000-00000000000c',
  saleId: '01a21990-0000-7000-8000-000000000001',
  receiptNo: '010101-00000012',
  amount: 15_400,
};
const sig = 'A'.repeat(86);

describe('the receipt QR: an https link a phone opens, carrying the signed claim', () => {
  it('is the verification address, the sale id and the claim; any https host and path parse back', () => {
    const qr = receiptQrText(claim, sig);
    expect(qr).toBe(
      `${DEFAULT_VERIFY_URL}/${claim.saleId}?c=${claim.counterId}&n=${claim.receiptNo}&a=15400&s=${sig}`,
    );
    expect(new URL(qr).hostname).toBe('verify.example-gas.cn');
    expect(parseReceiptQr(qr)).toEqual({ kind: 'signed', claim, signature: sig });
    const own = receiptQrText(claim, null, 'https://yz.donghai-gas.com:8443/shouju/r/');
    expect(own.startsWith(`https://yz.donghai-gas.com:8443/shouju/r/${claim.saleId}?`)).toBe(true);
    expect(parseReceiptQr(own)).toEqual({ kind: 'unsigned', claim });
    // The private form printed before the link, same claim and signature.
    const old = `gasdesk:r/${claim.saleId}?c=${claim.counterId}&n=${claim.receiptNo}&a=15400&s=${sig}`;
    expect(parseReceiptQr(old)).toEqual({ kind: 'signed', claim, signature: sig });
  });

  it('takes nothing else for a receipt', () => {
    const tail = `${claim.saleId}?c=${claim.counterId}&n=${claim.receiptNo}&a=15400&s=${sig}`;
    for (const bad of [
      `http://verify.example-gas.cn/r/${tail}`,
      `javascript:alert(1)//${tail}`,
      `https://verify.example-gas.cn/r/${tail}&x=1`,
      `https://verify.example-gas.cn/r/${tail}#frag`,
      'https://example.com/',
    ])
      expect(parseReceiptQr(bad).kind, bad).toBe('malformed');
  });

  it('accepts only https verification addresses without query or fragment', () => {
    for (const ok of [DEFAULT_VERIFY_URL, 'https://a.cn', 'https://a.cn/r/', 'https://a.cn:8443/x/y'])
      expect(VERIFY_URL_PATTERN.test(ok), ok).toBe(true);
    for (const bad of ['http://a.cn/r', 'https://a.cn/r?x', 'https://a.cn/r#x', 'https://', 'ftp://a.cn'])
      expect(VERIFY_URL_PATTERN.test(bad), bad).toBe(false);
  });
});
