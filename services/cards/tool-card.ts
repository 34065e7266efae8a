/**
 * 制作工具卡 (班长): the blank card in the reader becomes a 设置卡, 清零卡, 检查卡 or 换表卡 through the card
 * format of the reader (the reference format, or a meter maker's `maker:` library), and is recorded with its
 * number, kind, maker and time, its audit entry and its outbox op (`card.toolMade`) in one transaction. As
 * 发卡 (issue-card.ts): the card is opened with its batch's transport PSC (a refusal marks the batch), and a
 * make cut at any point is finished from what the card holds — a card holding a tool card of the kind asked
 * for, in this hall's region, whose number is not recorded yet, is that cut make. Runtime: Node.
 */
import { type ToolCardKind, TOOL_CARD_NAMES } from '../../core/card/maker-errors';
import { AppError } from '../../core/errors';
import { ownFormatOf } from '../../drivers/card-formats/maker/maker-format';
import { referenceFormat } from '../../drivers/card-formats/reference-format';
import { insertToolCard, toolCardByNo } from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { currentStock, writeFromStock } from './card-stock';
import { stationOf } from './customer-card';
import { FOREIGN_WHY, type Identity, identify } from './identify';
import { nextCardNo } from './issue-card';

const KIND_NAMES: Record<string, string> = { user: '用户卡', ...TOOL_CARD_NAMES };

/** Why the card in the reader cannot be made into this tool card, or null when it can (blank, or a cut make). */
function notBlank(app: App, who: Identity, kind: ToolCardKind): AppError | null {
  if (who.is === 'blank') return null;
  if (who.is === 'damaged') return new AppError('CARD_DAMAGED');
  if (who.is === 'foreign') return new AppError('CARD_FOREIGN', { detail: FOREIGN_WHY[who.why] });
  const h = who.record.header;
  const made = h.kind !== 'user' ? toolCardByNo(app.gdb.sqlite, h.cardNo) : undefined;
  if (who.is === 'unknown' && h.kind === kind && !made) return null;
  return new AppError('CARD_NOT_BLANK', {
    detail: made
      ? `这是本营业厅已制作的${KIND_NAMES[h.kind]}（卡号 ${h.cardNo}，${made.madeAt.slice(0, 10)} 登记）`
      : `这是一张${KIND_NAMES[h.kind]}（卡号 ${h.cardNo}）`,
  });
}

export async function makeToolCard(app: App, operatorId: string, kind: ToolCardKind) {
  const station = stationOf(app);
  const got = await station.readCard();
  if (!got) throw new AppError('NO_CARD');
  if (!got.format.toolKinds(got.reader).includes(kind))
    throw new AppError('CARD_TOOL_UNSUPPORTED', {
      detail: `${got.format.name} 不能制作${TOOL_CARD_NAMES[kind]}（${kind}）`,
    });
  const who = identify(app, got.record, station.region);
  const refused = notBlank(app, who, kind);
  if (refused) throw refused;
  if (got.triesLeft === 0) throw new AppError('CARD_LOCKED');
  const cut = who.is === 'unknown' ? who.record : null;
  // Only a card still on its transport PSC needs the batch's; a cut make that may carry its own is tried with that.
  const fromStock = !cut || cut.issue === 'header';
  const stock = cut?.issue !== 'done' ? currentStock(app) : null;
  const cardNo = cut ? cut.header.cardNo : app.transaction(() => nextCardNo(app, station.region));
  await writeFromStock(app, operatorId, stock, fromStock, () =>
    got.format.makeToolCard(got.reader, kind, cardNo, station.region, station.keys, {
      image: got.image,
      transportPsc: stock?.psc,
    }),
  );
  const madeAt = app.nowIso();
  const formatId = got.format.id;
  app.transaction(() => {
    if (toolCardByNo(app.gdb.sqlite, cardNo))
      throw new AppError('CARD_NOT_BLANK', { detail: `卡号 ${cardNo} 已登记` });
    insertToolCard(app.gdb.sqlite, {
      id: app.newId(),
      cardNo,
      kind,
      formatId,
      region: station.region,
      madeBy: operatorId,
      madeAt,
    });
    app.ledger().append({
      type: 'card.toolMade',
      payload: { cardNo, kind, formatId, region: station.region },
      operatorId,
      audit: {
        action: 'card.toolMade',
        summary: `制作${TOOL_CARD_NAMES[kind]}：卡号 ${cardNo}（${got.format.name}）`,
      },
    });
  });
  return { cardNo, kind, formatId, madeAt };
}

export const cardsMakeToolCard: Handlers['cards.makeToolCard'] = (input, call) =>
  makeToolCard(call.app, operatorOf(call).staffId, input.kind);

/**
 * The kinds the reader's format can make (a `maker:` reader's manifest names them; the reference format makes all
 * four), for the 班长's dialog: no card is read or touched. makeToolCard still checks against the card's format.
 */
export const cardsToolKinds: Handlers['cards.toolKinds'] = async (_input, call) => {
  const reader = await stationOf(call.app).reader();
  const format = ownFormatOf(reader) ?? referenceFormat;
  return { kinds: [...format.toolKinds(reader)], format: format.name };
};
