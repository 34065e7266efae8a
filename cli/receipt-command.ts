/**
 * `gasdesk receipt verify '<QR text>' --server URL [--json]`: asks head office (POST /admin/receipts/verify,
 * the administrator token from GASDESK_ADMIN_TOKEN — never on the command line, where `ps` shows it), which
 * knows every enrolled counter's public key.
 * `gasdesk receipt verify '<QR text>' --public-key KEY [--json]`: offline, against a counter's public key as
 * head office lists it (GET /admin/counters, `publicKey`); it proves the holder of that key signed the receipt.
 * Exit 0 when the signature is valid, 1 when it is not (or cannot be checked), 2 on a usage error.
 * Runtime: Node.
 */
import { parseArgs } from 'node:util';
import { formatYuan } from '../core/quantities';
import { type ReceiptVerdict, receiptVerdictSchema } from '../core/receipts/receipt-qr';
import { SYNC_ROUTES } from '../core/sync/routes';
import { verifyReceiptWithKey } from '../server/admin/receipts';

const USAGE =
  "用法 usage: gasdesk receipt verify '<二维码内容 QR text>' (--server URL | --public-key KEY) [--json]\n" +
  '  --server 需要环境变量 GASDESK_ADMIN_TOKEN（总部管理令牌） needs GASDESK_ADMIN_TOKEN\n';

async function askHeadOffice(server: string, qr: string, token: string): Promise<ReceiptVerdict> {
  const r = await fetch(`${server.replace(/\/+$/, '')}${SYNC_ROUTES.verifyReceipt.path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ qr }),
  });
  const body = (await r.json().catch(() => null)) as { message?: string } | null;
  if (!r.ok) throw new Error(`总部拒绝 head office refused (${r.status}): ${body?.message ?? ''}`);
  return receiptVerdictSchema.parse(body);
}

function describe(v: ReceiptVerdict): string {
  const lines = [`${v.valid ? '有效 VALID' : '无效 INVALID'} (${v.code})：${v.message}`];
  if (v.counter)
    lines.push(
      `柜台 counter: 网点 ${v.counter.hallCode} ${v.counter.code} ${v.counter.name}（${v.counter.state}） ${v.counterId}`,
    );
  else if (v.counterId) lines.push(`柜台 counter: ${v.counterId}`);
  if (v.receiptNo !== null && v.amount !== null)
    lines.push(`收据号 receipt: ${v.receiptNo}  金额 amount: ${formatYuan(v.amount)} 元  (${v.saleId})`);
  return `${lines.join('\n')}\n`;
}

export async function receiptCommand(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      server: { type: 'string' },
      'public-key': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [sub, qr] = positionals;
  const token = process.env.GASDESK_ADMIN_TOKEN;
  const byServer = values.server !== undefined && values['public-key'] === undefined;
  const byKey = values['public-key'] !== undefined && values.server === undefined;
  if (sub !== 'verify' || !qr || positionals.length !== 2 || !(byServer || byKey) || (byServer && !token)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const verdict = byServer
    ? await askHeadOffice(values.server!, qr, token!)
    : verifyReceiptWithKey(qr, values['public-key']!);
  process.stdout.write(values.json ? `${JSON.stringify(verdict)}\n` : describe(verdict));
  return verdict.valid ? 0 : 1;
}
