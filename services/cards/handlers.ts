/** Handlers of the card operations. Runtime: Node. */
import { devicesReaderNames, devicesTestReader } from './test-reader';
import { AppError } from '../../core/errors';
import { accountCount, cardsOf, findCustomer, lastCountOnCard, owedCarriesOf, readingsOf } from '../../db';
import type { Handlers } from '../call';
import { devicesConfigureReader } from './attach';
import { cardsAddStock } from './card-stock';
import { metersWriteCarry } from './carry-retry';
import { cardsIssue } from './issue-card';
import { metersChange } from './meter-change';
import { cardsRead } from './read-card';
import { cardsReplace, cardsReportLost } from './replace-card';
import { cardsReverseSale } from './reverse-with-card';
import { cardsMakeToolCard, cardsToolKinds } from './tool-card';
import { cardsTopUp } from './top-up';
import { trainingHandlers } from './training';
import { cardsWriteSale } from './write-sale';

type CardOps =
  | 'cards.read'
  | 'cards.issue'
  | 'cards.list'
  | 'cards.reportLost'
  | 'cards.replace'
  | 'cards.writeSale'
  | 'cards.addStock'
  | 'cards.topUp'
  | 'cards.makeToolCard'
  | 'cards.toolKinds'
  | 'cards.reverseSale'
  | 'meters.change'
  | 'meters.writeCarry'
  | 'devices.status'
  | 'devices.configureReader'
  | 'devices.testReader'
  | 'devices.readerNames';

/** A card operation takes its turn at this counter's reader (CardStation.exclusive). */
function atTheReader<K extends CardOps>(handler: Handlers[K]): Handlers[K] {
  const h = handler as (input: unknown, call: Parameters<Handlers[K]>[1]) => unknown;
  return ((input: unknown, call: Parameters<Handlers[K]>[1]) => {
    const station = call.app.cardStation;
    return station ? station.exclusive(async () => h(input, call)) : h(input, call);
  }) as Handlers[K];
}

const cardsList: Handlers['cards.list'] = (input, { app }) => {
  if (!findCustomer(app.db, input.customerId)) throw new AppError('CUSTOMER_NOT_FOUND');
  const count = accountCount(app.gdb.sqlite, input.customerId);
  return {
    cards: cardsOf(app.gdb.sqlite, input.customerId).map((c) => ({
      cardNo: c.cardNo,
      status: c.status,
      issuedAt: c.issuedAt,
      // The active card carries the account's count; an old one shows the count it had reached.
      purchaseCount: c.status === 'active' ? count.lastCount : lastCountOnCard(app.gdb.sqlite, c.cardNo),
    })),
    readings: readingsOf(app.gdb.sqlite, input.customerId).map((r) => ({
      ...r,
      readAt: new Date(r.readAt * 1000).toISOString(),
    })),
    purchaseCount: count.lastCount,
    owedCarry: owedCarriesOf(app.gdb.sqlite, input.customerId).reduce((sum, w) => sum + w.volume, 0),
  };
};

const devicesStatus: Handlers['devices.status'] = (_input, { app }) => {
  const s = app.cardStation;
  return {
    reader: s
      ? {
          configured: true,
          status: s.connection.status,
          description: s.description,
          lastError: s.connection.lastError ?? null,
        }
      : { configured: false, status: 'disconnected' as const, description: '未设置读卡器', lastError: null },
    training: !!s?.world,
  };
};

export const cardHandlers: Pick<Handlers, CardOps | keyof typeof trainingHandlers> = {
  'cards.read': atTheReader<'cards.read'>(cardsRead),
  'cards.issue': atTheReader<'cards.issue'>(cardsIssue),
  'cards.list': cardsList,
  'cards.reportLost': cardsReportLost,
  'cards.replace': atTheReader<'cards.replace'>(cardsReplace),
  'cards.writeSale': atTheReader<'cards.writeSale'>(cardsWriteSale),
  'cards.addStock': cardsAddStock,
  'cards.topUp': atTheReader<'cards.topUp'>(cardsTopUp),
  'cards.makeToolCard': atTheReader<'cards.makeToolCard'>(cardsMakeToolCard),
  'cards.toolKinds': cardsToolKinds,
  'cards.reverseSale': atTheReader<'cards.reverseSale'>(cardsReverseSale),
  'meters.change': atTheReader<'meters.change'>(metersChange),
  'meters.writeCarry': atTheReader<'meters.writeCarry'>(metersWriteCarry),
  'devices.status': devicesStatus,
  'devices.configureReader': devicesConfigureReader,
  'devices.testReader': devicesTestReader,
  'devices.readerNames': devicesReaderNames,
  ...trainingHandlers,
};
