/** 读身份证, and the ID reader's settings and 测试 (core/contract/idcard.ts). Runtime: Node. */
import { dayIn } from '../../core/business-day';
import { cardProblemText, checkCard } from '../../core/idcard/resident-card';
import { AppError } from '../../core/errors';
import { putSetting } from '../../db';
import { type Handlers, operatorOf } from '../call';
import { idReader, idReaderSpec, releaseIdReader, storeIdPhoto, withIdReader } from './id-reader-station';

export const idcardRead: Handlers['idcard.read'] = async (_input, { app }) => {
  const read = await withIdReader(app, (r) => r.read());
  const today = dayIn(app.timeZone(), app.clock.nowMs()).replaceAll('-', '');
  const checked = checkCard(read.text, today);
  if (!checked.ok) throw new AppError('IDCARD_DATA_INVALID', { detail: cardProblemText(checked.problems) });
  return {
    ...checked.card,
    photo: read.photo ? `data:image/bmp;base64,${Buffer.from(read.photo).toString('base64')}` : null,
    storePhoto: storeIdPhoto(app),
  };
};

export const idcardStatus: Handlers['idcard.status'] = (_input, { app }) => {
  const reader = idReader(app);
  return {
    spec: idReaderSpec(app),
    storePhoto: storeIdPhoto(app),
    state: reader ? reader.state : 'none',
    description: reader ? reader.description : '未设置',
  };
};

export const idcardConfigure: Handlers['idcard.configure'] = async (input, call) => {
  const { app } = call;
  app.transaction(() => {
    if (input.spec) putSetting(app.db, 'idcardReader', input.spec);
    else app.gdb.sqlite.prepare("DELETE FROM settings WHERE key = 'idcardReader'").run();
    putSetting(app.db, 'idcardStorePhoto', input.storePhoto ? '1' : '0');
    app.ledger().append({
      type: 'settings.idcardReader',
      payload: input,
      operatorId: operatorOf(call).staffId,
      audit: {
        action: 'settings.idcardReader',
        summary: `${input.spec ? `设置身份证阅读器：${input.spec}` : '停用身份证阅读器'}；证件照片${input.storePhoto ? '保存' : '不保存'}`,
      },
    });
  });
  await releaseIdReader(app);
  return { spec: input.spec, storePhoto: input.storePhoto };
};

export const idcardTest: Handlers['idcard.test'] = (_input, { app }) =>
  withIdReader(app, async (r) => ({ description: r.description, ...(await r.open()) }));

export const idCardHandlers: Pick<
  Handlers,
  'idcard.read' | 'idcard.status' | 'idcard.configure' | 'idcard.test'
> = {
  'idcard.read': idcardRead,
  'idcard.status': idcardStatus,
  'idcard.configure': idcardConfigure,
  'idcard.test': idcardTest,
};
