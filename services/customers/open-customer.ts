/**
 * 开户: one household's file (owner, address, class, contract, documents checked, meters), allocated an
 * account number unless one was given. Runtime: Node.
 */
import type { Customer, OpenCustomerInput } from '../../core/contract';
import { USER_CLASS_ZH } from '../../core/domain/customer';
import { AppError } from '../../core/errors';
import {
  accountNoTaken,
  insertCustomer,
  insertIdPhoto,
  insertMeter,
  maxAccountNo,
  meterNoTaken,
} from '../../db';
import { storeIdPhoto } from '../idcard/id-reader-station';
import type { App } from '../app';
import { recordInstallationOpen } from '../service-desk/installations';
import { type Handlers, operatorOf } from '../call';
import { loadCustomer, rowFromOpening } from './customer-rows';

/** Account numbers: hall code (4) + counter code (2) + sequence (6), so counters never collide. */
export function allocateAccountNo(app: App): string {
  const c = app.counter()!;
  const prefix = `${c.hallCode}${c.counterCode}`;
  const max = maxAccountNo(app.db, prefix, prefix.length + 6);
  const next = max ? Number(max.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(6, '0')}`;
}

export function openCustomer(app: App, operatorId: string, input: OpenCustomerInput): Customer {
  const id = app.newId();
  // The card's photo is kept only where the company enabled it (idcard.configure); otherwise nothing is written.
  if (input.idPhoto && !storeIdPhoto(app)) throw new AppError('IDCARD_PHOTO_NOT_ENABLED');
  app.transaction(() => {
    if (input.accountNo && accountNoTaken(app.db, input.accountNo))
      throw new AppError('DUPLICATE_ACCOUNT_NO', {
        issues: [{ path: ['accountNo'], code: 'DUPLICATE_ACCOUNT_NO', message: '该用户编号已存在' }],
      });
    input.meters.forEach((m, i) => {
      if (meterNoTaken(app.db, m.meterNo))
        throw new AppError('DUPLICATE_METER_NO', {
          issues: [
            {
              path: ['meters', i, 'meterNo'],
              code: 'DUPLICATE_METER_NO',
              message: `表号 ${m.meterNo} 已登记`,
            },
          ],
        });
    });
    const now = app.nowIso();
    const accountNo = input.accountNo ?? allocateAccountNo(app);
    const ledger = app.ledger();
    const hlc = app.tick();
    insertCustomer(app.db, rowFromOpening(input, { id, accountNo, now, hlc }));
    for (const m of input.meters) {
      insertMeter(app.db, {
        id: app.newId(),
        customerId: id,
        ...m,
        installedOn: m.installedOn ?? null,
        status: 'active',
        createdAt: now,
      });
    }
    if (input.idPhoto)
      insertIdPhoto(app.db, {
        customerId: id,
        photo: Buffer.from(input.idPhoto.slice(input.idPhoto.indexOf(',') + 1), 'base64'),
        mime: 'image/bmp',
        takenAt: now,
        operatorId,
      });
    const customer = loadCustomer(app, id);
    ledger.append({
      type: 'customer.opened',
      payload: customer,
      operatorId,
      hlc,
      audit: {
        action: 'customer.opened',
        summary: `开户：${customer.name}（${USER_CLASS_ZH[customer.userClass]}），用户编号 ${accountNo}，合同 ${customer.contract.no}${input.idPhoto ? '，已保存证件照片' : ''}`,
      },
    });
    if (input.installationId) recordInstallationOpen(app, operatorId, input.installationId, id, accountNo);
  });
  return loadCustomer(app, id);
}

export const customersOpen: Handlers['customers.open'] = (input, call) =>
  openCustomer(call.app, operatorOf(call).staffId, input);
