/**
 * 业务受理: every visit or call that is not a plain purchase becomes an acceptance record, with a readable
 * number, in one transaction with its ledger operation and audit entry. Runtime: Node.
 */
import type { Acceptance, OpParsedInput } from '../../core/contract';
import { CHANNEL_ZH } from '../../core/domain/service-desk';
import { AppError } from '../../core/errors';
import {
  type AcceptanceRow,
  findAcceptance,
  findSale,
  insertAcceptance,
  listAcceptances,
  takeNumber,
} from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { currentBusinessDate } from '../cash/business-date';
import { businessType } from './catalogue';
import { partyOf, readableNo, staffRef } from './party';

const refused = (path: string, code: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path: [path], code, message }] });

/** The fee payment an acceptance brings: a fee sale of this counter, of the same customer if it names one. */
export function linkedFee(app: App, saleId: string | undefined, customerId: string | null) {
  if (!saleId) return null;
  const sale = findSale(app.gdb.sqlite, saleId);
  if (!sale) throw refused('saleId', 'NOT_FOUND', '没有这笔收费记录');
  if (sale.kind !== 'fee') throw refused('saleId', 'NOT_A_FEE', '只能关联收费项目的收费（不是购气或冲正）');
  if (customerId && sale.customerId && sale.customerId !== customerId)
    throw refused('saleId', 'OTHER_CUSTOMER', '这笔收费不是该用户的');
  return sale;
}

export function toAcceptance(app: App, r: AcceptanceRow): Acceptance {
  const sale = r.saleId ? findSale(app.gdb.sqlite, r.saleId) : undefined;
  return {
    id: r.id,
    no: r.no,
    type: { code: r.typeCode, name: r.typeName },
    channel: r.channel,
    party: {
      customerId: r.customerId,
      accountNo: r.accountNo,
      name: r.name,
      phone: r.phone,
      address: r.address,
    },
    asked: r.asked,
    answered: r.answered,
    documents: JSON.parse(r.documents) as string[],
    nextStep: r.nextStep,
    prepare: r.prepare,
    sale: sale ? { id: sale.id, receiptNo: sale.receiptNo, amount: sale.amount } : null,
    operator: staffRef(app, r.operatorId),
    createdAt: r.createdAt,
    businessDate: r.businessDate,
  };
}

export function loadAcceptance(app: App, id: string): Acceptance {
  const r = findAcceptance(app.db, id);
  if (!r) throw new AppError('NOT_FOUND', { detail: 'acceptance' });
  return toAcceptance(app, r);
}

export function createAcceptance(
  app: App,
  operatorId: string,
  input: OpParsedInput<'acceptances.create'>,
): Acceptance {
  const id = app.newId();
  app.transaction(() => {
    const type = businessType(app, input.typeCode);
    if (!type) throw refused('typeCode', 'NOT_FOUND', '没有这个业务类型');
    if (!type.active) throw refused('typeCode', 'TYPE_INACTIVE', `业务类型「${type.name}」已停办`);
    const party = partyOf(app, input);
    const sale = linkedFee(app, input.saleId, party.customerId);
    const row: AcceptanceRow = {
      id,
      no: readableNo(app, type.code, takeNumber(app.gdb.sqlite, 'acceptance')),
      typeCode: type.code,
      typeName: type.name,
      channel: input.channel,
      ...party,
      asked: input.asked,
      answered: input.answered,
      documents: JSON.stringify(input.documents),
      nextStep: input.nextStep,
      prepare: type.prepare,
      saleId: sale?.id ?? null,
      operatorId,
      businessDate: currentBusinessDate(app),
      createdAt: app.nowIso(),
    };
    insertAcceptance(app.db, row);
    const { operatorId: _o, createdAt: _c, documents: _d, ...rest } = row;
    app.ledger().append({
      type: 'acceptance.recorded',
      payload: { ...rest, documents: input.documents },
      operatorId,
      audit: {
        action: 'acceptance.recorded',
        summary: `业务受理 ${row.no}：${type.name}（${CHANNEL_ZH[input.channel]}），${party.name}${
          party.accountNo ? `（${party.accountNo}）` : ''
        }`,
      },
    });
  });
  return loadAcceptance(app, id);
}

export const acceptancesCreate: Handlers['acceptances.create'] = (input, call) =>
  createAcceptance(call.app, operatorOf(call).staffId, input);

export const acceptancesGet: Handlers['acceptances.get'] = (input, { app }) => loadAcceptance(app, input.id);

export const acceptancesList: Handlers['acceptances.list'] = (input, { app }) => ({
  items: listAcceptances(app.db, input).map((r) => toAcceptance(app, r)),
});
